//! The data-safety commands: backups on close and daily, the Backups tab, restore in the running app, and
//! the start-up check of a damaged register with its restore.

use chrono::{DateTime, TimeZone, Utc};
use petromaks::db::Address;
use petromaks::people::{NewUser, Role};
use petromaks::safety::{self, folder, KeptFor};

use super::fixture::{self, code, TestOffice};
use crate::commands::account::sign_in_in;
use crate::commands::people::add_user_in;
use crate::commands::safety::*;
use crate::state::auto_backup::{backup_if_due, backup_on_close};
use crate::state::Database;

/// A set-up office without cases in a fresh folder, removed on drop.
fn office(name: &str) -> Result<TestOffice, Box<dyn std::error::Error>> {
    fixture::office(&format!("safety-{name}"), None)
}

fn at(day: u32, hour: u32) -> Result<DateTime<Utc>, &'static str> {
    Utc.with_ymd_and_hms(2026, 11, day, hour, 0, 0)
        .single()
        .ok_or("a valid time")
}

fn register_file(db: &Database) -> Result<std::path::PathBuf, &'static str> {
    db.address()
        .file()
        .map(|p| p.to_path_buf())
        .ok_or("a file register")
}

#[test]
fn closing_the_app_writes_a_checked_backup() -> Result<(), Box<dyn std::error::Error>> {
    let o = office("close")?;
    assert_eq!(
        o.db.backup_dir(),
        o.dir.path().join("backups"),
        "beside the register by default"
    );
    let taken = backup_on_close(&o.db, at(28, 16)?).ok_or("the register is open")??;
    assert!(taken.file.path.starts_with(o.dir.path().join("backups")));
    safety::check(&taken.file.path)?;
    assert_eq!(
        o.db.jobs_running(),
        0,
        "the backup's own connection is closed"
    );
    let last =
        o.db.last_auto()
            .ok_or("the result is kept for the Backups tab")?;
    assert!(last.ok && last.trigger == "close", "{last:?}");
    let reopened = Database::open(o.db.address().clone());
    assert_eq!(
        reopened.last_auto(),
        Some(last),
        "the backup taken on close is still reported at the next start"
    );
    assert_eq!(folder::list(&o.db.backup_dir())?.len(), 1);
    Ok(())
}

#[test]
fn the_daily_check_backs_up_only_when_a_day_has_passed() -> Result<(), Box<dyn std::error::Error>> {
    let o = office("daily")?;
    assert!(backup_if_due(&o.db, at(27, 8)?)
        .ok_or("none yet: due")?
        .is_ok());
    assert!(
        backup_if_due(&o.db, at(27, 20)?).is_none(),
        "12 hours later: not due"
    );
    assert!(
        backup_if_due(&o.db, at(28, 7)?).is_none(),
        "23 hours later: not due"
    );
    assert!(backup_if_due(&o.db, at(28, 8)?)
        .ok_or("24 hours later: due")?
        .is_ok());
    assert_eq!(folder::list(&o.db.backup_dir())?.len(), 2);
    assert_eq!(o.db.last_auto().map(|a| a.trigger), Some("daily".into()));
    Ok(())
}

#[test]
fn only_an_admin_chooses_the_folder_and_it_is_remembered_beside_the_register(
) -> Result<(), Box<dyn std::error::Error>> {
    let o = fixture::office("safety-folder", Some(4))?;
    assert!(o.db.backup_dir_is_default());
    let usb = o.dir.path().join("usb").join("petromaks");
    o.sign_in("loket1")?;
    assert_eq!(
        code(set_backup_folder_in(&o.db, &o.session, &usb)),
        "forbidden"
    );
    assert!(o.db.backup_dir_is_default() && !usb.exists());
    assert_eq!(code(backup_overview_in(&o.db, &o.session)), "forbidden");
    assert_eq!(
        code(backup_now_in(&o.db, &o.session, at(28, 9)?)),
        "forbidden"
    );
    o.sign_in("admin")?;
    set_backup_folder_in(&o.db, &o.session, &usb)?;
    assert!(!o.db.backup_dir_is_default());
    assert_eq!(o.db.backup_dir(), usb);
    backup_on_close(&o.db, at(28, 9)?).ok_or("open")??;
    assert_eq!(folder::list(&usb)?.len(), 1);
    Ok(())
}

#[test]
fn an_admin_restores_a_backup_in_the_running_app() -> Result<(), Box<dyn std::error::Error>> {
    let o = office("restore")?;
    let clerk = NewUser {
        username: "loket9".into(),
        full_name: "Loket Sembilan".into(),
        role: Role::Clerk,
        password: "rahasia-loket-9".into(),
        nip: None,
    };
    let before = backup_now_in(&o.db, &o.session, at(28, 9)?)?;
    add_user_in(&o.db, &o.session, &clerk)?;
    let overview = backup_overview_in(&o.db, &o.session)?;
    assert_eq!(overview.backups.len(), 1);
    assert_eq!(
        overview.backups[0].kept_for,
        vec![KeptFor::Daily, KeptFor::Weekly, KeptFor::Monthly]
    );
    let refused = restore_backup_in(&o.db, &o.session, "../office.sqlite", at(28, 10)?);
    assert_eq!(code(refused), "not_found");
    sign_in_in(&o.db, &o.session, "loket9", "rahasia-loket-9")?;
    let refused = restore_backup_in(&o.db, &o.session, &before.name, at(28, 10)?);
    assert_eq!(code(refused), "forbidden");
    o.sign_in("admin")?;
    let done = restore_backup_in(&o.db, &o.session, &before.name, at(28, 10)?)?;
    assert!(done.replaced_kept_at.is_some());
    assert_eq!(o.session.current()?, None, "everyone signs in again");
    let wrong = sign_in_in(&o.db, &o.session, "loket9", "rahasia-loket-9");
    assert_eq!(code(wrong), "auth", "the clerk came later");
    o.sign_in("admin")?;
    Ok(())
}

#[test]
fn a_damaged_register_is_left_untouched_and_the_latest_good_backup_restored(
) -> Result<(), Box<dyn std::error::Error>> {
    let o = office("damaged")?;
    backup_now_in(&o.db, &o.session, at(28, 9)?)?;
    let path = register_file(&o.db)?;
    let refused = restore_damaged_in(&o.db, &o.session, at(28, 9)?);
    assert_eq!(
        code(refused),
        "forbidden",
        "the core restores only a damaged register"
    );
    o.sign_in("admin")?;
    let TestOffice {
        db, session, dir, ..
    } = o;
    drop(db);
    let garbage = b"not a database at all ".repeat(300);
    std::fs::write(&path, &garbage)?;
    let db = Database::open(Address::File(path.clone()));
    assert_eq!(db.open_error().map(|e| e.code), Some("db_damaged"));
    assert_eq!(std::fs::read(&path)?, garbage, "the check writes nothing");
    let info = damaged_info(&db).ok_or("damage is reported")?;
    assert_eq!(
        info.latest_good.map(|b| b.name),
        Some("petromaks-20261128-090000.sqlite".into())
    );
    let done = restore_damaged_in(&db, &session, at(28, 10)?)?;
    let aside = done.replaced_kept_at.ok_or("the damaged file is kept")?;
    assert_eq!(std::fs::read(aside)?, garbage);
    assert_eq!(db.open_error(), None);
    assert!(damaged_info(&db).is_none());
    assert_eq!(session.current()?, None);
    sign_in_in(&db, &session, "admin", fixture::ADMIN_PASSWORD)?;
    drop(db);
    drop(dir);
    Ok(())
}
