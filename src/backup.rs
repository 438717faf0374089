//! Backups: a consistent copy of the register taken while the app is in use, checked before it is trusted.

use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use crate::{db, Error, Result};

/// Writes a consistent, compacted copy of the open database to `out` (which must not exist yet).
/// `VACUUM INTO` reads one snapshot, so writers in other processes may go on meanwhile.
pub fn backup_to(conn: &Connection, out: &Path) -> Result<u64> {
    if out.exists() {
        return Err(Error::Conflict(format!(
            "{} already exists; choose a new file name",
            out.display()
        )));
    }
    let target = out
        .to_str()
        .ok_or_else(|| Error::invalid("out", "the backup path is not valid UTF-8"))?;
    conn.execute("VACUUM INTO ?1", [target])?;
    let size = std::fs::metadata(out)?.len();
    check(out)?;
    Ok(size)
}

/// Checks a backup file: a SQLite file that passes `integrity_check` with a schema this program knows.
pub fn check(path: &Path) -> Result<usize> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|e| Error::Corrupt(format!("{} cannot be opened: {e}", path.display())))?;
    let ok: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .map_err(|e| Error::Corrupt(format!("{} is not a SQLite database: {e}", path.display())))?;
    if ok != "ok" {
        return Err(Error::Corrupt(format!(
            "{} fails the integrity check: {ok}",
            path.display()
        )));
    }
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let version = usize::try_from(version).unwrap_or(0);
    if version == 0 || version > db::latest_version() {
        return Err(Error::Corrupt(format!(
            "{} has schema version {version}, not a Petromaks register",
            path.display()
        )));
    }
    Ok(version)
}
