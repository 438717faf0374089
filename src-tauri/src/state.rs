//! The state every command shares: the database file's path and its one connection.
//!
//! Opening can fail (a damaged file, a folder without write access). The app must still show its window
//! and say why, so the failure is kept here and every data command answers with it. Before anything opens
//! the file for writing, the start-up check (`restore::health`) reads it: a damaged register is never
//! touched, and the window offers the latest good backup instead. The connection can be swapped (closed,
//! restored, reopened) without restarting the app.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use chrono::{DateTime, Utc};
use petromaks::restore::{self, Health, HealthStatus, Restored};
use petromaks::{backup_folder, db};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::error::CommandError;

/// The outcome of the last automatic backup (on close or the daily one). Kept in a small file beside the
/// database, so the backup taken when the app last closed is still reported when it opens again.
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

/// The database the window works on.
pub struct Database {
    path: PathBuf,
    conn: Mutex<Result<Connection, CommandError>>,
    /// What the start-up check found when the file was damaged (cleared by a restore).
    damaged: Mutex<Option<Health>>,
    last_auto: Mutex<Option<AutoBackup>>,
}

/// The file beside the database that names the backup folder the admin chose. It lives outside the
/// database so the start-up check can find the backups when the database itself is damaged.
fn folder_setting(db_path: &Path) -> PathBuf {
    let mut name = db_path
        .file_stem()
        .map(|s| s.to_os_string())
        .unwrap_or_else(|| "petromaks".into());
    name.push(".backup-folder");
    db_path.with_file_name(name)
}

/// The file beside the database that keeps the last automatic backup's outcome.
fn last_auto_file(db_path: &Path) -> PathBuf {
    let mut name = db_path
        .file_stem()
        .map(|s| s.to_os_string())
        .unwrap_or_else(|| "petromaks".into());
    name.push(".last-backup.json");
    db_path.with_file_name(name)
}

fn lock<T>(m: &Mutex<T>) -> Result<MutexGuard<'_, T>, CommandError> {
    m.lock()
        .map_err(|_| CommandError::internal("an earlier command failed while holding the database"))
}

/// Opens the database for writing, naming the file in the error once.
fn open_conn(path: &Path) -> Result<Connection, CommandError> {
    db::open(path).map_err(|error| {
        // Name the file once: the core's message often names it already.
        let message = error.to_string();
        let shown = path.display().to_string();
        CommandError::db_unavailable(if message.contains(&shown) {
            message
        } else {
            format!("{shown}: {message}")
        })
    })
}

impl Database {
    /// Checks the file at `path` read-only, then opens (creating and migrating if needed) it; a damaged
    /// file is not opened at all, and a failure is kept, not raised.
    pub fn open(path: PathBuf) -> Self {
        let backups = backup_dir_for(&path);
        let health = restore::health(&path, Some(&backups));
        let (conn, damaged) = match health {
            Ok(h) if h.status == HealthStatus::Damaged => (
                Err(CommandError {
                    code: "db_damaged",
                    message: h.message.clone(),
                    field: None,
                }),
                Some(h),
            ),
            Err(e) => (
                Err(CommandError::db_unavailable(format!(
                    "{}: {e}",
                    path.display()
                ))),
                None,
            ),
            Ok(_) => (open_conn(&path), None),
        };
        Database {
            conn: Mutex::new(conn),
            damaged: Mutex::new(damaged),
            last_auto: Mutex::new(
                std::fs::read(last_auto_file(&path))
                    .ok()
                    .and_then(|bytes| serde_json::from_slice(&bytes).ok()),
            ),
            path,
        }
    }

    /// The file this state was opened from, as shown to the user.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Why the database cannot be used, if it cannot.
    pub fn open_error(&self) -> Option<CommandError> {
        match lock(&self.conn) {
            Ok(conn) => conn.as_ref().err().cloned(),
            Err(e) => Some(e),
        }
    }

    /// What the start-up check found, when the file was damaged and has not been restored since.
    pub fn damaged(&self) -> Option<Health> {
        lock(&self.damaged).ok().and_then(|d| d.clone())
    }

    /// The backup folder: the one the admin chose, else `backups/` beside the database.
    pub fn backup_dir(&self) -> PathBuf {
        backup_dir_for(&self.path)
    }

    /// Whether the backup folder is the default one (no choice saved).
    pub fn backup_dir_is_default(&self) -> bool {
        !folder_setting(&self.path).exists()
    }

    /// Remembers `dir` as the backup folder (created if needed).
    pub fn set_backup_dir(&self, dir: &Path) -> Result<(), CommandError> {
        let fail = |e: std::io::Error| {
            CommandError::internal(format!("cannot use {} for backups: {e}", dir.display()))
        };
        std::fs::create_dir_all(dir).map_err(fail)?;
        let text = dir
            .to_str()
            .ok_or_else(|| CommandError::internal("the folder's name is not valid UTF-8"))?;
        std::fs::write(folder_setting(&self.path), text).map_err(fail)
    }

    /// The outcome of the last automatic backup since start-up.
    pub fn last_auto(&self) -> Option<AutoBackup> {
        lock(&self.last_auto).ok().and_then(|a| a.clone())
    }

    /// Records the outcome of an automatic backup, here and in the file beside the database.
    pub fn record_auto(&self, outcome: AutoBackup) {
        let file = last_auto_file(&self.path);
        let saved = serde_json::to_vec(&outcome)
            .map_err(std::io::Error::other)
            .and_then(|bytes| std::fs::write(&file, bytes));
        if let Err(e) = saved {
            eprintln!("petromaks-desktop: cannot write {}: {e}", file.display());
        }
        if let Ok(mut last) = lock(&self.last_auto) {
            *last = Some(outcome);
        }
    }

    /// Runs one core function on the locked connection and converts its error for IPC.
    pub fn with<T>(
        &self,
        work: impl FnOnce(&mut Connection) -> petromaks::Result<T>,
    ) -> Result<T, CommandError> {
        let mut guard = lock(&self.conn)?;
        let conn = guard.as_mut().map_err(|e| e.clone())?;
        work(conn).map_err(Into::into)
    }

    /// Replaces the database with the backup `from`: closes the connection, restores (the replaced file
    /// is kept aside by the core), and reopens. If the restore fails, the previous database is reopened.
    pub fn restore_from(&self, from: &Path, now: DateTime<Utc>) -> Result<Restored, CommandError> {
        let mut guard = lock(&self.conn)?;
        let was_open = guard.is_ok();
        // Dropping the connection closes the file (and checkpoints its WAL) before it is moved aside.
        *guard = Err(CommandError::db_unavailable(
            "the database is being restored",
        ));
        match restore::restore(from, &self.path, now) {
            Ok(restored) => {
                *guard = open_conn(&self.path);
                if let Some(e) = guard.as_ref().err() {
                    return Err(e.clone());
                }
                if let Ok(mut damaged) = lock(&self.damaged) {
                    *damaged = None;
                }
                Ok(restored)
            }
            Err(e) => {
                if was_open {
                    *guard = open_conn(&self.path);
                } else if let Some(h) = self.damaged() {
                    *guard = Err(CommandError {
                        code: "db_damaged",
                        message: h.message,
                        field: None,
                    });
                }
                Err(e.into())
            }
        }
    }
}

/// The backup folder for the database at `db_path`: the saved choice, else `backups/` beside it.
pub fn backup_dir_for(db_path: &Path) -> PathBuf {
    if let Ok(text) = std::fs::read_to_string(folder_setting(db_path)) {
        let text = text.trim();
        if !text.is_empty() {
            return PathBuf::from(text);
        }
    }
    db_path.with_file_name("backups")
}

/// The Petromaks backups in `dir`, newest first; an absent folder has none.
pub fn list_backups(dir: &Path) -> Result<Vec<backup_folder::BackupFile>, CommandError> {
    if !dir.exists() {
        return Ok(Vec::new());
    }
    Ok(backup_folder::list(dir)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fresh directory under the system temp dir, removed on drop. (No `tempfile` dev-dependency: it
    /// would change the features of shared crates and rebuild the whole Tauri graph for `cargo test`.)
    struct TempDir(PathBuf);

    impl TempDir {
        fn new(name: &str) -> std::io::Result<Self> {
            let dir = std::env::temp_dir()
                .join(format!("petromaks-desktop-{name}-{}", std::process::id()));
            std::fs::create_dir_all(&dir)?;
            Ok(TempDir(dir))
        }

        fn path(&self) -> &Path {
            &self.0
        }
    }

    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    #[test]
    fn a_new_file_opens_and_answers_queries() -> Result<(), Box<dyn std::error::Error>> {
        let dir = TempDir::new("new")?;
        let db = Database::open(dir.path().join("new.sqlite"));
        assert_eq!(db.open_error(), None);
        let one: i64 = db.with(|conn| Ok(conn.query_row("SELECT 1", [], |row| row.get(0))?))?;
        assert_eq!(one, 1);
        Ok(())
    }

    #[test]
    fn a_damaged_file_is_kept_as_an_error_for_every_command(
    ) -> Result<(), Box<dyn std::error::Error>> {
        let dir = TempDir::new("damaged")?;
        let path = dir.path().join("damaged.sqlite");
        std::fs::write(
            &path,
            b"this is not a SQLite database, just some bytes that pretend",
        )?;
        let db = Database::open(path.clone());
        let error = db.open_error().ok_or("expected an open error")?;
        assert_eq!(error.code, "db_damaged");
        assert!(
            error.message.contains("damaged.sqlite"),
            "{}",
            error.message
        );
        assert_eq!(db.with(|_| Ok(())), Err(error));
        assert_eq!(db.path(), path);
        Ok(())
    }
}
