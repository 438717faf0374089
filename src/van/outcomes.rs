//! What happened to a permit at a stop or at the counter: handed to the holder, to a proxy with a letter of
//! authority (*surat kuasa*), or not delivered with a reason. The recipient's NIK is checked every time;
//! these are the only ways a case becomes delivered, picked up or goes back to the pool.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::trips::{require_crew, require_open};
use crate::actor::{Actor, Role};
use crate::audit::{self, Change};
use crate::cases::{self, CaseId, Move, Status};
use crate::db::{Db, Tx};
use crate::people::applicants;
use crate::store::deliveries::{self, DeliveryOutcome, FailReason, Handed};
use crate::store::trips::{TripId, TripStatus};
use crate::{identity, office, text, Error, Result};

/// Who took the permit.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Recipient {
    /// The holder in person; the NIK shown must be the holder's.
    Holder { nik: String },
    /// Someone with a letter of authority from the holder.
    Proxy {
        name: String,
        nik: String,
        relation: String,
        authority_letter: String,
    },
}

/// The outcome recorded for one permit at a stop.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum Outcome {
    Delivered {
        recipient: Recipient,
    },
    NotDelivered {
        reason: FailReason,
        #[serde(default)]
        note: Option<String>,
    },
}

struct Checked {
    outcome: DeliveryOutcome,
    name: String,
    nik: String,
    relation: Option<String>,
    letter: Option<String>,
}

fn check_recipient(db: &Db, case: CaseId, r: &Recipient, today: NaiveDate) -> Result<Checked> {
    let c = cases::get(db, case)?;
    let holder = applicants::get(db, c.applicant_id)?;
    match r {
        Recipient::Holder { nik } => {
            let nik: String = nik.chars().filter(|c| !c.is_whitespace()).collect();
            if nik != holder.nik {
                return Err(Error::invalid(
                    "nik",
                    "the NIK shown does not match the permit holder's: hand the permit to the holder, or record a proxy with a letter of authority",
                ));
            }
            Ok(Checked {
                outcome: DeliveryOutcome::Holder,
                name: holder.name,
                nik,
                relation: None,
                letter: None,
            })
        }
        Recipient::Proxy {
            name,
            nik,
            relation,
            authority_letter,
        } => {
            let name = text::person_name("recipient_name", name)?;
            let info = identity::check_nik(db, nik, today).map_err(|e| match e {
                Error::Invalid { message, .. } => Error::invalid(
                    "recipient_nik",
                    format!("the proxy's NIK is not valid: {message}"),
                ),
                other => other,
            })?;
            if info.parts.nik == holder.nik {
                return Err(Error::invalid(
                    "recipient_nik",
                    "this is the holder's own NIK: record a delivery to the holder",
                ));
            }
            Ok(Checked {
                outcome: DeliveryOutcome::Proxy,
                name,
                nik: info.parts.nik,
                relation: Some(text::line("relation", relation, 60)?),
                letter: Some(text::line("authority_letter", authority_letter, 80)?),
            })
        }
    }
}

fn store_handover(
    tx: &Tx,
    delivery: i64,
    actor: &Actor,
    now: DateTime<Utc>,
    c: &Checked,
) -> Result<()> {
    deliveries::set_handed(
        tx,
        delivery,
        &Handed {
            outcome: c.outcome,
            name: &c.name,
            nik: &c.nik,
            relation: c.relation.as_deref(),
            letter: c.letter.as_deref(),
        },
        actor.id,
        now,
    )
}

fn handed_event(
    tx: &Tx,
    actor: &Actor,
    now: DateTime<Utc>,
    case: CaseId,
    c: &Checked,
) -> Result<()> {
    let detail = match (&c.relation, &c.letter) {
        (Some(rel), Some(letter)) => format!("to proxy {} ({rel}), surat kuasa {letter}", c.name),
        _ => format!("to the holder {}", c.name),
    };
    audit::case_event(
        tx,
        case,
        actor,
        now,
        Change::note("handed_over", Some(&detail)),
    )
}

/// Records what happened to a permit on a trip that is out (a courier of its crew). A delivery moves the
/// case to `delivered`; a failure moves it back to `issued` with the reason, into the pool.
pub fn record_outcome(
    db: &mut Db,
    actor: &Actor,
    now: DateTime<Utc>,
    trip: TripId,
    case: CaseId,
    outcome: &Outcome,
) -> Result<Status> {
    let today = office::today(db, now)?;
    db.write(|tx| record_outcome_tx(tx, actor, now, today, trip, case, outcome))
}

/// [`record_outcome`] inside the caller's transaction (a van's check-in replays it).
pub(crate) fn record_outcome_tx(
    tx: &Tx,
    actor: &Actor,
    now: DateTime<Utc>,
    today: NaiveDate,
    trip: TripId,
    case: CaseId,
    outcome: &Outcome,
) -> Result<Status> {
    {
        actor.require(&[Role::Courier], "record deliveries")?;
        if require_open(tx, trip)? != TripStatus::Out {
            return Err(Error::Transition(format!(
                "trip {trip} has not left yet: start it before recording deliveries"
            )));
        }
        require_crew(tx, actor, trip)?;
        let delivery = deliveries::open_on_trip(tx, trip, case)?.ok_or_else(|| {
            Error::invalid(
                "case",
                format!("case {case} is not waiting for delivery on trip {trip}"),
            )
        })?;
        audit::outbox::record(
            tx,
            actor,
            now,
            "outcome",
            &serde_json::json!({ "trip": trip, "case": case, "outcome": outcome }),
        )?;
        match outcome {
            Outcome::Delivered { recipient } => {
                let c = check_recipient(tx, case, recipient, today)?;
                let to = cases::step_tx(
                    tx,
                    actor,
                    now,
                    today,
                    case,
                    &Move {
                        to: Status::Delivered,
                        reason: None,
                    },
                )?;
                store_handover(tx, delivery, actor, now, &c)?;
                handed_event(tx, actor, now, case, &c)?;
                Ok(to)
            }
            Outcome::NotDelivered { reason, note } => {
                let note = text::optional_line("note", note.as_deref(), text::MAX_TEXT)?;
                let why = match &note {
                    Some(n) => format!("{} ({n})", reason.label()),
                    None => reason.label().to_string(),
                };
                let to = cases::step_tx(
                    tx,
                    actor,
                    now,
                    today,
                    case,
                    &Move {
                        to: Status::Issued,
                        reason: Some(why),
                    },
                )?;
                deliveries::set_not_delivered(
                    tx,
                    delivery,
                    *reason,
                    note.as_deref(),
                    actor.id,
                    now,
                )?;
                Ok(to)
            }
        }
    }
}

/// The holder (or a proxy) collects an issued permit at the counter (clerk): recorded like a delivery.
pub fn collect_at_counter(
    db: &mut Db,
    actor: &Actor,
    now: DateTime<Utc>,
    case: CaseId,
    recipient: &Recipient,
) -> Result<Status> {
    actor.require(&[Role::Clerk], "hand over permits at the counter")?;
    let today = office::today(db, now)?;
    db.write(|tx| {
        if let Some((_, Some(trip))) = deliveries::open_of_case(tx, case)? {
            if crate::store::van_offline::open_checkout(tx, None, Some(trip))?.is_some() {
                return Err(Error::Conflict(format!(
                    "the permit of case {case} is with the van (trip {trip} is checked out to a laptop): \
                     recall it from the van first, then hand it over"
                )));
            }
            return Err(Error::Conflict(format!(
                "case {case} is on trip {trip}: take it off the trip first"
            )));
        }
        let c = check_recipient(tx, case, recipient, today)?;
        let to = cases::step_tx(tx, actor, now, today, case, &Move { to: Status::PickedUp, reason: None })?;
        let delivery = deliveries::insert_counter(tx, case, actor.id, now)?;
        store_handover(tx, delivery, actor, now, &c)?;
        handed_event(tx, actor, now, case, &c)?;
        Ok(to)
    })
}
