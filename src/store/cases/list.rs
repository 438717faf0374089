//! The case lists the screens and the CLI show, and their counts: one filter, one query builder, so a
//! count never disagrees with the list it counts.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::{CaseId, Channel, Status};
use crate::db::{Db, Param, Value};
use crate::Result;

/// A row of a case list.
#[derive(Debug, Clone, Serialize)]
pub struct CaseSummary {
    pub id: CaseId,
    pub registration_number: String,
    pub applicant_name: String,
    pub applicant_nik: String,
    pub permit_type_code: String,
    pub permit_type_name: String,
    pub status: Status,
    pub channel: Channel,
    pub registered_at: DateTime<Utc>,
    pub due_date: Option<NaiveDate>,
    pub permit_number: Option<String>,
    pub village: Option<String>,
}

/// What a list asks for; every field is optional and they combine with AND.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct CaseFilter {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// Any of these statuses (the today strip's "waiting for you").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub statuses: Vec<Status>,
    /// What a clerk types into the search box: part of a name (any word, any position, accents and case
    /// ignored), a NIK or its first digits, a registration, permit or van receipt number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub query: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub permit_type: Option<String>,
    /// Cases in progress whose due date is on or before this day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_by: Option<NaiveDate>,
    /// Cases in progress due on exactly this day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_on: Option<NaiveDate>,
    /// Cases in progress whose due date is before this day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overdue_on: Option<NaiveDate>,
    /// Only cases older than this one (the next page of a list, newest first).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before: Option<CaseId>,
    /// At most this many rows (200 when not given, 5000 at most).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
}

const RUNNING: &str = "c.status IN ('verified', 'in_review', 'approved')";

/// Adds `v` as the next parameter and `template` (with `?N` for it) to the clause.
pub(super) fn push(sql: &mut String, args: &mut Vec<Value>, v: Value, template: &str) {
    args.push(v);
    sql.push_str(&template.replace("?N", &format!("?{}", args.len())));
}

/// The conditions of a filter over `cases c` (and `permit_types t`, see [`joins`]) but its search text
/// and its page, appended as ` AND …` to `sql` with their parameters appended to `args`.
pub(super) fn conditions(f: &CaseFilter, sql: &mut String, args: &mut Vec<Value>) {
    if let Some(s) = f.status {
        push(sql, args, s.to_value(), " AND c.status = ?N");
    }
    if !f.statuses.is_empty() {
        sql.push_str(" AND c.status IN (");
        for (i, s) in f.statuses.iter().enumerate() {
            args.push(s.to_value());
            if i > 0 {
                sql.push_str(", ");
            }
            sql.push_str(&format!("?{}", args.len()));
        }
        sql.push(')');
    }
    if let Some(code) = permit_type(f) {
        push(
            sql,
            args,
            Value::Text(code.to_uppercase()),
            " AND t.code = ?N",
        );
    }
    if let Some(d) = f.due_by {
        push(
            sql,
            args,
            d.to_value(),
            &format!(" AND c.due_date <= ?N AND {RUNNING}"),
        );
    }
    if let Some(d) = f.due_on {
        push(
            sql,
            args,
            d.to_value(),
            &format!(" AND c.due_date = ?N AND {RUNNING}"),
        );
    }
    if let Some(d) = f.overdue_on {
        push(
            sql,
            args,
            d.to_value(),
            &format!(" AND c.due_date < ?N AND {RUNNING}"),
        );
    }
}

fn permit_type(f: &CaseFilter) -> Option<&str> {
    f.permit_type
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// The joins [`conditions`] needs besides `cases c`: only the permit type, and only when it filters by
/// it, so a count reads the cases' indexes alone.
pub(super) fn joins(f: &CaseFilter) -> &'static str {
    if permit_type(f).is_some() {
        " JOIN permit_types t ON t.id = c.permit_type_id"
    } else {
        ""
    }
}

/// The search box's text, when there is one.
fn query(f: &CaseFilter) -> Option<&str> {
    f.query.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

const FROM: &str = "FROM cases c JOIN applicants a ON a.id = c.applicant_id
     JOIN permit_types t ON t.id = c.permit_type_id LEFT JOIN villages v ON v.code = a.village_code";

const SUMMARY: &str =
    "SELECT c.id, c.registration_number, a.name, a.nik, t.code, t.name, c.status, c.channel,
                    c.registered_at, c.due_date, c.permit_number, v.name";

pub(super) fn refs(args: &[Value]) -> Vec<&dyn Param> {
    args.iter().map(|v| v as &dyn Param).collect()
}

fn summary(r: &crate::db::Row) -> Result<CaseSummary> {
    Ok(CaseSummary {
        id: r.get(0)?,
        registration_number: r.get(1)?,
        applicant_name: r.get(2)?,
        applicant_nik: r.get(3)?,
        permit_type_code: r.get(4)?,
        permit_type_name: r.get(5)?,
        status: r.get(6)?,
        channel: r.get(7)?,
        registered_at: r.get(8)?,
        due_date: r.get(9)?,
        permit_number: r.get(10)?,
        village: r.get(11)?,
    })
}

/// The rows of these cases, in the order given (a search's ranking).
pub(super) fn summaries(db: &Db, ids: &[CaseId]) -> Result<Vec<CaseSummary>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let marks: Vec<String> = (1..=ids.len()).map(|i| format!("?{i}")).collect();
    let params: Vec<&dyn Param> = ids.iter().map(|i| i as &dyn Param).collect();
    let mut rows = db.map(
        &format!("{SUMMARY} {FROM} WHERE c.id IN ({})", marks.join(", ")),
        &params,
        summary,
    )?;
    rows.sort_by_key(|r| ids.iter().position(|i| *i == r.id));
    Ok(rows)
}

/// The page size a filter asks for: 200 when not given, 5000 at most.
pub(super) fn limit(f: &CaseFilter) -> u32 {
    f.limit.unwrap_or(200).min(5000)
}

/// Lists cases, newest first, filtered; with search text, the search's ranking (see [`super::search`]).
pub fn list(db: &Db, f: &CaseFilter) -> Result<Vec<CaseSummary>> {
    if let Some(q) = query(f) {
        return super::search::list(db, f, q);
    }
    let mut sql = String::from(" WHERE 1 = 1");
    let mut args = Vec::new();
    conditions(f, &mut sql, &mut args);
    if let Some(b) = f.before {
        push(&mut sql, &mut args, b.to_value(), " AND c.id < ?N");
    }
    push(
        &mut sql,
        &mut args,
        Value::Int(i64::from(limit(f))),
        " ORDER BY c.id DESC LIMIT ?N",
    );
    db.map(&format!("{SUMMARY} {FROM}{sql}"), &refs(&args), summary)
}

/// How many cases a filter matches, with no cap (the limit and the page are ignored). Counted from the
/// cases' indexes (status, due date) without reading the applicants.
pub fn count(db: &Db, f: &CaseFilter) -> Result<u64> {
    if let Some(q) = query(f) {
        return super::search::count(db, f, q);
    }
    let mut sql = String::from(" WHERE 1 = 1");
    let mut args = Vec::new();
    conditions(f, &mut sql, &mut args);
    let n: i64 = db.value(
        &format!("SELECT count(*) FROM cases c{}{sql}", joins(f)),
        &refs(&args),
    )?;
    Ok(n.max(0) as u64)
}
