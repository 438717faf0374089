//! First-run setup, sign-in, sign-out and the lock screen. The signed-in actor is kept in [`Session`];
//! the webview only ever learns who it is and which screens the core lets its role open.

use chrono::Utc;
use petromaks::office::{self, Office};
use petromaks::people::access::{self, Place, Screen, Work};
use petromaks::people::{users, Actor, NewUser};
use serde::Serialize;
use tauri::State;

use crate::error::CommandError;
use crate::state::{Database, Session};

/// What the window needs to decide which screen to show first.
#[derive(Debug, Serialize)]
pub struct SessionInfo {
    /// The register is new: show first-run setup.
    pub setup_needed: bool,
    /// Who is signed in, if anyone.
    pub user: Option<Actor>,
    /// The screens the signed-in user's role opens, in navigation order (none when signed out).
    pub screens: Vec<Screen>,
    /// The kinds of work the window offers the signed-in user buttons for (none when signed out).
    pub work: Vec<Work>,
    /// Where the window works: a desk of the office, or a van laptop offline.
    pub place: Place,
    /// A Banyuasin profile that the setup form starts from, so the clerk only corrects it.
    pub office_example: Office,
}

/// The user just signed in and the screens their role opens.
#[derive(Debug, Clone, Serialize)]
pub struct SignedIn {
    #[serde(flatten)]
    pub actor: Actor,
    pub screens: Vec<Screen>,
    pub work: Vec<Work>,
    pub place: Place,
}

fn signed_in(db: &Database, session: &Session, actor: Actor) -> Result<SignedIn, CommandError> {
    let access = db.with(|db| access::access_on(db, actor.role))?;
    session.set(actor.clone())?;
    Ok(SignedIn {
        screens: access.screens,
        work: access.work,
        place: access.place,
        actor,
    })
}

/// Whether setup is needed, who is signed in and what they may open.
pub fn session_info_in(db: &Database, session: &Session) -> Result<SessionInfo, CommandError> {
    let user = session.current()?;
    let (setup_needed, place, access) = db.with(|db| {
        let access = match &user {
            Some(u) => Some(access::access_on(db, u.role)?),
            None => None,
        };
        Ok((office::needed(db)?, access::place(db)?, access))
    })?;
    let (screens, work) = access.map(|a| (a.screens, a.work)).unwrap_or_default();
    Ok(SessionInfo {
        setup_needed,
        screens,
        work,
        place,
        user,
        office_example: Office::banyuasin_example(),
    })
}

/// Writes the office profile and the first admin, then signs that admin in.
pub fn first_run_in(
    db: &Database,
    session: &Session,
    profile: &Office,
    admin: &NewUser,
) -> Result<SignedIn, CommandError> {
    // The core names both the head's and the admin's NIP `nip`: the head's is named for its own field,
    // so the form shows the error beside it.
    petromaks::identity::parse_nip(&profile.head_nip).map_err(|error| CommandError {
        field: Some("head_nip".into()),
        ..error.into()
    })?;
    let actor = db.with(|db| {
        let (_, user) = office::first_run(db, Utc::now(), profile, admin)?;
        users::actor(db, &user.username)
    })?;
    signed_in(db, session, actor)
}

/// Checks the password and makes the user the actor of this window.
pub fn sign_in_in(
    db: &Database,
    session: &Session,
    username: &str,
    password: &str,
) -> Result<SignedIn, CommandError> {
    // A failed attempt also ends the previous session: the counter never stays open for someone else.
    session.clear()?;
    let actor = db.with(|db| users::sign_in(db, Utc::now(), username, password))?;
    signed_in(db, session, actor)
}

/// Whether setup is needed, who is signed in and their screens.
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
) -> Result<SignedIn, CommandError> {
    first_run_in(&db, &session, &office, &admin)
}

/// Signs a user in with username and password.
#[tauri::command(async)]
pub fn sign_in(
    db: State<'_, Database>,
    session: State<'_, Session>,
    username: String,
    password: String,
) -> Result<SignedIn, CommandError> {
    sign_in_in(&db, &session, &username, &password)
}

/// Signs out (also used by the lock screen, which keeps only the username in the window).
#[tauri::command(async)]
pub fn sign_out(session: State<'_, Session>) -> Result<(), CommandError> {
    session.clear()
}
