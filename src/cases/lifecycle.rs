//! The allowed steps of a case, who may take them, and what each step does besides changing the status:
//! the SLA clock, the permit number, the signer on record. One transaction per step, audited.

use chrono::{DateTime, Months, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};

use super::{office_today, CaseId, Status};
use crate::audit::{self, Change};
use crate::calendar::WorkCalendar;
use crate::numbering::{self, PermitNumberParts};
use crate::users::{Actor, Role};
use crate::{db, identity, office, permit_types, text, time, Error, Result};

/// One allowed step.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Rule {
    pub from: Status,
    pub to: Status,
    pub roles: &'static [Role],
    pub reason_required: bool,
}

const fn rule(from: Status, to: Status, roles: &'static [Role], reason_required: bool) -> Rule {
    Rule {
        from,
        to,
        roles,
        reason_required,
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
    rule(Issued, OutForDelivery, &[Courier, Clerk], false),
    rule(OutForDelivery, Delivered, &[Courier], false),
    rule(OutForDelivery, Issued, &[Courier, Clerk], true),
    rule(Issued, PickedUp, &[Clerk], false),
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

/// The steps this actor may take from a status (the UI shows only these).
pub fn allowed_moves(status: Status, role: Role) -> Vec<Rule> {
    RULES
        .iter()
        .filter(|r| r.from == status && r.roles.contains(&role))
        .copied()
        .collect()
}

/// The signer on record when a permit is issued: a later change of head of office does not change it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct SignerOnRecord {
    pub title: String,
    pub name: String,
    pub rank: String,
    pub nip: String,
    pub place: String,
}

struct Current {
    status: Status,
    permit_type_id: i64,
    sla_days: u32,
    sla_used_days: u32,
    sla_started_on: Option<String>,
    sla_resumed_on: Option<String>,
}

fn current(tx: &Transaction, id: CaseId) -> Result<Current> {
    tx.query_row(
        "SELECT status, permit_type_id, sla_days, sla_used_days, sla_started_on, sla_resumed_on FROM cases WHERE id = ?1",
        [id.0],
        |r| {
            Ok(Current {
                status: r.get(0)?,
                permit_type_id: r.get(1)?,
                sla_days: r.get(2)?,
                sla_used_days: r.get(3)?,
                sla_started_on: r.get(4)?,
                sla_resumed_on: r.get(5)?,
            })
        },
    )
    .optional()?
    .ok_or_else(|| Error::not_found("case", id.0))
}

/// Takes one step of a case's life: checks the step, the role and the reason, applies its effects and
/// records the audit row, all in one transaction. Returns the new status.
pub fn move_case(
    conn: &mut Connection,
    actor: &Actor,
    now: DateTime<Utc>,
    id: CaseId,
    m: &Move,
) -> Result<Status> {
    let today = office_today(conn, now)?;
    let tx = db::write_tx(conn)?;
    let to = move_case_tx(&tx, actor, now, today, id, m)?;
    tx.commit()?;
    Ok(to)
}

/// One step inside the caller's transaction, so a trip can move many cases at once, each audited.
pub(crate) fn move_case_tx(
    tx: &Transaction,
    actor: &Actor,
    now: DateTime<Utc>,
    today: NaiveDate,
    id: CaseId,
    m: &Move,
) -> Result<Status> {
    let cur = current(tx, id)?;
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
            let missing: Option<String> = tx
                .query_row(
                    "SELECT label FROM case_documents WHERE case_id = ?1 AND mandatory = 1 AND received = 0 ORDER BY position",
                    [id.0],
                    |r| r.get(0),
                )
                .optional()?;
            if let Some(label) = missing {
                return Err(Error::Transition(format!(
                    "the file is not complete: {label} is missing"
                )));
            }
            let cal = WorkCalendar::load(tx)?;
            let left = cur.sla_days.saturating_sub(cur.sla_used_days);
            let due = cal.add_working_days(today, left);
            tx.execute(
                "UPDATE cases SET sla_started_on = coalesce(sla_started_on, ?2), sla_resumed_on = ?2, due_date = ?3 WHERE id = ?1",
                params![id.0, time::day(today), time::day(due)],
            )?;
            detail = Some(format!("due {}", time::day(due)));
        }
        Returned if cur.sla_started_on.is_some() => {
            // The clock pauses: bank the working days used so far in this period.
            if let Some(resumed) = cur.sla_resumed_on.as_deref() {
                let cal = WorkCalendar::load(tx)?;
                let from = time::parse_day("sla_resumed_on", resumed)?;
                let used = cur.sla_used_days + cal.working_days_between(from, today).max(0) as u32;
                tx.execute(
                    "UPDATE cases SET sla_used_days = ?2, sla_resumed_on = NULL, due_date = NULL WHERE id = ?1",
                    params![id.0, used],
                )?;
                detail = Some(format!(
                    "SLA paused after {used} of {} working days",
                    cur.sla_days
                ));
            }
        }
        Approved | Rejected => {
            tx.execute(
                "UPDATE cases SET decision_reason = ?2 WHERE id = ?1",
                params![id.0, reason],
            )?;
        }
        Issued if cur.status == Approved => {
            let number = issue_tx(tx, id, cur.permit_type_id, today)?;
            detail = Some(number);
        }
        _ => {}
    }
    let closed = if m.to.is_final() {
        Some(time::stamp(now))
    } else {
        None
    };
    tx.execute(
        "UPDATE cases SET status = ?2, updated_at = ?3, closed_at = coalesce(?4, closed_at) WHERE id = ?1",
        params![id.0, m.to, time::stamp(now), closed],
    )?;
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

/// Allocates the permit number (gap-free, in this transaction), the validity and the signer on record.
fn issue_tx(tx: &Transaction, id: CaseId, permit_type_id: i64, today: NaiveDate) -> Result<String> {
    let ptype = permit_types::get(tx, permit_types::PermitTypeId(permit_type_id))?;
    let office = office::require(tx)?;
    let key = numbering::permit_series_key(&ptype.code, &ptype.number_reset, today);
    let seq = numbering::next_in_series(tx, &key)?;
    let number = numbering::render(
        &ptype.number_template,
        &PermitNumberParts {
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
    let signer = SignerOnRecord {
        title: office.head_title,
        name: office.head_name,
        rank: office.head_rank,
        nip: identity::format_nip(&office.head_nip),
        place: office.sign_place,
    };
    let signer =
        serde_json::to_string(&signer).map_err(|e| Error::invalid("signer", e.to_string()))?;
    let taken: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM cases WHERE permit_number = ?1)",
        [&number],
        |r| r.get(0),
    )?;
    if taken {
        return Err(Error::Conflict(format!(
            "permit number {number} is already used: the number template of {} must include {{yyyy}} (and {{mm}} for monthly series)",
            ptype.code
        )));
    }
    tx.execute(
        "UPDATE cases SET permit_number = ?2, issued_on = ?3, valid_until = ?4, signer = ?5 WHERE id = ?1",
        params![id.0, number, time::day(today), valid_until.map(time::day), signer],
    )?;
    let snapshot = crate::certificate_snapshot::CertificateSnapshot::of(&ptype).to_json()?;
    tx.execute(
        "UPDATE cases SET certificate_snapshot = ?2 WHERE id = ?1",
        params![id.0, snapshot],
    )?;
    Ok(number)
}

/// Ticks or unticks a checklist document while the file is at the counter (received or returned).
pub fn set_document(
    conn: &mut Connection,
    actor: &Actor,
    now: DateTime<Utc>,
    id: CaseId,
    position: u32,
    received: bool,
) -> Result<()> {
    actor.require(&[Clerk, Verifier, Courier], "check documents")?;
    let tx = db::write_tx(conn)?;
    let cur = current(&tx, id)?;
    if !matches!(cur.status, Received | Returned) {
        return Err(Error::Transition(format!(
            "the checklist of a case that is {} is closed",
            cur.status
        )));
    }
    let label: String = tx
        .query_row(
            "SELECT label FROM case_documents WHERE case_id = ?1 AND position = ?2",
            params![id.0, position],
            |r| r.get(0),
        )
        .optional()?
        .ok_or_else(|| {
            Error::invalid(
                "position",
                format!("this case has no checklist item {position}"),
            )
        })?;
    tx.execute(
        "UPDATE case_documents SET received = ?3 WHERE case_id = ?1 AND position = ?2",
        params![id.0, position, received],
    )?;
    tx.execute(
        "UPDATE cases SET updated_at = ?2 WHERE id = ?1",
        params![id.0, time::stamp(now)],
    )?;
    let action = if received {
        "document_received"
    } else {
        "document_removed"
    };
    audit::case_event(
        &tx,
        id,
        actor,
        now,
        Change {
            action,
            from: None,
            to: None,
            reason: None,
            detail: Some(&label),
        },
    )?;
    tx.commit()?;
    Ok(())
}
