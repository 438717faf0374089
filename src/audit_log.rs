//! The audit log as an admin reads it: case events and admin changes in one list, newest first, with the
//! filters an inspector asks for (a case, a user, an action, a range of days).

use chrono::NaiveDate;
use rusqlite::{params, Connection, Row};
use serde::{Deserialize, Serialize};

use crate::cases::CaseId;
use crate::{time, Result};

/// Which rows to show. Every filter is optional; days are UTC calendar days of the stored timestamp.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct AuditFilter {
    #[serde(default)]
    pub case: Option<CaseId>,
    /// Username of the actor.
    #[serde(default)]
    pub user: Option<String>,
    /// An action or its prefix: `signin` matches `signin.fail`.
    #[serde(default)]
    pub action: Option<String>,
    #[serde(default)]
    pub from: Option<NaiveDate>,
    #[serde(default)]
    pub to: Option<NaiveDate>,
    /// At most this many rows (newest first); 0 means 200.
    #[serde(default)]
    pub limit: u32,
}

/// One line of the audit log.
#[derive(Debug, Clone, Serialize)]
pub struct AuditEntry {
    /// `case` for a case event, `admin` for a change to settings, users or the catalogue.
    pub chain: String,
    pub id: i64,
    pub at: String,
    pub actor: Option<String>,
    pub action: String,
    pub case_id: Option<i64>,
    /// The case's registration number, or the admin change's target.
    pub target: Option<String>,
    pub from_status: Option<String>,
    pub to_status: Option<String>,
    pub reason: Option<String>,
    pub detail: Option<String>,
    pub hash: Option<String>,
}

fn from_row(r: &Row) -> rusqlite::Result<AuditEntry> {
    Ok(AuditEntry {
        chain: r.get(0)?,
        id: r.get(1)?,
        at: r.get(2)?,
        actor: r.get(3)?,
        action: r.get(4)?,
        case_id: r.get(5)?,
        target: r.get(6)?,
        from_status: r.get(7)?,
        to_status: r.get(8)?,
        reason: r.get(9)?,
        detail: r.get(10)?,
        hash: r.get(11)?,
    })
}

/// The audit log, newest first, filtered.
pub fn list(conn: &Connection, f: &AuditFilter) -> Result<Vec<AuditEntry>> {
    let limit = if f.limit == 0 { 200 } else { f.limit };
    let action = f.action.as_deref().map(str::trim).filter(|s| !s.is_empty());
    let user = f.user.as_deref().map(str::trim).filter(|s| !s.is_empty());
    let mut stmt = conn.prepare(
        "SELECT chain, id, at, actor, action, case_id, target, from_status, to_status, reason, detail, hash
         FROM (
           SELECT 'case' AS chain, e.id AS id, e.at AS at, u.username AS actor, e.action AS action,
                  e.case_id AS case_id, c.registration_number AS target, e.from_status AS from_status,
                  e.to_status AS to_status, e.reason AS reason, e.detail AS detail, e.hash AS hash
           FROM case_events e
           JOIN users u ON u.id = e.actor_id
           JOIN cases c ON c.id = e.case_id
           UNION ALL
           SELECT 'admin', a.id, a.at, u.username, a.action, NULL, a.target, NULL, NULL, NULL, a.detail, a.hash
           FROM admin_events a
           LEFT JOIN users u ON u.id = a.actor_id
         )
         WHERE (?1 IS NULL OR case_id = ?1)
           AND (?2 IS NULL OR actor = ?2 COLLATE NOCASE)
           AND (?3 IS NULL OR action = ?3 OR action LIKE ?3 || '.%')
           AND (?4 IS NULL OR substr(at, 1, 10) >= ?4)
           AND (?5 IS NULL OR substr(at, 1, 10) <= ?5)
         ORDER BY at DESC, chain, id DESC
         LIMIT ?6",
    )?;
    let rows = stmt
        .query_map(
            params![
                f.case.map(|c| c.0),
                user,
                action,
                f.from.map(time::day),
                f.to.map(time::day),
                limit
            ],
            from_row,
        )?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}
