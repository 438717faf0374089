//! Files chosen in the native dialog and kept on the Rust side until the command that uses them: the
//! office's CA certificate for the server connection, and an office register file for a van's check-in.
//! The webview only ever sees their names, and a path it sends back is accepted only if it is one of
//! these (the webview never makes up a path).

use std::marker::PhantomData;
use std::path::PathBuf;
use std::sync::Mutex;

use crate::error::CommandError;

/// What a chosen file is for (a marker, so each kind is its own Tauri state).
pub trait Purpose: Send + Sync + 'static {}

/// The office's CA certificate (PEM) to verify the server with.
pub struct Ca;
impl Purpose for Ca {}

/// An office register file to check the van's work into.
pub struct OfficeFile;
impl Purpose for OfficeFile {}

/// The last file chosen for one purpose, if any.
pub struct Chosen<P: Purpose>(Mutex<Option<PathBuf>>, PhantomData<P>);

impl<P: Purpose> Default for Chosen<P> {
    fn default() -> Self {
        Chosen(Mutex::new(None), PhantomData)
    }
}

impl<P: Purpose> Chosen<P> {
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
            .map_err(|_| CommandError::internal("the chosen file is unavailable"))
    }
}
