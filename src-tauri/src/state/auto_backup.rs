//! The backups the app takes on its own: when the last window closes, and once a day while it runs (a day
//! without a clean close still gets its backup). Each runs on its own connection, so the window keeps
//! answering while the copy is written; the outcome is kept for the Backups tab. The same thread runs the
//! thorough check of every page once a day when no backup did (each backup runs it first); damage it
//! finds closes the register for every command.

use std::time::Duration;

use chrono::{DateTime, Utc};
use petromaks::safety::{folder, integrity, FullCheck, Keep, Taken};
use tauri::Manager;

use super::{file_name, AutoBackup, Database};
use crate::error::CommandError;

/// How often the running app asks whether the daily backup is due.
const DAILY_CHECK_EVERY: Duration = Duration::from_secs(5 * 60);

/// The first check comes soon after start-up, but not while the window is loading.
const FIRST_CHECK_AFTER: Duration = Duration::from_secs(60);

/// Takes a backup into the backup folder now, on a connection of its own, and rotates the folder.
fn take(db: &Database, now: DateTime<Utc>) -> Result<Taken, CommandError> {
    let dir = db.backup_dir();
    db.job()?
        .run(|job| folder::take_automatic(job, &dir, now, Keep::default()))
}

/// Records and logs the outcome of an automatic backup.
fn record(
    db: &Database,
    trigger: &'static str,
    now: DateTime<Utc>,
    outcome: &Result<Taken, CommandError>,
) {
    let (ok, detail) = match outcome {
        Ok(t) => (true, file_name(&t.file.path)),
        Err(e) => {
            eprintln!(
                "petromaks-desktop: the {trigger} backup failed: {}",
                e.message
            );
            (false, e.message.clone())
        }
    };
    db.record_auto(AutoBackup {
        at: now,
        trigger: trigger.into(),
        ok,
        detail,
    });
}

/// What the close handler does: a backup of an open file register into the backup folder. A register that
/// is not open (damaged, unreachable) or lives on the office server has nothing to copy here: `None`.
pub fn backup_on_close(db: &Database, now: DateTime<Utc>) -> Option<Result<Taken, CommandError>> {
    if db.open_error().is_some() || db.address().file().is_none() {
        return None;
    }
    let outcome = take(db, now);
    record(db, "close", now, &outcome);
    Some(outcome)
}

/// What the daily check does: a backup only when the newest in the folder is a day old (or there is
/// none); `None` when none was due or there is nothing to copy.
pub fn backup_if_due(db: &Database, now: DateTime<Utc>) -> Option<Result<Taken, CommandError>> {
    if db.open_error().is_some() || db.address().file().is_none() {
        return None;
    }
    let outcome = match folder::is_due(&db.backup_dir(), now) {
        Ok(false) => return None,
        Ok(true) => take(db, now),
        Err(e) => Err(CommandError::from(e)),
    };
    record(db, "daily", now, &outcome);
    Some(outcome)
}

/// What the daily check does besides the backup: the thorough check of every page when none ran for a
/// day (a backup runs one first). Damage found closes the register; `None` when none was due.
pub fn check_if_due(db: &Database, now: DateTime<Utc>) -> Option<Result<FullCheck, CommandError>> {
    if db.open_error().is_some() || db.address().file().is_none() {
        return None;
    }
    let found = db
        .job()
        .and_then(|job| job.run(|job| integrity::run_if_due(job, now)));
    match found {
        Ok(None) => None,
        Ok(Some(check)) => {
            if !check.ok {
                eprintln!(
                    "petromaks-desktop: the thorough check found damage: {}",
                    check.message
                );
                db.found_damaged();
            }
            Some(Ok(check))
        }
        Err(e) => {
            eprintln!(
                "petromaks-desktop: the thorough check did not run: {}",
                e.message
            );
            Some(Err(e))
        }
    }
}

/// Starts the background thread that takes the daily backup while the app runs.
pub fn start_daily(app: tauri::AppHandle) {
    let spawned = std::thread::Builder::new()
        .name("daily-backup".into())
        .spawn(move || {
            std::thread::sleep(FIRST_CHECK_AFTER);
            loop {
                let db = app.state::<Database>();
                let _ = backup_if_due(&db, Utc::now());
                let _ = check_if_due(&db, Utc::now());
                std::thread::sleep(DAILY_CHECK_EVERY);
            }
        });
    if let Err(e) = spawned {
        eprintln!("petromaks-desktop: the daily backup thread did not start: {e}");
    }
}
