//! The state every command shares: the database file's path and its one connection.
//!
//! Opening can fail (a damaged file, a folder without write access). The app must still show its window
//! and say why, so the failure is kept here and every data command answers with it.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use petromaks::db;
use rusqlite::Connection;

use crate::error::CommandError;

/// The database the window works on.
pub struct Database {
    path: PathBuf,
    conn: Result<Mutex<Connection>, CommandError>,
}

impl Database {
    /// Opens (creating and migrating if needed) the database at `path`; a failure is kept, not raised.
    pub fn open(path: PathBuf) -> Self {
        let conn = db::open(&path)
            .map(Mutex::new)
            .map_err(|error| CommandError::db_unavailable(format!("{}: {error}", path.display())));
        Database { path, conn }
    }

    /// The file this state was opened from, as shown to the user.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Why the database could not be opened, if it could not.
    pub fn open_error(&self) -> Option<&CommandError> {
        self.conn.as_ref().err()
    }

    /// Runs one core function on the locked connection and converts its error for IPC.
    pub fn with<T>(
        &self,
        work: impl FnOnce(&mut Connection) -> petromaks::Result<T>,
    ) -> Result<T, CommandError> {
        let conn = self.conn.as_ref().map_err(Clone::clone)?;
        let mut conn = conn.lock().map_err(|_| {
            CommandError::internal("an earlier command failed while holding the database")
        })?;
        work(&mut conn).map_err(Into::into)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_file_opens_and_answers_queries() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let db = Database::open(dir.path().join("new.sqlite"));
        assert_eq!(db.open_error(), None);
        let one: i64 = db.with(|conn| Ok(conn.query_row("SELECT 1", [], |row| row.get(0))?))?;
        assert_eq!(one, 1);
        Ok(())
    }

    #[test]
    fn a_damaged_file_is_kept_as_an_error_for_every_command(
    ) -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("damaged.sqlite");
        std::fs::write(
            &path,
            b"this is not a SQLite database, just some bytes that pretend",
        )?;
        let db = Database::open(path.clone());
        let error = db.open_error().cloned().ok_or("expected an open error")?;
        assert_eq!(error.code, "db_unavailable");
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
