//! Backups and restore: a backup taken while another process writes restores to the register as it was
//! at that moment; a damaged file is refused with the offer of the latest good backup; rotation thins a
//! folder to 7 daily, 4 weekly and 12 monthly copies.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::Stdio;

use chrono::{Duration, TimeZone, Utc};
use petromaks::backup_folder::{self, Keep};
use petromaks::restore::{self, HealthStatus};
use rusqlite::Connection;

use crate::support::{self, cli_err, fingerprint};

fn column(conn: &Connection, sql: &str) -> Vec<(i64, String)> {
    conn.prepare(sql)
        .expect("q")
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("q")
        .collect::<rusqlite::Result<_>>()
        .expect("rows")
}

#[test]
fn a_backup_taken_while_another_process_writes_restores_that_moment() {
    let o = support::office();
    let path = o.path.clone();
    drop(o.conn);
    let mut child = support::cli(&path)
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
    let conn = petromaks::db::open(&path).expect("open");
    let taken =
        backup_folder::take(&conn, dir.path(), Utc::now(), Keep::default()).expect("backup");
    drop(conn);
    for l in lines {
        l.expect("read");
    }
    assert!(child.wait().expect("wait").success());

    let restored_path = dir.path().join("restored").join("register.sqlite");
    let r = restore::restore(&taken.file.path, &restored_path, Utc::now()).expect("restore");
    assert!(r.replaced_kept_at.is_none());
    let restored = petromaks::db::open(&restored_path).expect("open restored");
    let source = Connection::open(&path).expect("source");
    let cases_sql = "SELECT id, registration_number || '|' || coalesce(permit_number, '') FROM cases ORDER BY id";
    let (got, all) = (column(&restored, cases_sql), column(&source, cases_sql));
    assert!(
        got.len() >= 5 && got.len() < 200,
        "backup mid-run: {}",
        got.len()
    );
    // The restored events are exactly the source's first events: same rows, same hashes.
    let ev = "SELECT id, hash FROM case_events ORDER BY id";
    let (got_ev, all_ev) = (column(&restored, ev), column(&source, ev));
    assert_eq!(got_ev[..], all_ev[..got_ev.len()]);
    // A case issued before the backup has the same numbers in both; later cases are simply absent.
    for (id, numbers) in &got {
        let src = all.iter().find(|(i, _)| i == id).expect("case in source");
        if !numbers.ends_with('|') {
            assert_eq!(&src.1, numbers);
        }
    }
    let series = "SELECT last, key FROM number_series ORDER BY key";
    let reg_last = column(&restored, series)
        .into_iter()
        .find(|(_, k)| k.starts_with("reg/"))
        .expect("reg series");
    assert_eq!(reg_last.0 as usize, got.len());
    assert!(
        petromaks::audit_chain::verify(&restored)
            .expect("verify")
            .ok
    );
}

#[test]
fn restore_checks_the_backup_first_and_keeps_the_replaced_database() {
    let mut o = support::office();
    o.issued_case("1607014508900001", "Siti Aminah");
    let dir = tempfile::tempdir().expect("dir");
    let good = dir.path().join("good.sqlite");
    petromaks::backup::backup_to(&o.conn, &good).expect("backup");
    o.issued_case("1607014508900002", "Dewi Lestari");
    let path = o.path.clone();
    drop(o.conn);
    let before = fingerprint(&path);

    let garbage = dir.path().join("garbage.sqlite");
    std::fs::write(&garbage, b"not a register".repeat(500)).expect("write");
    let e = restore::restore(&garbage, &path, support::monday()).expect_err("refused");
    assert_eq!(e.code(), "corrupt", "{e}");
    assert_eq!(fingerprint(&path), before);
    let err = cli_err(
        &path,
        &["restore", "--from", garbage.to_str().expect("utf-8")],
    );
    assert!(err.contains("garbage.sqlite"), "{err}");
    assert_eq!(fingerprint(&path), before);

    let r = restore::restore(&good, &path, support::monday()).expect("restore");
    let aside = r.replaced_kept_at.expect("kept aside");
    assert_eq!(fingerprint(&aside), before);
    let conn = petromaks::db::open(&path).expect("open");
    let n: i64 = conn
        .query_row("SELECT count(*) FROM cases", [], |r| r.get(0))
        .expect("count");
    assert_eq!(n, 1);
}

fn damage_and_check(path: &Path, backups: &Path, damage: impl FnOnce(&mut Vec<u8>)) {
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
    let e = petromaks::db::open(path).expect_err("refused");
    assert_eq!(e.code(), "corrupt");
    let err = cli_err(
        path,
        &["health", "--backup-dir", backups.to_str().expect("utf-8")],
    );
    assert!(err.contains("petromaks-20261123-020000.sqlite"), "{err}");
    assert_eq!(
        std::fs::read(path).expect("read"),
        bytes,
        "nothing was overwritten"
    );
}

#[test]
fn a_truncated_or_garbled_file_is_refused_with_the_offer_of_the_latest_good_backup() {
    let mut o = support::office();
    for i in 1..=30 {
        o.issued_case(&format!("16070145089{i:05}"), "Siti Aminah");
    }
    let backups = tempfile::tempdir().expect("dir");
    backup_folder::take(&o.conn, backups.path(), support::monday(), Keep::default())
        .expect("backup");
    // A newer backup that is itself damaged must be skipped.
    std::fs::write(
        backups.path().join("petromaks-20261124-020000.sqlite"),
        b"half a file",
    )
    .expect("write");
    let path = o.path.clone();
    drop(o.conn);
    let h = restore::health(&path, Some(backups.path())).expect("health");
    assert_eq!(h.status, HealthStatus::Ok, "{}", h.message);

    let copy = backups.path().join("copy.sqlite.bak");
    std::fs::copy(&path, &copy).expect("copy");
    damage_and_check(&path, backups.path(), |b| b.truncate(b.len() / 2));
    std::fs::copy(&copy, &path).expect("put back");
    damage_and_check(&path, backups.path(), |b| {
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
    let removed = backup_folder::rotate(dir.path(), Keep::default()).expect("rotate");
    let left = backup_folder::list(dir.path()).expect("list");
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
    use backup_folder::{BackupFile, KeptFor};
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
    let why = backup_folder::kept_for(&files, keep);
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
        backup_folder::kept(&files, keep).len(),
        2,
        "kept is the map's keys"
    );
}
