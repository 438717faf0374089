//! Moving between the two engines: a one-computer register moved onto the office server (`move_in`), and
//! the server's register written to a Petromaks file (`snapshot`) — the server's backup, which opens as a
//! file and which `move_in` loads back. Both copy every row of the office's own tables with its id, then
//! verify: rows per table, the audit chain, and every number series continuing where it was.

use std::path::Path;

use serde::Serialize;

use crate::db::{Address, Db, Engine};
use crate::store::{self, tables};
use crate::{audit, Error, Result};

/// What a move or a snapshot copied and found.
#[derive(Debug, Clone, Serialize)]
pub struct Moved {
    /// Rows per table on the receiving side (equal to the sending side's).
    pub rows: Vec<(String, i64)>,
    pub chain_ok: bool,
    /// Every series and the last number taken in it.
    pub series: Vec<(String, i64)>,
}

fn verify(from: &Db, to: &Db) -> Result<Moved> {
    let (a, b) = (tables::counts(from)?, tables::counts(to)?);
    if let Some(((t, n), (_, m))) = a.iter().zip(&b).find(|(x, y)| x.1 != y.1) {
        return Err(Error::Corrupt(format!(
            "the copy is incomplete: {t} has {n} rows there and {m} here"
        )));
    }
    let (sa, sb) = (store::numbers::all(from)?, store::numbers::all(to)?);
    if sa != sb {
        return Err(Error::Corrupt(
            "the number series differ after the copy".into(),
        ));
    }
    let v = audit::witness::verify_all(to, &[])?;
    if !v.ok {
        return Err(Error::Corrupt(
            "the audit chain does not verify after the copy".into(),
        ));
    }
    Ok(Moved {
        rows: b,
        chain_ok: true,
        series: sb,
    })
}

/// Copies the register file `from` into the empty register at the server `to` (set up with
/// `server init`, no account and no case yet), and verifies it. The file is not changed: an older file is
/// upgraded in a temporary copy first. Run by the office's IT person with the owner account.
pub fn move_in(from: &Path, to: &Address, progress: &mut dyn FnMut(&str, u64)) -> Result<Moved> {
    let Address::Server(_) = to else {
        return Err(Error::invalid(
            "to",
            "move-in goes onto a postgres:// server register",
        ));
    };
    crate::db::file::check_register(from)?;
    let dir = tempfile_dir()?;
    let copy = dir.join("move-in.sqlite");
    crate::private::copy(from, &copy)?;
    let result = (|| {
        let src = Db::open_file(&copy)?;
        let mut dst = Db::open(to)?;
        if store::users::any(&dst)? || tables::count(&dst, "cases")? > 0 {
            return Err(Error::Conflict(format!(
                "{} already holds a register with accounts or cases; move-in needs an empty one",
                to.shown()
            )));
        }
        dst.bulk_mode(true)?;
        dst.write(|tx| tables::copy_all(&src, tx, progress))?;
        // Vacuumed and analysed, so the first searches and dashboards after the move are quick.
        dst.bulk_mode(false)?;
        verify(&src, &dst)
    })();
    let _ = std::fs::remove_dir_all(&dir);
    result
}

/// Writes a consistent Petromaks file of the server register `db` to `out` (one REPEATABLE READ snapshot),
/// and verifies it.
pub fn snapshot(db: &Db, out: &Path) -> Result<Moved> {
    if db.engine() != Engine::Postgres {
        return Err(Error::invalid(
            "db",
            "a file register is backed up with VACUUM INTO",
        ));
    }
    let mut src = db.reopen()?;
    let mut dst = Db::create(&Address::File(out.to_path_buf()))?;
    let copied = src.read(|snap| {
        dst.write(|tx| tables::copy_all(snap, tx, &mut |_, _| {}))?;
        verify(snap, &dst)
    });
    if copied.is_err() {
        drop(dst);
        let _ = std::fs::remove_file(out);
    }
    copied
}

fn tempfile_dir() -> Result<std::path::PathBuf> {
    let dir = std::env::temp_dir().join(format!(
        "petromaks-move-in-{}-{}",
        std::process::id(),
        chrono::Utc::now().timestamp_nanos_opt().unwrap_or(0)
    ));
    crate::private::create_dir(&dir)?;
    Ok(dir)
}
