//! First-run setup, sign-in, sign-out and the lock screen. The signed-in actor is kept in [`Session`];
//! the webview only ever learns who it is, it never hands an actor to a command.

use chrono::Utc;
use petromaks::office::Office;
use petromaks::users::{Actor, NewUser};
use petromaks::{setup, users};
use serde::Serialize;
use tauri::State;

use crate::error::CommandError;
use crate::session::Session;
use crate::state::Database;

/// What the window needs to decide which screen to show first.
#[derive(Debug, Serialize)]
pub struct SessionInfo {
    /// The database is new: show first-run setup.
    pub setup_needed: bool,
    /// Who is signed in, if anyone.
    pub user: Option<Actor>,
    /// A Banyuasin profile that the setup form starts from, so the clerk only corrects it.
    pub office_example: Office,
}

/// Whether setup is needed and who is signed in.
pub fn session_info_in(db: &Database, session: &Session) -> Result<SessionInfo, CommandError> {
    Ok(SessionInfo {
        setup_needed: db.with(|conn| setup::needed(conn))?,
        user: session.current()?,
        office_example: Office::banyuasin_example(),
    })
}

/// Writes the office profile and the first admin, then signs that admin in.
pub fn first_run_in(
    db: &Database,
    session: &Session,
    office: &Office,
    admin: &NewUser,
) -> Result<Actor, CommandError> {
    // The core names both the head's and the admin's NIP `nip`: check the head's first so the form can
    // show its error beside the right field.
    petromaks::identity::parse_nip(&office.head_nip).map_err(|error| CommandError {
        field: Some("head_nip"),
        ..error.into()
    })?;
    let (_, user) = db.with(|conn| setup::first_run(conn, Utc::now(), office, admin))?;
    let actor = db.with(|conn| users::actor(conn, &user.username))?;
    session.set(actor.clone())?;
    Ok(actor)
}

/// Checks the password and makes the user the actor of this window.
pub fn sign_in_in(
    db: &Database,
    session: &Session,
    username: &str,
    password: &str,
) -> Result<Actor, CommandError> {
    // A failed attempt also ends the previous session: the counter never stays open for someone else.
    session.clear()?;
    let actor = db.with(|conn| users::sign_in(conn, Utc::now(), username, password))?;
    session.set(actor.clone())?;
    Ok(actor)
}

/// Whether setup is needed and who is signed in.
#[tauri::command(async)]
pub fn session_info(
    db: State<'_, Database>,
    session: State<'_, Session>,
) -> Result<SessionInfo, CommandError> {
    session_info_in(&db, &session)
}

/// First-run setup: office profile and first admin, who is then signed in.
#[tauri::command(async)]
pub fn first_run(
    db: State<'_, Database>,
    session: State<'_, Session>,
    office: Office,
    admin: NewUser,
) -> Result<Actor, CommandError> {
    first_run_in(&db, &session, &office, &admin)
}

/// Signs a user in with username and password.
#[tauri::command(async)]
pub fn sign_in(
    db: State<'_, Database>,
    session: State<'_, Session>,
    username: String,
    password: String,
) -> Result<Actor, CommandError> {
    sign_in_in(&db, &session, &username, &password)
}

/// Signs out (also used by the lock screen, which keeps only the username in the window).
#[tauri::command(async)]
pub fn sign_out(session: State<'_, Session>) -> Result<(), CommandError> {
    session.clear()
}
