//! The allowed steps of a case, who may take them, and what each step does besides changing the status:
//! the SLA clock, the permit number, the signer on record. One transaction per step, audited.
//!
//! The delivery steps (out for delivery, delivered, back to the pool, collected at the counter) record who
//! received the permit and check their NIK: they happen only through the van's and the counter's own
//! functions, and the generic [`move_case`] refuses them, naming the right step.

use chrono::{DateTime, Months, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::actor::{Actor, Role};
use crate::audit::{self, Change};
use crate::catalogue::{self, numbering, snapshot::CertificateSnapshot};
use crate::db::{Db, Tx};
use crate::office::WorkCalendar;
use crate::store::cases::{self as store, CaseId, SignerOnRecord, Status};
use crate::{identity, office, text, Error, Result};

/// The dedicated step that takes a case along a delivery rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// The trip leaves (`trip start`), or a permit is put on a trip that is out.
    TripOut,
    /// The crew records the handover at the stop (`trip deliver`), the recipient's NIK checked.
    Delivery,
    /// The crew records a failed delivery, or the trip closes without reaching the permit.
    FailedDelivery,
    /// The counter hands the permit over (`collect`), the holder's or the proxy's NIK checked.
    CounterHandover,
}

impl Step {
    fn explain(self) -> &'static str {
        match self {
            Step::TripOut => "put the permit on a van trip and start the trip (petromaks trip start)",
            Step::Delivery => {
                "record the handover on the trip with the recipient's NIK (petromaks trip record)"
            }
            Step::FailedDelivery => {
                "record the failed delivery on the trip, or close the trip (petromaks trip record --outcome not_home … / trip close)"
            }
            Step::CounterHandover => {
                "hand it over at the counter with the holder's or the proxy's NIK (petromaks collect)"
            }
        }
    }
}

/// One allowed step.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Rule {
    pub from: Status,
    pub to: Status,
    pub roles: &'static [Role],
    pub reason_required: bool,
    /// When set, only this dedicated step takes a case along the rule.
    pub via: Option<Step>,
}

const fn rule(from: Status, to: Status, roles: &'static [Role], reason_required: bool) -> Rule {
    Rule {
        from,
        to,
        roles,
        reason_required,
        via: None,
    }
}

const fn via(from: Status, to: Status, roles: &'static [Role], reason: bool, step: Step) -> Rule {
    Rule {
        from,
        to,
        roles,
        reason_required: reason,
        via: Some(step),
    }
}

use Role::{Clerk, Courier, Signer, Verifier};
use Status::*;

/// Every step DOMAIN.md allows; anything not listed is refused.
pub const RULES: &[Rule] = &[
    rule(Received, Returned, &[Clerk, Verifier], true),
    rule(Received, Verified, &[Verifier], false),
    rule(Returned, Received, &[Clerk, Courier], false),
    rule(Verified, InReview, &[Verifier], false),
    rule(Verified, Returned, &[Verifier], true),
    rule(InReview, Returned, &[Verifier], true),
    rule(Verified, Approved, &[Signer], false),
    rule(InReview, Approved, &[Signer], false),
    rule(Verified, Rejected, &[Signer], true),
    rule(InReview, Rejected, &[Signer], true),
    rule(Approved, Issued, &[Signer], false),
    via(
        Issued,
        OutForDelivery,
        &[Courier, Clerk],
        false,
        Step::TripOut,
    ),
    via(OutForDelivery, Delivered, &[Courier], false, Step::Delivery),
    via(
        OutForDelivery,
        Issued,
        &[Courier, Clerk],
        true,
        Step::FailedDelivery,
    ),
    via(Issued, PickedUp, &[Clerk], false, Step::CounterHandover),
    rule(Received, Withdrawn, &[Clerk], true),
    rule(Returned, Withdrawn, &[Clerk], true),
    rule(Verified, Withdrawn, &[Clerk], true),
    rule(InReview, Withdrawn, &[Clerk], true),
    rule(Approved, Withdrawn, &[Clerk], true),
];

/// A step asked for by a user.
#[derive(Debug, Clone, Deserialize)]
pub struct Move {
    pub to: Status,
    #[serde(default)]
    pub reason: Option<String>,
}

/// The generic steps this actor may take from a status (the case screen's buttons; the delivery steps
/// have screens of their own).
pub fn allowed_moves(status: Status, role: Role) -> Vec<Rule> {
    RULES
        .iter()
        .filter(|r| r.from == status && r.roles.contains(&role) && r.via.is_none())
        .copied()
        .collect()
}

/// Takes one generic step of a case's life: checks the step, the role and the reason, applies its
/// effects and records the audit row, all in one transaction. Returns the new status.
pub fn move_case(
    db: &mut Db,
    actor: &Actor,
    now: DateTime<Utc>,
    id: CaseId,
    m: &Move,
) -> Result<Status> {
    let today = office::today(db, now)?;
    db.write(|tx| {
        let cur = store::get(tx, id)?.ok_or_else(|| Error::not_found("case", id))?;
        if let Some(step) = RULES
            .iter()
            .find(|r| r.from == cur.status && r.to == m.to)
            .and_then(|r| r.via)
        {
            return Err(Error::Transition(format!(
                "a case that is {} becomes {} only through its own step: {}",
                cur.status,
                m.to,
                step.explain()
            )));
        }
        step_tx(tx, actor, now, today, id, m)
    })
}

/// One step inside the caller's transaction (a trip moves many cases at once, each audited). The van and
/// the counter call it for the delivery steps, after recording the recipient.
pub(crate) fn step_tx(
    tx: &Tx,
    actor: &Actor,
    now: DateTime<Utc>,
    today: NaiveDate,
    id: CaseId,
    m: &Move,
) -> Result<Status> {
    let cur = store::get(tx, id)?.ok_or_else(|| Error::not_found("case", id))?;
    let Some(rule) = RULES.iter().find(|r| r.from == cur.status && r.to == m.to) else {
        return Err(Error::Transition(format!(
            "a case that is {} cannot become {}",
            cur.status, m.to
        )));
    };
    actor.require(
        rule.roles,
        &format!("move a case from {} to {}", cur.status, m.to),
    )?;
    let reason = text::optional_line("reason", m.reason.as_deref(), text::MAX_TEXT)?;
    if rule.reason_required && reason.is_none() {
        return Err(Error::invalid(
            "reason",
            format!("moving a case to {} needs a reason", m.to),
        ));
    }
    let mut detail = None;
    match m.to {
        Verified => {
            if let Some(label) = crate::store::case_documents::first_missing(tx, id)? {
                return Err(Error::Transition(format!(
                    "the file is not complete: {label} is missing"
                )));
            }
            let cal = WorkCalendar::load(tx)?;
            let due = cal.add_working_days(today, cur.sla_days.saturating_sub(cur.sla_used_days));
            store::start_sla(tx, id, today, due)?;
            detail = Some(format!("due {due}"));
        }
        Returned if cur.sla_started_on.is_some() => {
            // The clock pauses: bank the working days used so far in this period.
            if let Some(resumed) = cur.sla_resumed_on {
                let cal = WorkCalendar::load(tx)?;
                let used =
                    cur.sla_used_days + cal.working_days_between(resumed, today).max(0) as u32;
                store::pause_sla(tx, id, used)?;
                detail = Some(format!(
                    "SLA paused after {used} of {} working days",
                    cur.sla_days
                ));
            }
        }
        Approved | Rejected => store::set_decision_reason(tx, id, reason.as_deref())?,
        Issued if cur.status == Approved => detail = Some(issue_tx(tx, &cur, today)?),
        _ => {}
    }
    store::set_status(tx, id, m.to, now)?;
    audit::case_event(
        tx,
        id,
        actor,
        now,
        Change {
            action: "status",
            from: Some(cur.status),
            to: Some(m.to),
            reason: reason.as_deref(),
            detail: detail.as_deref(),
        },
    )?;
    Ok(m.to)
}

/// Allocates the permit number (gap-free, in this transaction), the validity, the signer on record and
/// the certificate snapshot. Returns the number.
fn issue_tx(tx: &Tx, case: &store::Case, today: NaiveDate) -> Result<String> {
    let ptype = catalogue::get(tx, case.permit_type_id)?;
    let office = office::require(tx)?;
    let key = numbering::permit_series_key(&ptype.code, ptype.number_reset, today);
    let seq = crate::store::numbers::next(tx, &key)?;
    let number = numbering::render(
        &ptype.number_template,
        &numbering::PermitNumberParts {
            classification: &ptype.classification,
            code: &ptype.code,
            unit: &office.unit,
            day: today,
            seq,
        },
    )?;
    let valid_until = match ptype.validity_months {
        Some(m) => Some(today.checked_add_months(Months::new(m)).ok_or_else(|| {
            Error::invalid("validity_months", "the validity runs past the calendar")
        })?),
        None => None,
    };
    if store::permit_number_taken(tx, &number)? {
        return Err(Error::Conflict(format!(
            "permit number {number} is already used: the number template of {} must include {{yyyy}} (and {{mm}} for monthly series)",
            ptype.code
        )));
    }
    let signer = SignerOnRecord {
        title: office.head_title,
        name: office.head_name,
        rank: office.head_rank,
        nip: identity::format_nip(&office.head_nip),
        place: office.sign_place,
    };
    let snapshot = CertificateSnapshot::of(&ptype).to_json()?;
    store::set_issued(
        tx,
        case.id,
        &store::Issue {
            permit_number: &number,
            issued_on: today,
            valid_until,
            signer: &signer,
            snapshot: &snapshot,
        },
    )?;
    Ok(number)
}

/// Ticks or unticks a checklist document while the file is at the counter (received or returned).
pub fn set_document(
    db: &mut Db,
    actor: &Actor,
    now: DateTime<Utc>,
    id: CaseId,
    position: u32,
    received: bool,
) -> Result<()> {
    actor.require(&[Clerk, Verifier, Courier], "check documents")?;
    db.write(|tx| {
        let status = store::status(tx, id)?.ok_or_else(|| Error::not_found("case", id))?;
        if !matches!(status, Received | Returned) {
            return Err(Error::Transition(format!(
                "the checklist of a case that is {status} is closed"
            )));
        }
        let label = crate::store::case_documents::label(tx, id, position)?.ok_or_else(|| {
            Error::invalid(
                "position",
                format!("this case has no checklist item {position}"),
            )
        })?;
        crate::store::case_documents::set_received(tx, id, position, received)?;
        store::touch(tx, id, now)?;
        let action = if received {
            "document_received"
        } else {
            "document_removed"
        };
        audit::case_event(tx, id, actor, now, Change::note(action, Some(&label)))
    })
}
