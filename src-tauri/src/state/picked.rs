//! The import file chosen in the native dialog, kept on the Rust side between the dry run and the
//! confirmed import: the webview only ever sees its name.

use std::path::PathBuf;
use std::sync::Mutex;

use crate::error::CommandError;

/// The last file chosen for import, if any.
#[derive(Default)]
pub struct PickedImport(Mutex<Option<PathBuf>>);

impl PickedImport {
    /// Remembers the chosen file.
    pub fn set(&self, path: PathBuf) -> Result<(), CommandError> {
        *self.lock()? = Some(path);
        Ok(())
    }

    /// The chosen file, if one was chosen.
    pub fn get(&self) -> Result<Option<PathBuf>, CommandError> {
        Ok(self.lock()?.clone())
    }

    fn lock(&self) -> Result<std::sync::MutexGuard<'_, Option<PathBuf>>, CommandError> {
        self.0
            .lock()
            .map_err(|_| CommandError::internal("the chosen import file is unavailable"))
    }
}
