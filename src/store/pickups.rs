//! The `pickup_requests` table: an applicant asks the van to come to their village.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::cases::CaseId;
use super::trips::TripId;
use crate::actor::UserId;
use crate::db::{Db, Tx};
use crate::{sql_enum, sql_id, Result};

sql_id! {
    /// Newtype id of a pick-up request.
    pub struct PickupId;
}

sql_enum! {
    /// How a pick-up request ended.
    pub enum PickupOutcome {
        Collected = "collected",
        NotReady = "not_ready",
        NotFound = "not_found",
        Cancelled = "cancelled",
    }
}

/// A pick-up request as listed.
#[derive(Debug, Clone, Serialize)]
pub struct Pickup {
    pub id: PickupId,
    pub requested_at: DateTime<Utc>,
    pub name: String,
    pub phone: Option<String>,
    pub village_code: String,
    pub village: String,
    pub purpose: String,
    pub trip_id: Option<TripId>,
    pub outcome: Option<PickupOutcome>,
    pub outcome_note: Option<String>,
    pub case_id: Option<CaseId>,
}

/// Stores a request; returns its id.
pub fn insert(
    tx: &Tx,
    name: &str,
    phone: Option<&str>,
    village: &str,
    purpose: &str,
    by: UserId,
    now: DateTime<Utc>,
) -> Result<PickupId> {
    tx.value(
        "INSERT INTO pickup_requests (requested_at, name, phone, village_code, purpose, created_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id",
        &[&now, &name, &phone, &village, &purpose, &by],
    )
}

/// A request's village and outcome, if it exists.
pub fn state(db: &Db, id: PickupId) -> Result<Option<(String, Option<PickupOutcome>)>> {
    db.one(
        "SELECT village_code, outcome FROM pickup_requests WHERE id = ?1",
        &[&id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
}

/// Puts a request on a trip.
pub fn set_trip(tx: &Tx, id: PickupId, trip: TripId) -> Result<()> {
    tx.execute(
        "UPDATE pickup_requests SET trip_id = ?2 WHERE id = ?1",
        &[&id, &trip],
    )?;
    Ok(())
}

/// Records how a request ended.
pub fn close(
    tx: &Tx,
    id: PickupId,
    outcome: PickupOutcome,
    note: Option<&str>,
    case: Option<CaseId>,
    now: DateTime<Utc>,
) -> Result<()> {
    tx.execute(
        "UPDATE pickup_requests SET outcome = ?2, outcome_note = ?3, closed_at = ?4, case_id = coalesce(?5, case_id)
         WHERE id = ?1",
        &[&id, &outcome, &note, &now, &case],
    )?;
    Ok(())
}

/// Requests, open ones only unless `all`, oldest first.
pub fn list(db: &Db, all: bool) -> Result<Vec<Pickup>> {
    db.map(
        "SELECT p.id, p.requested_at, p.name, p.phone, p.village_code, v.name, p.purpose, p.trip_id, p.outcome,
                p.outcome_note, p.case_id
         FROM pickup_requests p JOIN villages v ON v.code = p.village_code
         WHERE ?1 = 1 OR p.outcome IS NULL ORDER BY p.requested_at, p.id",
        &[&all],
        |r| {
            Ok(Pickup {
                id: r.get(0)?,
                requested_at: r.get(1)?,
                name: r.get(2)?,
                phone: r.get(3)?,
                village_code: r.get(4)?,
                village: r.get(5)?,
                purpose: r.get(6)?,
                trip_id: r.get(7)?,
                outcome: r.get(8)?,
                outcome_note: r.get(9)?,
                case_id: r.get(10)?,
            })
        },
    )
}
