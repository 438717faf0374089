//! Data safety in the window: the Backups tab (list, backup now, restore, the folder) and the start-up
//! offer to restore a damaged register. The core decides who may do what: the admin lists, takes and
//! restores backups; a damaged register is restored without anyone signed in, and only when it really is
//! damaged. The automatic backups are in `state::auto_backup`.
//!
//! Files are never named by the webview with a path: backups are picked by their file name from the backup
//! folder's own listing, or in the native dialog.

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use petromaks::safety::{folder, restore, BackupFile, FullCheck, Keep, KeptFor, Restored};
use petromaks::Error;
use serde::Serialize;
use tauri::{AppHandle, Manager, Runtime, State};

use super::on_blocking_pool;
use crate::error::CommandError;
use crate::native;
use crate::state::{file_name, AutoBackup, Database, Session};

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
    /// No folder was chosen: backups go beside the register.
    pub default_folder: bool,
    pub backups: Vec<BackupEntry>,
    /// The last automatic backup, if one was attempted.
    pub last_auto: Option<AutoBackup>,
    /// The last thorough check of every page (daily in the background, and before each backup).
    pub last_check: Option<FullCheck>,
}

/// What the window needs to offer a restore when the register is damaged at start-up.
#[derive(Debug, Clone, Serialize)]
pub struct DamagedInfo {
    /// The damaged register file (named in the message; never modified).
    pub file: String,
    /// What the check found, in English (the window shows its own translation first).
    pub message: String,
    pub backup_folder: String,
    /// The newest backup that passes the checks, if any.
    pub latest_good: Option<BackupEntry>,
}

/// The answer to a restore: where the replaced register now lives.
#[derive(Debug, Clone, Serialize)]
pub struct RestoreDone {
    pub restored_from: String,
    pub replaced_kept_at: Option<String>,
}

fn entry(file: &BackupFile, kept_for: Vec<KeptFor>) -> BackupEntry {
    BackupEntry {
        name: file_name(&file.path),
        taken_at: file.taken_at,
        bytes: file.bytes,
        kept_for,
    }
}

fn done(r: Restored) -> RestoreDone {
    RestoreDone {
        restored_from: r.from.display().to_string(),
        replaced_kept_at: r.replaced_kept_at.map(|p| p.display().to_string()),
    }
}

/// The damaged register and the backup to offer, when the start-up check found damage.
pub fn damaged_info(db: &Database) -> Option<DamagedInfo> {
    db.damaged().map(|h| DamagedInfo {
        file: db.address().shown(),
        message: h.message,
        backup_folder: db.backup_dir().display().to_string(),
        latest_good: h.latest_good_backup.as_ref().map(|b| entry(b, Vec::new())),
    })
}

/// The Backups tab: folder, backups with their rotation reasons, last automatic result.
pub fn backup_overview_in(
    db: &Database,
    session: &Session,
) -> Result<BackupOverview, CommandError> {
    let actor = session.actor()?;
    let dir = db.backup_dir();
    let files = folder::list_for(&actor, &dir)?;
    let mut why = folder::kept_for(&files, Keep::default());
    Ok(BackupOverview {
        folder: dir.display().to_string(),
        default_folder: db.backup_dir_is_default(),
        backups: files
            .iter()
            .map(|f| entry(f, why.remove(&f.path).unwrap_or_default()))
            .collect(),
        last_auto: db.last_auto(),
        last_check: db.last_full_check(),
    })
}

/// "Backup now": a checked backup into the folder, then the rotation, on a connection of its own.
pub fn backup_now_in(
    db: &Database,
    session: &Session,
    now: DateTime<Utc>,
) -> Result<BackupEntry, CommandError> {
    let actor = session.actor()?;
    let dir = db.backup_dir();
    let taken = db
        .job()?
        .run(|job| folder::take(job, &actor, &dir, now, Keep::default()))?;
    Ok(entry(&taken.file, Vec::new()))
}

/// Restores the backup `name` of the backup folder's listing in place of the open register; anything
/// else (a path, `..`) is not found. Everyone is signed out: the restored register has its own accounts.
pub fn restore_backup_in(
    db: &Database,
    session: &Session,
    name: &str,
    now: DateTime<Utc>,
) -> Result<RestoreDone, CommandError> {
    let actor = session.actor()?;
    let from = folder::list_for(&actor, &db.backup_dir())?
        .into_iter()
        .find(|f| f.path.file_name().and_then(|n| n.to_str()) == Some(name))
        .map(|f| f.path)
        .ok_or_else(|| CommandError::from(Error::not_found("backup", name)))?;
    let restored = db.restore_with(|to| restore::restore_as(&actor, &from, to, now))?;
    session.clear()?;
    Ok(done(restored))
}

/// At start-up, when the register is damaged: restores the latest good backup the check found. Nobody can
/// sign in to a damaged register, so no account is asked for; the core refuses a register that is not
/// damaged, and keeps the damaged file aside byte for byte.
pub fn restore_damaged_in(
    db: &Database,
    session: &Session,
    now: DateTime<Utc>,
) -> Result<RestoreDone, CommandError> {
    let latest = match db.damaged() {
        Some(health) => health.latest_good_backup,
        None => {
            let dir = db.backup_dir();
            if dir.exists() {
                folder::latest_good(&dir)?
            } else {
                None
            }
        }
    };
    let from = latest
        .ok_or_else(|| CommandError::from(Error::not_found("backup", "a good backup")))?
        .path;
    restore_damaged_from(db, session, &from, now)
}

/// Restores a damaged register from the backup file `from` (the core checks both files first).
fn restore_damaged_from(
    db: &Database,
    session: &Session,
    from: &std::path::Path,
    now: DateTime<Utc>,
) -> Result<RestoreDone, CommandError> {
    let restored = db.restore_with(|to| restore::restore_damaged(from, to, now))?;
    session.clear()?;
    Ok(done(restored))
}

/// Makes `dir` the backup folder (the core requires an admin, creates it and remembers it beside the
/// register).
pub fn set_backup_folder_in(
    db: &Database,
    session: &Session,
    dir: &std::path::Path,
) -> Result<(), CommandError> {
    db.choose_backup_dir(&session.actor()?, dir)
}

#[tauri::command(async)]
pub fn backup_overview(
    db: State<'_, Database>,
    session: State<'_, Session>,
) -> Result<BackupOverview, CommandError> {
    backup_overview_in(&db, &session)
}

#[tauri::command]
pub async fn backup_now<R: Runtime>(app: AppHandle<R>) -> Result<BackupEntry, CommandError> {
    on_blocking_pool(move || {
        backup_now_in(
            &app.state::<Database>(),
            &app.state::<Session>(),
            Utc::now(),
        )
    })
    .await
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

/// Asks for the backup folder with the native folder picker and remembers it; `None` when the user
/// cancels.
#[tauri::command(async)]
pub fn choose_backup_folder(
    app: tauri::AppHandle,
    db: State<'_, Database>,
    session: State<'_, Session>,
) -> Result<Option<String>, CommandError> {
    session.actor()?;
    let Some(dir) = native::pick_folder(&app)? else {
        return Ok(None);
    };
    set_backup_folder_in(&db, &session, &dir)?;
    Ok(Some(dir.display().to_string()))
}

/// At start-up with a damaged register: restores a backup file the user picks in the system dialog (for a
/// backup disk other than the folder the check looked in). `None` when the user cancels.
#[tauri::command(async)]
pub fn restore_damaged_from_file(
    app: tauri::AppHandle,
    db: State<'_, Database>,
    session: State<'_, Session>,
) -> Result<Option<RestoreDone>, CommandError> {
    let Some(from): Option<PathBuf> = native::pick_file(&app, ("SQLite", &["sqlite", "db"]))?
    else {
        return Ok(None);
    };
    restore_damaged_from(&db, &session, &from, Utc::now()).map(Some)
}
