//! The `deliveries` table: one row per permit carried on a trip or handed over at the counter (no trip). A
//! row without an outcome is a permit still on its way; a partial unique index keeps a permit on one open
//! trip only. The pool of permits waiting for the van is read here too.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use super::cases::CaseId;
use super::trips::TripId;
use crate::actor::UserId;
use crate::db::{Db, Tx};
use crate::{sql_enum, Result};

sql_enum! {
    /// Why a permit came back undelivered.
    pub enum FailReason {
        NotHome = "not_home",
        AddressNotFound = "address_not_found",
        Refused = "refused",
        /// The trip closed before the crew reached this permit.
        NotAttempted = "not_attempted",
    }
}

impl FailReason {
    /// The reason as written in the case's timeline.
    pub fn label(self) -> &'static str {
        match self {
            FailReason::NotHome => "not delivered: nobody at home",
            FailReason::AddressNotFound => "not delivered: address not found",
            FailReason::Refused => "not delivered: refused",
            FailReason::NotAttempted => "not delivered: not attempted on this trip",
        }
    }
}

sql_enum! {
    /// Who took a permit, or that nobody did.
    pub enum DeliveryOutcome {
        Holder = "holder",
        Proxy = "proxy",
        NotDelivered = "not_delivered",
    }
}

/// The open delivery of a case: its row id and its trip (`None` at the counter).
pub fn open_of_case(db: &Db, case: CaseId) -> Result<Option<(i64, Option<TripId>)>> {
    db.one(
        "SELECT id, trip_id FROM deliveries WHERE case_id = ?1 AND outcome IS NULL",
        &[&case],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
}

/// The open delivery row of a case on a given trip.
pub fn open_on_trip(db: &Db, trip: TripId, case: CaseId) -> Result<Option<i64>> {
    db.value_opt(
        "SELECT id FROM deliveries WHERE trip_id = ?1 AND case_id = ?2 AND outcome IS NULL",
        &[&trip, &case],
    )
}

/// Puts a permit on a trip.
pub fn assign(
    tx: &Tx,
    case: CaseId,
    trip: TripId,
    village: &str,
    by: UserId,
    now: DateTime<Utc>,
) -> Result<()> {
    tx.execute(
        "INSERT INTO deliveries (case_id, trip_id, village_code, assigned_at, assigned_by) VALUES (?1, ?2, ?3, ?4, ?5)",
        &[&case, &trip, &village, &now, &by],
    )?;
    Ok(())
}

/// Takes a permit off a planned trip; returns whether it was on it.
pub fn unassign(tx: &Tx, trip: TripId, case: CaseId) -> Result<bool> {
    Ok(tx.execute(
        "DELETE FROM deliveries WHERE trip_id = ?1 AND case_id = ?2 AND outcome IS NULL",
        &[&trip, &case],
    )? > 0)
}

/// The cases still on a trip without an outcome, in the order they were assigned.
pub fn open_cases(db: &Db, trip: TripId) -> Result<Vec<CaseId>> {
    db.map(
        "SELECT case_id FROM deliveries WHERE trip_id = ?1 AND outcome IS NULL ORDER BY id",
        &[&trip],
        |r| r.get(0),
    )
}

/// Records a failed delivery.
pub fn set_not_delivered(
    tx: &Tx,
    delivery: i64,
    reason: FailReason,
    note: Option<&str>,
    by: UserId,
    now: DateTime<Utc>,
) -> Result<()> {
    tx.execute(
        "UPDATE deliveries SET outcome = 'not_delivered', fail_reason = ?2, note = ?3, recorded_at = ?4, recorded_by = ?5
         WHERE id = ?1",
        &[&delivery, &reason, &note, &now, &by],
    )?;
    Ok(())
}

/// Who received a permit, checked.
pub struct Handed<'a> {
    pub outcome: DeliveryOutcome,
    pub name: &'a str,
    pub nik: &'a str,
    pub relation: Option<&'a str>,
    pub letter: Option<&'a str>,
}

/// Records a handover on an open delivery row.
pub fn set_handed(
    tx: &Tx,
    delivery: i64,
    h: &Handed,
    by: UserId,
    now: DateTime<Utc>,
) -> Result<()> {
    tx.execute(
        "UPDATE deliveries SET outcome = ?2, recipient_name = ?3, recipient_nik = ?4, relation = ?5,
                authority_letter = ?6, recorded_at = ?7, recorded_by = ?8 WHERE id = ?1",
        &[&delivery, &h.outcome, &h.name, &h.nik, &h.relation, &h.letter, &now, &by],
    )?;
    Ok(())
}

/// A delivery as it ended (the bulk demo writes a permit's handover at once): on a trip or at the counter
/// (no trip), open while the trip is out, or handed to its holder.
pub struct SettledDelivery<'a> {
    pub case: CaseId,
    pub trip: Option<TripId>,
    pub village: Option<&'a str>,
    pub assigned_at: DateTime<Utc>,
    pub assigned_by: UserId,
    /// The handover, when it happened: who recorded it and when.
    pub handed: Option<(Handed<'a>, UserId, DateTime<Utc>)>,
}

/// Stores a settled delivery row.
pub fn insert_settled(tx: &Tx, d: &SettledDelivery) -> Result<()> {
    let h = d.handed.as_ref();
    tx.execute(
        "INSERT INTO deliveries (case_id, trip_id, village_code, assigned_at, assigned_by, outcome, recipient_name,
                                 recipient_nik, relation, authority_letter, recorded_at, recorded_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        &[
            &d.case,
            &d.trip,
            &d.village,
            &d.assigned_at,
            &d.assigned_by,
            &h.map(|h| h.0.outcome),
            &h.map(|h| h.0.name),
            &h.map(|h| h.0.nik),
            &h.and_then(|h| h.0.relation),
            &h.and_then(|h| h.0.letter),
            &h.map(|h| h.2),
            &h.map(|h| h.1),
        ],
    )?;
    Ok(())
}

/// Opens a counter handover row (no trip); returns its id.
pub fn insert_counter(tx: &Tx, case: CaseId, by: UserId, now: DateTime<Utc>) -> Result<i64> {
    tx.value(
        "INSERT INTO deliveries (case_id, assigned_at, assigned_by) VALUES (?1, ?2, ?3) RETURNING id",
        &[&case, &now, &by],
    )
}

/// One permit on a trip and its outcome so far.
#[derive(Debug, Clone, Serialize)]
pub struct Carried {
    pub delivery_id: i64,
    pub case_id: CaseId,
    /// Set for every issued case; `None` only in a damaged register (the manifest refuses it).
    pub permit_number: Option<String>,
    pub permit_type: String,
    pub holder: String,
    pub holder_nik: String,
    pub address: String,
    pub outcome: Option<DeliveryOutcome>,
    pub fail_reason: Option<FailReason>,
    pub recipient_name: Option<String>,
    pub recipient_nik: Option<String>,
    pub relation: Option<String>,
    pub authority_letter: Option<String>,
    #[serde(skip)]
    pub village_code: Option<String>,
}

/// The permits on a trip, by permit number.
pub fn carried(db: &Db, trip: TripId) -> Result<Vec<Carried>> {
    db.map(
        "SELECT d.id, d.case_id, c.permit_number, p.name, a.name, a.nik, a.address, d.outcome, d.fail_reason,
                d.recipient_name, d.recipient_nik, d.relation, d.authority_letter, d.village_code
         FROM deliveries d JOIN cases c ON c.id = d.case_id JOIN applicants a ON a.id = c.applicant_id
         JOIN permit_types p ON p.id = c.permit_type_id
         WHERE d.trip_id = ?1 ORDER BY c.permit_number, d.id",
        &[&trip],
        |r| {
            Ok(Carried {
                delivery_id: r.get(0)?,
                case_id: r.get(1)?,
                permit_number: r.get(2)?,
                permit_type: r.get(3)?,
                holder: r.get(4)?,
                holder_nik: r.get(5)?,
                address: r.get(6)?,
                outcome: r.get(7)?,
                fail_reason: r.get(8)?,
                recipient_name: r.get(9)?,
                recipient_nik: r.get(10)?,
                relation: r.get(11)?,
                authority_letter: r.get(12)?,
                village_code: r.get(13)?,
            })
        },
    )
}

/// The permits of a trip in the order of its stops, then permit number (a batch print by trip).
pub fn cases_in_stop_order(db: &Db, trip: TripId) -> Result<Vec<CaseId>> {
    db.map(
        "SELECT c.id FROM deliveries d
         JOIN cases c ON c.id = d.case_id
         LEFT JOIN trip_stops s ON s.trip_id = d.trip_id AND s.village_code = d.village_code
         WHERE d.trip_id = ?1 AND c.status IN ('issued', 'out_for_delivery', 'delivered', 'picked_up')
         GROUP BY c.id, c.permit_number
         ORDER BY MIN(s.position), c.permit_number",
        &[&trip],
        |r| r.get(0),
    )
}

/// An issued permit waiting in the pool (on no open trip), for assigning by hand.
#[derive(Debug, Clone, Serialize)]
pub struct Waiting {
    pub case_id: CaseId,
    /// Set for every issued case; `None` only in a damaged register.
    pub permit_number: Option<String>,
    pub permit_type: String,
    pub holder: String,
    pub village_code: Option<String>,
    pub village: Option<String>,
    pub issued_on: Option<NaiveDate>,
    /// Failed attempts so far, so a permit that keeps coming back stands out.
    pub attempts: u32,
}

/// The pool: issued permits on no open trip, oldest first, optionally of one village.
pub fn pool(db: &Db, village: Option<&str>) -> Result<Vec<Waiting>> {
    db.map(
        "SELECT c.id, c.permit_number, p.name, a.name, a.village_code, v.name, c.issued_on,
                (SELECT count(*) FROM deliveries d WHERE d.case_id = c.id AND d.outcome = 'not_delivered')
         FROM cases c JOIN applicants a ON a.id = c.applicant_id JOIN permit_types p ON p.id = c.permit_type_id
         LEFT JOIN villages v ON v.code = a.village_code
         WHERE c.status = 'issued' AND (CAST(?1 AS TEXT) IS NULL OR a.village_code = ?1)
           AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.case_id = c.id AND d.outcome IS NULL)
         ORDER BY c.issued_on, c.id",
        &[&village],
        |r| {
            Ok(Waiting {
                case_id: r.get(0)?,
                permit_number: r.get(1)?,
                permit_type: r.get(2)?,
                holder: r.get(3)?,
                village_code: r.get(4)?,
                village: r.get(5)?,
                issued_on: r.get(6)?,
                attempts: r.get(7)?,
            })
        },
    )
}

/// A village's demand for the van as stored: waiting permits, open requests, the oldest day waited since.
pub struct DemandRow {
    pub village_code: String,
    pub village: String,
    pub district: String,
    pub undelivered: u32,
    pub open_pickups: u32,
    pub since: Option<NaiveDate>,
}

/// Villages with permits in the pool or open pick-up requests not on a trip.
pub fn demand(db: &Db) -> Result<Vec<DemandRow>> {
    db.map(
        "WITH waiting AS (
             SELECT a.village_code AS code, c.issued_on AS since FROM cases c JOIN applicants a ON a.id = c.applicant_id
             WHERE c.status = 'issued' AND a.village_code IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.case_id = c.id AND d.outcome IS NULL)
         ), asks AS (
             SELECT village_code AS code, substr(requested_at, 1, 10) AS since FROM pickup_requests
             WHERE outcome IS NULL AND trip_id IS NULL
         )
         SELECT v.code, v.name, d.name,
                (SELECT count(*) FROM waiting w WHERE w.code = v.code),
                (SELECT count(*) FROM asks k WHERE k.code = v.code),
                (SELECT min(since) FROM (SELECT since FROM waiting w WHERE w.code = v.code
                                         UNION ALL SELECT since FROM asks k WHERE k.code = v.code) s)
         FROM villages v JOIN districts d ON d.code = v.district_code
         WHERE v.code IN (SELECT code FROM waiting UNION SELECT code FROM asks)",
        &[],
        |r| {
            Ok(DemandRow {
                village_code: r.get(0)?,
                village: r.get(1)?,
                district: r.get(2)?,
                undelivered: r.get(3)?,
                open_pickups: r.get(4)?,
                since: r.get(5)?,
            })
        },
    )
}
