//! Registering an application at the counter or in the van: applicant, case, checklist, registration
//! number and the first audit row, all in one transaction — once per submission: the form carries an id
//! made where it was typed, and a second Enter, a double click or a retry after an error returns the
//! case the first one registered.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::actor::{Actor, Role};
use crate::audit::{self, Change};
use crate::catalogue::{self, numbering, FieldDef, FieldKind};
use crate::db::{Db, Tx};
use crate::people::applicants::{self, ApplicantInput, Difference};
use crate::store::case_documents::{self, CaseDocument};
use crate::store::cases::{self as store, CaseId, Channel, NewCaseRow, ServiceMode, Status};
use crate::{office, text, time, Error, Result};

/// What the front desk fills in for a new application.
#[derive(Debug, Clone, Deserialize, Serialize)]
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
    /// The id of the submission (made by the form when it was opened): the same id registers once.
    #[serde(default)]
    pub submission_id: Option<String>,
}

fn default_channel() -> Channel {
    Channel::Counter
}

fn default_mode() -> ServiceMode {
    ServiceMode::New
}

/// What a registration answers.
#[derive(Debug, Clone, Serialize)]
pub struct Registered {
    pub id: CaseId,
    pub registration_number: String,
    /// False when the submission had already been registered: this is that case.
    pub created: bool,
    /// Where what was typed differs from the registered applicant (their data is kept).
    pub differences: Vec<Difference>,
}

/// Registers an application (clerk at the counter, courier in the van).
pub fn register(
    db: &mut Db,
    actor: &Actor,
    now: DateTime<Utc>,
    input: &NewCase,
) -> Result<Registered> {
    let today = office::today(db, now)?;
    db.write(|tx| register_tx(tx, actor, now, today, input))
}

fn check_submission(id: Option<&str>) -> Result<Option<String>> {
    match id.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s)
            if (8..=64).contains(&s.len())
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') =>
        {
            Ok(Some(s.to_string()))
        }
        Some(_) => Err(Error::invalid(
            "submission_id",
            "a submission id is 8–64 letters, digits, '-' or '_'",
        )),
    }
}

/// [`register`] inside the caller's write transaction (a bulk import registers many in one).
pub(crate) fn register_tx(
    tx: &Tx,
    actor: &Actor,
    now: DateTime<Utc>,
    today: NaiveDate,
    input: &NewCase,
) -> Result<Registered> {
    actor.require(&[Role::Clerk, Role::Courier], "register applications")?;
    let submission = check_submission(input.submission_id.as_deref())?;
    if let Some(s) = &submission {
        if let Some(id) = store::by_submission(tx, s)? {
            let case = store::get(tx, id)?.ok_or_else(|| Error::not_found("case", id))?;
            return Ok(Registered {
                id,
                registration_number: case.registration_number,
                created: false,
                differences: Vec::new(),
            });
        }
    }
    let ptype = catalogue::by_code(tx, &input.permit_type)?;
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
    let reg = numbering::registration_number(tx, today)?;
    let van = crate::store::van_offline::is_van(tx)?;
    if van {
        // In the van the registration is also a field action, replayed into the office register later.
        audit::outbox::record(
            tx,
            actor,
            now,
            "register",
            &serde_json::json!({ "input": input, "van_number": reg }),
        )?;
    }
    let found = applicants::find_or_create_tx(tx, actor, now, today, &input.applicant)?;
    let id = store::insert(
        tx,
        &NewCaseRow {
            registration_number: &reg,
            applicant_id: found.applicant.id,
            permit_type_id: ptype.id,
            channel: if van { Channel::Van } else { input.channel },
            service_mode: input.service_mode,
            details: &details,
            registered_at: now,
            registered_on: today,
            registered_by: actor.id,
            sla_days: ptype.sla_days,
            submission_id: submission.as_deref(),
        },
    )?;
    let docs: Vec<CaseDocument> = ptype
        .requirements
        .iter()
        .map(|r| CaseDocument {
            position: r.position,
            label: r.label.clone(),
            mandatory: r.mandatory,
            received: input.received.contains(&r.position),
        })
        .collect();
    case_documents::insert(tx, id, &docs)?;
    let detail = format!(
        "{} {} {}",
        reg,
        ptype.code,
        if van { Channel::Van } else { input.channel }
    );
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
    Ok(Registered {
        id,
        registration_number: reg,
        created: true,
        differences: found.differences,
    })
}

/// Checks the permit type's own fields: required ones present, dates and numbers well formed, choices
/// from the list, no unknown keys, every value printable.
fn check_details(
    fields: &[FieldDef],
    given: &BTreeMap<String, String>,
) -> Result<BTreeMap<String, String>> {
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
        let v = text::line("details", v, text::MAX_TEXT)
            .map_err(|e| Error::invalid("details", format!("{}: {}", f.label, e)))?;
        match f.kind {
            FieldKind::Date => {
                time::parse_day("details", &v)?;
            }
            FieldKind::Number if v.parse::<f64>().is_err() => {
                return Err(Error::invalid(
                    "details",
                    format!("{} must be a number", f.label),
                ));
            }
            FieldKind::Choice if !f.choices.contains(&v) => {
                return Err(Error::invalid(
                    "details",
                    format!("{} must be one of {}", f.label, f.choices.join(", ")),
                ));
            }
            _ => {}
        }
        out.insert(f.key.clone(), v);
    }
    Ok(out)
}
