//! Planning a trip, assigning permits to it, sending it out and closing it on return.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::Deserialize;

use super::{FailReason, TripId, TripStatus};
use crate::audit::{self, Change};
use crate::cases::{self, office_today, CaseId, Move, Status};
use crate::users::{Actor, Role};
use crate::{db, text, time, Error, Result};

/// What the planner fills in.
#[derive(Debug, Clone, Deserialize)]
pub struct NewTrip {
    /// ISO day of the trip.
    pub date: String,
    pub vehicle: String,
    /// Usernames of the crew; each must be an active courier.
    pub crew: Vec<String>,
    /// Village codes in the order the van visits them.
    pub villages: Vec<String>,
    #[serde(default)]
    pub note: Option<String>,
}

fn trip_status(tx: &Connection, id: TripId) -> Result<TripStatus> {
    tx.query_row("SELECT status FROM trips WHERE id = ?1", [id.0], |r| {
        r.get(0)
    })
    .optional()?
    .ok_or_else(|| Error::not_found("trip", id.0))
}

/// Plans a trip (clerk or admin). Returns its id.
pub fn create_trip(
    conn: &mut Connection,
    actor: &Actor,
    now: DateTime<Utc>,
    t: &NewTrip,
) -> Result<TripId> {
    actor.require(&[Role::Clerk, Role::Admin], "plan van trips")?;
    let day = time::parse_day("date", t.date.trim())?;
    let vehicle = text::line("vehicle", &t.vehicle, 60)?;
    let note = text::optional_line("note", t.note.as_deref(), text::MAX_TEXT)?;
    if t.crew.is_empty() {
        return Err(Error::invalid("crew", "a trip needs at least one courier"));
    }
    if t.villages.is_empty() {
        return Err(Error::invalid(
            "villages",
            "a trip needs at least one village",
        ));
    }
    let tx = db::write_tx(conn)?;
    let mut crew: Vec<i64> = Vec::new();
    for name in &t.crew {
        let row: Option<(i64, Role, bool)> = tx
            .query_row(
                "SELECT id, role, active FROM users WHERE username = ?1",
                [name.trim()],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        match row {
            Some((id, Role::Courier, true)) if !crew.contains(&id) => crew.push(id),
            Some((_, Role::Courier, true)) => {
                return Err(Error::invalid("crew", format!("{name} is listed twice")))
            }
            Some(_) => {
                return Err(Error::invalid(
                    "crew",
                    format!("{name} is not an active courier"),
                ))
            }
            None => return Err(Error::invalid("crew", format!("no user named {name}"))),
        }
    }
    let mut villages: Vec<String> = Vec::new();
    for v in &t.villages {
        let v = v.trim().to_string();
        let known: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM villages WHERE code = ?1)",
            [&v],
            |r| r.get(0),
        )?;
        if !known {
            return Err(Error::invalid(
                "villages",
                format!("unknown village code {v}"),
            ));
        }
        if villages.contains(&v) {
            return Err(Error::invalid(
                "villages",
                format!("village {v} is listed twice"),
            ));
        }
        villages.push(v);
    }
    tx.execute(
        "INSERT INTO trips (trip_date, vehicle, status, note, created_at, created_by) VALUES (?1, ?2, 'planned', ?3, ?4, ?5)",
        params![time::day(day), vehicle, note, time::stamp(now), actor.id.0],
    )?;
    let id = TripId(tx.last_insert_rowid());
    for u in &crew {
        tx.execute(
            "INSERT INTO trip_crew (trip_id, user_id) VALUES (?1, ?2)",
            params![id.0, u],
        )?;
    }
    for (i, v) in villages.iter().enumerate() {
        tx.execute(
            "INSERT INTO trip_stops (trip_id, position, village_code) VALUES (?1, ?2, ?3)",
            params![id.0, i as i64 + 1, v],
        )?;
    }
    let detail = format!(
        "{} {} stops {}",
        time::day(day),
        vehicle,
        villages.join(",")
    );
    audit::admin_event(
        &tx,
        Some(actor.id),
        now,
        "trip_created",
        &format!("trip {}", id.0),
        Some(&detail),
    )?;
    tx.commit()?;
    Ok(id)
}

/// Assigns issued permits to a planned or out trip by hand. The holder's village must be a stop, and a
/// permit can be on one open trip only.
pub fn assign(
    conn: &mut Connection,
    actor: &Actor,
    now: DateTime<Utc>,
    trip: TripId,
    ids: &[CaseId],
) -> Result<()> {
    actor.require(&[Role::Clerk, Role::Admin], "assign permits to a trip")?;
    let tx = db::write_tx(conn)?;
    for id in ids {
        assign_tx(&tx, actor, now, trip, *id)?;
    }
    tx.commit()?;
    Ok(())
}

/// Assigns every issued permit in the pool whose holder lives in `village` (a stop of the trip).
/// Returns the cases assigned.
pub fn assign_village(
    conn: &mut Connection,
    actor: &Actor,
    now: DateTime<Utc>,
    trip: TripId,
    village: &str,
) -> Result<Vec<CaseId>> {
    actor.require(&[Role::Clerk, Role::Admin], "assign permits to a trip")?;
    let tx = db::write_tx(conn)?;
    let ids: Vec<CaseId> = tx
        .prepare(
            "SELECT c.id FROM cases c JOIN applicants a ON a.id = c.applicant_id
             WHERE c.status = 'issued' AND a.village_code = ?1
               AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.case_id = c.id AND d.outcome IS NULL)
             ORDER BY c.issued_on, c.id",
        )?
        .query_map([village.trim()], |r| Ok(CaseId(r.get(0)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for id in &ids {
        assign_tx(&tx, actor, now, trip, *id)?;
    }
    tx.commit()?;
    Ok(ids)
}

fn assign_tx(
    tx: &Transaction,
    actor: &Actor,
    now: DateTime<Utc>,
    trip: TripId,
    id: CaseId,
) -> Result<()> {
    let status = trip_status(tx, trip)?;
    if status == TripStatus::Closed {
        return Err(Error::Transition(format!(
            "trip {} is closed: nothing can be added to it",
            trip.0
        )));
    }
    let (case_status, number, village): (Status, Option<String>, Option<String>) = tx
        .query_row(
            "SELECT c.status, c.permit_number, a.village_code FROM cases c JOIN applicants a ON a.id = c.applicant_id WHERE c.id = ?1",
            [id.0],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?
        .ok_or_else(|| Error::not_found("case", id.0))?;
    // Only a label for the messages below: a case that is not issued yet has no number.
    let number = number.unwrap_or_else(|| format!("of case {}", id.0));
    if case_status != Status::Issued {
        return Err(Error::Transition(format!(
            "case {} is {}, not issued: only an issued permit can go on a trip",
            id.0, case_status
        )));
    }
    let open: Option<i64> = tx
        .query_row(
            "SELECT coalesce(trip_id, 0) FROM deliveries WHERE case_id = ?1 AND outcome IS NULL",
            [id.0],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(other) = open {
        return Err(Error::Conflict(format!(
            "permit {number} is already on open trip {other}; a permit can be on one open trip only"
        )));
    }
    let Some(village) = village else {
        return Err(Error::invalid(
            "case",
            format!("the holder of permit {number} has no village recorded"),
        ));
    };
    let is_stop: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM trip_stops WHERE trip_id = ?1 AND village_code = ?2)",
        params![trip.0, village],
        |r| r.get(0),
    )?;
    if !is_stop {
        return Err(Error::invalid(
            "case",
            format!("the holder of permit {number} lives in village {village}, which is not a stop of trip {}", trip.0),
        ));
    }
    tx.execute(
        "INSERT INTO deliveries (case_id, trip_id, village_code, assigned_at, assigned_by) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![id.0, trip.0, village, time::stamp(now), actor.id.0],
    )?;
    if status == TripStatus::Out {
        let today = office_today(tx, now)?;
        cases::move_case_tx(
            tx,
            actor,
            now,
            today,
            id,
            &Move {
                to: Status::OutForDelivery,
                reason: None,
            },
        )?;
    }
    audit::case_event(
        tx,
        id,
        actor,
        now,
        Change {
            action: "trip_assigned",
            from: None,
            to: None,
            reason: None,
            detail: Some(&format!("trip {}", trip.0)),
        },
    )?;
    Ok(())
}

/// Takes a permit off a planned trip, back into the pool.
pub fn unassign(
    conn: &mut Connection,
    actor: &Actor,
    now: DateTime<Utc>,
    trip: TripId,
    id: CaseId,
) -> Result<()> {
    actor.require(&[Role::Clerk, Role::Admin], "take permits off a trip")?;
    let tx = db::write_tx(conn)?;
    if trip_status(&tx, trip)? != TripStatus::Planned {
        return Err(Error::Transition(format!(
            "trip {} has left: record an outcome instead",
            trip.0
        )));
    }
    let n = tx.execute(
        "DELETE FROM deliveries WHERE trip_id = ?1 AND case_id = ?2 AND outcome IS NULL",
        params![trip.0, id.0],
    )?;
    if n == 0 {
        return Err(Error::invalid(
            "case",
            format!("case {} is not on trip {}", id.0, trip.0),
        ));
    }
    audit::case_event(
        &tx,
        id,
        actor,
        now,
        Change {
            action: "trip_unassigned",
            from: None,
            to: None,
            reason: None,
            detail: Some(&format!("trip {}", trip.0)),
        },
    )?;
    tx.commit()?;
    Ok(())
}

/// The van leaves: every permit on the trip moves to `out_for_delivery` (a courier of the crew, or a clerk).
pub fn start_trip(
    conn: &mut Connection,
    actor: &Actor,
    now: DateTime<Utc>,
    trip: TripId,
) -> Result<()> {
    actor.require(&[Role::Courier, Role::Clerk], "send a trip out")?;
    let today = office_today(conn, now)?;
    let tx = db::write_tx(conn)?;
    if trip_status(&tx, trip)? != TripStatus::Planned {
        return Err(Error::Transition(format!(
            "trip {} is not planned: it has already left",
            trip.0
        )));
    }
    if actor.role == Role::Courier {
        require_crew(&tx, actor, trip)?;
    }
    for id in open_cases(&tx, trip)? {
        cases::move_case_tx(
            &tx,
            actor,
            now,
            today,
            id,
            &Move {
                to: Status::OutForDelivery,
                reason: None,
            },
        )?;
    }
    tx.execute(
        "UPDATE trips SET status = 'out', started_at = ?2 WHERE id = ?1",
        params![trip.0, time::stamp(now)],
    )?;
    audit::admin_event(
        &tx,
        Some(actor.id),
        now,
        "trip_started",
        &format!("trip {}", trip.0),
        None,
    )?;
    tx.commit()?;
    Ok(())
}

/// The van is back: permits without an outcome go back to the pool as not attempted, and the trip closes.
pub fn close_trip(
    conn: &mut Connection,
    actor: &Actor,
    now: DateTime<Utc>,
    trip: TripId,
) -> Result<()> {
    actor.require(&[Role::Courier, Role::Clerk], "close a trip")?;
    let today = office_today(conn, now)?;
    let tx = db::write_tx(conn)?;
    let status = trip_status(&tx, trip)?;
    if status == TripStatus::Closed {
        return Err(Error::Transition(format!(
            "trip {} is already closed",
            trip.0
        )));
    }
    if actor.role == Role::Courier {
        require_crew(&tx, actor, trip)?;
    }
    let reason = FailReason::NotAttempted;
    for id in open_cases(&tx, trip)? {
        if status == TripStatus::Planned {
            audit::case_event(
                &tx,
                id,
                actor,
                now,
                Change {
                    action: "trip_unassigned",
                    from: None,
                    to: None,
                    reason: Some(reason.label()),
                    detail: Some(&format!("trip {} closed before it left", trip.0)),
                },
            )?;
        } else {
            cases::move_case_tx(
                &tx,
                actor,
                now,
                today,
                id,
                &Move {
                    to: Status::Issued,
                    reason: Some(reason.label().into()),
                },
            )?;
        }
        tx.execute(
            "UPDATE deliveries SET outcome = 'not_delivered', fail_reason = ?3, recorded_at = ?4, recorded_by = ?5
             WHERE trip_id = ?1 AND case_id = ?2 AND outcome IS NULL",
            params![trip.0, id.0, reason, time::stamp(now), actor.id.0],
        )?;
    }
    tx.execute(
        "UPDATE trips SET status = 'closed', closed_at = ?2 WHERE id = ?1",
        params![trip.0, time::stamp(now)],
    )?;
    audit::admin_event(
        &tx,
        Some(actor.id),
        now,
        "trip_closed",
        &format!("trip {}", trip.0),
        None,
    )?;
    tx.commit()?;
    Ok(())
}

/// Refuses a courier who is not in the trip's crew.
pub(super) fn require_crew(tx: &Connection, actor: &Actor, trip: TripId) -> Result<()> {
    let on: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM trip_crew WHERE trip_id = ?1 AND user_id = ?2)",
        params![trip.0, actor.id.0],
        |r| r.get(0),
    )?;
    if on {
        Ok(())
    } else {
        Err(Error::Forbidden(format!(
            "{} is not in the crew of trip {}",
            actor.username, trip.0
        )))
    }
}

pub(super) fn require_open(tx: &Connection, trip: TripId) -> Result<TripStatus> {
    let s = trip_status(tx, trip)?;
    if s == TripStatus::Closed {
        return Err(Error::Transition(format!(
            "trip {} is closed: nothing more can be recorded on it",
            trip.0
        )));
    }
    Ok(s)
}

fn open_cases(tx: &Connection, trip: TripId) -> Result<Vec<CaseId>> {
    let ids = tx
        .prepare(
            "SELECT case_id FROM deliveries WHERE trip_id = ?1 AND outcome IS NULL ORDER BY id",
        )?
        .query_map([trip.0], |r| Ok(CaseId(r.get(0)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ids)
}
