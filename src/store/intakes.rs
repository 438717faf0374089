//! The `field_intakes` table: the chain of custody of paper originals taken in on a trip — which checklist
//! items, in which sealed bag, and when the crew handed the bag to the front office.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::cases::CaseId;
use super::trips::TripId;
use crate::actor::UserId;
use crate::db::{Db, Json, Tx};
use crate::Result;

/// Records the originals of a case in a bag; returns false when they were already recorded.
pub fn insert(
    tx: &Tx,
    case: CaseId,
    trip: TripId,
    seal: &str,
    originals: &[u32],
    by: UserId,
    now: DateTime<Utc>,
) -> Result<bool> {
    Ok(tx.execute(
        "INSERT INTO field_intakes (case_id, trip_id, bag_seal, originals, recorded_at, recorded_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (case_id) DO NOTHING",
        &[&case, &trip, &seal, &Json(originals), &now, &by],
    )? > 0)
}

/// The cases in a bag not yet handed over, by case id.
pub fn waiting_in_bag(db: &Db, trip: TripId, seal: &str) -> Result<Vec<CaseId>> {
    db.map(
        "SELECT case_id FROM field_intakes WHERE trip_id = ?1 AND bag_seal = ?2 AND handed_over_at IS NULL
         ORDER BY case_id",
        &[&trip, &seal],
        |r| r.get(0),
    )
}

/// The front office received a bag.
pub fn hand_over(
    tx: &Tx,
    trip: TripId,
    seal: &str,
    by: UserId,
    discrepancy: Option<&str>,
    now: DateTime<Utc>,
) -> Result<()> {
    tx.execute(
        "UPDATE field_intakes SET handed_over_at = ?3, received_by = ?4, discrepancy = ?5
         WHERE trip_id = ?1 AND bag_seal = ?2",
        &[&trip, &seal, &now, &by, &discrepancy],
    )?;
    Ok(())
}

/// One case in a trip's bags, as stored.
pub struct BagRow {
    pub bag_seal: String,
    pub case_id: CaseId,
    pub registration_number: String,
    pub applicant: String,
    pub originals: Vec<u32>,
    pub handed_over_at: Option<DateTime<Utc>>,
    pub received_by: Option<String>,
    pub discrepancy: Option<String>,
}

/// Every bagged case of a trip, in the order the bags were filled.
pub fn of_trip(db: &Db, trip: TripId) -> Result<Vec<BagRow>> {
    db.map(
        "SELECT f.bag_seal, f.case_id, c.registration_number, a.name, f.originals, f.handed_over_at,
                u.username, f.discrepancy
         FROM field_intakes f JOIN cases c ON c.id = f.case_id JOIN applicants a ON a.id = c.applicant_id
         LEFT JOIN users u ON u.id = f.received_by
         WHERE f.trip_id = ?1 ORDER BY f.recorded_at, f.case_id",
        &[&trip],
        |r| {
            Ok(BagRow {
                bag_seal: r.get(0)?,
                case_id: r.get(1)?,
                registration_number: r.get(2)?,
                applicant: r.get(3)?,
                originals: r.get::<Json<_>>(4)?.0,
                handed_over_at: r.get(5)?,
                received_by: r.get(6)?,
                discrepancy: r.get(7)?,
            })
        },
    )
}

/// A van application whose originals are not in a bag yet.
#[derive(Debug, Clone, Serialize)]
pub struct UnbaggedRow {
    pub case_id: CaseId,
    pub registration_number: String,
    pub applicant: String,
    pub permit_type: String,
    pub registered_at: DateTime<Utc>,
}

/// Van applications (not withdrawn) with no originals recorded, oldest first.
pub fn unbagged(db: &Db) -> Result<Vec<UnbaggedRow>> {
    db.map(
        "SELECT c.id, c.registration_number, a.name, t.code || ' · ' || t.name, c.registered_at
         FROM cases c JOIN applicants a ON a.id = c.applicant_id JOIN permit_types t ON t.id = c.permit_type_id
         WHERE c.channel = 'van' AND c.status <> 'withdrawn'
           AND NOT EXISTS (SELECT 1 FROM field_intakes f WHERE f.case_id = c.id)
         ORDER BY c.id",
        &[],
        |r| {
            Ok(UnbaggedRow {
                case_id: r.get(0)?,
                registration_number: r.get(1)?,
                applicant: r.get(2)?,
                permit_type: r.get(3)?,
                registered_at: r.get(4)?,
            })
        },
    )
}
