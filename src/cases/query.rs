//! Reading cases back: one case in full, the lists the screens and the CLI show, and its SLA standing.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use rusqlite::{params_from_iter, types::Value, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use super::{office_today, CaseId, Channel, ServiceMode, Status};
use crate::applicants::{self, Applicant, ApplicantId};
use crate::audit::{self, CaseEvent};
use crate::calendar::{self, SlaState, WorkCalendar};
use crate::users::Actor;
use crate::{time, Error, Result};

/// A case as stored, with its permit type's code and name.
#[derive(Debug, Clone, Serialize)]
pub struct Case {
    pub id: CaseId,
    pub registration_number: String,
    pub applicant_id: ApplicantId,
    pub permit_type_code: String,
    pub permit_type_name: String,
    pub channel: Channel,
    pub service_mode: ServiceMode,
    pub status: Status,
    pub details: BTreeMap<String, String>,
    pub registered_at: String,
    pub registered_by: String,
    pub sla_days: u32,
    pub sla_used_days: u32,
    pub sla_started_on: Option<String>,
    pub due_date: Option<String>,
    pub decision_reason: Option<String>,
    pub permit_number: Option<String>,
    pub issued_on: Option<String>,
    pub valid_until: Option<String>,
    pub signer: Option<super::lifecycle::SignerOnRecord>,
    pub closed_at: Option<String>,
}

/// One line of the case's checklist.
#[derive(Debug, Clone, Serialize)]
pub struct CaseDocument {
    pub position: u32,
    pub label: String,
    pub mandatory: bool,
    pub received: bool,
}

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
    pub registered_at: String,
    pub due_date: Option<String>,
    pub permit_number: Option<String>,
    pub village: Option<String>,
}

/// What a list asks for; every field is optional.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct CaseFilter {
    #[serde(default)]
    pub status: Option<Status>,
    /// Name, NIK, registration number or permit number (prefix or part).
    #[serde(default)]
    pub query: Option<String>,
    #[serde(default)]
    pub permit_type: Option<String>,
    /// Cases whose due date is on or before this day and are still in progress.
    #[serde(default)]
    pub due_by: Option<String>,
    #[serde(default)]
    pub limit: Option<u32>,
}

/// Everything the case screen shows.
#[derive(Debug, Clone, Serialize)]
pub struct CaseDetail {
    pub case: Case,
    pub applicant: Applicant,
    pub documents: Vec<CaseDocument>,
    pub events: Vec<CaseEvent>,
    pub sla: SlaState,
    /// The steps the asking user may take now.
    pub moves: Vec<super::Rule>,
    /// The permit type's own fields with their labels, in the catalogue's order.
    pub fields: Vec<LabelledValue>,
}

/// One of the permit type's own fields as a person reads it.
#[derive(Debug, Clone, Serialize)]
pub struct LabelledValue {
    pub key: String,
    pub label: String,
    pub value: String,
}

/// The case's field values under the permit type's labels; a key the catalogue no longer lists keeps its
/// key as label so nothing recorded is hidden.
fn labelled(conn: &Connection, case: &Case) -> Result<Vec<LabelledValue>> {
    let ptype = crate::permit_types::by_code(conn, &case.permit_type_code)?;
    let mut out: Vec<LabelledValue> = ptype
        .fields
        .iter()
        .filter_map(|f| {
            case.details.get(&f.key).map(|v| LabelledValue {
                key: f.key.clone(),
                label: f.label.clone(),
                value: v.clone(),
            })
        })
        .collect();
    for (k, v) in &case.details {
        if !ptype.fields.iter().any(|f| &f.key == k) {
            out.push(LabelledValue {
                key: k.clone(),
                label: k.clone(),
                value: v.clone(),
            });
        }
    }
    Ok(out)
}

const CASE_COLUMNS: &str = "c.id, c.registration_number, c.applicant_id, t.code, t.name, c.channel, c.service_mode, \
     c.status, c.details, c.registered_at, u.username, c.sla_days, c.sla_used_days, c.sla_started_on, c.due_date, \
     c.decision_reason, c.permit_number, c.issued_on, c.valid_until, c.signer, c.closed_at";
const CASE_FROM: &str =
    "cases c JOIN permit_types t ON t.id = c.permit_type_id JOIN users u ON u.id = c.registered_by";

fn json<T: serde::de::DeserializeOwned>(r: &Row, i: usize) -> rusqlite::Result<Option<T>> {
    let s: Option<String> = r.get(i)?;
    s.map(|s| serde_json::from_str(&s))
        .transpose()
        .map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
        })
}

fn case_from_row(r: &Row) -> rusqlite::Result<Case> {
    Ok(Case {
        id: CaseId(r.get(0)?),
        registration_number: r.get(1)?,
        applicant_id: ApplicantId(r.get(2)?),
        permit_type_code: r.get(3)?,
        permit_type_name: r.get(4)?,
        channel: r.get(5)?,
        service_mode: r.get(6)?,
        status: r.get(7)?,
        details: json(r, 8)?.unwrap_or_default(),
        registered_at: r.get(9)?,
        registered_by: r.get(10)?,
        sla_days: r.get(11)?,
        sla_used_days: r.get(12)?,
        sla_started_on: r.get(13)?,
        due_date: r.get(14)?,
        decision_reason: r.get(15)?,
        permit_number: r.get(16)?,
        issued_on: r.get(17)?,
        valid_until: r.get(18)?,
        signer: json(r, 19)?,
        closed_at: r.get(20)?,
    })
}

/// A case by id.
pub fn get(conn: &Connection, id: CaseId) -> Result<Case> {
    conn.query_row(
        &format!("SELECT {CASE_COLUMNS} FROM {CASE_FROM} WHERE c.id = ?1"),
        [id.0],
        case_from_row,
    )
    .optional()?
    .ok_or_else(|| Error::not_found("case", id.0))
}

/// A case by registration number or permit number (what a barcode scanner types).
pub fn find_by_number(conn: &Connection, number: &str) -> Result<Option<CaseId>> {
    let n = number.trim();
    Ok(conn
        .query_row(
            "SELECT id FROM cases WHERE registration_number = ?1 COLLATE NOCASE OR permit_number = ?1 COLLATE NOCASE",
            [n],
            |r| r.get(0),
        )
        .optional()?
        .map(CaseId))
}

/// A case's checklist in order.
pub fn documents(conn: &Connection, id: CaseId) -> Result<Vec<CaseDocument>> {
    let mut stmt = conn.prepare(
        "SELECT position, label, mandatory, received FROM case_documents WHERE case_id = ?1 ORDER BY position",
    )?;
    let rows = stmt
        .query_map([id.0], |r| {
            Ok(CaseDocument {
                position: r.get(0)?,
                label: r.get(1)?,
                mandatory: r.get(2)?,
                received: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Where a case stands against its service standard today.
pub fn sla(cal: &WorkCalendar, case: &Case, today: chrono::NaiveDate) -> Result<SlaState> {
    use Status::*;
    Ok(match (case.status, case.due_date.as_deref()) {
        (Received, _) if case.sla_started_on.is_none() => SlaState::NotStarted,
        (Received | Returned, _) if case.sla_started_on.is_some() => SlaState::Paused {
            used_days: case.sla_used_days,
            sla_days: case.sla_days,
        },
        (Returned, _) => SlaState::NotStarted,
        (Verified | InReview | Approved, Some(due)) => {
            calendar::sla_state(cal, time::parse_day("due_date", due)?, today)
        }
        _ => SlaState::Stopped,
    })
}

/// Everything the case screen needs, with the steps the viewer may take (none without a viewer).
pub fn detail(
    conn: &Connection,
    viewer: Option<&Actor>,
    now: DateTime<Utc>,
    id: CaseId,
) -> Result<CaseDetail> {
    let case = get(conn, id)?;
    let today = office_today(conn, now)?;
    let cal = WorkCalendar::load(conn)?;
    Ok(CaseDetail {
        applicant: applicants::get(conn, case.applicant_id)?,
        documents: documents(conn, id)?,
        events: audit::case_events(conn, id)?,
        sla: sla(&cal, &case, today)?,
        moves: viewer
            .map(|a| super::allowed_moves(case.status, a.role))
            .unwrap_or_default(),
        fields: labelled(conn, &case)?,
        case,
    })
}

/// Lists cases, newest first, filtered.
pub fn list(conn: &Connection, f: &CaseFilter) -> Result<Vec<CaseSummary>> {
    let mut sql = String::from(
        "SELECT c.id, c.registration_number, a.name, a.nik, t.code, t.name, c.status, c.channel, c.registered_at,
                c.due_date, c.permit_number, v.name
         FROM cases c JOIN applicants a ON a.id = c.applicant_id JOIN permit_types t ON t.id = c.permit_type_id
         LEFT JOIN villages v ON v.code = a.village_code WHERE 1 = 1",
    );
    let mut args: Vec<Value> = Vec::new();
    if let Some(s) = f.status {
        args.push(Value::Text(s.as_str().into()));
        sql.push_str(&format!(" AND c.status = ?{}", args.len()));
    }
    if let Some(code) = f.permit_type.as_deref().filter(|s| !s.trim().is_empty()) {
        args.push(Value::Text(code.trim().to_uppercase()));
        sql.push_str(&format!(" AND t.code = ?{}", args.len()));
    }
    if let Some(due) = f.due_by.as_deref().filter(|s| !s.trim().is_empty()) {
        args.push(Value::Text(time::day(time::parse_day("due_by", due)?)));
        sql.push_str(&format!(
            " AND c.due_date <= ?{} AND c.status IN ('verified', 'in_review', 'approved')",
            args.len()
        ));
    }
    if let Some(q) = f.query.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        let digits: String = q.chars().filter(char::is_ascii_digit).collect();
        args.push(Value::Text(q.to_string()));
        let n = args.len();
        sql.push_str(&format!(
            " AND (a.name LIKE '%' || ?{n} || '%' OR c.registration_number LIKE '%' || ?{n} || '%'
                   OR c.permit_number LIKE '%' || ?{n} || '%'"
        ));
        if digits.len() >= 4 && digits.len() == q.chars().filter(|c| !c.is_whitespace()).count() {
            args.push(Value::Text(digits));
            sql.push_str(&format!(" OR a.nik LIKE ?{} || '%'", args.len()));
        }
        sql.push(')');
    }
    args.push(Value::Integer(i64::from(f.limit.unwrap_or(200).min(5000))));
    sql.push_str(&format!(" ORDER BY c.id DESC LIMIT ?{}", args.len()));
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt
        .query_map(params_from_iter(args), |r| {
            Ok(CaseSummary {
                id: CaseId(r.get(0)?),
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
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}
