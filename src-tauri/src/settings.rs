//! The settings screen's commands: the office profile and the staff accounts. The core lets only an
//! admin change them; the window shows the screen to admins only, and the core refuses anyone else.

use chrono::Utc;
use petromaks::office::{self, Office};
use petromaks::users::{self, NewUser, User};
use tauri::State;

use crate::error::CommandError;
use crate::session::Session;
use crate::state::Database;

/// Every staff account (signed-in users only).
pub fn list_users_in(db: &Database, session: &Session) -> Result<Vec<User>, CommandError> {
    session.actor()?;
    db.with(|conn| users::list(conn))
}

/// Adds a staff account as the signed-in user (the core requires an admin).
pub fn add_user_in(db: &Database, session: &Session, user: &NewUser) -> Result<User, CommandError> {
    let actor = session.actor()?;
    db.with(|conn| users::add(conn, &actor, Utc::now(), user))
}

/// Changes the office profile as the signed-in user (the core requires an admin).
pub fn update_office_in(
    db: &Database,
    session: &Session,
    profile: &Office,
) -> Result<Office, CommandError> {
    let actor = session.actor()?;
    db.with(|conn| office::update(conn, &actor, Utc::now(), profile))
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

/// Changes the office profile.
#[tauri::command(async)]
pub fn update_office(
    db: State<'_, Database>,
    session: State<'_, Session>,
    profile: Office,
) -> Result<Office, CommandError> {
    update_office_in(&db, &session, &profile)
}
