//! The operating system's own file dialogs and PDF viewer, used from Rust only.
//!
//! The webview never names a file: a command opens the native dialog here and works on the path the user
//! chose, or on a fixed folder. The dialog plugin is registered but not granted to the window, and the
//! viewer is started with the `open` crate, so no plugin command is reachable from JavaScript.

use std::path::{Path, PathBuf};

use tauri::{AppHandle, Runtime};
use tauri_plugin_dialog::DialogExt;

use crate::error::CommandError;

/// A file type the dialogs offer, e.g. `("PDF", &["pdf"])`.
pub type Filter<'a> = (&'a str, &'a [&'a str]);

/// Asks where to save a file, starting from `suggested` (a file name); `None` when the user cancels.
///
/// Blocks until the dialog closes, so call it only from an `async` command (never the main thread).
pub fn save_as<R: Runtime>(
    app: &AppHandle<R>,
    suggested: &str,
    filter: Filter<'_>,
) -> Result<Option<PathBuf>, CommandError> {
    let chosen = app
        .dialog()
        .file()
        .add_filter(filter.0, filter.1)
        .set_file_name(suggested)
        .blocking_save_file();
    chosen.map(into_path).transpose()
}

/// Asks for one existing file of the given type; `None` when the user cancels.
pub fn pick_file<R: Runtime>(
    app: &AppHandle<R>,
    filter: Filter<'_>,
) -> Result<Option<PathBuf>, CommandError> {
    let chosen = app
        .dialog()
        .file()
        .add_filter(filter.0, filter.1)
        .blocking_pick_file();
    chosen.map(into_path).transpose()
}

/// Asks for a folder (for example a backup disk); `None` when the user cancels.
pub fn pick_folder<R: Runtime>(app: &AppHandle<R>) -> Result<Option<PathBuf>, CommandError> {
    app.dialog()
        .file()
        .blocking_pick_folder()
        .map(into_path)
        .transpose()
}

fn into_path(chosen: tauri_plugin_dialog::FilePath) -> Result<PathBuf, CommandError> {
    chosen
        .into_path()
        .map_err(|error| CommandError::internal(format!("the chosen file has no path: {error}")))
}

/// Opens a file in the program the desktop uses for its type (the PDF viewer for a PDF), without waiting.
pub fn open_in_viewer(path: &Path) -> Result<(), CommandError> {
    if !path.is_file() {
        return Err(CommandError::internal(format!(
            "{} does not exist",
            path.display()
        )));
    }
    open::that_detached(path)
        .map_err(|error| CommandError::internal(format!("cannot open {}: {error}", path.display())))
}

/// Writes `bytes` to `path`, creating its folder, and returns the path as shown to the user. The file and a
/// new folder are the owner's only: receipts, certificates and exports carry people's data.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<String, CommandError> {
    path.parent()
        .filter(|dir| !dir.as_os_str().is_empty())
        .map_or(Ok(()), petromaks::private::create_dir)
        .and_then(|()| petromaks::private::write(path, bytes))
        .map_err(|error| {
            CommandError::internal(format!("cannot write {}: {error}", path.display()))
        })?;
    Ok(path.display().to_string())
}

/// Reads a PNG chosen for the logo or a holder's photo (`field`), refusing a file too big to be one before
/// reading it all (the core checks that it is a PNG and its size).
pub fn read_png(path: &Path, field: &'static str) -> Result<Vec<u8>, CommandError> {
    let unreadable = |error: std::io::Error| {
        CommandError::from(petromaks::Error::invalid(
            field,
            format!("cannot read {}: {error}", path.display()),
        ))
    };
    let size = std::fs::metadata(path).map_err(unreadable)?.len();
    if size > 2 * 1024 * 1024 {
        return Err(petromaks::Error::invalid(
            field,
            format!("the {field} must be smaller than 2 MB"),
        )
        .into());
    }
    std::fs::read(path).map_err(unreadable)
}

/// Reads a text file the user chose (a CSV), refusing one that is not UTF-8 on `file`.
pub fn read_text(path: &Path) -> Result<String, CommandError> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let bytes = std::fs::read(path).map_err(|error| {
        petromaks::Error::invalid("file", format!("cannot read {}: {error}", path.display()))
    })?;
    String::from_utf8(bytes)
        .map_err(|_| petromaks::Error::invalid("file", format!("{name} is not UTF-8 text")).into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_written_with_its_folder_and_a_missing_one_is_not_opened(
    ) -> Result<(), Box<dyn std::error::Error>> {
        let dir = std::env::temp_dir().join(format!("petromaks-native-{}", std::process::id()));
        let path = dir.join("deep").join("file.pdf");
        let shown = write_file(&path, b"%PDF-1.7")?;
        assert_eq!(shown, path.display().to_string());
        assert_eq!(std::fs::read(&path)?, b"%PDF-1.7");
        let missing = open_in_viewer(&dir.join("missing.pdf"));
        assert!(missing.is_err_and(|e| e.message.contains("does not exist")));
        std::fs::remove_dir_all(&dir)?;
        Ok(())
    }
}
