//! Replaying one field action into the office register, by the written rules of docs/van.md: the van's
//! clock within a day of the trip, a delivery only while the permit is still on that trip, a registration
//! never dropped (a refusal becomes a conflict, with what depends on it), the office's applicant data
//! winning over the van's (the difference kept for review), and the same NIK from two vans on one day
//! flagged as a possible duplicate.

use chrono::{DateTime, Utc};
use serde::Deserialize;

use crate::actor::Actor;
use crate::audit::{self, Change};
use crate::cases::{self, CaseId, NewCase};
use crate::db::Tx;
use crate::store::pickups::{PickupId, PickupOutcome};
use crate::store::trips::{self as trips, TripId};
use crate::store::van_offline::{self as store, NewConflict, OutboxRow};
use crate::van::survey::{self, Answers};
use crate::van::{custody, outcomes, pickups, FieldIntake, Outcome};
use crate::{office, people, Error, Result};

#[derive(Deserialize)]
struct Register {
    input: NewCase,
    van_number: String,
}

#[derive(Deserialize)]
struct OutcomeAction {
    trip: TripId,
    case: CaseId,
    outcome: Outcome,
}

#[derive(Deserialize)]
struct IntakeAction {
    trip: TripId,
    van_number: String,
    bag_seal: String,
    originals: Vec<u32>,
}

#[derive(Deserialize)]
struct SurveyAction {
    case: CaseId,
    answers: Answers,
}

#[derive(Deserialize)]
struct PickupAction {
    pickup: PickupId,
    outcome: PickupOutcome,
    note: Option<String>,
}

/// How replaying one action ended.
pub(super) enum Applied {
    /// It took effect (on this case, when it names one).
    Done(Option<CaseId>),
    /// A rule could not decide: a conflict for a person, filed with this kind and reason.
    Conflict {
        kind: &'static str,
        reason: String,
        case: Option<CaseId>,
    },
}

fn parse<T: serde::de::DeserializeOwned>(row: &OutboxRow) -> Result<T> {
    serde_json::from_str(&row.payload).map_err(|e| {
        Error::Corrupt(format!(
            "action {} ({}) cannot be read: {e}",
            row.seq, row.kind
        ))
    })
}

/// What a rule may overlook when a person says so in the review.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Overrides {
    pub clock: bool,
}

/// Replays one action; `actor` is the crew member who did it on the van (`row.at` is the van's clock).
pub(super) fn apply(
    tx: &Tx,
    checkout: &store::Checkout,
    row: &OutboxRow,
    crew: &Actor,
    checked_in_by: &Actor,
    now: DateTime<Utc>,
    over: Overrides,
) -> Result<Applied> {
    let at: DateTime<Utc> = row.at;
    let day = office::today(tx, at)?;
    if !over.clock {
        let trip = trips::get(tx, checkout.trip_id)?
            .ok_or_else(|| Error::not_found("trip", checkout.trip_id))?;
        if (day - trip.date).num_days().abs() > 1 {
            return Ok(Applied::Conflict {
                kind: "clock",
                reason: format!(
                    "the van's clock says {day}, more than a day from the trip's date {}",
                    trip.date
                ),
                case: None,
            });
        }
    }
    let done = match row.kind.as_str() {
        "register" => {
            let a: Register = parse(row)?;
            let mut input = a.input;
            input.submission_id = None;
            input.channel = crate::cases::Channel::Van;
            let reg = match tx.savepoint(|sp| cases::register_tx(sp, crew, at, day, &input)) {
                Ok(r) => r,
                Err(e) => {
                    return Ok(Applied::Conflict {
                        kind: "refused",
                        reason: format!("the office refuses the registration {}: {e}", a.van_number),
                        case: None,
                    })
                }
            };
            store::set_van_number(tx, reg.id, &a.van_number)?;
            let applicant = people::applicants::get(tx, cases::get(tx, reg.id)?.applicant_id)?;
            let others = store::same_applicant_other_vans(tx, &applicant.nik, day, &checkout.id)?;
            store::note_applicant(tx, &applicant.nik, day, &checkout.id, reg.id)?;
            note(tx, reg.id, row, checkout, checked_in_by, now, &format!("registered in the van as {}", a.van_number))?;
            if !reg.differences.is_empty() {
                let what: Vec<String> = reg.differences.iter().map(|d| d.to_string()).collect();
                return Ok(Applied::Conflict {
                    kind: "applicant_differs",
                    reason: format!(
                        "the register's data of NIK {} was kept; the van typed: {}",
                        applicant.nik,
                        what.join("; ")
                    ),
                    case: Some(reg.id),
                });
            }
            if !others.is_empty() {
                let ids: Vec<String> = others.iter().map(|c| c.to_string()).collect();
                return Ok(Applied::Conflict {
                    kind: "possible_duplicate",
                    reason: format!(
                        "NIK {} was also registered by another van on {day} (case {}): one applicant, both cases kept",
                        applicant.nik,
                        ids.join(", ")
                    ),
                    case: Some(reg.id),
                });
            }
            Some(reg.id)
        }
        "outcome" => {
            let a: OutcomeAction = parse(row)?;
            // A permit revoked at the office meanwhile is not handed over in its name (docs/van.md): the
            // handover is reviewed like one of a permit taken off the trip. A failure is recorded: the
            // paper comes back either way.
            let on_trip = crate::store::deliveries::open_on_trip(tx, a.trip, a.case)?.is_some();
            let revoked = on_trip
                && matches!(a.outcome, Outcome::Delivered { .. })
                && match cases::get(tx, a.case)?.permit_number {
                    Some(n) => crate::store::keys::revocation(tx, &n)?.is_some(),
                    None => false,
                };
            if !on_trip || revoked {
                return Ok(Applied::Conflict {
                    kind: "not_on_trip",
                    reason: format!(
                        "the permit of case {} is no longer on trip {} at the office (recalled, revoked or moved)",
                        a.case, a.trip
                    ),
                    case: Some(a.case),
                });
            }
            match tx.savepoint(|sp| outcomes::record_outcome_tx(sp, crew, at, day, a.trip, a.case, &a.outcome)) {
                Ok(_) => Some(a.case),
                Err(e) => return Ok(refused(e, Some(a.case))),
            }
        }
        "intake" => {
            let a: IntakeAction = parse(row)?;
            let Some(case) = store::case_of_van_number(tx, &a.van_number)? else {
                return Ok(Applied::Conflict {
                    kind: "depends",
                    reason: format!(
                        "the bag {} holds the originals of {}, whose registration is not in the register",
                        a.bag_seal, a.van_number
                    ),
                    case: None,
                });
            };
            let f = FieldIntake {
                case_id: case,
                bag_seal: a.bag_seal,
                originals: a.originals,
            };
            match tx.savepoint(|sp| custody::record_field_intake_tx(sp, crew, at, a.trip, &f)) {
                Ok(()) => Some(case),
                Err(e) => return Ok(refused(e, Some(case))),
            }
        }
        "survey" => {
            let a: SurveyAction = parse(row)?;
            match tx.savepoint(|sp| survey::record_tx(sp, crew, at, day, a.case, &a.answers)) {
                Ok(()) => Some(a.case),
                Err(e) => return Ok(refused(e, Some(a.case))),
            }
        }
        "pickup" => {
            let a: PickupAction = parse(row)?;
            match tx.savepoint(|sp| pickups::close_pickup_tx(sp, crew, at, a.pickup, a.outcome, a.note.as_deref())) {
                Ok(()) => None,
                Err(e) => return Ok(refused(e, None)),
            }
        }
        other => {
            return Err(Error::Corrupt(format!(
                "action {} is of a kind this office does not know ({other}): check in with a Petromaks of the same version",
                row.seq
            )))
        }
    };
    if let (Some(case), false) = (done, row.kind == "register") {
        note(
            tx,
            case,
            row,
            checkout,
            checked_in_by,
            now,
            &format!("{} in the van", row.kind),
        )?;
    }
    Ok(Applied::Done(done))
}

fn refused(e: Error, case: Option<CaseId>) -> Applied {
    Applied::Conflict {
        kind: "refused",
        reason: format!("the office refuses it: {e}"),
        case,
    }
}

/// The case's timeline says who did it on the van and when, and who checked it in.
fn note(
    tx: &Tx,
    case: CaseId,
    row: &OutboxRow,
    checkout: &store::Checkout,
    by: &Actor,
    now: DateTime<Utc>,
    what: &str,
) -> Result<()> {
    let detail = format!(
        "{what}: {} #{} by {} at {}; checked in by {}",
        checkout.van,
        row.seq,
        row.actor,
        crate::time::stamp(row.at),
        by.username
    );
    audit::case_event(
        tx,
        case,
        by,
        now,
        Change::note("van.checkin", Some(&detail)),
    )
}

/// Files a conflict for review.
pub(super) fn file_conflict(
    tx: &Tx,
    checkout: &store::Checkout,
    row: &OutboxRow,
    kind: &str,
    reason: &str,
    case: Option<CaseId>,
) -> Result<i64> {
    store::insert_conflict(
        tx,
        &NewConflict {
            checkout_id: &checkout.id,
            action_id: &row.action_id,
            seq: row.seq,
            action: &row.kind,
            kind,
            reason,
            payload: &row.payload,
            van_actor: &row.actor,
            van_at: row.at,
            case_id: case,
        },
    )
}

/// The crew member an action names, as the office knows them.
pub(super) fn crew(tx: &Tx, row: &OutboxRow) -> Result<Actor> {
    crate::store::users::get(tx, row.actor_id)?
        .filter(|u| u.username == row.actor)
        .map(|u| u.actor())
        .ok_or_else(|| {
            Error::Corrupt(format!(
                "action {} names {} ({}), who is not that account at this office",
                row.seq, row.actor, row.actor_id
            ))
        })
}
