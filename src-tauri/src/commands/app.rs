//! What the window asks before anything else: the program's version, which register it works on, the
//! office for the header, whether the start-up check found the register damaged, and whether this start
//! upgraded it.

use petromaks::office::{self, Office};
use petromaks::safety::upgrade::Upgraded;
use serde::Serialize;
use tauri::State;

use super::safety::{damaged_info, DamagedInfo};
use crate::error::CommandError;
use crate::state::Database;

/// What the window shows about the program and its data before anything else.
#[derive(Debug, Serialize)]
pub struct AppInfo {
    /// The desktop app's version.
    pub version: &'static str,
    /// The register in use (a file, or the office server without its password), so the user knows which
    /// data they are looking at.
    pub db_path: String,
    /// Why the register could not be opened, when it could not; the window then shows only this.
    pub db_error: Option<CommandError>,
    /// The office profile for the header; `None` until the office is set up.
    pub office: Option<Office>,
    /// When the start-up check found the file damaged: the file and the backup the window may restore.
    pub damaged: Option<DamagedInfo>,
    /// The upgrade opening the register performed (after its checked copy), told once: the first answer
    /// after the start carries it, later ones do not.
    pub upgraded: Option<Upgraded>,
}

/// The program's version, the register it works on and the office it belongs to.
pub fn app_info_in(db: &Database) -> Result<AppInfo, CommandError> {
    let db_error = db.open_error();
    let office = match db_error {
        Some(_) => None,
        None => db.with(|db| office::get(db))?,
    };
    Ok(AppInfo {
        version: petromaks::about::VERSION,
        db_path: db.address().shown(),
        db_error,
        office,
        damaged: damaged_info(db),
        upgraded: db.take_upgraded(),
    })
}

/// The program's version, the register and the office.
#[tauri::command(async)]
pub fn app_info(db: State<'_, Database>) -> Result<AppInfo, CommandError> {
    app_info_in(&db)
}
