//! What happened to a permit at a stop or at the counter: handed to the holder, to a proxy with a letter of
//! authority (*surat kuasa*), or not delivered with a reason. The recipient's NIK is checked every time.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};

use super::trips::{require_crew, require_open};
use super::{FailReason, TripId, TripStatus};
use crate::audit::{self, Change};
use crate::cases::{self, office_today, CaseId, Move, Status};
use crate::users::{Actor, Role};
use crate::{db, identity, text, time, Error, Result};

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
    kind: &'static str,
    name: String,
    nik: String,
    relation: Option<String>,
    letter: Option<String>,
}

fn check_recipient(
    tx: &Connection,
    case: CaseId,
    r: &Recipient,
    today: NaiveDate,
) -> Result<Checked> {
    let (holder, holder_nik): (String, String) = tx.query_row(
        "SELECT a.name, a.nik FROM cases c JOIN applicants a ON a.id = c.applicant_id WHERE c.id = ?1",
        [case.0],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )?;
    match r {
        Recipient::Holder { nik } => {
            let nik: String = nik.chars().filter(|c| !c.is_whitespace()).collect();
            if nik != holder_nik {
                return Err(Error::invalid(
                    "nik",
                    "the NIK shown does not match the permit holder's: hand the permit to the holder, or record a proxy with a letter of authority",
                ));
            }
            Ok(Checked {
                kind: "holder",
                name: holder,
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
            let info = identity::check_nik(tx, nik, today).map_err(|e| match e {
                Error::Invalid { message, .. } => Error::invalid(
                    "recipient_nik",
                    format!("the proxy's NIK is not valid: {message}"),
                ),
                other => other,
            })?;
            if info.parts.nik == holder_nik {
                return Err(Error::invalid(
                    "recipient_nik",
                    "this is the holder's own NIK: record a delivery to the holder",
                ));
            }
            let relation = text::line("relation", relation, 60)?;
            let letter = text::line("authority_letter", authority_letter, 80)?;
            Ok(Checked {
                kind: "proxy",
                name,
                nik: info.parts.nik,
                relation: Some(relation),
                letter: Some(letter),
            })
        }
    }
}

/// Records what happened to a permit on a trip that is out (a courier of its crew). A delivery moves the
/// case to `delivered`; a failure moves it back to `issued` with the reason, into the pool.
pub fn record_outcome(
    conn: &mut Connection,
    actor: &Actor,
    now: DateTime<Utc>,
    trip: TripId,
    case: CaseId,
    outcome: &Outcome,
) -> Result<Status> {
    actor.require(&[Role::Courier], "record deliveries")?;
    let today = office_today(conn, now)?;
    let tx = db::write_tx(conn)?;
    if require_open(&tx, trip)? != TripStatus::Out {
        return Err(Error::Transition(format!(
            "trip {} has not left yet: start it before recording deliveries",
            trip.0
        )));
    }
    require_crew(&tx, actor, trip)?;
    let delivery: i64 = tx
        .query_row(
            "SELECT id FROM deliveries WHERE trip_id = ?1 AND case_id = ?2 AND outcome IS NULL",
            params![trip.0, case.0],
            |r| r.get(0),
        )
        .optional()?
        .ok_or_else(|| {
            Error::invalid(
                "case",
                format!(
                    "case {} is not waiting for delivery on trip {}",
                    case.0, trip.0
                ),
            )
        })?;
    let to = match outcome {
        Outcome::Delivered { recipient } => {
            let c = check_recipient(&tx, case, recipient, today)?;
            let to = cases::move_case_tx(
                &tx,
                actor,
                now,
                today,
                case,
                &Move {
                    to: Status::Delivered,
                    reason: None,
                },
            )?;
            store(&tx, delivery, actor, now, &c)?;
            handed_event(&tx, actor, now, case, &c)?;
            to
        }
        Outcome::NotDelivered { reason, note } => {
            let note = text::optional_line("note", note.as_deref(), text::MAX_TEXT)?;
            let why = match &note {
                Some(n) => format!("{} ({n})", reason.label()),
                None => reason.label().to_string(),
            };
            let to = cases::move_case_tx(
                &tx,
                actor,
                now,
                today,
                case,
                &Move {
                    to: Status::Issued,
                    reason: Some(why),
                },
            )?;
            tx.execute(
                "UPDATE deliveries SET outcome = 'not_delivered', fail_reason = ?2, note = ?3, recorded_at = ?4, recorded_by = ?5 WHERE id = ?1",
                params![delivery, reason, note, time::stamp(now), actor.id.0],
            )?;
            to
        }
    };
    tx.commit()?;
    Ok(to)
}

/// The holder (or a proxy) collects an issued permit at the counter (clerk): recorded like a delivery.
pub fn collect_at_counter(
    conn: &mut Connection,
    actor: &Actor,
    now: DateTime<Utc>,
    case: CaseId,
    recipient: &Recipient,
) -> Result<Status> {
    actor.require(&[Role::Clerk], "hand over permits at the counter")?;
    let today = office_today(conn, now)?;
    let tx = db::write_tx(conn)?;
    let on_trip: Option<i64> = tx
        .query_row(
            "SELECT trip_id FROM deliveries WHERE case_id = ?1 AND outcome IS NULL",
            [case.0],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(trip) = on_trip {
        return Err(Error::Conflict(format!(
            "case {} is on trip {trip}: take it off the trip first",
            case.0
        )));
    }
    let c = check_recipient(&tx, case, recipient, today)?;
    let to = cases::move_case_tx(
        &tx,
        actor,
        now,
        today,
        case,
        &Move {
            to: Status::PickedUp,
            reason: None,
        },
    )?;
    tx.execute(
        "INSERT INTO deliveries (case_id, assigned_at, assigned_by) VALUES (?1, ?2, ?3)",
        params![case.0, time::stamp(now), actor.id.0],
    )?;
    store(&tx, tx.last_insert_rowid(), actor, now, &c)?;
    handed_event(&tx, actor, now, case, &c)?;
    tx.commit()?;
    Ok(to)
}

fn store(
    tx: &Transaction,
    delivery: i64,
    actor: &Actor,
    now: DateTime<Utc>,
    c: &Checked,
) -> Result<()> {
    tx.execute(
        "UPDATE deliveries SET outcome = ?2, recipient_name = ?3, recipient_nik = ?4, relation = ?5, authority_letter = ?6,
                recorded_at = ?7, recorded_by = ?8 WHERE id = ?1",
        params![delivery, c.kind, c.name, c.nik, c.relation, c.letter, time::stamp(now), actor.id.0],
    )?;
    Ok(())
}

fn handed_event(
    tx: &Transaction,
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
        Change {
            action: "handed_over",
            from: None,
            to: None,
            reason: None,
            detail: Some(&detail),
        },
    )
}
