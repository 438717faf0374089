//! Import and export in the window: cases and applicants exported as CSV or XLSX, and a CSV imported with
//! a dry run first and then all or nothing (the core checks every row).
//!
//! Files are never named by the webview with a path: import files are picked by name from the documents
//! folder's `impor/` subfolder or in the native dialog, and exports go to the documents folder or where the
//! native save dialog says.

use std::path::PathBuf;
use std::sync::Mutex;

use chrono::{DateTime, Utc};
use petromaks::import::{self, ImportReport};
use petromaks::users::Role;
use petromaks::{export, Error};
use serde::{Deserialize, Serialize};
use tauri::State;

use crate::casework::documents_dir;
use crate::error::CommandError;
use crate::native;
use crate::session::Session;
use crate::state::Database;

/// What to export.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExportWhat {
    Cases,
    Applicants,
}

/// In which format.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    Csv,
    Xlsx,
}

/// The export's bytes and its suggested file name `<what>-<time>.<format>`.
fn export_bytes(
    db: &Database,
    session: &Session,
    what: ExportWhat,
    format: ExportFormat,
    now: DateTime<Utc>,
) -> Result<(String, Vec<u8>), CommandError> {
    session
        .actor()?
        .require(&[Role::Admin, Role::Clerk], "export the register")?;
    let bytes = db.with(|conn| {
        Ok(match (what, format) {
            (ExportWhat::Cases, ExportFormat::Xlsx) => export::cases_xlsx(conn)?,
            (ExportWhat::Applicants, ExportFormat::Xlsx) => export::applicants_xlsx(conn)?,
            (ExportWhat::Cases, ExportFormat::Csv) => {
                let mut out = Vec::new();
                export::cases_csv(conn, &mut out)?;
                out
            }
            (ExportWhat::Applicants, ExportFormat::Csv) => {
                let mut out = Vec::new();
                export::applicants_csv(conn, &mut out)?;
                out
            }
        })
    })?;
    let stem = match what {
        ExportWhat::Cases => "permohonan",
        ExportWhat::Applicants => "pemohon",
    };
    Ok((
        format!("{stem}-{}.{}", now.format("%Y%m%d-%H%M%S"), format.ext()),
        bytes,
    ))
}

impl ExportFormat {
    fn ext(self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Xlsx => "xlsx",
        }
    }

    fn filter(self) -> native::Filter<'static> {
        match self {
            ExportFormat::Csv => ("CSV", &["csv"]),
            ExportFormat::Xlsx => ("Excel (XLSX)", &["xlsx"]),
        }
    }
}

/// Writes the export into the documents folder; answers the file's path.
pub fn export_in(
    db: &Database,
    session: &Session,
    what: ExportWhat,
    format: ExportFormat,
    now: DateTime<Utc>,
) -> Result<String, CommandError> {
    let (name, bytes) = export_bytes(db, session, what, format, now)?;
    native::write_file(&documents_dir()?.join(name), &bytes)
}

/// The folder import files are picked from by name: `impor/` in the documents folder.
fn import_dir() -> Result<PathBuf, CommandError> {
    Ok(documents_dir()?.join("impor"))
}

/// The import files the window may pick: the `.csv` files in the documents folder's `impor/`, by name.
#[derive(Debug, Clone, Serialize)]
pub struct ImportFiles {
    pub folder: String,
    pub files: Vec<String>,
}

/// Lists the CSV files waiting in `impor/` (signed-in users).
pub fn import_files_in(session: &Session) -> Result<ImportFiles, CommandError> {
    session.actor()?;
    let dir = import_dir()?;
    let mut files = Vec::new();
    if dir.is_dir() {
        let read = std::fs::read_dir(&dir).map_err(|e| CommandError::from(Error::from(e)))?;
        for entry in read.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if entry.path().is_file() && name.to_lowercase().ends_with(".csv") {
                files.push(name);
            }
        }
    }
    files.sort();
    Ok(ImportFiles {
        folder: dir.display().to_string(),
        files,
    })
}

/// Dry run (`confirm` false) or all-or-nothing import (`confirm` true) of the file `name` from `impor/`,
/// as the signed-in user (the core requires a clerk).
pub fn import_file_in(
    db: &Database,
    session: &Session,
    name: &str,
    confirm: bool,
    now: DateTime<Utc>,
) -> Result<ImportReport, CommandError> {
    let listed = import_files_in(session)?;
    if !listed.files.iter().any(|f| f == name) {
        return Err(Error::not_found("import file", name).into());
    }
    import_path(db, session, &import_dir()?.join(name), confirm, now)
}

/// The import file chosen in the native dialog, kept on the Rust side: the webview only sees its name.
#[derive(Default)]
pub struct PickedImport(Mutex<Option<PathBuf>>);

/// Dry run or import of the file at `path` (from the `impor/` listing or the native dialog).
fn import_path(
    db: &Database,
    session: &Session,
    path: &std::path::Path,
    confirm: bool,
    now: DateTime<Utc>,
) -> Result<ImportReport, CommandError> {
    let actor = session.actor()?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let bytes = std::fs::read(path).map_err(|e| CommandError::from(Error::from(e)))?;
    let text = String::from_utf8(bytes)
        .map_err(|_| Error::invalid("file", format!("{name} is not UTF-8 text")))?;
    // A spreadsheet's UTF-8 byte-order mark would become part of the first column's name.
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    db.with(|conn| import::import(conn, &actor, now, text, confirm))
}

#[tauri::command(async)]
pub fn export_data(
    db: State<'_, Database>,
    session: State<'_, Session>,
    what: ExportWhat,
    format: ExportFormat,
) -> Result<String, CommandError> {
    export_in(&db, &session, what, format, Utc::now())
}

#[tauri::command(async)]
pub fn import_files(session: State<'_, Session>) -> Result<ImportFiles, CommandError> {
    import_files_in(&session)
}

#[tauri::command(async)]
pub fn import_file(
    db: State<'_, Database>,
    session: State<'_, Session>,
    name: String,
    confirm: bool,
) -> Result<ImportReport, CommandError> {
    import_file_in(&db, &session, &name, confirm, Utc::now())
}

/// Exports through the native save dialog; answers the path, or `None` when the user cancels.
#[tauri::command(async)]
pub fn export_data_as(
    app: tauri::AppHandle,
    db: State<'_, Database>,
    session: State<'_, Session>,
    what: ExportWhat,
    format: ExportFormat,
) -> Result<Option<String>, CommandError> {
    let (name, bytes) = export_bytes(&db, &session, what, format, Utc::now())?;
    match native::save_as(&app, &name, format.filter())? {
        Some(path) => native::write_file(&path, &bytes).map(Some),
        None => Ok(None),
    }
}

/// Asks for a CSV file with the native dialog and runs its dry run; the file is kept for the confirm.
/// `None` when the user cancels.
#[tauri::command(async)]
pub fn choose_import_file(
    app: tauri::AppHandle,
    db: State<'_, Database>,
    session: State<'_, Session>,
    picked: State<'_, PickedImport>,
) -> Result<Option<(String, ImportReport)>, CommandError> {
    session.actor()?;
    let Some(path) = native::pick_file(&app, ("CSV", &["csv"]))? else {
        return Ok(None);
    };
    let report = import_path(&db, &session, &path, false, Utc::now())?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    *picked
        .0
        .lock()
        .map_err(|_| CommandError::internal("the chosen import file is unavailable"))? = Some(path);
    Ok(Some((name, report)))
}

/// Imports (all or nothing) the file last chosen in the native dialog.
#[tauri::command(async)]
pub fn import_chosen_file(
    db: State<'_, Database>,
    session: State<'_, Session>,
    picked: State<'_, PickedImport>,
) -> Result<ImportReport, CommandError> {
    let path = picked
        .0
        .lock()
        .map_err(|_| CommandError::internal("the chosen import file is unavailable"))?
        .clone()
        .ok_or_else(|| Error::not_found("import file", "chosen in the dialog"))?;
    import_path(&db, &session, &path, true, Utc::now())
}
