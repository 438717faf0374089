//! Data safety in the window: automatic backups (on close and daily while the app runs), the Backups tab
//! (list, backup now, restore), the start-up offer to restore a damaged register, and import/export.
//!
//! Files are never named by the webview with a path: backups are picked by their file name from the backup
//! folder's own listing, import files by name from the documents folder's `impor/` subfolder, and exports
//! go to the documents folder.

use std::path::PathBuf;
use std::sync::Mutex;
use std::time::Duration;

use chrono::{DateTime, Utc};
use petromaks::backup_folder::{self, BackupFile, Keep, KeptFor, Taken};
use petromaks::import::{self, ImportReport};
use petromaks::users::Role;
use petromaks::{export, Error};
use serde::{Deserialize, Serialize};
use tauri::{Manager, State};

use crate::casework::documents_dir;
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

/// What to export.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExportWhat {
    Cases,
    Applicants,
}

/// In which format.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    Csv,
    Xlsx,
}

/// The export's bytes and its suggested file name `<what>-<time>.<format>`.
fn export_bytes(
    db: &Database,
    session: &Session,
    what: ExportWhat,
    format: ExportFormat,
    now: DateTime<Utc>,
) -> Result<(String, Vec<u8>), CommandError> {
    session
        .actor()?
        .require(&[Role::Admin, Role::Clerk], "export the register")?;
    let bytes = db.with(|conn| {
        Ok(match (what, format) {
            (ExportWhat::Cases, ExportFormat::Xlsx) => export::cases_xlsx(conn)?,
            (ExportWhat::Applicants, ExportFormat::Xlsx) => export::applicants_xlsx(conn)?,
            (ExportWhat::Cases, ExportFormat::Csv) => {
                let mut out = Vec::new();
                export::cases_csv(conn, &mut out)?;
                out
            }
            (ExportWhat::Applicants, ExportFormat::Csv) => {
                let mut out = Vec::new();
                export::applicants_csv(conn, &mut out)?;
                out
            }
        })
    })?;
    let stem = match what {
        ExportWhat::Cases => "permohonan",
        ExportWhat::Applicants => "pemohon",
    };
    Ok((
        format!("{stem}-{}.{}", now.format("%Y%m%d-%H%M%S"), format.ext()),
        bytes,
    ))
}

impl ExportFormat {
    fn ext(self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Xlsx => "xlsx",
        }
    }

    fn filter(self) -> native::Filter<'static> {
        match self {
            ExportFormat::Csv => ("CSV", &["csv"]),
            ExportFormat::Xlsx => ("Excel (XLSX)", &["xlsx"]),
        }
    }
}

/// Writes the export into the documents folder; answers the file's path.
pub fn export_in(
    db: &Database,
    session: &Session,
    what: ExportWhat,
    format: ExportFormat,
    now: DateTime<Utc>,
) -> Result<String, CommandError> {
    let (name, bytes) = export_bytes(db, session, what, format, now)?;
    native::write_file(&documents_dir()?.join(name), &bytes)
}

/// The folder import files are picked from by name: `impor/` in the documents folder.
fn import_dir() -> Result<PathBuf, CommandError> {
    Ok(documents_dir()?.join("impor"))
}

/// The import files the window may pick: the `.csv` files in the documents folder's `impor/`, by name.
#[derive(Debug, Clone, Serialize)]
pub struct ImportFiles {
    pub folder: String,
    pub files: Vec<String>,
}

/// Lists the CSV files waiting in `impor/` (signed-in users).
pub fn import_files_in(session: &Session) -> Result<ImportFiles, CommandError> {
    session.actor()?;
    let dir = import_dir()?;
    let mut files = Vec::new();
    if dir.is_dir() {
        let read = std::fs::read_dir(&dir).map_err(|e| CommandError::from(Error::from(e)))?;
        for entry in read.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if entry.path().is_file() && name.to_lowercase().ends_with(".csv") {
                files.push(name);
            }
        }
    }
    files.sort();
    Ok(ImportFiles {
        folder: dir.display().to_string(),
        files,
    })
}

/// Dry run (`confirm` false) or all-or-nothing import (`confirm` true) of the file `name` from `impor/`,
/// as the signed-in user (the core requires a clerk).
pub fn import_file_in(
    db: &Database,
    session: &Session,
    name: &str,
    confirm: bool,
    now: DateTime<Utc>,
) -> Result<ImportReport, CommandError> {
    let listed = import_files_in(session)?;
    if !listed.files.iter().any(|f| f == name) {
        return Err(Error::not_found("import file", name).into());
    }
    import_path(db, session, &import_dir()?.join(name), confirm, now)
}

/// The import file chosen in the native dialog, kept on the Rust side: the webview only sees its name.
#[derive(Default)]
pub struct PickedImport(Mutex<Option<PathBuf>>);

/// Dry run or import of the file at `path` (from the `impor/` listing or the native dialog).
fn import_path(
    db: &Database,
    session: &Session,
    path: &std::path::Path,
    confirm: bool,
    now: DateTime<Utc>,
) -> Result<ImportReport, CommandError> {
    let actor = session.actor()?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let bytes = std::fs::read(path).map_err(|e| CommandError::from(Error::from(e)))?;
    let text = String::from_utf8(bytes)
        .map_err(|_| Error::invalid("file", format!("{name} is not UTF-8 text")))?;
    // A spreadsheet's UTF-8 byte-order mark would become part of the first column's name.
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    db.with(|conn| import::import(conn, &actor, now, text, confirm))
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

#[tauri::command(async)]
pub fn export_data(
    db: State<'_, Database>,
    session: State<'_, Session>,
    what: ExportWhat,
    format: ExportFormat,
) -> Result<String, CommandError> {
    export_in(&db, &session, what, format, Utc::now())
}

#[tauri::command(async)]
pub fn import_files(session: State<'_, Session>) -> Result<ImportFiles, CommandError> {
    import_files_in(&session)
}

#[tauri::command(async)]
pub fn import_file(
    db: State<'_, Database>,
    session: State<'_, Session>,
    name: String,
    confirm: bool,
) -> Result<ImportReport, CommandError> {
    import_file_in(&db, &session, &name, confirm, Utc::now())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::account::{first_run_in, sign_in_in};
    use chrono::TimeZone;
    use petromaks::office::Office;
    use petromaks::users::NewUser;

    /// A fresh folder with a set-up database, removed on drop.
    struct Dir(PathBuf);

    impl Drop for Dir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    fn office(name: &str) -> Result<(Dir, Database, Session), Box<dyn std::error::Error>> {
        let dir =
            std::env::temp_dir().join(format!("petromaks-safety-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir)?;
        let db = Database::open(dir.join("office.sqlite"));
        let session = Session::default();
        let admin = NewUser {
            username: "admin".into(),
            full_name: "Admin Kantor".into(),
            role: Role::Admin,
            password: "rahasia-admin-123".into(),
            nip: None,
        };
        first_run_in(&db, &session, &Office::banyuasin_example(), &admin)?;
        Ok((Dir(dir), db, session))
    }

    fn at(day: u32, hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, day, hour, 0, 0)
            .single()
            .expect("a valid time")
    }

    #[test]
    fn closing_the_app_writes_a_checked_backup() -> Result<(), Box<dyn std::error::Error>> {
        let (dir, db, _session) = office("close")?;
        assert_eq!(
            db.backup_dir(),
            dir.0.join("backups"),
            "beside the database by default"
        );
        let taken = backup_on_close(&db, at(28, 16)).ok_or("the database is open")??;
        assert!(taken.file.path.starts_with(dir.0.join("backups")));
        petromaks::backup::check(&taken.file.path)?;
        let last = db
            .last_auto()
            .ok_or("the result is kept for the Backups tab")?;
        assert!(last.ok && last.trigger == "close", "{last:?}");
        let reopened = Database::open(db.path().to_path_buf());
        assert_eq!(
            reopened.last_auto(),
            Some(last),
            "the backup taken on close is still reported at the next start"
        );
        assert_eq!(list_backups(&db.backup_dir())?.len(), 1);
        Ok(())
    }

    #[test]
    fn the_daily_check_backs_up_only_when_a_day_has_passed(
    ) -> Result<(), Box<dyn std::error::Error>> {
        let (_dir, db, _session) = office("daily")?;
        assert!(backup_if_due(&db, at(27, 8))
            .ok_or("none yet: due")?
            .is_ok());
        assert!(
            backup_if_due(&db, at(27, 20)).is_none(),
            "12 hours later: not due"
        );
        assert!(
            backup_if_due(&db, at(28, 7)).is_none(),
            "23 hours later: not due"
        );
        assert!(backup_if_due(&db, at(28, 8))
            .ok_or("24 hours later: due")?
            .is_ok());
        assert_eq!(list_backups(&db.backup_dir())?.len(), 2);
        assert_eq!(db.last_auto().map(|a| a.trigger), Some("daily".into()));
        Ok(())
    }

    #[test]
    fn a_chosen_folder_is_remembered_beside_the_database() -> Result<(), Box<dyn std::error::Error>>
    {
        let (dir, db, _session) = office("folder")?;
        assert!(db.backup_dir_is_default());
        let usb = dir.0.join("usb").join("petromaks");
        db.set_backup_dir(&usb)?;
        assert!(!db.backup_dir_is_default());
        assert_eq!(db.backup_dir(), usb);
        backup_on_close(&db, at(28, 9)).ok_or("open")??;
        assert_eq!(list_backups(&usb)?.len(), 1);
        Ok(())
    }

    #[test]
    fn an_admin_restores_a_backup_in_the_running_app() -> Result<(), Box<dyn std::error::Error>> {
        let (_dir, db, session) = office("restore")?;
        let clerk = NewUser {
            username: "loket9".into(),
            full_name: "Loket Sembilan".into(),
            role: Role::Clerk,
            password: "rahasia-loket-9".into(),
            nip: None,
        };
        let before = backup_now_in(&db, &session, at(28, 9))?;
        crate::settings::add_user_in(&db, &session, &clerk)?;
        let overview = backup_overview_in(&db, &session)?;
        assert_eq!(overview.backups.len(), 1);
        assert_eq!(
            overview.backups[0].kept_for,
            vec![KeptFor::Daily, KeptFor::Weekly, KeptFor::Monthly]
        );
        let refused = restore_backup_in(&db, &session, "../office.sqlite", at(28, 10));
        assert_eq!(refused.map(|_| ()).map_err(|e| e.code), Err("not_found"));
        sign_in_in(&db, &session, "loket9", "rahasia-loket-9")?;
        let refused = restore_backup_in(&db, &session, &before.name, at(28, 10));
        assert_eq!(refused.map(|_| ()).map_err(|e| e.code), Err("forbidden"));
        sign_in_in(&db, &session, "admin", "rahasia-admin-123")?;
        let done = restore_backup_in(&db, &session, &before.name, at(28, 10))?;
        assert!(done.replaced_kept_at.is_some());
        assert_eq!(session.current()?, None, "everyone signs in again");
        let wrong = sign_in_in(&db, &session, "loket9", "rahasia-loket-9");
        assert_eq!(
            wrong.map(|_| ()).map_err(|e| e.code),
            Err("auth"),
            "the clerk came later"
        );
        sign_in_in(&db, &session, "admin", "rahasia-admin-123")?;
        Ok(())
    }

    #[test]
    fn a_damaged_register_is_left_untouched_and_the_latest_good_backup_restored(
    ) -> Result<(), Box<dyn std::error::Error>> {
        let (dir, db, session) = office("damaged")?;
        backup_now_in(&db, &session, at(28, 9))?;
        let path = db.path().to_path_buf();
        let refused = restore_damaged_in(&db, &session, at(28, 9));
        assert_eq!(refused.map(|_| ()).map_err(|e| e.code), Err("conflict"));
        drop(db);
        let garbage = b"not a database at all ".repeat(300);
        std::fs::write(&path, &garbage)?;
        let db = Database::open(path.clone());
        assert_eq!(db.open_error().map(|e| e.code), Some("db_damaged"));
        assert_eq!(std::fs::read(&path)?, garbage, "the check writes nothing");
        let info = damaged_info(&db).ok_or("damage is reported")?;
        assert_eq!(
            info.latest_good.map(|b| b.name),
            Some("petromaks-20261128-090000.sqlite".into())
        );
        let done = restore_damaged_in(&db, &session, at(28, 10))?;
        let aside = done.replaced_kept_at.ok_or("the damaged file is kept")?;
        assert_eq!(std::fs::read(aside)?, garbage);
        assert_eq!(db.open_error(), None);
        assert!(damaged_info(&db).is_none());
        sign_in_in(&db, &session, "admin", "rahasia-admin-123")?;
        drop(dir);
        Ok(())
    }
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

/// Exports through the native save dialog; answers the path, or `None` when the user cancels.
#[tauri::command(async)]
pub fn export_data_as(
    app: tauri::AppHandle,
    db: State<'_, Database>,
    session: State<'_, Session>,
    what: ExportWhat,
    format: ExportFormat,
) -> Result<Option<String>, CommandError> {
    let (name, bytes) = export_bytes(&db, &session, what, format, Utc::now())?;
    match native::save_as(&app, &name, format.filter())? {
        Some(path) => native::write_file(&path, &bytes).map(Some),
        None => Ok(None),
    }
}

/// Asks for a CSV file with the native dialog and runs its dry run; the file is kept for the confirm.
/// `None` when the user cancels.
#[tauri::command(async)]
pub fn choose_import_file(
    app: tauri::AppHandle,
    db: State<'_, Database>,
    session: State<'_, Session>,
    picked: State<'_, PickedImport>,
) -> Result<Option<(String, ImportReport)>, CommandError> {
    session.actor()?;
    let Some(path) = native::pick_file(&app, ("CSV", &["csv"]))? else {
        return Ok(None);
    };
    let report = import_path(&db, &session, &path, false, Utc::now())?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    *picked
        .0
        .lock()
        .map_err(|_| CommandError::internal("the chosen import file is unavailable"))? = Some(path);
    Ok(Some((name, report)))
}

/// Imports (all or nothing) the file last chosen in the native dialog.
#[tauri::command(async)]
pub fn import_chosen_file(
    db: State<'_, Database>,
    session: State<'_, Session>,
    picked: State<'_, PickedImport>,
) -> Result<ImportReport, CommandError> {
    let path = picked
        .0
        .lock()
        .map_err(|_| CommandError::internal("the chosen import file is unavailable"))?
        .clone()
        .ok_or_else(|| Error::not_found("import file", "chosen in the dialog"))?;
    import_path(&db, &session, &path, true, Utc::now())
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
