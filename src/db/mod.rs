//! The one door to the database file: connection policy, migrations and transaction helpers.
//!
//! Every connection the app, the CLI or a test uses comes from [`open`], so the pragmas that keep a permit
//! register safe (foreign keys, WAL, `synchronous=FULL`, a busy timeout) are never forgotten.

mod seed;

use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};
use rusqlite_migration::{Migrations, M};

use crate::{Error, Result};

/// The environment variable that points the app and the CLI at another database file.
pub const DB_ENV: &str = "PETROMAKS_DB";

/// How long a writer waits for another process's transaction before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// Append-only: a shipped migration is never edited; a schema change is a new entry at the end, with a test.
fn migration_list() -> Vec<M<'static>> {
    vec![
        M::up(include_str!("migrations/0001_schema.sql")),
        M::up_with_hook("", seed::reference_data),
        M::up_with_hook(
            include_str!("migrations/0003_documents.sql"),
            crate::verification::create_office_key,
        ),
        M::up(include_str!("migrations/0004_van.sql")),
        M::up_with_hook("", crate::audit_chain::migrate),
        M::up(include_str!("migrations/0006_signin_lockout.sql")),
        M::up(include_str!("migrations/0007_cuti_bersama_setting.sql")),
        M::up(include_str!("migrations/0008_certificate_snapshot.sql")),
    ]
}

static MIGRATIONS: LazyLock<Migrations<'static>> =
    LazyLock::new(|| Migrations::new(migration_list()));

/// The migrations, for the validation test and for reporting the schema version.
pub fn migrations() -> &'static Migrations<'static> {
    &MIGRATIONS
}

/// The schema version a fully migrated database has.
pub fn latest_version() -> usize {
    migration_list().len()
}

/// Where the desktop app and the CLI keep their data: `PETROMAKS_DB` if set, else the OS app-data folder.
pub fn default_path() -> PathBuf {
    if let Some(p) = std::env::var_os(DB_ENV).filter(|p| !p.is_empty()) {
        return PathBuf::from(p);
    }
    let base = dirs::data_dir().unwrap_or_else(|| PathBuf::from("."));
    base.join("id.petromaks.desktop").join("petromaks.sqlite")
}

/// Opens (creating if needed) a Petromaks database, sets the connection policy and migrates it.
///
/// A file that is not a SQLite database, or is damaged, is refused with [`Error::Corrupt`] and left as is.
pub fn open(path: &Path) -> Result<Connection> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let mut conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI,
    )?;
    configure(&conn).map_err(|e| corrupt(path, e))?;
    check_integrity(&conn).map_err(|e| corrupt(path, e))?;
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let version = usize::try_from(version).unwrap_or(usize::MAX);
    if version > latest_version() {
        return Err(Error::Corrupt(format!(
            "{} was written by a newer Petromaks (schema {version}, this one knows {})",
            path.display(),
            latest_version()
        )));
    }
    MIGRATIONS.to_latest(&mut conn)?;
    Ok(conn)
}

/// An in-memory database with the full schema, for quick unit tests inside the crate.
pub fn open_in_memory() -> Result<Connection> {
    let mut conn = Connection::open_in_memory()?;
    configure(&conn)?;
    MIGRATIONS.to_latest(&mut conn)?;
    Ok(conn)
}

fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    let _mode: String = conn.query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    Ok(())
}

/// `quick_check` reads every page: cheap enough at start-up for an office register, and it catches a
/// truncated or overwritten file before anything is written to it.
fn check_integrity(conn: &Connection) -> rusqlite::Result<()> {
    let mut stmt = conn.prepare("PRAGMA quick_check")?;
    let rows: Vec<String> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    if rows.len() == 1 && rows[0] == "ok" {
        Ok(())
    } else {
        Err(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CORRUPT),
            Some(rows.join("; ")),
        ))
    }
}

fn corrupt(path: &Path, e: rusqlite::Error) -> Error {
    Error::Corrupt(format!(
        "{} is not a readable Petromaks database ({e}); nothing was changed — restore a backup",
        path.display()
    ))
}

/// Starts a write transaction that takes the write lock at once, so two writers queue on the busy timeout
/// instead of failing half-way with "database is locked".
pub fn write_tx(conn: &mut Connection) -> Result<Transaction<'_>> {
    Ok(conn.transaction_with_behavior(TransactionBehavior::Immediate)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_validate() {
        migrations().validate().expect("migrations are valid");
    }

    #[test]
    fn latest_version_matches_the_list() {
        let conn = open_in_memory().expect("open");
        let v: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .expect("version");
        assert_eq!(v as usize, latest_version());
    }
}
