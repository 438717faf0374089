//! The administration screens' commands, part two: staff accounts (deactivate, reset a password, change a
//! role; adding one is in `settings.rs`) and the audit log with the chain check. Accounts are never
//! deleted. The core refuses the writes to anyone but an admin; the reads are refused here.

use chrono::{NaiveDate, Utc};
use petromaks::accounts;
use petromaks::audit_chain::{self, Verification};
use petromaks::audit_log::{self, AuditEntry, AuditFilter};
use petromaks::cases;
use petromaks::users::{Role, User, UserId};
use serde::Deserialize;
use tauri::State;

use crate::admin::admin;
use crate::error::CommandError;
use crate::session::Session;
use crate::state::Database;

/// Deactivates or reactivates an account (the core keeps the last active admin).
pub fn set_user_active_in(
    db: &Database,
    session: &Session,
    id: UserId,
    active: bool,
) -> Result<User, CommandError> {
    let actor = session.actor()?;
    db.with(|conn| accounts::set_active(conn, &actor, Utc::now(), id, active))
}

/// Sets a new password for an account (the core checks the password policy on `password`).
pub fn reset_password_in(
    db: &Database,
    session: &Session,
    id: UserId,
    password: &str,
) -> Result<(), CommandError> {
    let actor = session.actor()?;
    db.with(|conn| accounts::reset_password(conn, &actor, Utc::now(), id, password))
}

/// Changes an account's role (the core keeps the last active admin).
pub fn change_role_in(
    db: &Database,
    session: &Session,
    id: UserId,
    role: Role,
) -> Result<User, CommandError> {
    let actor = session.actor()?;
    db.with(|conn| accounts::change_role(conn, &actor, Utc::now(), id, role))
}

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

/// The audit log, newest first. An unknown case number answers `not_found` on `case_number`.
pub fn audit_log_in(
    db: &Database,
    session: &Session,
    query: &AuditQuery,
) -> Result<Vec<AuditEntry>, CommandError> {
    admin(session, "read the audit log")?;
    db.with(|conn| {
        let number = query
            .case_number
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty());
        let case = match number {
            Some(n) => Some(cases::find_by_number(conn, n)?.ok_or_else(|| {
                petromaks::Error::invalid("case_number", format!("no case has the number {n}"))
            })?),
            None => None,
        };
        audit_log::list(
            conn,
            &AuditFilter {
                case,
                user: query.user.clone(),
                action: query.action.clone(),
                from: query.from,
                to: query.to,
                limit: query.limit.min(1000),
            },
        )
    })
}

/// Verifies both audit chains: OK, or the first broken row of each.
pub fn verify_audit_in(db: &Database, session: &Session) -> Result<Verification, CommandError> {
    admin(session, "verify the audit trail")?;
    db.with(|conn| audit_chain::verify(conn))
}

/// Deactivates or reactivates an account.
#[tauri::command(async)]
pub fn set_user_active(
    db: State<'_, Database>,
    session: State<'_, Session>,
    id: UserId,
    active: bool,
) -> Result<User, CommandError> {
    set_user_active_in(&db, &session, id, active)
}

/// Resets an account's password.
#[tauri::command(async)]
pub fn reset_password(
    db: State<'_, Database>,
    session: State<'_, Session>,
    id: UserId,
    password: String,
) -> Result<(), CommandError> {
    reset_password_in(&db, &session, id, &password)
}

/// Changes an account's role.
#[tauri::command(async)]
pub fn change_role(
    db: State<'_, Database>,
    session: State<'_, Session>,
    id: UserId,
    role: Role,
) -> Result<User, CommandError> {
    change_role_in(&db, &session, id, role)
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
