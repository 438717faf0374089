//! Backups and restore: a backup taken while another process writes restores to the register as it was
//! at that moment; a damaged file is refused with the offer of the latest good backup; rotation thins a
//! folder to 7 daily, 4 weekly and 12 monthly copies.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::Stdio;

use chrono::{Duration, TimeZone, Utc};
use petromaks::audit;
use petromaks::db::Db;
use petromaks::safety::{self, folder, restore, HealthStatus, Keep};

use crate::support::{self, cli_err, fingerprint, monday, refused};

fn column(db: &Db, sql: &str) -> Vec<(i64, String)> {
    db.map(sql, &[], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("rows")
}

#[test]
fn a_backup_taken_while_another_process_writes_restores_that_moment() {
    if support::file_only("backups and restores are files") {
        return;
    }
    let o = support::office();
    let admin = o.admin.clone();
    let arg = o.db_arg();
    let mut child = support::cli(&arg)
        .args(["crash-loop", "--count", "200"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn writer");
    let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
    for _ in 0..5 {
        lines.next().expect("a line").expect("read");
    }
    // The writer is mid-run: take the backup now, from this process.
    let dir = tempfile::tempdir().expect("dir");
    let taken =
        folder::take(&o.db, &admin, dir.path(), Utc::now(), Keep::default()).expect("backup");
    for l in lines {
        l.expect("read");
    }
    assert!(child.wait().expect("wait").success());

    let restored_path = dir.path().join("restored").join("register.sqlite");
    let r =
        restore::restore_as(&admin, &taken.file.path, &restored_path, Utc::now()).expect("restore");
    assert!(r.replaced_kept_at.is_none());
    let restored = Db::open_file(&restored_path).expect("open restored");
    let cases_sql = "SELECT id, registration_number || '|' || coalesce(permit_number, '') FROM cases ORDER BY id";
    let (got, all) = (column(&restored, cases_sql), column(&o.db, cases_sql));
    assert!(
        got.len() >= 5 && got.len() < 200,
        "backup mid-run: {}",
        got.len()
    );
    // The restored events are exactly the source's first events: same rows, same hashes.
    let ev = "SELECT id, hash FROM case_events ORDER BY id";
    let (got_ev, all_ev) = (column(&restored, ev), column(&o.db, ev));
    assert_eq!(got_ev[..], all_ev[..got_ev.len()]);
    // A case issued before the backup has the same numbers in both; later cases are simply absent.
    for (id, numbers) in &got {
        let src = all.iter().find(|(i, _)| i == id).expect("case in source");
        if !numbers.ends_with('|') {
            assert_eq!(&src.1, numbers);
        }
    }
    let reg_last: i64 = restored
        .value("SELECT last FROM number_series WHERE key LIKE 'reg/%'", &[])
        .expect("reg series");
    assert_eq!(reg_last as usize, got.len());
    assert!(audit::verify(&restored, &admin, &[]).expect("verify").ok);
}

#[test]
fn restore_checks_the_backup_first_and_keeps_the_replaced_database() {
    if support::file_only("backups and restores are files") {
        return;
    }
    let mut o = support::office();
    o.issued_case("1607014508900001", "Siti Aminah");
    let admin = o.admin.clone();
    let dir = tempfile::tempdir().expect("dir");
    let good = dir.path().join("good.sqlite");
    safety::backup_to(&o.db, &admin, &good).expect("backup");
    o.issued_case("1607014508900002", "Dewi Lestari");
    let before = o.fingerprint();
    let support::Office1 { db, scratch, .. } = o;
    drop(db);
    let path = scratch.file().to_path_buf();
    let on_file = |p: &Path| fingerprint(&Db::open_file(p).expect("open"));

    let garbage = dir.path().join("garbage.sqlite");
    std::fs::write(&garbage, b"not a register".repeat(500)).expect("write");
    refused(
        restore::restore_as(&admin, &garbage, &path, monday()),
        "corrupt",
    );
    assert_eq!(on_file(&path), before);
    let err = cli_err(
        &scratch.db_arg(),
        &[
            "--as",
            "admin",
            "restore",
            "--from",
            garbage.to_str().expect("utf-8"),
        ],
    );
    assert!(err.contains("garbage.sqlite"), "{err}");
    assert_eq!(on_file(&path), before);

    let r = restore::restore_as(&admin, &good, &path, monday()).expect("restore");
    let aside = r.replaced_kept_at.expect("kept aside");
    assert_eq!(on_file(&aside), before);
    let db = Db::open_file(&path).expect("open");
    assert_eq!(support::count(&db, "SELECT count(*) FROM cases", &[]), 1);
}

/// Damages the file, then checks that the health check calls it damaged and offers the latest good
/// backup, that the CLI's `health` refuses it, and that nothing overwrote the damaged bytes. Opening it
/// is refused when the damage shows in the header (a truncated copy); damage inside the pages is found by
/// the thorough check (`health`, and before every backup), not at each open.
fn damage_and_check(
    path: &Path,
    arg: &str,
    backups: &Path,
    open_refused: bool,
    damage: impl FnOnce(&mut Vec<u8>),
) {
    let mut bytes = std::fs::read(path).expect("read");
    damage(&mut bytes);
    std::fs::write(path, &bytes).expect("write");
    let h = restore::health(path, Some(backups)).expect("health");
    assert_eq!(h.status, HealthStatus::Damaged, "{}", h.message);
    let offered = h.latest_good_backup.expect("a backup offered");
    assert!(
        offered.path.ends_with("petromaks-20261123-020000.sqlite"),
        "{offered:?}"
    );
    assert!(h.message.contains("latest good backup"), "{}", h.message);
    if open_refused {
        refused(Db::open_file(path), "corrupt");
    }
    let err = cli_err(
        arg,
        &["health", "--backup-dir", backups.to_str().expect("utf-8")],
    );
    assert!(err.contains("petromaks-20261123-020000.sqlite"), "{err}");
    // The thorough check the CLI just ran is kept: the instant start-up check refuses the file from now on.
    let kept = safety::integrity::last(path).expect("the thorough check is kept");
    assert!(!kept.ok, "{kept:?}");
    let s = restore::start_up(path, Some(backups)).expect("start-up check");
    assert_eq!(s.status, HealthStatus::Damaged, "{}", s.message);
    assert!(s.latest_good_backup.is_some(), "{}", s.message);
    assert_eq!(
        std::fs::read(path).expect("read"),
        bytes,
        "nothing was overwritten"
    );
}

#[test]
fn a_truncated_or_garbled_file_is_refused_with_the_offer_of_the_latest_good_backup() {
    if support::file_only("damages the bytes of the register file") {
        return;
    }
    let mut o = support::office();
    for i in 1..=30 {
        o.issued_case(&format!("16070145089{i:05}"), "Siti Aminah");
    }
    let backups = tempfile::tempdir().expect("dir");
    let admin = o.admin.clone();
    folder::take(&o.db, &admin, backups.path(), monday(), Keep::default()).expect("backup");
    // A newer backup that is itself damaged must be skipped.
    std::fs::write(
        backups.path().join("petromaks-20261124-020000.sqlite"),
        b"half a file",
    )
    .expect("write");
    let support::Office1 { db, scratch, .. } = o;
    drop(db);
    let path = scratch.file().to_path_buf();
    let h = restore::health(&path, Some(backups.path())).expect("health");
    assert_eq!(h.status, HealthStatus::Ok, "{}", h.message);
    let s = restore::start_up(&path, Some(backups.path())).expect("start-up check");
    assert_eq!(s.status, HealthStatus::Ok, "{}", s.message);

    let arg = scratch.db_arg();
    let copy = backups.path().join("copy.sqlite.bak");
    std::fs::copy(&path, &copy).expect("copy");
    damage_and_check(&path, &arg, backups.path(), true, |b| {
        b.truncate(b.len() / 2)
    });
    std::fs::copy(&copy, &path).expect("put back");
    damage_and_check(&path, &arg, backups.path(), false, |b| {
        let mid = b.len() / 3;
        for (i, x) in b[mid..mid + 8192].iter_mut().enumerate() {
            *x = (i * 31 % 251) as u8;
        }
    });
}

#[test]
fn rotation_keeps_seven_daily_four_weekly_and_twelve_monthly() {
    let dir = tempfile::tempdir().expect("dir");
    let today = Utc
        .with_ymd_and_hms(2026, 11, 28, 10, 0, 0)
        .single()
        .expect("t");
    for d in 0..500 {
        let t = today - Duration::days(d);
        for h in [0, 6] {
            let name = format!(
                "petromaks-{}.sqlite",
                (t - Duration::hours(h)).format("%Y%m%d-%H%M%S")
            );
            std::fs::write(dir.path().join(name), b"x").expect("write");
        }
    }
    std::fs::write(dir.path().join("notes.txt"), b"mine").expect("write");
    let removed = folder::rotate(dir.path(), Keep::default()).expect("rotate");
    let left = folder::list(dir.path()).expect("list");
    assert_eq!(left.len() + removed.len(), 1000);
    assert!(left.len() <= 7 + 4 + 12, "{}", left.len());
    for d in 0..7 {
        let t = today - Duration::days(d);
        assert!(
            left.iter().any(|f| f.taken_at == t),
            "newest of day -{d} kept"
        );
    }
    let months: std::collections::BTreeSet<String> = left
        .iter()
        .map(|f| f.taken_at.format("%Y-%m").to_string())
        .collect();
    assert_eq!(months.len(), 12, "{months:?}");
    assert!(
        months.contains("2025-12") && !months.contains("2025-11"),
        "{months:?}"
    );
    assert!(dir.path().join("notes.txt").exists());
    assert!(left
        .iter()
        .all(|f| f.taken_at.format("%H").to_string() == "10"));
}

#[test]
fn each_kept_backup_says_why_it_is_kept() {
    use petromaks::safety::{BackupFile, KeptFor};
    let now = Utc
        .with_ymd_and_hms(2026, 11, 28, 10, 0, 0)
        .single()
        .expect("t");
    let files: Vec<BackupFile> = [0, 1, 40]
        .iter()
        .map(|d| BackupFile {
            path: format!("b{d}").into(),
            taken_at: now - Duration::days(*d),
            bytes: 1,
        })
        .collect();
    let keep = Keep {
        daily: 1,
        weekly: 1,
        monthly: 2,
    };
    let why = folder::kept_for(&files, keep);
    assert_eq!(
        why.get(Path::new("b0")),
        Some(&vec![KeptFor::Daily, KeptFor::Weekly, KeptFor::Monthly])
    );
    assert_eq!(
        why.get(Path::new("b1")),
        None,
        "same day, week and month as b0"
    );
    assert_eq!(why.get(Path::new("b40")), Some(&vec![KeptFor::Monthly]));
    assert_eq!(
        folder::kept(&files, keep).len(),
        2,
        "kept is the map's keys"
    );
}
