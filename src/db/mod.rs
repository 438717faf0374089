//! The one door to the register: its address decides the engine (an SQLite file, or the office's
//! PostgreSQL server), [`Db::open`] owns the connection policy and the migrations, and every statement the
//! store modules run goes through [`Db`] and [`Tx`], so nothing above the store layer knows which engine
//! it talks to.
//!
//! Writes run in [`Db::write`]: one transaction per command that takes the register's write lock at once
//! (`BEGIN IMMEDIATE` on SQLite; a transaction-scoped advisory lock under READ COMMITTED on PostgreSQL), so
//! gap-free numbers and the audit chain stay exact with many desks writing. A write the server refused
//! for a reason that passes (a serialisation failure, a restarted server before the commit) runs again.

mod address;
mod explain;
pub mod file;
mod macros;
mod migrate;
mod migrations;
mod postgres;
pub mod probe;
mod server;
pub mod server_setup;
mod sqlite;
mod value;
pub mod watch;

use std::cell::{Cell, RefCell};
use std::ops::Deref;
use std::path::Path;
use std::time::Duration;

pub use address::{default_file, without_password, Address, DB_ENV};
pub use explain::Statement;
pub use migrate::{latest_version, Upgrade};
pub use server::{pgpass_file, save_password, ServerSettings};
pub use value::{FromValue, Json, Param, Row, Value};

use self::postgres::Postgres;
use self::sqlite::Sqlite;
use crate::{Error, Result};

/// Which engine a register runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Engine {
    Sqlite,
    Postgres,
}

/// The advisory lock every writer on the office server takes for its transaction: the server's
/// equivalent of SQLite's one writer at a time.
const WRITE_LOCK: i64 = 0x504D_4B53;

/// How often a write the server refused as busy (serialisation, a deadlock) is tried again.
const BUSY_ATTEMPTS: u32 = 5;

/// How long a write waits for a lost server to come back (a restart takes a few seconds) before the
/// desk is told; the window then keeps what was typed and tries again on its own.
const RECONNECT_FOR: Duration = Duration::from_secs(15);

enum Inner {
    Sqlite(Sqlite),
    // Boxed: a client with its statement cache is much larger than an SQLite connection.
    Postgres(Box<Postgres>),
}

/// What [`Db::open_with`] calls before it migrates a register: the register as it still is, and the
/// upgrade about to run.
pub type BeforeUpgrade<'a> = dyn FnMut(&Db, &Upgrade) -> Result<()> + 'a;

/// An open register: one connection, on either engine.
pub struct Db {
    inner: Inner,
    address: Address,
    upgrade: Option<Upgrade>,
    savepoints: Cell<u32>,
    in_tx: Cell<bool>,
    /// Set when the current write recorded a field action in a van register's outbox.
    field_action: Cell<bool>,
    /// The statements run while recording (see [`Db::recording`]).
    recorded: RefCell<Option<Vec<Statement>>>,
}

/// A transaction in progress; reads and writes through it see its own changes. Dereferences to [`Db`], so
/// a read function taking `&Db` also runs inside a transaction, and a nested transaction cannot be opened.
pub struct Tx<'a> {
    db: &'a Db,
}

impl Deref for Tx<'_> {
    type Target = Db;
    fn deref(&self) -> &Db {
        self.db
    }
}

fn values(params: &[&dyn Param]) -> Vec<Value> {
    params.iter().map(|p| p.to_value()).collect()
}

impl Db {
    /// Opens an existing register and brings its schema up to date. A file that is missing, empty, damaged
    /// or not a Petromaks register is refused before anything writes to it; so is a register written by a
    /// newer Petromaks.
    pub fn open(address: &Address) -> Result<Db> {
        Db::open_with(address, &mut |_, _| Ok(()))
    }

    /// [`Db::open`], calling `before_upgrade` with the register as it still is when this program must
    /// migrate it (`safety::upgrade` takes its checked backup there). An error from it stops the open
    /// before anything is migrated.
    pub fn open_with(address: &Address, before_upgrade: &mut BeforeUpgrade<'_>) -> Result<Db> {
        match address {
            Address::File(path) => {
                if !path.exists() {
                    return Err(Error::not_found(
                        "register",
                        format!(
                            "{} (create one with `petromaks init` or the window's first-run setup)",
                            path.display()
                        ),
                    ));
                }
                let header = file::check_register(path)?;
                if header.user_version as usize > latest_version() {
                    return Err(newer(address, header.user_version as usize));
                }
                let sqlite = Sqlite::open_rw(path, false).map_err(|e| unreadable(path, e))?;
                Db::finish_open(Inner::Sqlite(sqlite), address, before_upgrade)
            }
            Address::Server(url) => {
                let pg = Box::new(Postgres::new(server::connect(url)?));
                Db::finish_open(Inner::Postgres(pg), address, before_upgrade)
            }
        }
    }

    /// Creates a new register where none exists: a file path that does not exist yet, or an empty database
    /// on the office server. Never overwrites anything.
    pub fn create(address: &Address) -> Result<Db> {
        match address {
            Address::File(path) => {
                if path.exists() {
                    return Err(Error::Conflict(format!(
                        "{} already exists; a new register is created only where no file is",
                        path.display()
                    )));
                }
                if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                    crate::private::create_dir(dir)?;
                }
                // SQLite would create the file 0644 whatever the umask, and gives its -wal and -shm the
                // main file's mode: an empty owner-only file first makes all three private.
                drop(crate::private::create_file(path)?);
                let sqlite = Sqlite::open_rw(path, true)?;
                crate::private::restrict(path)?;
                let mut db = Db::bare(Inner::Sqlite(sqlite), address);
                db.upgrade = migrate::run(&mut db)?;
                Ok(db)
            }
            Address::Server(url) => {
                let pg = Box::new(Postgres::new(server::connect(url)?));
                let mut db = Db::bare(Inner::Postgres(pg), address);
                if !migrate::is_empty(&db)? {
                    return Err(Error::Conflict(format!(
                        "the database {} is not empty; a new register needs an empty database",
                        address.shown()
                    )));
                }
                db.upgrade = migrate::run(&mut db)?;
                Ok(db)
            }
        }
    }

    /// Opens the register at `address` if it exists, or creates it (tests and `init`).
    pub fn open_or_create(address: &Address) -> Result<Db> {
        match address {
            Address::File(p) if !p.exists() => Db::create(address),
            _ => Db::open(address),
        }
    }

    /// A bare connection to a server database that is no register (the maintenance database), for the
    /// server tools.
    pub(crate) fn open_raw(url: &str) -> Result<Db> {
        Ok(Db::bare(
            Inner::Postgres(Box::new(Postgres::new(server::connect(url)?))),
            &Address::Server(url.to_string()),
        ))
    }

    /// Shorthand for opening a register file.
    pub fn open_file(path: &Path) -> Result<Db> {
        Db::open(&Address::File(path.to_path_buf()))
    }

    /// Opens a register file (a backup) read-only, as it is: checked as a Petromaks register, never migrated
    /// or written. Reads only.
    pub fn open_read_only(path: &Path) -> Result<Db> {
        let header = file::check_register(path)?;
        if header.user_version as usize > latest_version() {
            return Err(newer(
                &Address::File(path.to_path_buf()),
                header.user_version as usize,
            ));
        }
        let sqlite = Sqlite::open_ro(path).map_err(|e| unreadable(path, e))?;
        Ok(Db::bare(
            Inner::Sqlite(sqlite),
            &Address::File(path.to_path_buf()),
        ))
    }

    /// A private in-memory register with the full schema, for unit tests inside the crate.
    pub fn memory() -> Result<Db> {
        let mut db = Db::bare(
            Inner::Sqlite(Sqlite::memory()?),
            &Address::File(":memory:".into()),
        );
        migrate::run(&mut db)?;
        Ok(db)
    }

    /// Another connection to the same register, for a long job (a batch print, an export) that must not
    /// hold the connection the rest of the window uses. The register was checked when it was opened.
    pub fn reopen(&self) -> Result<Db> {
        let inner = match (&self.inner, &self.address) {
            (Inner::Sqlite(_), Address::File(p)) => Inner::Sqlite(Sqlite::open_rw(p, false)?),
            (Inner::Postgres(_), Address::Server(url)) => {
                Inner::Postgres(Box::new(Postgres::new(server::connect(url)?)))
            }
            _ => return Err(Error::Db("an in-memory register cannot be reopened".into())),
        };
        Ok(Db::bare(inner, &self.address))
    }

    fn bare(inner: Inner, address: &Address) -> Db {
        Db {
            inner,
            address: address.clone(),
            upgrade: None,
            savepoints: Cell::new(0),
            in_tx: Cell::new(false),
            field_action: Cell::new(false),
            recorded: RefCell::new(None),
        }
    }

    fn note(&self, sql: &str, params: &[Value]) {
        if let Some(r) = self.recorded.borrow_mut().as_mut() {
            r.push(Statement {
                sql: sql.to_string(),
                params: params.to_vec(),
            });
        }
    }

    fn finish_open(
        inner: Inner,
        address: &Address,
        before_upgrade: &mut BeforeUpgrade<'_>,
    ) -> Result<Db> {
        let mut db = Db::bare(inner, address);
        migrate::check_identity(&db)?;
        if let Some(up) = migrate::pending(&db)? {
            before_upgrade(&db, &up)?;
        }
        db.upgrade = migrate::run(&mut db)?;
        Ok(db)
    }

    /// Where this register is.
    pub fn address(&self) -> &Address {
        &self.address
    }

    /// Which engine this register runs on.
    pub fn engine(&self) -> Engine {
        match self.inner {
            Inner::Sqlite(_) => Engine::Sqlite,
            Inner::Postgres(_) => Engine::Postgres,
        }
    }

    /// The schema upgrade this open performed, if it migrated the register.
    pub fn upgrade(&self) -> Option<&Upgrade> {
        self.upgrade.as_ref()
    }

    /// The register's schema version.
    pub fn schema_version(&self) -> Result<usize> {
        migrate::current_version(self)
    }

    /// Every row of a query.
    pub fn query(&self, sql: &str, params: &[&dyn Param]) -> Result<Vec<Row>> {
        let p = values(params);
        self.note(sql, &p);
        match &self.inner {
            Inner::Sqlite(s) => s.query(sql, &p),
            Inner::Postgres(pg) => self.on_server(pg, |pg| pg.query(sql, &p)),
        }
    }

    /// Runs a statement on the server; outside a transaction a lost connection is made again first (and
    /// once more if it drops on this statement), so a desk carries on after the server restarts.
    fn on_server<T>(&self, pg: &Postgres, f: impl Fn(&Postgres) -> Result<T>) -> Result<T> {
        if self.in_tx.get() {
            return f(pg);
        }
        let started = std::time::Instant::now();
        loop {
            let out = if pg.is_closed() {
                self.replace_client(pg).and_then(|()| f(pg))
            } else {
                f(pg)
            };
            match out {
                // A read outside a transaction is safe to repeat: wait for the server to come back.
                Err(Error::Unavailable(_)) if started.elapsed() < RECONNECT_FOR => {
                    std::thread::sleep(Duration::from_millis(400));
                    let _ = self.replace_client(pg);
                }
                other => return other,
            }
        }
    }

    fn replace_client(&self, pg: &Postgres) -> Result<()> {
        match &self.address {
            Address::Server(url) => pg.replace(server::connect(url)?),
            Address::File(_) => Ok(()),
        }
    }

    /// Every row of a query, each turned into a `T`.
    pub fn map<T>(
        &self,
        sql: &str,
        params: &[&dyn Param],
        mut f: impl FnMut(&Row) -> Result<T>,
    ) -> Result<Vec<T>> {
        let mut out = Vec::new();
        self.each(sql, params, |r| {
            out.push(f(&r)?);
            Ok(())
        })?;
        Ok(out)
    }

    /// The first row of a query, if there is one, turned into a `T`.
    pub fn one<T>(
        &self,
        sql: &str,
        params: &[&dyn Param],
        f: impl FnOnce(&Row) -> Result<T>,
    ) -> Result<Option<T>> {
        match self.query(sql, params)?.first() {
            Some(r) => f(r).map(Some),
            None => Ok(None),
        }
    }

    /// The first column of the first row, or `None` when the query returns no row.
    pub fn value_opt<T: FromValue>(&self, sql: &str, params: &[&dyn Param]) -> Result<Option<T>> {
        self.one(sql, params, |r| r.get(0))
    }

    /// The first column of the one row an aggregate or `EXISTS` query returns.
    pub fn value<T: FromValue>(&self, sql: &str, params: &[&dyn Param]) -> Result<T> {
        self.value_opt(sql, params)?
            .ok_or_else(|| Error::Db(format!("the query returned no row: {sql}")))
    }

    /// Streams the rows of a query to `f` without holding them all; `f` must not query the register.
    pub fn each(
        &self,
        sql: &str,
        params: &[&dyn Param],
        mut f: impl FnMut(Row) -> Result<()>,
    ) -> Result<()> {
        let p = values(params);
        self.note(sql, &p);
        match &self.inner {
            Inner::Sqlite(s) => s.each(sql, &p, &mut f),
            Inner::Postgres(pg) => {
                if self.in_tx.get() {
                    return pg.each(sql, &p, &mut f);
                }
                // As `on_server`: an idle connection learns of a restart only when it is used, so a lost
                // one is made again and the read waits for the server — but only while no row has been
                // handed on (a read cut halfway cannot be repeated without handing rows twice).
                let started = std::time::Instant::now();
                let mut delivered = false;
                loop {
                    let out = if pg.is_closed() {
                        self.replace_client(pg)
                    } else {
                        Ok(())
                    }
                    .and_then(|()| {
                        pg.each(sql, &p, &mut |r| {
                            delivered = true;
                            f(r)
                        })
                    });
                    match out {
                        Err(Error::Unavailable(_))
                            if !delivered && started.elapsed() < RECONNECT_FOR =>
                        {
                            std::thread::sleep(Duration::from_millis(400));
                            let _ = self.replace_client(pg);
                        }
                        other => return other,
                    }
                }
            }
        }
    }

    /// Runs one statement; returns the rows it changed.
    pub fn execute(&self, sql: &str, params: &[&dyn Param]) -> Result<u64> {
        let p = values(params);
        self.note(sql, &p);
        match &self.inner {
            Inner::Sqlite(s) => s.execute(sql, &p),
            Inner::Postgres(pg) => self.on_server(pg, |pg| pg.execute(sql, &p)),
        }
    }

    /// Runs several statements without parameters (schema changes, transaction control).
    pub fn batch(&self, sql: &str) -> Result<()> {
        match &self.inner {
            Inner::Sqlite(s) => s.batch(sql),
            Inner::Postgres(pg) => pg.batch(sql),
        }
    }

    /// Readies this connection for a bulk job (or back for everyday work): up to 512 MiB of the register's
    /// pages kept in memory, so the pages a transaction of thousands of rows writes stay there until it
    /// commits instead of spilling to the file and being read back, and statement journals in memory too.
    /// The server has its own buffers; there, leaving bulk mode vacuums and analyses the register, which
    /// autovacuum would only do a while later. Until then, right after a hundred thousand cases came in,
    /// the planner took a search for a rare name part for a common one and walked every case (a miss took
    /// 73 ms instead of 1), and the dashboards' index-only scans still read each row's page to see it is
    /// visible. A desk's role may not vacuum the owner's tables: they are skipped with a notice.
    pub fn bulk_mode(&self, on: bool) -> Result<()> {
        match &self.inner {
            Inner::Sqlite(s) => s.batch(if on {
                "PRAGMA cache_size = -524288; PRAGMA temp_store = MEMORY"
            } else {
                "PRAGMA cache_size = -2000; PRAGMA temp_store = DEFAULT"
            }),
            Inner::Postgres(pg) if !on => pg.batch("VACUUM (ANALYZE)"),
            Inner::Postgres(_) => Ok(()),
        }
    }

    /// The SQLite connection of a file register (backups, integrity checks); `None` on the server.
    pub(crate) fn sqlite(&self) -> Option<&rusqlite::Connection> {
        match &self.inner {
            Inner::Sqlite(s) => Some(&s.conn),
            Inner::Postgres(_) => None,
        }
    }

    /// Runs `work` in one write transaction and commits it; an error rolls everything back. On the server a
    /// failure that passes (serialisation, a dropped connection before the commit) runs `work` again, so
    /// `work` must not have effects outside the register.
    pub fn write<T>(&mut self, mut work: impl FnMut(&Tx<'_>) -> Result<T>) -> Result<T> {
        let started = std::time::Instant::now();
        let mut busy = 0;
        loop {
            let (e, retry) = match self.write_once(&mut work) {
                Ok(v) => return Ok(v),
                Err(pair) => pair,
            };
            let server = matches!(self.inner, Inner::Postgres(_));
            match e {
                Error::Busy(_) if server && retry && busy < BUSY_ATTEMPTS => {
                    busy += 1;
                    std::thread::sleep(Duration::from_millis(20 * u64::from(busy)));
                }
                Error::Unavailable(_) if server && retry && started.elapsed() < RECONNECT_FOR => {
                    std::thread::sleep(Duration::from_millis(400));
                    // A reconnect that fails is tried again at the next turn, until the time is up.
                    let _ = self.reconnect();
                }
                e => return Err(e),
            }
        }
    }

    /// Runs `work` in a write transaction and then undoes it, whatever it did: a dry run that checks exactly
    /// what the real command would do, and leaves no trace.
    pub fn rehearse<T>(&mut self, work: impl FnOnce(&Tx<'_>) -> Result<T>) -> Result<T> {
        match &self.inner {
            Inner::Sqlite(s) => s.batch("BEGIN IMMEDIATE")?,
            Inner::Postgres(pg) => pg.batch(&format!(
                "BEGIN ISOLATION LEVEL READ COMMITTED; SELECT pg_advisory_xact_lock({WRITE_LOCK})"
            ))?,
        }
        self.in_tx.set(true);
        let out = work(&Tx { db: self });
        self.rollback();
        self.in_tx.set(false);
        out
    }

    /// One attempt; an error comes with whether trying again is safe (never after a lost commit: the
    /// change may have been saved).
    fn write_once<T>(
        &mut self,
        work: &mut impl FnMut(&Tx<'_>) -> Result<T>,
    ) -> std::result::Result<T, (Error, bool)> {
        let begin = match &self.inner {
            Inner::Sqlite(s) => s.batch("BEGIN IMMEDIATE"),
            Inner::Postgres(pg) => {
                if pg.is_closed() {
                    self.replace_client(pg).map_err(|e| (e, true))?;
                }
                pg.batch(&format!(
                    "BEGIN ISOLATION LEVEL READ COMMITTED; SELECT pg_advisory_xact_lock({WRITE_LOCK})"
                ))
            }
        };
        begin.map_err(|e| (e, true))?;
        self.in_tx.set(true);
        self.field_action.set(false);
        let out = work(&Tx { db: self });
        let out = match out {
            Ok(v) => {
                let notify = match &self.inner {
                    // Every other desk's screens look again once this commits (never for a rollback).
                    Inner::Postgres(pg) => pg.batch("NOTIFY petromaks"),
                    Inner::Sqlite(_) => Ok(()),
                };
                match notify.and_then(|()| self.batch("COMMIT")) {
                    Ok(()) => Ok(v),
                    Err(Error::Unavailable(m)) => Err((
                        Error::Unavailable(format!(
                            "{m}; the change may or may not have been saved: look before doing it again"
                        )),
                        false,
                    )),
                    Err(e) => {
                        self.rollback();
                        Err((e, true))
                    }
                }
            }
            Err(e) => {
                self.rollback();
                Err((e, true))
            }
        };
        self.in_tx.set(false);
        out
    }

    fn rollback(&self) {
        // A rollback that fails leaves nothing to undo: the connection is gone or the transaction ended.
        let _ = self.batch("ROLLBACK");
    }

    /// Runs `work` in one read-only snapshot of the register (a backup, an export).
    pub fn read<T>(&mut self, work: impl FnOnce(&Tx<'_>) -> Result<T>) -> Result<T> {
        match &self.inner {
            Inner::Sqlite(s) => s.batch("BEGIN")?,
            Inner::Postgres(pg) => pg.batch("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")?,
        }
        self.in_tx.set(true);
        let out = work(&Tx { db: self });
        self.rollback();
        self.in_tx.set(false);
        out
    }

    /// Connects again to the office server after the connection was lost.
    pub fn reconnect(&self) -> Result<()> {
        match &self.inner {
            Inner::Postgres(pg) => self.replace_client(pg),
            Inner::Sqlite(_) => Ok(()),
        }
    }

    /// Whether the connection to the office server is known to be lost (always false for a file).
    pub fn is_lost(&self) -> bool {
        match &self.inner {
            Inner::Postgres(pg) => pg.is_closed(),
            Inner::Sqlite(_) => false,
        }
    }
}

impl Tx<'_> {
    /// Notes that this transaction recorded a field action (a van register lets only those change cases).
    pub(crate) fn mark_field_action(&self) {
        self.db.field_action.set(true);
    }

    /// Whether this transaction recorded a field action.
    pub(crate) fn is_field_action(&self) -> bool {
        self.db.field_action.get()
    }

    /// Runs `work` in a savepoint: an error undoes only what `work` did, and the transaction goes on.
    pub fn savepoint<T>(&self, work: impl FnOnce(&Tx<'_>) -> Result<T>) -> Result<T> {
        let n = self.db.savepoints.get() + 1;
        self.db.savepoints.set(n);
        let name = format!("sp{n}");
        let out = self
            .db
            .batch(&format!("SAVEPOINT {name}"))
            .and_then(|()| work(self));
        let end = match &out {
            Ok(_) => self.db.batch(&format!("RELEASE {name}")),
            Err(_) => self
                .db
                .batch(&format!("ROLLBACK TO {name}; RELEASE {name}")),
        };
        self.db.savepoints.set(n - 1);
        end?;
        out
    }
}

fn newer(address: &Address, version: usize) -> Error {
    Error::Corrupt(format!(
        "{} was written by a newer Petromaks (schema {version}, this one knows {}); nothing was changed",
        address.shown(),
        latest_version()
    ))
}

fn unreadable(path: &Path, e: Error) -> Error {
    match e {
        Error::Corrupt(_) | Error::Busy(_) => e,
        other => Error::Corrupt(format!(
            "{} is not a readable Petromaks register ({other}); nothing was changed — restore a backup",
            path.display()
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_memory_register_has_the_latest_schema() {
        let db = Db::memory().expect("open");
        assert_eq!(db.schema_version().expect("version"), latest_version());
    }

    #[test]
    fn a_failed_write_leaves_nothing_and_a_savepoint_undoes_only_its_part() {
        let mut db = Db::memory().expect("open");
        let r: Result<()> = db.write(|tx| {
            tx.execute("INSERT INTO number_series (key, last) VALUES ('a', 1)", &[])?;
            Err(Error::invalid("x", "no"))
        });
        assert!(r.is_err());
        db.write(|tx| {
            tx.execute("INSERT INTO number_series (key, last) VALUES ('b', 1)", &[])?;
            let inner: Result<()> = tx.savepoint(|sp| {
                sp.execute("INSERT INTO number_series (key, last) VALUES ('c', 1)", &[])?;
                Err(Error::invalid("x", "no"))
            });
            assert!(inner.is_err());
            Ok(())
        })
        .expect("write");
        let keys: Vec<String> = db
            .map("SELECT key FROM number_series ORDER BY key", &[], |r| {
                r.get(0)
            })
            .expect("keys");
        assert_eq!(keys, vec!["b".to_string()]);
    }
}
