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
    /// Name, NIK, registration number or permit number (prefix or part).
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
fn push(sql: &mut String, args: &mut Vec<Value>, v: Value, template: &str) {
    args.push(v);
    sql.push_str(&template.replace("?N", &format!("?{}", args.len())));
}

/// The WHERE clause of a filter and its parameters.
fn clause(f: &CaseFilter) -> (String, Vec<Value>) {
    let mut sql = String::from(" WHERE 1 = 1");
    let mut args: Vec<Value> = Vec::new();
    if let Some(s) = f.status {
        push(&mut sql, &mut args, s.to_value(), " AND c.status = ?N");
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
    if let Some(code) = f
        .permit_type
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        push(
            &mut sql,
            &mut args,
            Value::Text(code.to_uppercase()),
            " AND t.code = ?N",
        );
    }
    if let Some(d) = f.due_by {
        push(
            &mut sql,
            &mut args,
            d.to_value(),
            &format!(" AND c.due_date <= ?N AND {RUNNING}"),
        );
    }
    if let Some(d) = f.due_on {
        push(
            &mut sql,
            &mut args,
            d.to_value(),
            &format!(" AND c.due_date = ?N AND {RUNNING}"),
        );
    }
    if let Some(d) = f.overdue_on {
        push(
            &mut sql,
            &mut args,
            d.to_value(),
            &format!(" AND c.due_date < ?N AND {RUNNING}"),
        );
    }
    if let Some(b) = f.before {
        push(&mut sql, &mut args, b.to_value(), " AND c.id < ?N");
    }
    if let Some(q) = f.query.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        let part = format!("%{}%", q.to_lowercase());
        args.push(Value::Text(part));
        let n = args.len();
        sql.push_str(&format!(
            " AND (lower(a.name) LIKE ?{n} OR lower(c.registration_number) LIKE ?{n}
                   OR lower(c.permit_number) LIKE ?{n} OR lower(c.van_number) LIKE ?{n}"
        ));
        let digits: String = q.chars().filter(char::is_ascii_digit).collect();
        if digits.len() >= 4 && digits.len() == q.chars().filter(|c| !c.is_whitespace()).count() {
            args.push(Value::Text(format!("{digits}%")));
            sql.push_str(&format!(" OR a.nik LIKE ?{}", args.len()));
        }
        sql.push(')');
    }
    (sql, args)
}

const FROM: &str = "FROM cases c JOIN applicants a ON a.id = c.applicant_id
     JOIN permit_types t ON t.id = c.permit_type_id LEFT JOIN villages v ON v.code = a.village_code";

fn refs(args: &[Value]) -> Vec<&dyn Param> {
    args.iter().map(|v| v as &dyn Param).collect()
}

/// Lists cases, newest first, filtered.
pub fn list(db: &Db, f: &CaseFilter) -> Result<Vec<CaseSummary>> {
    let (mut sql, mut args) = clause(f);
    args.push(Value::Int(i64::from(f.limit.unwrap_or(200).min(5000))));
    sql.push_str(&format!(" ORDER BY c.id DESC LIMIT ?{}", args.len()));
    db.map(
        &format!(
            "SELECT c.id, c.registration_number, a.name, a.nik, t.code, t.name, c.status, c.channel,
                    c.registered_at, c.due_date, c.permit_number, v.name {FROM}{sql}"
        ),
        &refs(&args),
        |r| {
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
        },
    )
}

/// How many cases a filter matches, with no cap (the limit and the page are ignored).
pub fn count(db: &Db, f: &CaseFilter) -> Result<u64> {
    let (sql, args) = clause(f);
    let n: i64 = db.value(&format!("SELECT count(*) {FROM}{sql}"), &refs(&args))?;
    Ok(n.max(0) as u64)
}
