//! Smaller questions the rest of the core asks of cases: which cases a batch prints, which clocks run,
//! which permits wait per village, what an export writes.

use chrono::NaiveDate;
use serde::Serialize;

use super::{CaseId, Status};
use crate::db::{Db, Param};
use crate::store::permit_types::PermitTypeId;
use crate::Result;

/// Whether any case (open or closed) was registered with this permit type.
pub fn any_of_type(db: &Db, id: PermitTypeId) -> Result<bool> {
    db.value(
        "SELECT EXISTS (SELECT 1 FROM cases WHERE permit_type_id = ?1)",
        &[&id],
    )
}

/// The case that carries a permit number.
pub fn by_permit_number(db: &Db, number: &str) -> Result<Option<CaseId>> {
    db.value_opt("SELECT id FROM cases WHERE permit_number = ?1", &[&number])
}

/// The status of a case, if it exists.
pub fn status(db: &Db, id: CaseId) -> Result<Option<Status>> {
    db.value_opt("SELECT status FROM cases WHERE id = ?1", &[&id])
}

/// A case whose SLA clock is running, with what its due date is computed from.
pub struct RunningClock {
    pub id: CaseId,
    pub registration_number: String,
    pub sla_days: u32,
    pub sla_used_days: u32,
    pub resumed_on: NaiveDate,
    pub due_date: NaiveDate,
}

/// Cases whose clock runs (verified, in review) with a due date, by id.
pub fn running_clocks(db: &Db) -> Result<Vec<RunningClock>> {
    db.map(
        "SELECT id, registration_number, sla_days, sla_used_days, sla_resumed_on, due_date FROM cases
         WHERE status IN ('verified', 'in_review') AND sla_resumed_on IS NOT NULL AND due_date IS NOT NULL
         ORDER BY id",
        &[],
        |r| {
            Ok(RunningClock {
                id: r.get(0)?,
                registration_number: r.get(1)?,
                sla_days: r.get(2)?,
                sla_used_days: r.get(3)?,
                resumed_on: r.get(4)?,
                due_date: r.get(5)?,
            })
        },
    )
}

/// Permits not yet handed over whose holder lives in `village`, by permit number.
pub fn undelivered_in_village(db: &Db, village: &str) -> Result<Vec<CaseId>> {
    db.map(
        "SELECT c.id FROM cases c JOIN applicants a ON a.id = c.applicant_id
         WHERE a.village_code = ?1 AND c.status IN ('issued', 'out_for_delivery')
         ORDER BY c.permit_number",
        &[&village],
        |r| r.get(0),
    )
}

/// Permits issued between two office days (both included), by village then permit number. Only an issue
/// sets `issued_on` and no step leaves the statuses that carry a permit, so the day range alone (through
/// its index) names them: a filter on those statuses would read every permit ever handed over.
pub fn issued_between(db: &Db, from: NaiveDate, to: NaiveDate) -> Result<Vec<CaseId>> {
    db.map(
        "SELECT c.id FROM cases c JOIN applicants a ON a.id = c.applicant_id
         WHERE c.issued_on BETWEEN ?1 AND ?2
         ORDER BY a.village_code, c.permit_number",
        &[&from, &to],
        |r| r.get(0),
    )
}

/// What assigning a permit to a trip checks: its status, its number and the holder's village.
pub struct ForTrip {
    pub status: Status,
    pub permit_number: Option<String>,
    pub village_code: Option<String>,
}

/// The facts of a case that a trip assignment checks.
pub fn for_trip(db: &Db, id: CaseId) -> Result<Option<ForTrip>> {
    db.one(
        "SELECT c.status, c.permit_number, a.village_code FROM cases c
         JOIN applicants a ON a.id = c.applicant_id WHERE c.id = ?1",
        &[&id],
        |r| {
            Ok(ForTrip {
                status: r.get(0)?,
                permit_number: r.get(1)?,
                village_code: r.get(2)?,
            })
        },
    )
}

/// Permits waiting for delivery in one village, by age band (days since issue).
#[derive(Debug, Clone, Serialize)]
pub struct Undelivered {
    pub village_code: Option<String>,
    pub village: Option<String>,
    pub total: u32,
    pub up_to_7_days: u32,
    pub days_8_to_30: u32,
    pub over_30_days: u32,
    pub oldest_issued_on: Option<NaiveDate>,
}

/// Issued (or out for delivery) but not yet handed over, per village, most waiting first. Ages are counted
/// from `today` in Rust's calendar: the bands' first days are passed in.
pub fn undelivered_by_village(db: &Db, today: NaiveDate) -> Result<Vec<Undelivered>> {
    let day7 = today - chrono::Days::new(7);
    let day30 = today - chrono::Days::new(30);
    db.map(
        // Counted per village from the covering index `cases_undelivered`, each permit's village and
        // then each village's name looked up by key. Written as lookups rather than joins: the server's
        // planner otherwise hashes every applicant and every village of the country to join a few
        // thousand permits (53 ms at 100,000 cases, and growing with the register; 15 ms so).
        "SELECT g.village_code, (SELECT v.name FROM villages v WHERE v.code = g.village_code),
                g.total, g.recent, g.middle, g.old, g.oldest
         FROM (SELECT (SELECT a.village_code FROM applicants a WHERE a.id = c.applicant_id) AS village_code,
                      count(*) AS total,
                      sum(CASE WHEN c.issued_on >= ?1 THEN 1 ELSE 0 END) AS recent,
                      sum(CASE WHEN c.issued_on < ?1 AND c.issued_on >= ?2 THEN 1 ELSE 0 END) AS middle,
                      sum(CASE WHEN c.issued_on < ?2 THEN 1 ELSE 0 END) AS old,
                      min(c.issued_on) AS oldest
               FROM cases c
               WHERE c.status IN ('issued', 'out_for_delivery')
               GROUP BY 1) g
         ORDER BY g.total DESC, g.oldest, g.village_code",
        &[&day7, &day30],
        |r| {
            Ok(Undelivered {
                village_code: r.get(0)?,
                village: r.get(1)?,
                total: r.get(2)?,
                up_to_7_days: r.get(3)?,
                days_8_to_30: r.get(4)?,
                over_30_days: r.get(5)?,
                oldest_issued_on: r.get(6)?,
            })
        },
    )
}

/// Permits of one village whose validity ends within a window.
#[derive(Debug, Clone, Serialize)]
pub struct Expiring {
    pub village_code: Option<String>,
    pub village: Option<String>,
    pub count: u32,
    pub first_expiry: NaiveDate,
}

/// Permits whose validity ends between `from` and `to`, per village, soonest first. Only an issue sets
/// `valid_until` (see [`issued_between`]): the range is read through its index alone.
pub fn expiring_by_village(db: &Db, from: NaiveDate, to: NaiveDate) -> Result<Vec<Expiring>> {
    db.map(
        // As [`undelivered_by_village`], from the covering index `cases_expiring`.
        "SELECT g.village_code, (SELECT v.name FROM villages v WHERE v.code = g.village_code), g.n, g.first
         FROM (SELECT (SELECT a.village_code FROM applicants a WHERE a.id = c.applicant_id) AS village_code,
                      count(*) AS n, min(c.valid_until) AS first
               FROM cases c
               WHERE c.valid_until BETWEEN ?1 AND ?2
               GROUP BY 1) g
         ORDER BY g.first, g.village_code",
        &[&from, &to],
        |r| {
            Ok(Expiring {
                village_code: r.get(0)?,
                village: r.get(1)?,
                count: r.get(2)?,
                first_expiry: r.get(3)?,
            })
        },
    )
}

/// The cases an export writes: each with its applicant and permit type.
const EXPORT_FROM: &str = "FROM cases c
         JOIN applicants a ON a.id = c.applicant_id
         JOIN permit_types t ON t.id = c.permit_type_id";

/// Every case in id order as the export writes it, streamed to `f` (NULL as empty text).
pub fn each_for_export(db: &Db, f: impl FnMut(Vec<String>) -> Result<()>) -> Result<()> {
    let mut f = f;
    db.each(
        &format!(
            "SELECT c.registration_number, c.status, t.code, a.nik, a.name, c.channel, c.service_mode,
                    c.registered_on, c.due_date, c.permit_number, c.issued_on, c.valid_until
             {EXPORT_FROM} ORDER BY c.id"
        ),
        &[] as &[&dyn Param],
        |r| {
            let mut rec = Vec::with_capacity(12);
            for i in 0..12 {
                rec.push(r.get::<Option<String>>(i)?.unwrap_or_default());
            }
            f(rec)
        },
    )
}

/// How many cases [`each_for_export`] gives now (the same joins, so the same rows).
pub fn count_for_export(db: &Db) -> Result<u64> {
    db.value(&format!("SELECT count(*) {EXPORT_FROM}"), &[])
}

/// The usernames of everyone who registered a case.
pub fn registrars(db: &Db) -> Result<Vec<String>> {
    db.map(
        "SELECT DISTINCT u.username FROM cases c JOIN users u ON u.id = c.registered_by",
        &[],
        |r| r.get(0),
    )
}
