//! The program on this computer: the About dialog (version, which register, the licences) and the admin's
//! notice when the register's files are readable by other accounts, with the fix. The core decides what
//! counts and who may see and fix it; this module names the window's own folders.

use std::path::{Path, PathBuf};

use petromaks::about::{self, Credit};
use petromaks::db::Address;
use petromaks::safety::privacy::{self, Privacy};
use serde::Serialize;
use tauri::{Manager, Runtime, State};

use crate::error::CommandError;
use crate::state::{Database, Outputs, Session};

/// What the About dialog shows.
#[derive(Debug, Clone, Serialize)]
pub struct About {
    pub version: &'static str,
    /// The register: its file, or the office server without its password.
    pub register: String,
    /// `file` or `server`.
    pub engine: &'static str,
    pub credits: &'static [Credit],
}

/// The version, the register and the licences.
pub fn about_in(db: &Database) -> About {
    About {
        version: about::VERSION,
        register: db.address().shown(),
        engine: match db.address() {
            Address::File(_) => "file",
            Address::Server(_) => "server",
        },
        credits: about::CREDITS,
    }
}

/// The folders the window makes for itself besides the register's: the documents folder, and the
/// settings and web data folders of the app (the window's size and place, the language).
pub struct OwnFolders(pub Vec<PathBuf>);

impl OwnFolders {
    /// The app's folders as Tauri names them for this user, and the documents folder.
    pub fn of<R: Runtime>(app: &tauri::AppHandle<R>, outputs: &Outputs) -> Self {
        let path = app.path();
        let dirs = [
            path.app_config_dir().ok(),
            path.app_local_data_dir().ok(),
            path.app_data_dir().ok(),
            outputs.dir().ok(),
        ];
        OwnFolders(dirs.into_iter().flatten().collect())
    }
}

/// The file the register's privacy is judged by: the register file, or for a register on the office
/// server the app-data file its backups and settings sit beside (the server has no files here).
fn anchor(db: &Database) -> PathBuf {
    match db.address() {
        Address::File(p) => p.clone(),
        Address::Server(_) => petromaks::db::default_file(),
    }
}

/// What is readable by others (admin).
pub fn privacy_check_in(
    db: &Database,
    session: &Session,
    own: &OwnFolders,
) -> Result<Privacy, CommandError> {
    let actor = session.actor()?;
    let own: Vec<&Path> = own.0.iter().map(PathBuf::as_path).collect();
    Ok(privacy::check_as(&actor, &anchor(db), &own)?)
}

/// Makes what the check found owner-only (admin); answers what is still readable, and why.
pub fn privacy_fix_in(
    db: &Database,
    session: &Session,
    own: &OwnFolders,
) -> Result<Privacy, CommandError> {
    let actor = session.actor()?;
    let own: Vec<&Path> = own.0.iter().map(PathBuf::as_path).collect();
    Ok(privacy::fix(&actor, &anchor(db), &own)?)
}

/// The About dialog's content.
#[tauri::command(async)]
pub fn about(db: State<'_, Database>) -> About {
    about_in(&db)
}

/// The admin's privacy notice: what other accounts can read.
#[tauri::command(async)]
pub fn privacy_check(
    app: tauri::AppHandle,
    db: State<'_, Database>,
    session: State<'_, Session>,
    outputs: State<'_, Outputs>,
) -> Result<Privacy, CommandError> {
    privacy_check_in(&db, &session, &OwnFolders::of(&app, &outputs))
}

/// The notice's "make private" button.
#[tauri::command(async)]
pub fn privacy_fix(
    app: tauri::AppHandle,
    db: State<'_, Database>,
    session: State<'_, Session>,
    outputs: State<'_, Outputs>,
) -> Result<Privacy, CommandError> {
    privacy_fix_in(&db, &session, &OwnFolders::of(&app, &outputs))
}
