//! Where the window writes files and which ones it wrote: the documents folder (chosen here, never by the
//! webview) and the files written into it, named afterwards by id only, so a later command (open, print,
//! save as) never takes a path from JavaScript.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use petromaks::Error;
use serde::Serialize;

use crate::error::CommandError;

/// The documents folder and the files this window has written, by id. Ids are positions, valid while
/// the app runs.
pub struct Outputs {
    dir: Result<PathBuf, CommandError>,
    files: Mutex<Vec<PathBuf>>,
}

/// A file written by the window: its id for later commands and its path to show.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct SavedFile {
    pub id: usize,
    pub path: String,
}

impl Outputs {
    /// The user's documents folder: `PETROMAKS_DOCS_DIR`, else `Petromaks/` in the documents (or home)
    /// folder. Read once at start-up.
    pub fn in_documents() -> Self {
        let dir = match std::env::var_os("PETROMAKS_DOCS_DIR") {
            Some(dir) => Ok(PathBuf::from(dir)),
            None => dirs::document_dir()
                .or_else(dirs::home_dir)
                .map(|dir| dir.join("Petromaks"))
                .ok_or_else(|| {
                    CommandError::internal("no documents folder is known for this user")
                }),
        };
        Outputs {
            dir,
            files: Mutex::new(Vec::new()),
        }
    }

    /// Files go into `dir` (the tests' own folder).
    #[cfg(test)]
    pub fn at(dir: PathBuf) -> Self {
        Outputs {
            dir: Ok(dir),
            files: Mutex::new(Vec::new()),
        }
    }

    /// The documents folder.
    pub fn dir(&self) -> Result<PathBuf, CommandError> {
        self.dir.clone()
    }

    /// Writes `bytes` as `name` into the documents folder and keeps it.
    pub fn write(&self, name: &str, bytes: &[u8]) -> Result<SavedFile, CommandError> {
        let path = self.dir()?.join(name);
        crate::native::write_file(&path, bytes)?;
        self.keep(path)
    }

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

    fn lock(&self) -> Result<MutexGuard<'_, Vec<PathBuf>>, CommandError> {
        self.files
            .lock()
            .map_err(|_| CommandError::internal("an earlier command failed while keeping files"))
    }
}

/// A file-name part made of a number the register gave (`REG/2026/…`): letters, digits and `-` only.
pub fn file_safe(number: &str) -> String {
    number
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect()
}

/// A file-name stamp from the clock: `20261128-214501`.
pub fn stamp(now: chrono::DateTime<chrono::Utc>) -> String {
    now.format("%Y%m%d-%H%M%S").to_string()
}

/// The file's name as the user sees it.
pub fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}
