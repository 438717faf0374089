//! The register every command shares: its address, the window's one connection, and second connections
//! for long jobs.
//!
//! Opening can fail (a damaged file, a server that is down). The app must still show its window and say
//! why, so the failure is kept here and every data command answers with it. Before anything opens a file
//! register for writing, the start-up check (`safety::start_up`: header, schema, application id and the
//! last thorough check, instant at any size) looks at it: a damaged register is never touched, and the
//! window offers the latest good backup instead. The thorough check of every page runs in the background
//! (`state::auto_backup`); damage it finds closes the register the same way ([`Database::found_damaged`]).
//!
//! A long job (a batch print, an export, an import, a backup) runs on its own connection ([`Database::job`]):
//! the window's connection is locked only while the second one opens, so every other command keeps
//! answering while the job runs. A restore swaps the file under the connections, so it waits for no job
//! and is refused while one runs.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard, RwLock};

use petromaks::db::{Address, Db};
use petromaks::people::Actor;
use petromaks::safety::upgrade::{self, Upgraded};
use petromaks::safety::{self, Health, HealthStatus, Restored};

use super::beside::{self, AutoBackup};
use super::blocking::blocking;
use crate::error::CommandError;

/// The register the window works on.
pub struct Database {
    /// Where it is; replaced when the window switches register (file ↔ server, the van's file).
    address: RwLock<Address>,
    /// Moves on every switch, so a watcher or a long job knows the register it follows is gone.
    generation: AtomicU64,
    conn: Mutex<Result<Db, CommandError>>,
    /// What the start-up check found when the file was damaged (cleared by a restore).
    damaged: Mutex<Option<Health>>,
    last_auto: Mutex<Option<AutoBackup>>,
    /// The upgrade opening the register performed, until the window has shown it once.
    upgraded: Mutex<Option<Upgraded>>,
    /// Long jobs running on their own connection now.
    jobs: AtomicUsize,
}

fn lock<T>(m: &Mutex<T>) -> Result<MutexGuard<'_, T>, CommandError> {
    m.lock()
        .map_err(|_| CommandError::internal("an earlier command failed while holding the database"))
}

/// Names the register once in an error: the core's message often names it already.
fn unavailable(address: &Address, error: &petromaks::Error) -> CommandError {
    let message = error.to_string();
    let shown = address.shown();
    let message = if message.contains(&shown) {
        message
    } else {
        format!("{shown}: {message}")
    };
    match error {
        petromaks::Error::Corrupt(_) => CommandError::db_damaged(message),
        _ => CommandError::db_unavailable(message),
    }
}

/// Opens an existing register, or creates the file of a new one (the window's first run).
fn connect(address: &Address, create: bool) -> Result<Db, CommandError> {
    connect_upgrading(address, create).map(|(db, _)| db)
}

/// [`connect`], with the upgrade (after its checked copy) the opening performed.
fn connect_upgrading(
    address: &Address,
    create: bool,
) -> Result<(Db, Option<Upgraded>), CommandError> {
    let opened = if create {
        Db::create(address).map(|db| (db, None))
    } else {
        upgrade::open(address, chrono::Utc::now()).map(|o| (o.db, o.upgraded))
    };
    opened.map_err(|e| unavailable(address, &e))
}

/// What opening a register came to: the connection (with the upgrade it performed after its checked
/// copy), and the damage that kept it closed.
type Opened = (Result<(Db, Option<Upgraded>), CommandError>, Option<Health>);

/// Checks a file register read-only, then opens it (creating a new file, migrating an old one after a
/// checked copy); a damaged file is not opened at all. A server register is opened as it is.
fn open_checked(address: &Address) -> Opened {
    match address {
        Address::File(path) => {
            let backups = beside::backup_dir(address);
            match safety::start_up(path, Some(&backups)) {
                Ok(h) if h.status == HealthStatus::Damaged => {
                    (Err(CommandError::db_damaged(h.message.clone())), Some(h))
                }
                Ok(h) => (
                    connect_upgrading(address, h.status == HealthStatus::Missing),
                    None,
                ),
                Err(e) => (Err(unavailable(address, &e)), None),
            }
        }
        Address::Server(_) => (connect_upgrading(address, false), None),
    }
}

impl Database {
    /// Checks a file register read-only, then opens it (creating a new file, migrating an old one); a
    /// damaged file is not opened at all, and a failure is kept, not raised.
    pub fn open(address: Address) -> Self {
        let (opened, damaged) = open_checked(&address);
        let (conn, upgraded) = match opened {
            Ok((db, upgraded)) => (Ok(db), upgraded),
            Err(e) => (Err(e), None),
        };
        if let Some(up) = &upgraded {
            eprintln!("petromaks-desktop: {}", up.message());
        }
        Database {
            conn: Mutex::new(conn),
            upgraded: Mutex::new(upgraded),
            damaged: Mutex::new(damaged),
            last_auto: Mutex::new(beside::read_last_auto(&address)),
            jobs: AtomicUsize::new(0),
            generation: AtomicU64::new(0),
            address: RwLock::new(address),
        }
    }

    /// Where the register is (shown to the user with `shown()`, which hides a server password).
    pub fn address(&self) -> Address {
        match self.address.read() {
            Ok(a) => a.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    /// How many times the window switched register since it started.
    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::SeqCst)
    }

    /// Makes `to` the register of this window without restarting: the new register is opened first (a
    /// file is checked as at start-up, and created when it does not exist), and only when that worked is
    /// the old connection closed. Refused while a long job runs on its own connection.
    pub fn switch_to(&self, to: Address) -> Result<(), CommandError> {
        blocking(|| self.switch_now(to))
    }

    fn switch_now(&self, to: Address) -> Result<(), CommandError> {
        let mut guard = lock(&self.conn)?;
        if self.jobs_running() > 0 {
            return Err(petromaks::Error::Conflict(
                "a batch print, an export, an import or a backup is running: wait until it ends"
                    .into(),
            )
            .into());
        }
        let (opened, damaged) = open_checked(&to);
        let (db, upgraded) = opened?;
        *guard = Ok(db);
        if let Ok(mut u) = lock(&self.upgraded) {
            *u = upgraded;
        }
        if let Ok(mut d) = lock(&self.damaged) {
            *d = damaged;
        }
        if let Ok(mut last) = lock(&self.last_auto) {
            *last = beside::read_last_auto(&to);
        }
        match self.address.write() {
            Ok(mut a) => *a = to,
            Err(poisoned) => *poisoned.into_inner() = to,
        }
        self.generation.fetch_add(1, Ordering::SeqCst);
        Ok(())
    }

    /// Why the register cannot be used, if it cannot.
    pub fn open_error(&self) -> Option<CommandError> {
        match lock(&self.conn) {
            Ok(conn) => conn.as_ref().err().cloned(),
            Err(e) => Some(e),
        }
    }

    /// The upgrade opening the register performed, handed out once: the window shows it when it starts.
    pub fn take_upgraded(&self) -> Option<Upgraded> {
        lock(&self.upgraded).ok().and_then(|mut u| u.take())
    }

    /// What the start-up check found, when the file was damaged and has not been restored since.
    pub fn damaged(&self) -> Option<Health> {
        lock(&self.damaged).ok().and_then(|d| d.clone())
    }

    /// The background check found the file damaged: every command answers with it from now on, and the
    /// window offers the latest good backup (as when the damage is found at start-up).
    pub fn found_damaged(&self) {
        let address = self.address();
        let Address::File(path) = &address else {
            return;
        };
        let backups = beside::backup_dir(&address);
        let Ok(h) = safety::start_up(path, Some(&backups)) else {
            return;
        };
        if h.status != HealthStatus::Damaged {
            return;
        }
        if let Ok(mut conn) = lock(&self.conn) {
            *conn = Err(CommandError::db_damaged(h.message.clone()));
        }
        if let Ok(mut d) = lock(&self.damaged) {
            *d = Some(h);
        }
    }

    /// The last thorough check of the register file, if one was kept.
    pub fn last_full_check(&self) -> Option<safety::FullCheck> {
        self.address().file().and_then(safety::integrity::last)
    }

    /// The backup folder: the one the admin chose, else `backups/` beside the register.
    pub fn backup_dir(&self) -> PathBuf {
        beside::backup_dir(&self.address())
    }

    /// Whether the backup folder is the default one (no choice saved).
    pub fn backup_dir_is_default(&self) -> bool {
        beside::backup_dir_is_default(&self.address())
    }

    /// Makes `dir` the backup folder as `actor` (the core requires an admin); remembered beside the
    /// register.
    pub fn choose_backup_dir(&self, actor: &Actor, dir: &Path) -> Result<(), CommandError> {
        beside::choose_backup_dir(&self.address(), actor, dir)
    }

    /// The outcome of the last automatic backup.
    pub fn last_auto(&self) -> Option<AutoBackup> {
        lock(&self.last_auto).ok().and_then(|a| a.clone())
    }

    /// Records the outcome of an automatic backup, here and in the file beside the register.
    pub fn record_auto(&self, outcome: AutoBackup) {
        beside::write_last_auto(&self.address(), &outcome);
        if let Ok(mut last) = lock(&self.last_auto) {
            *last = Some(outcome);
        }
    }

    /// Runs one core function on the window's connection and converts its error for IPC. Keep it short:
    /// every other command waits for it. Long work goes through [`Database::job`].
    pub fn with<T>(
        &self,
        work: impl FnOnce(&mut Db) -> petromaks::Result<T>,
    ) -> Result<T, CommandError> {
        blocking(|| {
            let mut guard = lock(&self.conn)?;
            self.retry_unavailable(&mut guard);
            let db = guard.as_mut().map_err(|e| e.clone())?;
            work(db).map_err(Into::into)
        })
    }

    /// A register that could not be reached when the window opened it (the office server was down, the
    /// cable out) is tried again by the next command, so the window carries on once it is back.
    fn retry_unavailable(&self, guard: &mut MutexGuard<'_, Result<Db, CommandError>>) {
        if matches!(&**guard, Err(e) if e.code == "db_unavailable") {
            if let Ok(db) = connect(&self.address(), false) {
                **guard = Ok(db);
            }
        }
    }

    /// A second connection to the register for one long job. The window's connection is locked only while
    /// this one opens.
    pub fn job(&self) -> Result<Job<'_>, CommandError> {
        blocking(|| self.open_job())
    }

    fn open_job(&self) -> Result<Job<'_>, CommandError> {
        let mut guard = lock(&self.conn)?;
        self.retry_unavailable(&mut guard);
        let db = guard.as_ref().map_err(|e| e.clone())?;
        let own = db.reopen().map_err(|e| unavailable(&self.address(), &e))?;
        self.jobs.fetch_add(1, Ordering::SeqCst);
        Ok(Job {
            db: own,
            running: &self.jobs,
        })
    }

    /// How many long jobs run now.
    pub fn jobs_running(&self) -> usize {
        self.jobs.load(Ordering::SeqCst)
    }

    /// Replaces the register file with a backup: closes the window's connection, lets `restore` (a core
    /// function given the file to replace) do the work, and reopens. If the restore fails, the previous
    /// register is reopened. Refused while a long job runs on its own connection to the file.
    pub fn restore_with(
        &self,
        restore: impl FnOnce(&Path) -> petromaks::Result<Restored>,
    ) -> Result<Restored, CommandError> {
        blocking(|| self.restore_now(restore))
    }

    fn restore_now(
        &self,
        restore: impl FnOnce(&Path) -> petromaks::Result<Restored>,
    ) -> Result<Restored, CommandError> {
        let address = self.address();
        let Address::File(path) = &address else {
            return Err(petromaks::Error::invalid(
                "register",
                "a register on the office server is restored on the server, not from a desk",
            )
            .into());
        };
        let mut guard = lock(&self.conn)?;
        if self.jobs_running() > 0 {
            return Err(petromaks::Error::Conflict(
                "a batch print, an export, an import or a backup is running: wait until it ends"
                    .into(),
            )
            .into());
        }
        let was_open = guard.is_ok();
        // Dropping the connection closes the file (and checkpoints its WAL) before it is moved aside.
        *guard = Err(CommandError::db_unavailable(
            "the register is being restored",
        ));
        match restore(path) {
            Ok(restored) => {
                *guard = connect(&address, false);
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
                    *guard = connect(&address, false);
                } else if let Some(h) = self.damaged() {
                    *guard = Err(CommandError::db_damaged(h.message));
                }
                Err(e.into())
            }
        }
    }
}

/// A long job's own connection; the job counts as running until this is dropped.
pub struct Job<'a> {
    db: Db,
    running: &'a AtomicUsize,
}

impl Job<'_> {
    /// Runs the job's core function on its own connection and converts its error for IPC.
    pub fn run<T>(
        mut self,
        work: impl FnOnce(&mut Db) -> petromaks::Result<T>,
    ) -> Result<T, CommandError> {
        // The job's connection closes inside too (a server client stops its own runtime on drop).
        blocking(move || {
            let out = work(&mut self.db).map_err(Into::into);
            drop(self);
            out
        })
    }
}

impl Drop for Job<'_> {
    fn drop(&mut self) {
        self.running.fetch_sub(1, Ordering::SeqCst);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tests::fixture::TempDir;

    #[test]
    fn a_new_file_opens_and_answers_queries() -> Result<(), Box<dyn std::error::Error>> {
        let dir = TempDir::new("state-new")?;
        let db = Database::open(Address::File(dir.path().join("new.sqlite")));
        assert_eq!(db.open_error(), None);
        let one: i64 = db.with(|db| db.value("SELECT 1", &[]))?;
        assert_eq!(one, 1);
        let job = db.job()?;
        assert_eq!(db.jobs_running(), 1);
        let two: i64 = job.run(|db| db.value("SELECT 2", &[]))?;
        assert_eq!((two, db.jobs_running()), (2, 0));
        Ok(())
    }

    #[test]
    fn a_damaged_file_is_kept_as_an_error_for_every_command(
    ) -> Result<(), Box<dyn std::error::Error>> {
        let dir = TempDir::new("state-damaged")?;
        let path = dir.path().join("damaged.sqlite");
        std::fs::write(
            &path,
            b"this is not a SQLite database, just some bytes that pretend",
        )?;
        let db = Database::open(Address::File(path.clone()));
        let error = db.open_error().ok_or("expected an open error")?;
        assert_eq!(error.code, "db_damaged");
        assert!(
            error.message.contains("damaged.sqlite"),
            "{}",
            error.message
        );
        assert_eq!(db.with(|_| Ok(())), Err(error.clone()));
        assert_eq!(db.job().map(|_| ()), Err(error));
        assert_eq!(db.address(), Address::File(path));
        Ok(())
    }
}
