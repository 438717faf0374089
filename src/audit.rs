//! The audit trail: who did what to a case or to the office's settings, when, and why. Rows are written
//! in the same transaction as the change they describe, so a change without its audit row cannot exist;
//! each row is sealed into a hash chain ([`crate::audit_chain`]) as it is written.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, Row, Transaction};
use serde::Serialize;

use crate::cases::{CaseId, Status};
use crate::users::{Actor, UserId};
use crate::{audit_chain, time, Result};

/// One line of a case's timeline.
#[derive(Debug, Clone, Serialize)]
pub struct CaseEvent {
    pub id: i64,
    pub at: String,
    pub actor: String,
    pub actor_name: String,
    pub actor_role: String,
    pub action: String,
    pub from_status: Option<Status>,
    pub to_status: Option<Status>,
    pub reason: Option<String>,
    pub detail: Option<String>,
}

/// What happened to a case, for [`case_event`].
pub struct Change<'a> {
    pub action: &'a str,
    pub from: Option<Status>,
    pub to: Option<Status>,
    pub reason: Option<&'a str>,
    pub detail: Option<&'a str>,
}

/// Records a change to a case inside the caller's transaction.
pub fn case_event(
    tx: &Transaction,
    case: CaseId,
    actor: &Actor,
    now: DateTime<Utc>,
    c: Change,
) -> Result<()> {
    tx.execute(
        "INSERT INTO case_events (case_id, at, actor_id, action, from_status, to_status, reason, detail)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![case.0, time::stamp(now), actor.id.0, c.action, c.from, c.to, c.reason, c.detail],
    )?;
    audit_chain::seal(tx, audit_chain::Chain::Case, tx.last_insert_rowid())
}

/// Records a change to the office's settings, users or catalogue inside the caller's transaction.
pub fn admin_event(
    tx: &Transaction,
    actor: Option<UserId>,
    now: DateTime<Utc>,
    action: &str,
    target: &str,
    detail: Option<&str>,
) -> Result<()> {
    tx.execute(
        "INSERT INTO admin_events (at, actor_id, action, target, detail) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![time::stamp(now), actor.map(|a| a.0), action, target, detail],
    )?;
    audit_chain::seal(tx, audit_chain::Chain::Admin, tx.last_insert_rowid())
}

fn event_from_row(r: &Row) -> rusqlite::Result<CaseEvent> {
    Ok(CaseEvent {
        id: r.get(0)?,
        at: r.get(1)?,
        actor: r.get(2)?,
        actor_name: r.get(3)?,
        actor_role: r.get(4)?,
        action: r.get(5)?,
        from_status: r.get(6)?,
        to_status: r.get(7)?,
        reason: r.get(8)?,
        detail: r.get(9)?,
    })
}

/// A case's timeline, oldest first.
pub fn case_events(conn: &Connection, case: CaseId) -> Result<Vec<CaseEvent>> {
    let mut stmt = conn.prepare(
        "SELECT e.id, e.at, u.username, u.full_name, u.role, e.action, e.from_status, e.to_status, e.reason, e.detail
         FROM case_events e JOIN users u ON u.id = e.actor_id
         WHERE e.case_id = ?1 ORDER BY e.id",
    )?;
    let rows = stmt
        .query_map([case.0], event_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}
