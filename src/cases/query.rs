//! Reading cases back: one case in full for its screen, the lists the screens and the CLI show, and
//! where a case stands against its service standard.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use super::lifecycle::{allowed_moves, Rule, Step};
use crate::actor::Actor;
use crate::audit::{self, CaseEvent};
use crate::db::Db;
use crate::office::{calendar, SlaState, WorkCalendar};
use crate::people::applicants::{self, Applicant};
use crate::store::case_documents::{self, CaseDocument};
use crate::store::cases::{self as store, Case, CaseFilter, CaseId, CaseSummary, Status};
use crate::{catalogue, office, Error, Result};

/// Everything the case screen shows.
#[derive(Debug, Clone, Serialize)]
pub struct CaseDetail {
    pub case: Case,
    pub applicant: Applicant,
    pub documents: Vec<CaseDocument>,
    pub events: Vec<CaseEvent>,
    pub sla: SlaState,
    /// The generic steps the asking user may take now.
    pub moves: Vec<Rule>,
    /// The dedicated steps the asking user may take now from this screen (the counter handover of an
    /// issued permit on no trip, for a clerk).
    pub steps: Vec<Step>,
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
fn labelled(db: &Db, case: &Case) -> Result<Vec<LabelledValue>> {
    let ptype = catalogue::get(db, case.permit_type_id)?;
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

/// A case by id.
pub fn get(db: &Db, id: CaseId) -> Result<Case> {
    store::get(db, id)?.ok_or_else(|| Error::not_found("case", id))
}

/// A case by registration number or permit number (what a barcode scanner types), any case of letters.
pub fn find_by_number(db: &Db, number: &str) -> Result<Option<CaseId>> {
    let n = number.trim();
    if n.is_empty() {
        return Ok(None);
    }
    match store::find_by_number(db, n)? {
        Some(id) => Ok(Some(id)),
        None if n != n.to_uppercase() => store::find_by_number(db, &n.to_uppercase()),
        None => Ok(None),
    }
}

/// A case's checklist in order.
pub fn documents(db: &Db, id: CaseId) -> Result<Vec<CaseDocument>> {
    case_documents::of_case(db, id)
}

/// Where a case stands against its service standard on `today`.
pub fn sla(cal: &WorkCalendar, case: &Case, today: NaiveDate) -> SlaState {
    use Status::*;
    match (case.status, case.due_date) {
        (Received, _) if case.sla_started_on.is_none() => SlaState::NotStarted,
        (Received | Returned, _) if case.sla_started_on.is_some() => SlaState::Paused {
            used_days: case.sla_used_days,
            sla_days: case.sla_days,
        },
        (Returned, _) => SlaState::NotStarted,
        (Verified | InReview | Approved, Some(due)) => calendar::sla_state(cal, due, today),
        _ => SlaState::Stopped,
    }
}

/// Everything the case screen needs, with the steps the viewer may take (none without a viewer).
pub fn detail(
    db: &Db,
    viewer: Option<&Actor>,
    now: DateTime<Utc>,
    id: CaseId,
) -> Result<CaseDetail> {
    let case = get(db, id)?;
    let today = office::today(db, now)?;
    let cal = WorkCalendar::load(db)?;
    // A van laptop records only field work: no step of a case's life is taken there (docs/van.md), so
    // none is offered.
    let viewer = match viewer {
        Some(_) if crate::store::van_offline::is_van(db)? => None,
        v => v,
    };
    Ok(CaseDetail {
        applicant: applicants::get(db, case.applicant_id)?,
        documents: documents(db, id)?,
        events: audit::case_events(db, id)?,
        sla: sla(&cal, &case, today),
        moves: viewer
            .map(|a| allowed_moves(case.status, a.role))
            .unwrap_or_default(),
        steps: match viewer {
            Some(a) => dedicated_steps(db, &case, a.role)?,
            None => Vec::new(),
        },
        fields: labelled(db, &case)?,
        case,
    })
}

/// The dedicated steps `role` may start from the case screen: the counter handover, for a clerk, of an
/// issued permit that is on no trip (one on a trip is recalled or taken off it first).
fn dedicated_steps(db: &Db, case: &Case, role: crate::actor::Role) -> Result<Vec<Step>> {
    let on_trip = crate::store::deliveries::open_of_case(db, case.id)?.is_some();
    let rule = super::RULES
        .iter()
        .find(|r| r.via == Some(Step::CounterHandover))
        .filter(|r| r.from == case.status && r.roles.contains(&role));
    Ok(if rule.is_some() && !on_trip {
        vec![Step::CounterHandover]
    } else {
        Vec::new()
    })
}

/// Lists cases, newest first, filtered.
pub fn list(db: &Db, f: &CaseFilter) -> Result<Vec<CaseSummary>> {
    store::list(db, f)
}

/// How many cases a filter matches, with no cap (the search box's count, a tile's count).
pub fn count(db: &Db, f: &CaseFilter) -> Result<u64> {
    store::count(db, f)
}
