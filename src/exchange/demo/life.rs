//! The life of one demo case in a register of many years: where it is heading (most permits are handed
//! over, a few are rejected, withdrawn, abandoned at the counter or never collected), the steps on the way
//! and when each happens. Cut at `now`, the steps give the status it has today, so old cases are closed
//! and the last weeks' cases stand at every step, as in a real office.

use chrono::{DateTime, Duration, Utc};

use super::Rng;
use crate::cases::Status;

/// Where a case is heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Delivered,
    PickedUp,
    Rejected,
    Withdrawn,
    /// Returned to the applicant, who never came back.
    Abandoned,
    /// Issued, never collected.
    Uncollected,
}

impl Outcome {
    /// Out of a hundred applications (a regency office's usual share).
    fn pick(rng: &mut Rng) -> Outcome {
        match rng.below(100) {
            0..=40 => Outcome::Delivered,
            41..=84 => Outcome::PickedUp,
            85..=90 => Outcome::Rejected,
            91..=97 => Outcome::Withdrawn,
            98 => Outcome::Abandoned,
            _ => Outcome::Uncollected,
        }
    }
}

/// One step of a case and when it happens.
#[derive(Debug, Clone, Copy)]
pub(super) struct Step {
    pub to: Status,
    pub at: DateTime<Utc>,
}

/// A case's life: the steps taken by `now` on the way to its outcome (the last one is its status).
pub(super) struct Life {
    pub steps: Vec<Step>,
}

impl Life {
    /// The status the case has now.
    pub fn status(&self) -> Status {
        self.steps.last().map(|s| s.to).unwrap_or(Status::Received)
    }

    /// When the case reached `status`, if it did.
    pub fn reached(&self, status: Status) -> Option<DateTime<Utc>> {
        self.steps.iter().find(|s| s.to == status).map(|s| s.at)
    }

    /// When the case last changed.
    pub fn last_change(&self, registered: DateTime<Utc>) -> DateTime<Utc> {
        self.steps.last().map(|s| s.at).unwrap_or(registered)
    }
}

/// Some days and minutes later, in office hours give or take.
fn later(rng: &mut Rng, at: DateTime<Utc>, days: std::ops::RangeInclusive<i64>) -> DateTime<Utc> {
    let span = (days.end() - days.start() + 1) as usize;
    at + Duration::days(days.start() + rng.below(span) as i64)
        + Duration::minutes(rng.below(180) as i64)
}

/// The life of a case registered at `registered`, cut at `now`.
pub(super) fn live(rng: &mut Rng, registered: DateTime<Utc>, now: DateTime<Utc>) -> Life {
    use Status::*;
    let outcome = Outcome::pick(rng);
    let mut plan: Vec<Step> = Vec::new();
    let step = |plan: &mut Vec<Step>, to: Status, at: DateTime<Utc>| {
        plan.push(Step { to, at });
        at
    };
    match outcome {
        Outcome::Abandoned => {
            step(&mut plan, Returned, later(rng, registered, 0..=2));
        }
        Outcome::Withdrawn => {
            step(&mut plan, Withdrawn, later(rng, registered, 1..=10));
        }
        _ => {
            let mut at = step(&mut plan, Verified, later(rng, registered, 0..=3));
            if rng.below(5) == 0 {
                at = step(&mut plan, InReview, later(rng, at, 1..=3));
            }
            if outcome == Outcome::Rejected {
                step(&mut plan, Rejected, later(rng, at, 2..=8));
            } else {
                at = step(&mut plan, Approved, later(rng, at, 2..=8));
                at = step(&mut plan, Issued, later(rng, at, 0..=2));
                match outcome {
                    Outcome::Delivered => {
                        // The van leaves in the morning and hands the permit over the same day.
                        let out = step(&mut plan, OutForDelivery, later(rng, at, 1..=7));
                        step(
                            &mut plan,
                            Delivered,
                            out + Duration::minutes(30 + rng.below(120) as i64),
                        );
                    }
                    Outcome::PickedUp => {
                        step(&mut plan, PickedUp, later(rng, at, 1..=20));
                    }
                    _ => {}
                }
            }
        }
    }
    plan.retain(|s| s.at <= now);
    Life { steps: plan }
}
