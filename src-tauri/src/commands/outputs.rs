//! The files this window wrote, named by id: opening one in the PDF viewer, copying it where the user
//! chooses, and sending it to a CUPS printer.

use petromaks::documents::printer::{self, Printers};
use tauri::{AppHandle, Runtime, State};

use crate::error::CommandError;
use crate::native;
use crate::state::{file_name, Outputs, Session};

/// Sends a file this window wrote to a CUPS printer (the default when `None`); answers CUPS's job line.
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

/// Opens a file this window wrote in the PDF viewer.
#[tauri::command(async)]
pub fn open_output(
    session: State<'_, Session>,
    outputs: State<'_, Outputs>,
    file: usize,
) -> Result<(), CommandError> {
    open_output_in(&session, &outputs, file)
}

/// Copies a file this window wrote (a PDF, or a report's XLSX or CSV) to where the user chooses in the
/// native save dialog; `null` when the dialog is cancelled.
#[tauri::command(async)]
pub fn save_output_as<R: Runtime>(
    app: AppHandle<R>,
    session: State<'_, Session>,
    outputs: State<'_, Outputs>,
    file: usize,
) -> Result<Option<String>, CommandError> {
    session.actor()?;
    let from = outputs.path(file)?;
    let mut name = file_name(&from);
    if name.is_empty() {
        name = "petromaks.pdf".into();
    }
    let filter: native::Filter<'static> = match from.extension().and_then(|e| e.to_str()) {
        Some("xlsx") => ("Excel (XLSX)", &["xlsx"]),
        Some("csv") => ("CSV", &["csv"]),
        _ => ("PDF", &["pdf"]),
    };
    let Some(to) = native::save_as(&app, &name, filter)? else {
        return Ok(None);
    };
    let bytes = std::fs::read(&from).map_err(|error| {
        CommandError::internal(format!("cannot read {}: {error}", from.display()))
    })?;
    native::write_file(&to, &bytes).map(Some)
}
