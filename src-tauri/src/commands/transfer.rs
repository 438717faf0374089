//! Import and export in the window: cases and applicants exported as CSV or XLSX with progress and
//! cancel, and a CSV imported with a dry run first and then all or nothing. The core checks who may do
//! either, reads the file as the office's Excel writes it (a BOM, `;` or `,`), and checks every row. Both
//! run on a connection of their own, so the window keeps answering meanwhile.
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
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, Runtime, State};

use super::on_blocking_pool;
use crate::error::CommandError;
use crate::native;
use crate::state::control::{Export, Running};
use crate::state::{file_name, stamp, Database, ExportControl, Outputs, PickedImport, Session};

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

/// How far a running export is: `done` of `total` rows written. `done` at `total`: every row is written
/// and the file is being finished (an XLSX packed, the longest step after the rows).
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
pub struct ExportProgress {
    pub done: u64,
    pub total: u64,
}

/// How an export ended: its file and rows, or cancelled (no file left, not even a half one).
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum Exported {
    Written { path: String, rows: u64 },
    Cancelled,
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
/// million cases take no more memory than ten), telling `progress` the rows written of those the core
/// counted first: into a file beside it first, renamed when complete, so a failed or cancelled export
/// leaves no half file and never harms a file being replaced.
fn export_to(
    db: &Database,
    session: &Session,
    running: &Running<'_, Export>,
    what: What,
    format: ExportFormat,
    path: &Path,
    progress: &mut dyn FnMut(ExportProgress),
) -> Result<Exported, CommandError> {
    let actor = session.actor()?;
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        petromaks::private::create_dir(dir)?;
    }
    let partial = path.with_extension(format!("{}.part", format.ext()));
    let written = db.job()?.run(|job| {
        let total = export::count(job, &actor, what)?;
        progress(ExportProgress { done: 0, total });
        let mut report = |done: u64| {
            // Rows registered since the count are written too: the total grows with them.
            progress(ExportProgress {
                done,
                total: total.max(done),
            });
            running.go_on()
        };
        let mut w = std::io::BufWriter::new(petromaks::private::create_file(&partial)?);
        let rows = match format {
            ExportFormat::Xlsx => {
                export::xlsx_with_progress(job, &actor, what, &mut w, &mut report)
            }
            ExportFormat::Csv => export::csv_with_progress(job, &actor, what, &mut w, &mut report),
        };
        let rows = match rows {
            Err(Error::Cancelled) => return Ok(None),
            rows => rows?,
        };
        std::io::Write::flush(&mut w)?;
        // Cancel pressed while the file was being finished: the clerk was told it stops, so it does.
        if !running.go_on() {
            return Ok(None);
        }
        std::fs::rename(&partial, path)?;
        Ok(Some(rows))
    });
    if !matches!(written, Ok(Some(_))) {
        let _ = std::fs::remove_file(&partial);
    }
    Ok(match written? {
        Some(rows) => Exported::Written {
            path: path.display().to_string(),
            rows,
        },
        None => Exported::Cancelled,
    })
}

/// Writes the export into the documents folder, one at a time (`busy` while another runs), reporting to
/// `progress`; cancelled with `control.cancel()`.
pub fn export_in(
    db: &Database,
    session: &Session,
    outputs: &Outputs,
    control: &ExportControl,
    what: What,
    format: ExportFormat,
    progress: &mut dyn FnMut(ExportProgress),
) -> Result<Exported, CommandError> {
    let running = control.start()?;
    let path = outputs.dir()?.join(export_name(what, format, Utc::now()));
    export_to(db, session, &running, what, format, &path, progress)
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

/// Exports into the documents folder, sending progress on `on_progress`.
#[tauri::command]
pub async fn export_data<R: Runtime>(
    app: AppHandle<R>,
    what: What,
    format: ExportFormat,
    on_progress: Channel<ExportProgress>,
) -> Result<Exported, CommandError> {
    on_blocking_pool(move || {
        let (db, session) = (app.state::<Database>(), app.state::<Session>());
        let (outputs, control) = (app.state::<Outputs>(), app.state::<ExportControl>());
        export_in(&db, &session, &outputs, &control, what, format, &mut |p| {
            // A closed channel (the window reloaded) does not stop the export.
            let _ = on_progress.send(p);
        })
    })
    .await
}

/// Cancels the running export.
#[tauri::command]
pub fn cancel_export(control: State<'_, ExportControl>) {
    control.cancel();
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

/// Exports through the native save dialog, sending progress on `on_progress`; `None` when the dialog is
/// closed without a place.
#[tauri::command]
pub async fn export_data_as<R: Runtime>(
    app: AppHandle<R>,
    what: What,
    format: ExportFormat,
    on_progress: Channel<ExportProgress>,
) -> Result<Option<Exported>, CommandError> {
    on_blocking_pool(move || {
        let (db, session) = (app.state::<Database>(), app.state::<Session>());
        let control = app.state::<ExportControl>();
        // Who may export is checked before the dialog opens, and again by the core; so is a running
        // export, rather than after a place was chosen.
        session.actor()?;
        let running = control.start()?;
        let name = export_name(what, format, Utc::now());
        let Some(path) = native::save_as(&app, &name, format.filter())? else {
            return Ok(None);
        };
        export_to(&db, &session, &running, what, format, &path, &mut |p| {
            let _ = on_progress.send(p);
        })
        .map(Some)
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
