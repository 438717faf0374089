//! Writing the audit trail: one row per change, in the caller's transaction, sealed into its chain as it
//! is written, so a change without its audit row cannot exist.

use chrono::{DateTime, Utc};

use super::chain;
use crate::actor::{Actor, UserId};
use crate::db::{Db, Tx};
use crate::store::cases::{CaseId, Status};
use crate::store::events::{self as store, CaseEvent, Chain};
use crate::Result;

/// What happened to a case, for [`case_event`].
pub struct Change<'a> {
    pub action: &'a str,
    pub from: Option<Status>,
    pub to: Option<Status>,
    pub reason: Option<&'a str>,
    pub detail: Option<&'a str>,
}

impl<'a> Change<'a> {
    /// A change that is not a status step (a print, a bag, a recomputed due date).
    pub fn note(action: &'a str, detail: Option<&'a str>) -> Self {
        Change {
            action,
            from: None,
            to: None,
            reason: None,
            detail,
        }
    }
}

/// Records a change to a case inside the caller's transaction.
pub fn case_event(
    tx: &Tx,
    case: CaseId,
    actor: &Actor,
    now: DateTime<Utc>,
    c: Change,
) -> Result<()> {
    super::outbox::guard(tx, c.action)?;
    let id = store::next_id(tx, Chain::Case)?;
    let values = store::case_event_values(
        id, case, now, actor.id, c.action, c.from, c.to, c.reason, c.detail,
    );
    chain::append(tx, Chain::Case, &values)
}

/// Records a change to the office's settings, users or catalogue inside the caller's transaction.
pub fn admin_event(
    tx: &Tx,
    actor: Option<UserId>,
    now: DateTime<Utc>,
    action: &str,
    target: &str,
    detail: Option<&str>,
) -> Result<()> {
    // Signing in and out is the laptop's own business; any other setting stays the office's.
    if !action.starts_with("signin.") {
        super::outbox::guard(tx, action)?;
    }
    let id = store::next_id(tx, Chain::Admin)?;
    let values = store::admin_event_values(id, now, actor, action, target, detail);
    chain::append(tx, Chain::Admin, &values)
}

/// A case's timeline, oldest first.
pub fn case_events(db: &Db, case: CaseId) -> Result<Vec<CaseEvent>> {
    store::of_case(db, case)
}
