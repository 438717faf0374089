//! The office's own settings in the window: its profile (what every kop surat and signature block prints)
//! and its logo. The core lets only an admin change them.

use std::path::Path;

use chrono::Utc;
use petromaks::office::{self, Office};
use tauri::ipc::Response;
use tauri::{AppHandle, Runtime, State};

use crate::error::CommandError;
use crate::native;
use crate::state::{Database, Outputs, Session};

/// The name of the logo file the settings screen can take from the documents folder without a dialog.
pub const LOGO_FILE: &str = "logo.png";

/// Changes the office profile as the signed-in user (the core requires an admin).
pub fn update_office_in(
    db: &Database,
    session: &Session,
    profile: &Office,
) -> Result<Office, CommandError> {
    let actor = session.actor()?;
    db.with(|db| office::update(db, &actor, Utc::now(), profile))
}

/// Sets the office logo from a PNG file (the core requires an admin and checks the PNG).
pub fn set_logo_from_in(db: &Database, session: &Session, path: &Path) -> Result<(), CommandError> {
    let actor = session.actor()?;
    let png = native::read_png(path, "logo")?;
    db.with(|db| office::set_logo(db, &actor, Utc::now(), Some(&png)))
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

/// The office logo as raw PNG bytes for the header (empty when there is none).
#[tauri::command(async)]
pub fn office_logo(db: State<'_, Database>) -> Result<Response, CommandError> {
    let png = db.with(|db| office::logo(db))?;
    Ok(Response::new(png.unwrap_or_default()))
}

/// Sets the logo from a PNG chosen in the native file dialog; `false` when the dialog was cancelled.
#[tauri::command(async)]
pub fn choose_logo<R: Runtime>(
    app: AppHandle<R>,
    db: State<'_, Database>,
    session: State<'_, Session>,
) -> Result<bool, CommandError> {
    session.actor()?;
    let Some(path) = native::pick_file(&app, ("PNG", &["png"]))? else {
        return Ok(false);
    };
    set_logo_from_in(&db, &session, &path)?;
    Ok(true)
}

/// Sets the logo from `logo.png` in the documents folder (for a computer where no dialog can be used).
#[tauri::command(async)]
pub fn logo_from_documents(
    db: State<'_, Database>,
    session: State<'_, Session>,
    outputs: State<'_, Outputs>,
) -> Result<(), CommandError> {
    set_logo_from_in(&db, &session, &outputs.dir()?.join(LOGO_FILE))
}

/// Removes the office logo.
#[tauri::command(async)]
pub fn clear_logo(
    db: State<'_, Database>,
    session: State<'_, Session>,
) -> Result<(), CommandError> {
    let actor = session.actor()?;
    db.with(|db| office::set_logo(db, &actor, Utc::now(), None))
}
