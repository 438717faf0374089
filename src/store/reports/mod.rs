//! The reports' reads (issue 15): counts of one period of the register, grouped in SQL so that a year of
//! a million cases comes back as a few hundred rows. Every statement reads a range of one of the
//! indexes of migration 12 (a date of the case, an event's instant, a handover's instant) and joins the
//! rest by key. The filters are added to a statement only when they are set, so an unfiltered report
//! reads no table it does not need.
//!
//! This module keeps the filter and the recap's and the service standard's reads; `field` the van's,
//! the survey's and the expiring permits'.

mod field;

pub use field::*;

use chrono::{DateTime, NaiveDate, Utc};

use crate::actor::UserId;
use crate::db::{Db, Param, Row, Value};
use crate::store::cases::{CaseId, Channel, Status};
use crate::store::permit_types::PermitTypeId;
use crate::Result;

/// What a report is narrowed to, applied to the cases it counts (`cases c`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scope {
    pub permit_type: Option<PermitTypeId>,
    pub channel: Option<Channel>,
    /// The applicant's village lies in this district.
    pub district: Option<String>,
    /// The applicant's village.
    pub village: Option<String>,
    /// Only the cases this user registered (a clerk's own counter).
    pub registered_by: Option<UserId>,
}

/// A statement's parameters, numbered as they are pushed.
#[derive(Default)]
struct Params(Vec<Value>);

impl Params {
    /// Adds a value; returns its placeholder (`?3`).
    fn push(&mut self, v: impl Param) -> String {
        self.0.push(v.to_value());
        format!("?{}", self.0.len())
    }

    fn refs(&self) -> Vec<&dyn Param> {
        self.0.iter().map(|v| v as &dyn Param).collect()
    }
}

/// The joins and `AND …` terms that apply a scope to `cases c`. With `area` false the village and
/// district are left to the caller (the van's handovers are placed by the stop's village).
fn scope_sql(s: &Scope, p: &mut Params, area: bool) -> (String, String) {
    let (mut joins, mut terms) = (String::new(), String::new());
    if let Some(t) = s.permit_type {
        terms += &format!(" AND c.permit_type_id = {}", p.push(t));
    }
    if let Some(ch) = s.channel {
        terms += &format!(" AND c.channel = {}", p.push(ch));
    }
    if let Some(u) = s.registered_by {
        terms += &format!(" AND c.registered_by = {}", p.push(u));
    }
    if area && (s.village.is_some() || s.district.is_some()) {
        joins += " JOIN applicants fa ON fa.id = c.applicant_id";
        if let Some(v) = &s.village {
            terms += &format!(" AND fa.village_code = {}", p.push(v.as_str()));
        }
        if let Some(d) = &s.district {
            joins += " JOIN villages fv ON fv.code = fa.village_code";
            terms += &format!(" AND fv.district_code = {}", p.push(d.as_str()));
        }
    }
    (joins, terms)
}

fn run<T>(db: &Db, sql: &str, p: &Params, f: impl FnMut(&Row) -> Result<T>) -> Result<Vec<T>> {
    db.map(sql, &p.refs(), f)
}

/// A count of cases of one permit type in one month (`2026-11`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthCount {
    pub permit_type: PermitTypeId,
    pub month: String,
    pub count: i64,
}

/// Which day of a case a monthly count reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseDay {
    /// `registered_on`: the office day the application was registered.
    Registered,
    /// `issued_on`: the office day the permit was issued (its number allocated).
    Issued,
}

/// Cases whose `day` falls in `from..=to`, per permit type and month.
pub fn cases_by_month(
    db: &Db,
    s: &Scope,
    day: CaseDay,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<MonthCount>> {
    let col = match day {
        CaseDay::Registered => "c.registered_on",
        CaseDay::Issued => "c.issued_on",
    };
    let mut p = Params::default();
    let (a, b) = (p.push(from), p.push(to));
    let (joins, terms) = scope_sql(s, &mut p, true);
    run(
        db,
        &format!(
            "SELECT c.permit_type_id, substr({col}, 1, 7), count(*) FROM cases c{joins}
             WHERE {col} >= {a} AND {col} <= {b}{terms} GROUP BY c.permit_type_id, substr({col}, 1, 7)"
        ),
        &p,
        |r| {
            Ok(MonthCount {
                permit_type: r.get(0)?,
                month: r.get(1)?,
                count: r.get(2)?,
            })
        },
    )
}

/// The status steps that lead to `to` between two instants, per permit type: how many cases took one
/// and how many steps there were (a file returned twice is one case, two steps).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepCount {
    pub permit_type: PermitTypeId,
    pub to: Status,
    pub cases: i64,
    pub steps: i64,
}

/// The statuses whose steps a recap counts.
pub const COUNTED_STEPS: &[Status] = &[
    Status::Verified,
    Status::Returned,
    Status::Approved,
    Status::Rejected,
    Status::Withdrawn,
    Status::Delivered,
    Status::PickedUp,
];

/// Status steps to one of [`COUNTED_STEPS`] stamped in `[start, end)`, per permit type and status.
pub fn steps(
    db: &Db,
    s: &Scope,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
) -> Result<Vec<StepCount>> {
    let mut p = Params::default();
    let (a, b) = (p.push(start), p.push(end));
    let statuses: Vec<String> = COUNTED_STEPS.iter().map(|st| p.push(*st)).collect();
    let (joins, terms) = scope_sql(s, &mut p, true);
    run(
        db,
        &format!(
            "SELECT c.permit_type_id, e.to_status, count(DISTINCT e.case_id), count(*)
             FROM case_events e JOIN cases c ON c.id = e.case_id{joins}
             WHERE e.action = 'status' AND e.to_status IN ({}) AND e.at >= {a} AND e.at < {b}{terms}
             GROUP BY c.permit_type_id, e.to_status",
            statuses.join(", ")
        ),
        &p,
        |r| {
            Ok(StepCount {
                permit_type: r.get(0)?,
                to: r.get(1)?,
                cases: r.get(2)?,
                steps: r.get(3)?,
            })
        },
    )
}

/// Per permit type, the cases returned in `[start, end)` by a return that was not their first.
pub fn returned_again(
    db: &Db,
    s: &Scope,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
) -> Result<Vec<(PermitTypeId, i64)>> {
    let mut p = Params::default();
    let (a, b) = (p.push(start), p.push(end));
    let (joins, terms) = scope_sql(s, &mut p, true);
    // The inner condition repeats the partial index's own predicate so the planner may use it.
    run(
        db,
        &format!(
            "SELECT c.permit_type_id, count(DISTINCT e.case_id)
             FROM case_events e JOIN cases c ON c.id = e.case_id{joins}
             WHERE e.action = 'status' AND e.to_status = 'returned' AND e.at >= {a} AND e.at < {b}{terms}
               AND EXISTS (SELECT 1 FROM case_events r WHERE r.case_id = e.case_id AND r.id < e.id
                           AND r.action = 'status' AND (r.to_status = 'returned' OR r.from_status = 'returned')
                           AND r.to_status = 'returned')
             GROUP BY c.permit_type_id"
        ),
        &p,
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
}

/// Rejections stamped in `[start, end)` per permit type and reason, as the signer wrote it.
pub fn rejection_reasons(
    db: &Db,
    s: &Scope,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
) -> Result<Vec<(PermitTypeId, Option<String>, i64)>> {
    let mut p = Params::default();
    let (a, b) = (p.push(start), p.push(end));
    let (joins, terms) = scope_sql(s, &mut p, true);
    run(
        db,
        &format!(
            "SELECT c.permit_type_id, e.reason, count(*)
             FROM case_events e JOIN cases c ON c.id = e.case_id{joins}
             WHERE e.action = 'status' AND e.to_status = 'rejected' AND e.at >= {a} AND e.at < {b}{terms}
             GROUP BY c.permit_type_id, e.reason"
        ),
        &p,
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )
}

/// Per permit type, the cases registered by `to` that had not reached a final status (rejected,
/// delivered, collected, withdrawn) by `end`: never closed, or closed at `end` or later.
pub fn open_at(
    db: &Db,
    s: &Scope,
    to: NaiveDate,
    end: DateTime<Utc>,
) -> Result<Vec<(PermitTypeId, i64)>> {
    let mut p = Params::default();
    let (a, b) = (p.push(to), p.push(end));
    let (joins, terms) = scope_sql(s, &mut p, true);
    // Two ranges of one index rather than an OR, which would read every case.
    let rows = run(
        db,
        &format!(
            "SELECT c.permit_type_id, count(*) FROM cases c{joins}
             WHERE c.closed_at IS NULL AND c.registered_on <= {a}{terms} GROUP BY c.permit_type_id
             UNION ALL
             SELECT c.permit_type_id, count(*) FROM cases c{joins}
             WHERE c.closed_at >= {b} AND c.registered_on <= {a}{terms} GROUP BY c.permit_type_id"
        ),
        &p,
        |r| Ok((r.get::<PermitTypeId>(0)?, r.get::<i64>(1)?)),
    )?;
    let mut out: Vec<(PermitTypeId, i64)> = Vec::new();
    for (t, n) in rows {
        match out.iter_mut().find(|(u, _)| *u == t) {
            Some((_, m)) => *m += n,
            None => out.push((t, n)),
        }
    }
    Ok(out)
}

/// An issued case's service-standard clock as the lifecycle left it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssuedClock {
    pub id: CaseId,
    pub registration_number: String,
    pub permit_type: PermitTypeId,
    pub sla_days: u32,
    /// Working days banked when the file was returned after it was declared complete.
    pub used_days: u32,
    /// The day the clock last started (declared complete).
    pub resumed_on: Option<NaiveDate>,
    pub issued_on: NaiveDate,
}

/// The cases issued in `from..=to`, by id.
pub fn issued_clocks(
    db: &Db,
    s: &Scope,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<IssuedClock>> {
    let mut p = Params::default();
    let (a, b) = (p.push(from), p.push(to));
    let (joins, terms) = scope_sql(s, &mut p, true);
    run(
        db,
        &format!(
            "SELECT c.id, c.registration_number, c.permit_type_id, c.sla_days, c.sla_used_days, c.sla_resumed_on,
                    c.issued_on
             FROM cases c{joins} WHERE c.issued_on >= {a} AND c.issued_on <= {b}{terms} ORDER BY c.id"
        ),
        &p,
        |r| {
            Ok(IssuedClock {
                id: r.get(0)?,
                registration_number: r.get(1)?,
                permit_type: r.get(2)?,
                sla_days: r.get(3)?,
                used_days: r.get(4)?,
                resumed_on: r.get(5)?,
                issued_on: r.get(6)?,
            })
        },
    )
}

/// A step into or out of `returned` of a case issued in a period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReturnStep {
    pub case: CaseId,
    /// True for the step to `returned`; false for the step out of it (resubmitted, or withdrawn).
    pub into: bool,
    pub at: DateTime<Utc>,
}

/// The steps into and out of `returned` of the cases issued in `from..=to`, by case then event.
pub fn return_steps_of_issued(
    db: &Db,
    s: &Scope,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<ReturnStep>> {
    let mut p = Params::default();
    let (a, b) = (p.push(from), p.push(to));
    let (joins, terms) = scope_sql(s, &mut p, true);
    run(
        db,
        &format!(
            "SELECT e.case_id, e.to_status, e.at FROM cases c JOIN case_events e ON e.case_id = c.id{joins}
             WHERE c.issued_on >= {a} AND c.issued_on <= {b}{terms}
               AND e.action = 'status' AND (e.to_status = 'returned' OR e.from_status = 'returned')
             ORDER BY e.case_id, e.id"
        ),
        &p,
        |r| {
            Ok(ReturnStep {
                case: r.get(0)?,
                into: r.get::<Option<Status>>(1)? == Some(Status::Returned),
                at: r.get(2)?,
            })
        },
    )
}

/// A file whose service-standard clock runs past its due date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverdueRow {
    pub id: CaseId,
    pub registration_number: String,
    pub permit_type: PermitTypeId,
    pub status: Status,
    pub due_date: NaiveDate,
    pub village: Option<String>,
    pub district: Option<String>,
}

/// The files whose clock runs (declared complete, in review, approved) and whose due date is before
/// `today`, oldest due date first.
pub fn overdue(db: &Db, s: &Scope, today: NaiveDate) -> Result<Vec<OverdueRow>> {
    let mut p = Params::default();
    let day = p.push(today);
    let statuses: Vec<String> = Status::SLA_RUNNING.iter().map(|st| p.push(*st)).collect();
    let (joins, terms) = scope_sql(s, &mut p, true);
    run(
        db,
        &format!(
            "SELECT c.id, c.registration_number, c.permit_type_id, c.status, c.due_date, v.name, d.name
             FROM cases c JOIN applicants a ON a.id = c.applicant_id
             LEFT JOIN villages v ON v.code = a.village_code LEFT JOIN districts d ON d.code = v.district_code{joins}
             WHERE c.status IN ({}) AND c.due_date < {day}{terms}
             ORDER BY c.due_date, c.id",
            statuses.join(", ")
        ),
        &p,
        |r| {
            Ok(OverdueRow {
                id: r.get(0)?,
                registration_number: r.get(1)?,
                permit_type: r.get(2)?,
                status: r.get(3)?,
                due_date: r.get(4)?,
                village: r.get(5)?,
                district: r.get(6)?,
            })
        },
    )
}
