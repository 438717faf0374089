//! The app's own IPC commands. Each takes the shared state, calls one core function and converts the error;
//! anything that knows about permits lives in the core. Adding a command: write it here, list it in
//! `build.rs`, grant `allow-<name>` in `capabilities/main.json`, register it in `main.rs`, call it from
//! `ui/js/api.js` (or its area module `ui/js/api-<area>.js`, re-exported by `api.js`).

use petromaks::cases::{self, CaseFilter, CaseSummary};
use petromaks::office::{self, Office};
use serde::Serialize;
use tauri::State;

use crate::error::CommandError;
use crate::safety::{damaged_info, DamagedInfo};
use crate::state::Database;

/// What the window shows about the program and its data before anything else.
#[derive(Debug, Serialize)]
pub struct AppInfo {
    /// The desktop app's version.
    pub version: &'static str,
    /// The database file in use, shown to the user so they know which data they are looking at.
    pub db_path: String,
    /// Why the database could not be opened, when it could not; the window then shows only this.
    pub db_error: Option<CommandError>,
    /// The office profile for the header; `None` until the office is set up (`petromaks init`).
    pub office: Option<Office>,
    /// When the start-up check found the file damaged: the file and the backup the window may restore.
    pub damaged: Option<DamagedInfo>,
}

/// The program's version, the database it works on and the office it belongs to.
#[tauri::command(async)]
pub fn app_info(db: State<'_, Database>) -> Result<AppInfo, CommandError> {
    let office = match db.open_error() {
        Some(_) => None,
        None => db.with(|conn| office::get(conn))?,
    };
    Ok(AppInfo {
        version: env!("CARGO_PKG_VERSION"),
        db_path: db.path().display().to_string(),
        db_error: db.open_error(),
        office,
        damaged: damaged_info(&db),
    })
}

/// Cases matching `filter` (status, free-text query, limit), newest first as the core orders them.
#[tauri::command(async)]
pub fn list_cases(
    db: State<'_, Database>,
    filter: CaseFilter,
) -> Result<Vec<CaseSummary>, CommandError> {
    db.with(|conn| cases::list(conn, &filter))
}
