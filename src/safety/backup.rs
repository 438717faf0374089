//! Backups: a consistent copy of the register taken while the app is in use, checked before it is trusted.
//! A file register is copied with `VACUUM INTO` (one snapshot; other desks go on writing meanwhile).

use std::path::Path;

use crate::actor::Actor;
use crate::db::{self, Db};
use crate::{Error, Result};

/// Writes a consistent, compacted copy of the register to `out` (which must not exist yet), checks it, and
/// returns its size. The admin's: a backup holds every applicant's data.
pub fn backup_to(db: &Db, actor: &Actor, out: &Path) -> Result<u64> {
    actor.require_admin("take a backup")?;
    // The thorough check before the copy is kept with the clock's time (a backup file names no day).
    write_copy(db, out, chrono::Utc::now())
}

/// [`backup_to`] for the automatic backups the app takes on its own (on close, daily); `now` stamps the
/// thorough check that runs first.
pub(crate) fn write_copy(db: &Db, out: &Path, now: chrono::DateTime<chrono::Utc>) -> Result<u64> {
    if out.exists() {
        return Err(Error::Conflict(format!(
            "{} already exists; choose a new file name",
            out.display()
        )));
    }
    let target = out
        .to_str()
        .ok_or_else(|| Error::invalid("out", "the backup path is not valid UTF-8"))?;
    let Some(conn) = db.sqlite() else {
        // The office server: a Petromaks file of one consistent snapshot.
        super::server::snapshot(db, out)?;
        crate::private::restrict(out)?;
        let size = std::fs::metadata(out)?.len();
        check(out)?;
        return Ok(size);
    };
    // A damaged page would be copied as it is: the thorough check runs first, and is kept.
    if let Some(found) = super::integrity::run(db, now)? {
        if !found.ok {
            return Err(Error::Corrupt(found.message));
        }
    }
    // VACUUM INTO accepts an empty file and keeps its mode; left to itself SQLite would write 0644.
    drop(crate::private::create_file(out)?);
    if let Err(e) = conn.execute("VACUUM INTO ?1", [target]) {
        // The empty file made for its mode is ours: no half backup is left behind.
        let _ = std::fs::remove_file(out);
        return Err(Error::Io(std::io::Error::other(e.to_string())));
    }
    crate::private::restrict(out)?;
    let size = std::fs::metadata(out)?.len();
    check(out)?;
    Ok(size)
}

/// Checks a backup file: a Petromaks register that passes `integrity_check` with a schema this program
/// knows. Read-only. Returns its schema version.
pub fn check(path: &Path) -> Result<usize> {
    let h = db::file::check_register(path)?;
    if h.user_version == 0 || h.user_version as usize > db::latest_version() {
        return Err(Error::Corrupt(format!(
            "{} has schema version {}, not a Petromaks register this program can open",
            path.display(),
            h.user_version
        )));
    }
    let ro = Db::open_read_only(path)?;
    let conn = ro
        .sqlite()
        .ok_or_else(|| Error::Corrupt("not a file register".into()))?;
    let ok: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .map_err(|e| Error::Corrupt(format!("{} is not a SQLite database: {e}", path.display())))?;
    if ok != "ok" {
        return Err(Error::Corrupt(format!(
            "{} fails the integrity check: {ok}",
            path.display()
        )));
    }
    ro.schema_version()
}
