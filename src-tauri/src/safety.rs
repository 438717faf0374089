//! Data safety in the window: automatic backups (on close and daily while the app runs), the Backups tab
//! (list, backup now, restore) and the start-up offer to restore a damaged register.
//!
//! Files are never named by the webview with a path: backups are picked by their file name from the backup
//! folder's own listing.

use std::path::PathBuf;
use std::time::Duration;

use chrono::{DateTime, Utc};
use petromaks::backup_folder::{self, BackupFile, Keep, KeptFor, Taken};
use petromaks::users::Role;
use petromaks::Error;
use serde::Serialize;
use tauri::{Manager, State};

use crate::error::CommandError;
use crate::native;
use crate::session::Session;
use crate::state::{list_backups, AutoBackup, Database};

/// How often the running app asks whether the daily backup is due.
const DAILY_CHECK_EVERY: Duration = Duration::from_secs(5 * 60);

/// The first check comes soon after start-up (a day without a clean close still gets its backup), but
/// not while the window is loading.
const FIRST_CHECK_AFTER: Duration = Duration::from_secs(60);

/// One backup as the Backups tab lists it.
#[derive(Debug, Clone, Serialize)]
pub struct BackupEntry {
    /// The file's name in the backup folder: what the window sends back to restore it.
    pub name: String,
    pub taken_at: DateTime<Utc>,
    pub bytes: u64,
    /// Why the rotation keeps it (empty: it goes at the next backup).
    pub kept_for: Vec<KeptFor>,
}

/// The Backups tab's data.
#[derive(Debug, Clone, Serialize)]
pub struct BackupOverview {
    pub folder: String,
    /// No folder was chosen: backups go beside the database.
    pub default_folder: bool,
    pub backups: Vec<BackupEntry>,
    /// The last automatic backup since the app started, if one was attempted.
    pub last_auto: Option<AutoBackup>,
}

/// What the window needs to offer a restore when the register is damaged at start-up.
#[derive(Debug, Clone, Serialize)]
pub struct DamagedInfo {
    /// The damaged database file (named in the message; never modified).
    pub file: String,
    /// What the check found, in English (the window shows its own translation first).
    pub message: String,
    pub backup_folder: String,
    /// The newest backup that passes the checks, if any.
    pub latest_good: Option<BackupEntry>,
}

fn entry(file: &BackupFile, kept_for: Vec<KeptFor>) -> BackupEntry {
    BackupEntry {
        name: file
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        taken_at: file.taken_at,
        bytes: file.bytes,
        kept_for,
    }
}

/// The damaged register and the backup to offer, when the start-up check found damage.
pub fn damaged_info(db: &Database) -> Option<DamagedInfo> {
    db.damaged().map(|h| DamagedInfo {
        file: db.path().display().to_string(),
        message: h.message,
        backup_folder: db.backup_dir().display().to_string(),
        latest_good: h.latest_good_backup.as_ref().map(|b| entry(b, Vec::new())),
    })
}

/// Takes a backup into the backup folder now and rotates it.
fn take(db: &Database, now: DateTime<Utc>) -> Result<Taken, CommandError> {
    let dir = db.backup_dir();
    db.with(|conn| backup_folder::take(conn, &dir, now, Keep::default()))
}

/// Records and logs the outcome of an automatic backup.
fn record(
    db: &Database,
    trigger: &'static str,
    now: DateTime<Utc>,
    outcome: &Result<Taken, CommandError>,
) {
    let (ok, detail) = match outcome {
        Ok(t) => (true, entry(&t.file, Vec::new()).name),
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

/// What the close handler does: a backup of an open database into the backup folder. A database that is
/// not open (damaged, missing folder) has nothing to back up: `None`.
pub fn backup_on_close(db: &Database, now: DateTime<Utc>) -> Option<Result<Taken, CommandError>> {
    if db.open_error().is_some() {
        return None;
    }
    let outcome = take(db, now);
    record(db, "close", now, &outcome);
    Some(outcome)
}

/// What the daily check does: a backup only when the newest in the folder is a day old (or there is
/// none); `None` when none was due or the database is not open.
pub fn backup_if_due(db: &Database, now: DateTime<Utc>) -> Option<Result<Taken, CommandError>> {
    if db.open_error().is_some() {
        return None;
    }
    match backup_folder::is_due(&db.backup_dir(), now) {
        Ok(false) => None,
        Ok(true) => {
            let outcome = take(db, now);
            record(db, "daily", now, &outcome);
            Some(outcome)
        }
        Err(e) => {
            let outcome = Err(CommandError::from(e));
            record(db, "daily", now, &outcome);
            Some(outcome)
        }
    }
}

/// Starts the background thread that takes the daily backup while the app runs. It only holds the
/// database lock while a backup is written, so the window is never blocked for longer than that.
pub fn start_daily(app: tauri::AppHandle) {
    let spawned = std::thread::Builder::new()
        .name("daily-backup".into())
        .spawn(move || {
            std::thread::sleep(FIRST_CHECK_AFTER);
            loop {
                let db = app.state::<Database>();
                let _ = backup_if_due(&db, Utc::now());
                std::thread::sleep(DAILY_CHECK_EVERY);
            }
        });
    if let Err(e) = spawned {
        eprintln!("petromaks-desktop: the daily backup thread did not start: {e}");
    }
}

fn require_admin(session: &Session, what: &str) -> Result<(), CommandError> {
    session.actor()?.require(&[Role::Admin], what)?;
    Ok(())
}

/// The Backups tab: folder, backups with their rotation reasons, last automatic result (admin).
pub fn backup_overview_in(
    db: &Database,
    session: &Session,
) -> Result<BackupOverview, CommandError> {
    require_admin(session, "see the backups")?;
    let dir = db.backup_dir();
    let files = list_backups(&dir)?;
    let mut why = backup_folder::kept_for(&files, Keep::default());
    Ok(BackupOverview {
        folder: dir.display().to_string(),
        default_folder: db.backup_dir_is_default(),
        backups: files
            .iter()
            .map(|f| entry(f, why.remove(&f.path).unwrap_or_default()))
            .collect(),
        last_auto: db.last_auto(),
    })
}

/// "Backup now" (admin): a checked backup into the folder, then the rotation.
pub fn backup_now_in(
    db: &Database,
    session: &Session,
    now: DateTime<Utc>,
) -> Result<BackupEntry, CommandError> {
    require_admin(session, "take a backup")?;
    let taken = take(db, now)?;
    Ok(entry(&taken.file, Vec::new()))
}

/// The backup named `name` in the backup folder's listing; anything else (a path, `..`) is refused.
fn backup_named(db: &Database, name: &str) -> Result<PathBuf, CommandError> {
    let dir = db.backup_dir();
    list_backups(&dir)?
        .into_iter()
        .find(|f| f.path.file_name().and_then(|n| n.to_str()) == Some(name))
        .map(|f| f.path)
        .ok_or_else(|| Error::not_found("backup", name).into())
}

/// The answer to a restore: where the replaced database now lives.
#[derive(Debug, Clone, Serialize)]
pub struct RestoreDone {
    pub restored_from: String,
    pub replaced_kept_at: Option<String>,
}

fn done(r: petromaks::restore::Restored) -> RestoreDone {
    RestoreDone {
        restored_from: r.from.display().to_string(),
        replaced_kept_at: r.replaced_kept_at.map(|p| p.display().to_string()),
    }
}

/// Restores the backup `name` in place of the open database (admin). Everyone is signed out: the
/// restored register has its own accounts.
pub fn restore_backup_in(
    db: &Database,
    session: &Session,
    name: &str,
    now: DateTime<Utc>,
) -> Result<RestoreDone, CommandError> {
    require_admin(session, "restore a backup")?;
    let from = backup_named(db, name)?;
    let restored = db.restore_from(&from, now)?;
    session.clear()?;
    Ok(done(restored))
}

/// At start-up, when the register is damaged: restores the latest good backup the check found. Nobody can
/// sign in to a damaged register, so no account is asked for; nothing is lost (the damaged file is kept
/// aside byte for byte) and signing in afterwards checks the restored accounts. Refused when the
/// register is not damaged.
pub fn restore_damaged_in(
    db: &Database,
    session: &Session,
    now: DateTime<Utc>,
) -> Result<RestoreDone, CommandError> {
    let health = db.damaged().ok_or_else(|| {
        Error::Conflict("the database is not damaged: restore from the Backups tab".into())
    })?;
    let latest = health
        .latest_good_backup
        .ok_or_else(|| Error::not_found("backup", "a good backup"))?;
    let restored = db.restore_from(&latest.path, now)?;
    session.clear()?;
    Ok(done(restored))
}

#[tauri::command(async)]
pub fn backup_overview(
    db: State<'_, Database>,
    session: State<'_, Session>,
) -> Result<BackupOverview, CommandError> {
    backup_overview_in(&db, &session)
}

#[tauri::command(async)]
pub fn backup_now(
    db: State<'_, Database>,
    session: State<'_, Session>,
) -> Result<BackupEntry, CommandError> {
    backup_now_in(&db, &session, Utc::now())
}

#[tauri::command(async)]
pub fn restore_backup(
    db: State<'_, Database>,
    session: State<'_, Session>,
    name: String,
) -> Result<RestoreDone, CommandError> {
    restore_backup_in(&db, &session, &name, Utc::now())
}

#[tauri::command(async)]
pub fn restore_damaged(
    db: State<'_, Database>,
    session: State<'_, Session>,
) -> Result<RestoreDone, CommandError> {
    restore_damaged_in(&db, &session, Utc::now())
}

/// Asks for the backup folder with the native folder picker and remembers it (admin); `None` when the
/// user cancels.
#[tauri::command(async)]
pub fn choose_backup_folder(
    app: tauri::AppHandle,
    db: State<'_, Database>,
    session: State<'_, Session>,
) -> Result<Option<String>, CommandError> {
    require_admin(&session, "choose the backup folder")?;
    let Some(dir) = native::pick_folder(&app)? else {
        return Ok(None);
    };
    db.set_backup_dir(&dir)?;
    Ok(Some(dir.display().to_string()))
}

/// At start-up with a damaged register: restores a backup file the user picks in the system dialog (for a
/// backup disk other than the folder the check looked in). The core checks the file before anything is
/// replaced; `None` when the user cancels.
#[tauri::command(async)]
pub fn restore_damaged_from_file(
    app: tauri::AppHandle,
    db: State<'_, Database>,
    session: State<'_, Session>,
) -> Result<Option<RestoreDone>, CommandError> {
    if db.damaged().is_none() {
        return Err(Error::Conflict(
            "the database is not damaged: restore from the Backups tab".into(),
        )
        .into());
    }
    let Some(from) = native::pick_file(&app, ("SQLite", &["sqlite", "db"]))? else {
        return Ok(None);
    };
    let restored = db.restore_from(&from, Utc::now())?;
    session.clear()?;
    Ok(Some(done(restored)))
}

#[cfg(test)]
#[path = "safety_tests.rs"]
mod tests;
