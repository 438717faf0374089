//! The review list: what a check-in's rules could not decide, for a clerk to resolve — apply it after all
//! (the permit type was reactivated, the van's clock is right after all), take the van's applicant data,
//! or dismiss it with a reason. Every resolution is audited.

use chrono::{DateTime, Utc};
use serde::Deserialize;

use super::apply::{self, Applied, Overrides};
use crate::actor::{Actor, Role};
use crate::db::Db;
use crate::people::applicants::{self, ApplicantInput};
use crate::store::van_offline::{self as store, Conflict, OutboxRow};
use crate::{audit, Error, Result};

/// What the clerk decides.
#[derive(Debug, Clone, Deserialize)]
#[serde(tag = "decision", rename_all = "snake_case")]
pub enum Resolution {
    /// Apply the action now (its cause was fixed, or the clock is right after all).
    Apply,
    /// Take the van's typed data for the applicant (an `applicant_differs` conflict).
    UseVanData,
    /// Keep things as they are; the reason is recorded.
    Dismiss { reason: String },
}

/// A decision the review screen offers for a conflict (the kinds of [`Resolution`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Apply,
    UseVanData,
    Dismiss,
}

/// The decisions [`resolve`] takes for `c`: none once it is resolved; an applied registration whose
/// applicant differs may take the van's data; what was applied already (a differing applicant, a possible
/// duplicate) is not applied again; anything open may be dismissed with a reason.
pub fn decisions(c: &Conflict) -> Vec<Decision> {
    if c.status != "open" {
        return Vec::new();
    }
    match c.kind.as_str() {
        "applicant_differs" => vec![Decision::UseVanData, Decision::Dismiss],
        "possible_duplicate" => vec![Decision::Dismiss],
        _ => vec![Decision::Apply, Decision::Dismiss],
    }
}

/// The conflicts, open ones only unless `all` (clerks and admins review them).
pub fn conflicts(db: &Db, actor: &Actor, all: bool) -> Result<Vec<Conflict>> {
    actor.require(&[Role::Clerk, Role::Admin], "review the van's conflicts")?;
    store::conflicts(db, all)
}

#[derive(Deserialize)]
struct RegisterPayload {
    input: crate::cases::NewCase,
}

/// Resolves a conflict; returns it as it is afterwards.
pub fn resolve(
    db: &mut Db,
    actor: &Actor,
    now: DateTime<Utc>,
    id: i64,
    r: &Resolution,
) -> Result<Conflict> {
    actor.require(&[Role::Clerk, Role::Admin], "resolve the van's conflicts")?;
    db.write(|tx| {
        let c = store::conflict(tx, id)?.ok_or_else(|| Error::not_found("conflict", id))?;
        if c.status != "open" {
            return Err(Error::Transition(format!(
                "conflict {id} is already {}",
                c.status
            )));
        }
        let co = store::checkout(tx, &c.checkout_id)?
            .ok_or_else(|| Error::not_found("check-out", &c.checkout_id))?;
        let (status, resolution, case) = match r {
            Resolution::Dismiss { reason } => {
                let reason = crate::text::line("reason", reason, crate::text::MAX_TEXT)?;
                ("dismissed", format!("dismissed: {reason}"), None)
            }
            Resolution::UseVanData => {
                if c.kind != "applicant_differs" {
                    return Err(Error::invalid(
                        "decision",
                        "only an applicant's differing data can be taken from the van",
                    ));
                }
                let p: RegisterPayload = serde_json::from_str(&c.payload)
                    .map_err(|e| Error::Corrupt(format!("conflict {id}: {e}")))?;
                let case = c
                    .case_id
                    .ok_or_else(|| Error::Corrupt(format!("conflict {id} names no case")))?;
                let applicant = crate::cases::get(tx, case)?.applicant_id;
                let input: ApplicantInput = p.input.applicant;
                applicants::update_tx(tx, actor, now, applicant, &input)?;
                (
                    "applied",
                    "the van's applicant data taken".to_string(),
                    Some(case),
                )
            }
            Resolution::Apply => {
                if matches!(c.kind.as_str(), "applicant_differs" | "possible_duplicate") {
                    return Err(Error::invalid(
                        "decision",
                        "this conflict was applied already; dismiss it, or take the van's data",
                    ));
                }
                let row = OutboxRow {
                    seq: c.seq,
                    action_id: c.action_id.clone(),
                    kind: c.action.clone(),
                    payload: c.payload.clone(),
                    actor_id: crate::store::users::by_username(tx, &c.van_actor)?
                        .map(|u| u.id)
                        .ok_or_else(|| Error::not_found("user", &c.van_actor))?,
                    actor: c.van_actor.clone(),
                    at: c.van_at,
                    prev_hash: String::new(),
                    hash: String::new(),
                    signature: String::new(),
                    sent_at: None,
                };
                let crew = apply::crew(tx, &row)?;
                let over = Overrides { clock: true };
                match apply::apply(tx, &co, &row, &crew, actor, now, over)? {
                    Applied::Done(case) => ("applied", "applied by the reviewer".to_string(), case),
                    Applied::Conflict { reason, .. } => {
                        return Err(Error::Transition(format!(
                            "it still cannot be applied: {reason}"
                        )))
                    }
                }
            }
        };
        store::resolve_conflict(tx, id, status, actor.id, now, &resolution, case)?;
        audit::admin_event(
            tx,
            Some(actor.id),
            now,
            "van.conflict",
            &format!("conflict {id}"),
            Some(&format!("{} ({}): {resolution}", c.kind, co.van)),
        )?;
        store::conflict(tx, id)?.ok_or_else(|| Error::not_found("conflict", id))
    })
}
