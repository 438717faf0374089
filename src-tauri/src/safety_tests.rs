//! Tests of safety.rs. The data-safety commands: backups on close and daily, restore, the start-up check, import and export.

use super::*;
use crate::account::sign_in_in;
use crate::testing::{self, TempOffice};
use chrono::TimeZone;
use petromaks::users::NewUser;

/// A set-up office without cases in a fresh folder, removed on drop.
fn office(name: &str) -> Result<(TempOffice, Database, Session), Box<dyn std::error::Error>> {
    testing::office(&format!("safety-{name}"), None)
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
fn the_daily_check_backs_up_only_when_a_day_has_passed() -> Result<(), Box<dyn std::error::Error>> {
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
fn a_chosen_folder_is_remembered_beside_the_database() -> Result<(), Box<dyn std::error::Error>> {
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
