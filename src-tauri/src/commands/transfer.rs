//! Import and export in the window: cases and applicants exported as CSV or XLSX, and a CSV imported with
//! a dry run first and then all or nothing. The core checks who may do either, reads the file as the
//! office's Excel writes it (a BOM, `;` or `,`), and checks every row. Both run on a connection of their
//! own, so the window keeps answering meanwhile.
//!
//! Files are never named by the webview with a path: import files are picked by name from the documents
//! folder's `impor/` subfolder or in the native dialog, and exports go to the documents folder or where the
//! native save dialog says.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use petromaks::exchange::export::{self, What};
use petromaks::exchange::import::{self, ImportReport};
use petromaks::Error;
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, Manager, Runtime, State};

use super::on_blocking_pool;
use crate::error::CommandError;
use crate::native;
use crate::state::{file_name, stamp, Database, Outputs, PickedImport, Session};

/// In which format to export.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    Csv,
    Xlsx,
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

/// The import files the window may pick: the `.csv` files in the documents folder's `impor/`, by name.
#[derive(Debug, Clone, Serialize)]
pub struct ImportFiles {
    pub folder: String,
    pub files: Vec<String>,
}

/// The export's suggested name: `<what>-<time>.<format>`.
fn export_name(what: What, format: ExportFormat, now: DateTime<Utc>) -> String {
    let stem = match what {
        What::Cases => "permohonan",
        What::Applicants => "pemohon",
    };
    format!("{stem}-{}.{}", stamp(now), format.ext())
}

/// Writes the export to `path` on a connection of its own, row by row as the register gives them (a
/// million cases take no more memory than ten): into a file beside it first, renamed when complete, so
/// a failed export leaves no half file and never harms a file being replaced. Answers the path.
fn export_to(
    db: &Database,
    session: &Session,
    what: What,
    format: ExportFormat,
    path: &Path,
) -> Result<String, CommandError> {
    let actor = session.actor()?;
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        petromaks::private::create_dir(dir)?;
    }
    let partial = path.with_extension(format!("{}.part", format.ext()));
    let written = db.job()?.run(|job| {
        let mut w = std::io::BufWriter::new(petromaks::private::create_file(&partial)?);
        match format {
            ExportFormat::Xlsx => export::xlsx(job, &actor, what, &mut w)?,
            ExportFormat::Csv => export::csv(job, &actor, what, &mut w)?,
        };
        std::io::Write::flush(&mut w)?;
        std::fs::rename(&partial, path)?;
        Ok(())
    });
    if written.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    written?;
    Ok(path.display().to_string())
}

/// Writes the export into the documents folder; answers the file's path.
pub fn export_in(
    db: &Database,
    session: &Session,
    outputs: &Outputs,
    what: What,
    format: ExportFormat,
    now: DateTime<Utc>,
) -> Result<String, CommandError> {
    let path = outputs.dir()?.join(export_name(what, format, now));
    export_to(db, session, what, format, &path)
}

/// The folder import files are picked from by name: `impor/` in the documents folder.
fn import_dir(outputs: &Outputs) -> Result<PathBuf, CommandError> {
    Ok(outputs.dir()?.join("impor"))
}

/// Lists the CSV files waiting in `impor/` (signed-in users).
pub fn import_files_in(session: &Session, outputs: &Outputs) -> Result<ImportFiles, CommandError> {
    session.actor()?;
    let dir = import_dir(outputs)?;
    let mut files = Vec::new();
    if dir.is_dir() {
        let read = std::fs::read_dir(&dir).map_err(|e| CommandError::from(Error::from(e)))?;
        for entry in read {
            let entry = entry.map_err(|e| CommandError::from(Error::from(e)))?;
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

/// Dry run (`confirm` false) or all-or-nothing import (`confirm` true) of the file at `path`, as the
/// signed-in user, on a connection of its own. The text goes to the core as it is in the file.
fn import_path(
    db: &Database,
    session: &Session,
    path: &Path,
    confirm: bool,
    now: DateTime<Utc>,
) -> Result<ImportReport, CommandError> {
    let actor = session.actor()?;
    let text = native::read_text(path)?;
    db.job()?
        .run(|job| import::import(job, &actor, now, &text, confirm))
}

/// Dry run or import of the file `name` from `impor/`.
pub fn import_file_in(
    db: &Database,
    session: &Session,
    outputs: &Outputs,
    name: &str,
    confirm: bool,
    now: DateTime<Utc>,
) -> Result<ImportReport, CommandError> {
    let listed = import_files_in(session, outputs)?;
    if !listed.files.iter().any(|f| f == name) {
        return Err(Error::not_found("import file", name).into());
    }
    import_path(db, session, &import_dir(outputs)?.join(name), confirm, now)
}

/// Exports into the documents folder; answers the file's path.
#[tauri::command]
pub async fn export_data<R: Runtime>(
    app: AppHandle<R>,
    what: What,
    format: ExportFormat,
) -> Result<String, CommandError> {
    on_blocking_pool(move || {
        let (db, session, outputs) = (
            app.state::<Database>(),
            app.state::<Session>(),
            app.state::<Outputs>(),
        );
        export_in(&db, &session, &outputs, what, format, Utc::now())
    })
    .await
}

/// The CSV files waiting in `impor/`.
#[tauri::command(async)]
pub fn import_files(
    session: State<'_, Session>,
    outputs: State<'_, Outputs>,
) -> Result<ImportFiles, CommandError> {
    import_files_in(&session, &outputs)
}

/// Dry run or import of a file from `impor/`.
#[tauri::command]
pub async fn import_file<R: Runtime>(
    app: AppHandle<R>,
    name: String,
    confirm: bool,
) -> Result<ImportReport, CommandError> {
    on_blocking_pool(move || {
        let (db, session, outputs) = (
            app.state::<Database>(),
            app.state::<Session>(),
            app.state::<Outputs>(),
        );
        import_file_in(&db, &session, &outputs, &name, confirm, Utc::now())
    })
    .await
}

/// Exports through the native save dialog; answers the path, or `None` when the user cancels.
#[tauri::command]
pub async fn export_data_as<R: Runtime>(
    app: AppHandle<R>,
    what: What,
    format: ExportFormat,
) -> Result<Option<String>, CommandError> {
    on_blocking_pool(move || {
        let (db, session) = (app.state::<Database>(), app.state::<Session>());
        // Who may export is checked before the dialog opens, and again by the core.
        session.actor()?;
        let name = export_name(what, format, Utc::now());
        match native::save_as(&app, &name, format.filter())? {
            Some(path) => export_to(&db, &session, what, format, &path).map(Some),
            None => Ok(None),
        }
    })
    .await
}

/// Asks for a CSV file with the native dialog and runs its dry run; the file is kept for the confirm.
/// `None` when the user cancels.
#[tauri::command]
pub async fn choose_import_file<R: Runtime>(
    app: AppHandle<R>,
) -> Result<Option<(String, ImportReport)>, CommandError> {
    on_blocking_pool(move || {
        let (db, session) = (app.state::<Database>(), app.state::<Session>());
        session.actor()?;
        let Some(path) = native::pick_file(&app, ("CSV", &["csv"]))? else {
            return Ok(None);
        };
        let report = import_path(&db, &session, &path, false, Utc::now())?;
        let name = file_name(&path);
        app.state::<PickedImport>().set(path)?;
        Ok(Some((name, report)))
    })
    .await
}

/// Imports (all or nothing) the file last chosen in the native dialog.
#[tauri::command]
pub async fn import_chosen_file<R: Runtime>(
    app: AppHandle<R>,
) -> Result<ImportReport, CommandError> {
    on_blocking_pool(move || {
        let path = app.state::<PickedImport>().get()?.ok_or_else(|| {
            CommandError::from(Error::not_found("import file", "chosen in the dialog"))
        })?;
        let (db, session) = (app.state::<Database>(), app.state::<Session>());
        import_path(&db, &session, &path, true, Utc::now())
    })
    .await
}
