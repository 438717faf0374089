//! Staff accounts in the window: the list, adding one, deactivating, resetting a password, changing a
//! role. Accounts are never deleted. The core lets only an admin read the list or change an account, and
//! keeps the last active admin.

use chrono::Utc;
use petromaks::people::{accounts, users, NewUser, Role, User, UserId};
use tauri::State;

use crate::error::CommandError;
use crate::state::{Database, Session};

/// Every staff account (the core requires an admin).
pub fn list_users_in(db: &Database, session: &Session) -> Result<Vec<User>, CommandError> {
    let actor = session.actor()?;
    db.with(|db| users::list(db, &actor))
}

/// Adds a staff account as the signed-in user (the core requires an admin).
pub fn add_user_in(db: &Database, session: &Session, user: &NewUser) -> Result<User, CommandError> {
    let actor = session.actor()?;
    db.with(|db| users::add(db, &actor, Utc::now(), user))
}

/// Deactivates or reactivates an account.
pub fn set_user_active_in(
    db: &Database,
    session: &Session,
    id: UserId,
    active: bool,
) -> Result<User, CommandError> {
    let actor = session.actor()?;
    db.with(|db| accounts::set_active(db, &actor, Utc::now(), id, active))
}

/// Sets a new password for an account (the core checks the password policy on `password`).
pub fn reset_password_in(
    db: &Database,
    session: &Session,
    id: UserId,
    password: &str,
) -> Result<(), CommandError> {
    let actor = session.actor()?;
    db.with(|db| accounts::reset_password(db, &actor, Utc::now(), id, password))
}

/// Changes an account's role.
pub fn change_role_in(
    db: &Database,
    session: &Session,
    id: UserId,
    role: Role,
) -> Result<User, CommandError> {
    let actor = session.actor()?;
    db.with(|db| accounts::change_role(db, &actor, Utc::now(), id, role))
}

/// Every staff account.
#[tauri::command(async)]
pub fn list_users(
    db: State<'_, Database>,
    session: State<'_, Session>,
) -> Result<Vec<User>, CommandError> {
    list_users_in(&db, &session)
}

/// Adds a staff account.
#[tauri::command(async)]
pub fn add_user(
    db: State<'_, Database>,
    session: State<'_, Session>,
    user: NewUser,
) -> Result<User, CommandError> {
    add_user_in(&db, &session, &user)
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
