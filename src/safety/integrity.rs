//! The thorough check of a register file (`PRAGMA quick_check`, every page read): too slow to run at each
//! opening of a big register (a minute and more for a million cases), so it runs in the background once a
//! day and before every backup, and its outcome is kept in a small owner-only file beside the register.
//! Opening checks only the header, the schema and the application id; the start-up health check adds
//! what the last thorough check found, so a damaged register found in the background stays refused.

use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use crate::db::{self, Db};
use crate::{Error, Result};

/// How often the thorough check is due.
pub const EVERY: Duration = Duration::hours(24);

/// What one thorough check found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FullCheck {
    /// When it ran.
    pub at: DateTime<Utc>,
    /// Whether every page read back intact.
    pub ok: bool,
    pub message: String,
    /// How long it took.
    pub seconds: f64,
}

/// The file beside the register that keeps the last thorough check: `<stem>.check.json`.
pub fn kept_file(register: &Path) -> PathBuf {
    let mut name = register
        .file_stem()
        .map(|s| s.to_os_string())
        .unwrap_or_else(|| "petromaks".into());
    name.push(".check.json");
    register.with_file_name(name)
}

/// The last thorough check of the register file, if one was kept (an unreadable note is no check).
pub fn last(register: &Path) -> Option<FullCheck> {
    let text = std::fs::read_to_string(kept_file(register)).ok()?;
    serde_json::from_str(&text).ok()
}

/// Keeps `check` as the register file's last thorough check (owner-only, like the register).
pub fn record(register: &Path, check: &FullCheck) -> Result<()> {
    let text = serde_json::to_string_pretty(check)
        .map_err(|e| Error::Io(std::io::Error::other(e.to_string())))?;
    let file = kept_file(register);
    // Written aside and renamed, so a crash never leaves half a note.
    let tmp = file.with_extension("json.tmp");
    crate::private::write(&tmp, text.as_bytes())?;
    std::fs::rename(&tmp, &file)?;
    Ok(())
}

/// Forgets the kept check (the register file was replaced by a restore).
pub(crate) fn forget(register: &Path) -> Result<()> {
    match std::fs::remove_file(kept_file(register)) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e.into()),
        _ => Ok(()),
    }
}

/// Whether the thorough check of this register file is due at `now` (none yet, or the last is a day old).
pub fn is_due(register: &Path, now: DateTime<Utc>) -> bool {
    last(register).is_none_or(|c| now - c.at >= EVERY)
}

/// Runs the thorough check on the register's own connection and keeps its outcome. A damaged register is
/// an answer (`ok: false`), not an error; a check that could not run (the file is busy) is an error and
/// keeps nothing. A register on the office server checks its own pages: nothing to do here.
pub fn run(db: &Db, now: DateTime<Utc>) -> Result<Option<FullCheck>> {
    let (Some(conn), Some(path)) = (db.sqlite(), db.address().file()) else {
        return Ok(None);
    };
    let started = Instant::now();
    let (ok, message) = match db::file::full_check(conn) {
        Ok(()) => (
            true,
            "every page of the register reads back intact".to_string(),
        ),
        Err(Error::Corrupt(m)) => (false, m),
        Err(e) => return Err(e),
    };
    let check = FullCheck {
        at: now,
        ok,
        message,
        seconds: started.elapsed().as_secs_f64(),
    };
    record(path, &check)?;
    Ok(Some(check))
}

/// [`run`] when it is due; `None` when it was not (or there is no file to check).
pub fn run_if_due(db: &Db, now: DateTime<Utc>) -> Result<Option<FullCheck>> {
    match db.address().file() {
        Some(path) if is_due(path, now) => run(db, now),
        _ => Ok(None),
    }
}
