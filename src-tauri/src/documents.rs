//! The documents commands: checking a permit's QR code, exporting the office key, batch printing with
//! progress and cancel, envelope labels, the CUPS printers, and sending a file this window wrote to one.
//!
//! The webview never names a path: every file is written into the documents folder by a command, kept in
//! [`Outputs`] and named afterwards by its id only.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

use chrono::{DateTime, Utc};
use petromaks::batch::{self, Selection};
use petromaks::cases::{self, CaseId};
use petromaks::delivery::{self, Trip};
use petromaks::printer::{self, Printers};
use petromaks::verification::{self, Verification};
use petromaks::{applicants, office, Error};
use serde::Serialize;
use tauri::ipc::{Channel, Response};
use tauri::{AppHandle, Runtime, State};

use crate::casework::documents_dir;
use crate::error::CommandError;
use crate::native;
use crate::session::Session;
use crate::state::Database;

/// The files this window has written, by id. Ids are positions, valid while the app runs.
#[derive(Default)]
pub struct Outputs(Mutex<Vec<PathBuf>>);

/// A file written into the documents folder: its id for later commands and its path to show.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct SavedFile {
    pub id: usize,
    pub path: String,
}

impl Outputs {
    /// Remembers a written file and gives its id.
    pub fn keep(&self, path: PathBuf) -> Result<SavedFile, CommandError> {
        let mut files = self.lock()?;
        files.push(path.clone());
        Ok(SavedFile {
            id: files.len() - 1,
            path: path.display().to_string(),
        })
    }

    /// The path of a file this window wrote; an unknown id is refused.
    pub fn path(&self, id: usize) -> Result<PathBuf, CommandError> {
        self.lock()?
            .get(id)
            .cloned()
            .ok_or_else(|| CommandError::from(Error::not_found("file", id)))
    }

    fn lock(&self) -> Result<std::sync::MutexGuard<'_, Vec<PathBuf>>, CommandError> {
        self.0
            .lock()
            .map_err(|_| CommandError::internal("an earlier command failed while keeping files"))
    }
}

/// Writes `bytes` as `name` into the documents folder and keeps it in `outputs`.
pub fn write_output(
    outputs: &Outputs,
    name: &str,
    bytes: &[u8],
) -> Result<SavedFile, CommandError> {
    let dir = documents_dir()?;
    let path = dir.join(name);
    std::fs::create_dir_all(&dir)
        .and_then(|()| std::fs::write(&path, bytes))
        .map_err(|error| {
            CommandError::internal(format!("cannot write {}: {error}", path.display()))
        })?;
    outputs.keep(path)
}

/// A file-name stamp from the clock: `20261128-214501`.
fn stamp(now: DateTime<Utc>) -> String {
    now.format("%Y%m%d-%H%M%S").to_string()
}

/// Checks a scanned or pasted QR payload against this office's keys and revocation register.
pub fn verify_permit_in(
    db: &Database,
    session: &Session,
    payload: &str,
) -> Result<Verification, CommandError> {
    session.actor()?;
    db.with(|conn| {
        let today = cases::office_today(conn, Utc::now())?;
        verification::verify(conn, payload.trim(), today)
    })
}

/// Writes the office's public key into the documents folder, for another office or a phone app.
pub fn export_office_key_in(
    db: &Database,
    session: &Session,
    outputs: &Outputs,
) -> Result<SavedFile, CommandError> {
    session.actor()?;
    let text = db.with(|conn| verification::export_public_key(conn))?;
    write_output(outputs, "kunci-publik-kantor.pub", text.as_bytes())
}

/// One permit of a batch, as the batch screen lists it.
#[derive(Debug, Clone, Serialize)]
pub struct BatchRow {
    pub id: CaseId,
    pub registration_number: String,
    pub permit_number: Option<String>,
    pub holder: String,
    pub village: Option<String>,
    pub permit_type_code: String,
    pub status: cases::Status,
}

/// The permits a selection names, in print order.
pub fn batch_preview_in(
    db: &Database,
    session: &Session,
    selection: &Selection,
) -> Result<Vec<BatchRow>, CommandError> {
    session.actor()?;
    db.with(|conn| {
        batch::select(conn, selection)?
            .into_iter()
            .map(|id| {
                let case = cases::get(conn, id)?;
                let holder = applicants::get(conn, case.applicant_id)?;
                Ok(BatchRow {
                    id,
                    registration_number: case.registration_number,
                    permit_number: case.permit_number,
                    holder: holder.name,
                    village: holder.village,
                    permit_type_code: case.permit_type_code,
                    status: case.status,
                })
            })
            .collect()
    })
}

/// How far a running batch is: `done` of `total` certificates prepared.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
pub struct BatchProgress {
    pub done: usize,
    pub total: usize,
}

/// A finished batch: its PDF and how many permits (and reprints among them) it holds.
#[derive(Debug, Clone, Serialize)]
pub struct BatchResult {
    pub file: SavedFile,
    pub count: usize,
    pub copies: usize,
}

/// The cancel switch of the batch running now; the Cancel button sets it, the next batch clears it.
#[derive(Default)]
pub struct BatchControl {
    cancel: AtomicBool,
}

impl BatchControl {
    /// Asks the running batch to stop after the certificate it is preparing.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::SeqCst);
    }
}

/// Prints a selection into one PDF in the documents folder, reporting each certificate to `progress`.
/// Cancelled (`control.cancel()`): `Ok(None)`, nothing written, nothing logged.
pub fn print_batch_in(
    db: &Database,
    session: &Session,
    outputs: &Outputs,
    control: &BatchControl,
    selection: &Selection,
    progress: &mut dyn FnMut(BatchProgress),
) -> Result<Option<BatchResult>, CommandError> {
    let actor = session.actor()?;
    control.cancel.store(false, Ordering::SeqCst);
    let now = Utc::now();
    let printed = db.with(|conn| {
        batch::print_batch(conn, &actor, now, selection, &mut |done, total| {
            progress(BatchProgress { done, total });
            !control.cancel.load(Ordering::SeqCst)
        })
    })?;
    let Some(printed) = printed else {
        return Ok(None);
    };
    let file = write_output(
        outputs,
        &format!("cetak-massal-{}.pdf", stamp(now)),
        &printed.pdf,
    )?;
    Ok(Some(BatchResult {
        file,
        count: printed.cases.len(),
        copies: printed.copies,
    }))
}

/// The envelope label sheet of a selection, written into the documents folder.
pub fn batch_labels_in(
    db: &Database,
    session: &Session,
    outputs: &Outputs,
    selection: &Selection,
) -> Result<SavedFile, CommandError> {
    session.actor()?;
    let now = Utc::now();
    let pdf = db.with(|conn| batch::labels(conn, selection, now))?;
    write_output(outputs, &format!("label-amplop-{}.pdf", stamp(now)), &pdf)
}

/// Sends a file this window wrote to a CUPS printer (the default when `None`); returns CUPS's job line.
pub fn print_output_in(
    session: &Session,
    outputs: &Outputs,
    file: usize,
    printer: Option<&str>,
) -> Result<String, CommandError> {
    session.actor()?;
    let path = outputs.path(file)?;
    let title = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "Petromaks".into());
    printer::print_file(&path, printer, &title).map_err(Into::into)
}

/// Opens a file this window wrote in the system's viewer.
pub fn open_output_in(
    session: &Session,
    outputs: &Outputs,
    file: usize,
) -> Result<(), CommandError> {
    session.actor()?;
    native::open_in_viewer(&outputs.path(file)?)
}

/// Opens a file this window wrote in the PDF viewer.
#[tauri::command(async)]
pub fn open_output(
    session: State<'_, Session>,
    outputs: State<'_, Outputs>,
    file: usize,
) -> Result<(), CommandError> {
    open_output_in(&session, &outputs, file)
}

/// Copies a file this window wrote to where the user chooses in the native save dialog; `null` when the
/// dialog is cancelled.
#[tauri::command(async)]
pub fn save_output_as<R: Runtime>(
    app: AppHandle<R>,
    session: State<'_, Session>,
    outputs: State<'_, Outputs>,
    file: usize,
) -> Result<Option<String>, CommandError> {
    session.actor()?;
    let from = outputs.path(file)?;
    let name = from
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "petromaks.pdf".into());
    let Some(to) = native::save_as(&app, &name, ("PDF", &["pdf"]))? else {
        return Ok(None);
    };
    let bytes = std::fs::read(&from).map_err(|error| {
        CommandError::internal(format!("cannot read {}: {error}", from.display()))
    })?;
    native::write_file(&to, &bytes).map(Some)
}

/// The name of the logo file the settings screen can take from the documents folder without a dialog.
pub const LOGO_FILE: &str = "logo.png";

/// Reads a PNG chosen for the logo or a holder's photo (`field`), refusing a file too big to be one
/// before reading it all (the core checks it is a PNG).
pub(crate) fn read_png(
    path: &std::path::Path,
    field: &'static str,
) -> Result<Vec<u8>, CommandError> {
    let unreadable = |error: std::io::Error| {
        CommandError::from(Error::invalid(
            field,
            format!("cannot read {}: {error}", path.display()),
        ))
    };
    let size = std::fs::metadata(path).map_err(unreadable)?.len();
    if size > 2 * 1024 * 1024 {
        return Err(Error::invalid(field, format!("the {field} must be smaller than 2 MB")).into());
    }
    std::fs::read(path).map_err(unreadable)
}

/// Sets the office logo from a PNG file (admin only, checked by the core).
pub fn set_logo_from_in(
    db: &Database,
    session: &Session,
    path: &std::path::Path,
) -> Result<(), CommandError> {
    let actor = session.actor()?;
    let png = read_png(path, "logo")?;
    db.with(|conn| office::set_logo(conn, &actor, Utc::now(), Some(&png)))
}

/// The office logo as raw PNG bytes for the header (empty when there is none).
#[tauri::command(async)]
pub fn office_logo(db: State<'_, Database>) -> Result<Response, CommandError> {
    let png = db.with(|conn| office::logo(conn))?;
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
) -> Result<(), CommandError> {
    set_logo_from_in(&db, &session, &documents_dir()?.join(LOGO_FILE))
}

/// Removes the office logo.
#[tauri::command(async)]
pub fn clear_logo(
    db: State<'_, Database>,
    session: State<'_, Session>,
) -> Result<(), CommandError> {
    let actor = session.actor()?;
    db.with(|conn| office::set_logo(conn, &actor, Utc::now(), None))
}

/// Checks a permit's QR payload.
#[tauri::command(async)]
pub fn verify_permit(
    db: State<'_, Database>,
    session: State<'_, Session>,
    payload: String,
) -> Result<Verification, CommandError> {
    verify_permit_in(&db, &session, &payload)
}

/// Saves the office's public key into the documents folder.
#[tauri::command(async)]
pub fn export_office_key(
    db: State<'_, Database>,
    session: State<'_, Session>,
    outputs: State<'_, Outputs>,
) -> Result<SavedFile, CommandError> {
    export_office_key_in(&db, &session, &outputs)
}

/// The van trips of a date range, to print a trip's permits.
#[tauri::command(async)]
pub fn batch_trips(
    db: State<'_, Database>,
    session: State<'_, Session>,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
) -> Result<Vec<Trip>, CommandError> {
    session.actor()?;
    db.with(|conn| delivery::list_trips(conn, from, to))
}

/// Villages of the office's regency matching typed text (name or code).
#[tauri::command(async)]
pub fn find_villages(
    db: State<'_, Database>,
    session: State<'_, Session>,
    query: String,
) -> Result<Vec<applicants::Village>, CommandError> {
    session.actor()?;
    db.with(|conn| applicants::villages(conn, &query, 20))
}

/// The permits a selection names.
#[tauri::command(async)]
pub fn batch_preview(
    db: State<'_, Database>,
    session: State<'_, Session>,
    selection: Selection,
) -> Result<Vec<BatchRow>, CommandError> {
    batch_preview_in(&db, &session, &selection)
}

/// Prints a batch, sending progress on `on_progress`; `null` when cancelled.
#[tauri::command(async)]
pub fn print_batch(
    db: State<'_, Database>,
    session: State<'_, Session>,
    outputs: State<'_, Outputs>,
    control: State<'_, BatchControl>,
    selection: Selection,
    on_progress: Channel<BatchProgress>,
) -> Result<Option<BatchResult>, CommandError> {
    print_batch_in(&db, &session, &outputs, &control, &selection, &mut |p| {
        // A closed channel (the window reloaded) does not stop the batch.
        let _ = on_progress.send(p);
    })
}

/// Cancels the running batch.
#[tauri::command]
pub fn cancel_batch(control: State<'_, BatchControl>) {
    control.cancel();
}

/// Writes the envelope labels of a selection.
#[tauri::command(async)]
pub fn batch_labels(
    db: State<'_, Database>,
    session: State<'_, Session>,
    outputs: State<'_, Outputs>,
    selection: Selection,
) -> Result<SavedFile, CommandError> {
    batch_labels_in(&db, &session, &outputs, &selection)
}

/// The CUPS printers and the default one; none is an empty list.
#[tauri::command(async)]
pub fn list_printers(session: State<'_, Session>) -> Result<Printers, CommandError> {
    session.actor()?;
    printer::list().map_err(Into::into)
}

/// Sends a file this window wrote to a printer.
#[tauri::command(async)]
pub fn print_output(
    session: State<'_, Session>,
    outputs: State<'_, Outputs>,
    file: usize,
    printer: Option<String>,
) -> Result<String, CommandError> {
    print_output_in(&session, &outputs, file, printer.as_deref())
}

#[cfg(test)]
#[path = "documents_tests.rs"]
mod tests;
