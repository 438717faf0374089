//! Registering an application at the counter or in the van: applicant, case, checklist, registration
//! number and the first audit row, all in one transaction.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, Transaction};
use serde::Deserialize;

use super::{office_today, CaseId, Channel, ServiceMode, Status};
use crate::applicants::{self, ApplicantInput};
use crate::audit::{self, Change};
use crate::users::{Actor, Role};
use crate::{db, numbering, permit_types, text, time, Error, Result};

/// What the front desk fills in for a new application.
#[derive(Debug, Clone, Deserialize)]
pub struct NewCase {
    pub applicant: ApplicantInput,
    pub permit_type: String,
    #[serde(default = "default_channel")]
    pub channel: Channel,
    #[serde(default = "default_mode")]
    pub service_mode: ServiceMode,
    /// Checklist positions (1-based) of the documents handed in.
    #[serde(default)]
    pub received: Vec<u32>,
    /// The permit type's own fields, by key.
    #[serde(default)]
    pub details: BTreeMap<String, String>,
}

fn default_channel() -> Channel {
    Channel::Counter
}

fn default_mode() -> ServiceMode {
    ServiceMode::New
}

/// Registers an application (clerk at the counter, courier in the van). Returns the new case id.
pub fn register(
    conn: &mut Connection,
    actor: &Actor,
    now: DateTime<Utc>,
    input: &NewCase,
) -> Result<CaseId> {
    let tx = db::write_tx(conn)?;
    let id = register_tx(&tx, actor, now, input)?;
    tx.commit()?;
    Ok(id)
}

/// [`register`] inside the caller's write transaction (a bulk import registers many in one).
pub(crate) fn register_tx(
    tx: &Transaction,
    actor: &Actor,
    now: DateTime<Utc>,
    input: &NewCase,
) -> Result<CaseId> {
    actor.require(&[Role::Clerk, Role::Courier], "register applications")?;
    let today = office_today(tx, now)?;
    let ptype = permit_types::by_code(tx, &input.permit_type)?;
    if !ptype.active {
        return Err(Error::invalid(
            "permit_type",
            format!("{} is retired and takes no new applications", ptype.code),
        ));
    }
    let details = check_details(&ptype.fields, &input.details)?;
    for p in &input.received {
        if !ptype.requirements.iter().any(|r| r.position == *p) {
            return Err(Error::invalid(
                "received",
                format!("{} has no checklist item {p}", ptype.code),
            ));
        }
    }
    let (applicant, _) = applicants::find_or_create_tx(tx, actor, now, today, &input.applicant)?;
    let reg = numbering::registration_number(tx, today)?;
    let stamp = time::stamp(now);
    tx.execute(
        "INSERT INTO cases (registration_number, applicant_id, permit_type_id, channel, service_mode, status, details,
                            registered_at, registered_on, registered_by, sla_days, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, 'received', ?6, ?7, ?8, ?9, ?10, ?7)",
        params![
            reg,
            applicant.id.0,
            ptype.id.0,
            input.channel,
            input.service_mode,
            details,
            stamp,
            time::day(today),
            actor.id.0,
            ptype.sla_days
        ],
    )?;
    let id = CaseId(tx.last_insert_rowid());
    let mut stmt = tx.prepare(
        "INSERT INTO case_documents (case_id, position, label, mandatory, received) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for r in &ptype.requirements {
        stmt.execute(params![
            id.0,
            r.position,
            r.label,
            r.mandatory,
            input.received.contains(&r.position)
        ])?;
    }
    drop(stmt);
    let detail = format!("{} {} {}", reg, ptype.code, input.channel);
    audit::case_event(
        tx,
        id,
        actor,
        now,
        Change {
            action: "registered",
            from: None,
            to: Some(Status::Received),
            reason: None,
            detail: Some(&detail),
        },
    )?;
    Ok(id)
}

/// Checks the permit type's own fields: required ones present, dates and numbers well formed, choices
/// from the list, no unknown keys. Returns the JSON stored with the case.
fn check_details(
    fields: &[permit_types::FieldDef],
    given: &BTreeMap<String, String>,
) -> Result<String> {
    let mut out = BTreeMap::new();
    for key in given.keys() {
        if !fields.iter().any(|f| &f.key == key) {
            return Err(Error::invalid(
                "details",
                format!("this permit type has no field {key:?}"),
            ));
        }
    }
    for f in fields {
        let value = given
            .get(&f.key)
            .map(|v| v.trim())
            .filter(|v| !v.is_empty());
        let Some(v) = value else {
            if f.required {
                return Err(Error::invalid(
                    "details",
                    format!("{} is required", f.label),
                ));
            }
            continue;
        };
        let v = text::line("details", v, text::MAX_TEXT)?;
        match f.kind.as_str() {
            "date" => {
                time::parse_day("details", &v)?;
            }
            "number" if v.parse::<f64>().is_err() => {
                return Err(Error::invalid(
                    "details",
                    format!("{} must be a number", f.label),
                ));
            }
            "choice" if !f.choices.contains(&v) => {
                return Err(Error::invalid(
                    "details",
                    format!("{} must be one of {}", f.label, f.choices.join(", ")),
                ));
            }
            _ => {}
        }
        out.insert(f.key.clone(), v);
    }
    serde_json::to_string(&out).map_err(|e| Error::invalid("details", e.to_string()))
}
