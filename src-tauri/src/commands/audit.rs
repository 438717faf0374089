//! The audit log as an admin reads it, and the check of its chains against the witnesses kept in the
//! backup folder. Both are the admin's, checked by the core.

use chrono::NaiveDate;
use petromaks::audit::{self, AuditEntry, AuditFilter, Verification};
use petromaks::cases;
use serde::Deserialize;
use tauri::State;

use crate::error::CommandError;
use crate::state::{Database, Session};

/// The audit screen's filters as typed: a registration (or permit) number instead of a case id.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct AuditQuery {
    #[serde(default)]
    pub case_number: Option<String>,
    #[serde(default)]
    pub user: Option<String>,
    #[serde(default)]
    pub action: Option<String>,
    #[serde(default)]
    pub from: Option<NaiveDate>,
    #[serde(default)]
    pub to: Option<NaiveDate>,
    #[serde(default)]
    pub limit: u32,
}

/// The audit log, newest first. An unknown case number answers `invalid` on `case_number`.
pub fn audit_log_in(
    db: &Database,
    session: &Session,
    query: &AuditQuery,
) -> Result<Vec<AuditEntry>, CommandError> {
    let actor = session.actor()?;
    let number = query
        .case_number
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty());
    db.with(|db| {
        let case = match number {
            Some(n) => Some(cases::find_by_number(db, n)?.ok_or_else(|| {
                petromaks::Error::invalid("case_number", format!("no case has the number {n}"))
            })?),
            None => None,
        };
        let filter = AuditFilter {
            case,
            user: query.user.clone(),
            action: query.action.clone(),
            from: query.from,
            to: query.to,
            limit: query.limit,
        };
        audit::list(db, &actor, &filter)
    })
}

/// Verifies both audit chains, and compares them with the witnesses in the backup folder.
pub fn verify_audit_in(db: &Database, session: &Session) -> Result<Verification, CommandError> {
    let actor = session.actor()?;
    let witnesses = db.backup_dir();
    db.with(|db| audit::verify(db, &actor, &[witnesses.as_path()]))
}

/// The audit log, filtered, newest first.
#[tauri::command(async)]
pub fn audit_log(
    db: State<'_, Database>,
    session: State<'_, Session>,
    query: AuditQuery,
) -> Result<Vec<AuditEntry>, CommandError> {
    audit_log_in(&db, &session, &query)
}

/// Verifies the audit chains.
#[tauri::command(async)]
pub fn verify_audit(
    db: State<'_, Database>,
    session: State<'_, Session>,
) -> Result<Verification, CommandError> {
    verify_audit_in(&db, &session)
}
