//! The small files kept beside the register: the backup folder the admin chose (the core's
//! `safety::folder` reads and writes that one, so the window and the command line agree) and the outcome
//! of the last automatic backup (the window's own). They live outside the database, so the start-up check
//! finds the backups of a damaged register, and the backup taken when the app last closed is still
//! reported when it opens.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use petromaks::db::{default_file, Address};
use petromaks::people::Actor;
use petromaks::safety::folder;
use serde::{Deserialize, Serialize};

use crate::error::CommandError;

/// The outcome of the last automatic backup (on close or the daily one).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AutoBackup {
    /// When it was attempted (RFC 3339 UTC).
    pub at: DateTime<Utc>,
    /// `close` or `daily`.
    pub trigger: String,
    /// Whether a checked backup was written.
    pub ok: bool,
    /// The file's name when it worked, the error when it did not.
    pub detail: String,
}

/// The file the settings sit beside: the register's own file, or for a register on the office server
/// the app-data file this computer would use (the server has no folder of ours).
fn anchor(address: &Address) -> PathBuf {
    match address {
        Address::File(path) => path.clone(),
        Address::Server(_) => default_file(),
    }
}

/// `<register stem><suffix>` in the register's folder.
fn sibling(address: &Address, suffix: &str) -> PathBuf {
    let file = anchor(address);
    let mut name = file
        .file_stem()
        .map(|s| s.to_os_string())
        .unwrap_or_else(|| "petromaks".into());
    name.push(suffix);
    file.with_file_name(name)
}

fn last_auto_file(address: &Address) -> PathBuf {
    sibling(address, ".last-backup.json")
}

/// The backup folder: the one the admin chose, else `backups/` beside the register.
pub fn backup_dir(address: &Address) -> PathBuf {
    folder::dir_for(&anchor(address))
}

/// Whether the backup folder is the default one (no choice saved).
pub fn backup_dir_is_default(address: &Address) -> bool {
    folder::is_default_dir(&anchor(address))
}

/// Makes `dir` the backup folder (the core requires an admin, creates the folder and remembers it).
pub fn choose_backup_dir(address: &Address, actor: &Actor, dir: &Path) -> Result<(), CommandError> {
    folder::choose_dir(actor, &anchor(address), dir).map_err(Into::into)
}

/// The last automatic backup's outcome as saved; a missing or unreadable file means none is known.
pub fn read_last_auto(address: &Address) -> Option<AutoBackup> {
    let bytes = std::fs::read(last_auto_file(address)).ok()?;
    serde_json::from_slice(&bytes).ok()
}

/// Saves the last automatic backup's outcome. A failure is logged, not raised: the backup itself is what
/// matters, and the Backups tab still shows the outcome while the app runs.
pub fn write_last_auto(address: &Address, outcome: &AutoBackup) {
    let file = last_auto_file(address);
    let saved = serde_json::to_vec(outcome)
        .map_err(|e| petromaks::Error::Io(std::io::Error::other(e)))
        .and_then(|bytes| petromaks::private::write(&file, &bytes));
    if let Err(e) = saved {
        eprintln!("petromaks-desktop: cannot write {}: {e}", file.display());
    }
}
