//! Pick-up requests: an applicant phones or writes and asks the van to come to the village.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use super::trips::require_open;
use super::TripId;
use crate::sql_enum;
use crate::users::{Actor, Role};
use crate::{audit, db, identity, text, time, Error, Result};

/// Newtype id of a pick-up request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PickupId(pub i64);

sql_enum! {
    /// How a pick-up request ended.
    pub enum PickupOutcome {
        Collected = "collected",
        NotReady = "not_ready",
        NotFound = "not_found",
        Cancelled = "cancelled",
    }
}

/// What the clerk writes down when someone asks for the van.
#[derive(Debug, Clone, Deserialize)]
pub struct NewPickup {
    pub name: String,
    #[serde(default)]
    pub phone: Option<String>,
    pub village_code: String,
    /// What the visit is for ("SIPD baru", "perpanjangan SIUP").
    pub purpose: String,
}

/// A pick-up request as listed.
#[derive(Debug, Clone, Serialize)]
pub struct Pickup {
    pub id: PickupId,
    pub requested_at: String,
    pub name: String,
    pub phone: Option<String>,
    pub village_code: String,
    pub village: String,
    pub purpose: String,
    pub trip_id: Option<TripId>,
    pub outcome: Option<PickupOutcome>,
    pub outcome_note: Option<String>,
}

/// Records a request (clerk). Returns its id.
pub fn request_pickup(
    conn: &mut Connection,
    actor: &Actor,
    now: DateTime<Utc>,
    p: &NewPickup,
) -> Result<PickupId> {
    actor.require(&[Role::Clerk, Role::Admin], "record pick-up requests")?;
    let name = text::person_name("name", &p.name)?;
    let purpose = text::line("purpose", &p.purpose, text::MAX_TEXT)?;
    let phone = match p.phone.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(ph) => Some(identity::normalize_phone(ph)?),
        None => None,
    };
    let tx = db::write_tx(conn)?;
    let village = p.village_code.trim();
    let known: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM villages WHERE code = ?1)",
        [village],
        |r| r.get(0),
    )?;
    if !known {
        return Err(Error::invalid(
            "village_code",
            format!("unknown village code {village}"),
        ));
    }
    tx.execute(
        "INSERT INTO pickup_requests (requested_at, name, phone, village_code, purpose, created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![time::stamp(now), name, phone, village, purpose, actor.id.0],
    )?;
    let id = PickupId(tx.last_insert_rowid());
    audit::admin_event(
        &tx,
        Some(actor.id),
        now,
        "pickup_requested",
        &format!("pickup {}", id.0),
        Some(&format!("{name}, {village}: {purpose}")),
    )?;
    tx.commit()?;
    Ok(id)
}

/// Puts an open request on an open trip that stops in its village (clerk).
pub fn assign_pickup(
    conn: &mut Connection,
    actor: &Actor,
    now: DateTime<Utc>,
    id: PickupId,
    trip: TripId,
) -> Result<()> {
    actor.require(&[Role::Clerk, Role::Admin], "assign pick-up requests")?;
    let tx = db::write_tx(conn)?;
    require_open(&tx, trip)?;
    let (village, outcome): (String, Option<PickupOutcome>) = tx
        .query_row(
            "SELECT village_code, outcome FROM pickup_requests WHERE id = ?1",
            [id.0],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .ok_or_else(|| Error::not_found("pick-up request", id.0))?;
    if let Some(o) = outcome {
        return Err(Error::Transition(format!(
            "pick-up request {} is already closed ({o})",
            id.0
        )));
    }
    let stop: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM trip_stops WHERE trip_id = ?1 AND village_code = ?2)",
        params![trip.0, village],
        |r| r.get(0),
    )?;
    if !stop {
        return Err(Error::invalid(
            "trip",
            format!("trip {} does not stop in village {village}", trip.0),
        ));
    }
    tx.execute(
        "UPDATE pickup_requests SET trip_id = ?2 WHERE id = ?1",
        params![id.0, trip.0],
    )?;
    audit::admin_event(
        &tx,
        Some(actor.id),
        now,
        "pickup_assigned",
        &format!("pickup {}", id.0),
        Some(&format!("trip {}", trip.0)),
    )?;
    tx.commit()?;
    Ok(())
}

/// Records how a request ended (the courier on the trip, or a clerk).
pub fn close_pickup(
    conn: &mut Connection,
    actor: &Actor,
    now: DateTime<Utc>,
    id: PickupId,
    outcome: PickupOutcome,
    note: Option<&str>,
) -> Result<()> {
    actor.require(
        &[Role::Clerk, Role::Courier],
        "record the outcome of pick-up requests",
    )?;
    let note = text::optional_line("note", note, text::MAX_TEXT)?;
    let tx = db::write_tx(conn)?;
    let current: Option<PickupOutcome> = tx
        .query_row(
            "SELECT outcome FROM pickup_requests WHERE id = ?1",
            [id.0],
            |r| r.get(0),
        )
        .optional()?
        .ok_or_else(|| Error::not_found("pick-up request", id.0))?;
    if let Some(o) = current {
        return Err(Error::Transition(format!(
            "pick-up request {} is already closed ({o})",
            id.0
        )));
    }
    tx.execute(
        "UPDATE pickup_requests SET outcome = ?2, outcome_note = ?3, closed_at = ?4 WHERE id = ?1",
        params![id.0, outcome, note, time::stamp(now)],
    )?;
    audit::admin_event(
        &tx,
        Some(actor.id),
        now,
        "pickup_closed",
        &format!("pickup {}", id.0),
        Some(outcome.as_str()),
    )?;
    tx.commit()?;
    Ok(())
}

/// Pick-up requests, open ones only unless `all`, oldest first.
pub fn list_pickups(conn: &Connection, all: bool) -> Result<Vec<Pickup>> {
    let rows = conn
        .prepare(
            "SELECT p.id, p.requested_at, p.name, p.phone, p.village_code, v.name, p.purpose, p.trip_id, p.outcome, p.outcome_note
             FROM pickup_requests p JOIN villages v ON v.code = p.village_code
             WHERE ?1 OR p.outcome IS NULL ORDER BY p.requested_at, p.id",
        )?
        .query_map([all], |r| {
            Ok(Pickup {
                id: PickupId(r.get(0)?),
                requested_at: r.get(1)?,
                name: r.get(2)?,
                phone: r.get(3)?,
                village_code: r.get(4)?,
                village: r.get(5)?,
                purpose: r.get(6)?,
                trip_id: r.get::<_, Option<i64>>(7)?.map(TripId),
                outcome: r.get(8)?,
                outcome_note: r.get(9)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}
