//! Upgrades keep every row: the register the first release wrote (schema 8, a demo register of 300 cases)
//! opens, migrates to the latest schema and keeps every case, event, person and number; its series go
//! on where they stopped and its audit chain still verifies.

use std::io::Read;

use petromaks::cases::{self, Move, Status};
use petromaks::db::{self, Db};
use petromaks::people::users;
use petromaks::{audit, store};

use crate::support::{self, monday, sipd};

/// A frozen register of tests/fixtures, unzipped into a temporary file.
fn unzip(dir: &std::path::Path, name: &str) -> std::path::PathBuf {
    let gz = format!(
        "{}/tests/fixtures/{name}.sqlite.gz",
        env!("CARGO_MANIFEST_DIR")
    );
    let mut bytes = Vec::new();
    flate2::read::GzDecoder::new(std::fs::File::open(gz).expect("the fixture"))
        .read_to_end(&mut bytes)
        .expect("gunzip");
    let path = dir.join(format!("{name}.sqlite"));
    std::fs::write(&path, &bytes).expect("write");
    path
}

/// The first release's register, unzipped into a temporary file.
fn first_release(dir: &std::path::Path) -> std::path::PathBuf {
    unzip(dir, "register-v8-first-release")
}

#[test]
fn the_first_release_s_register_upgrades_with_every_row_kept() {
    if support::file_only(
        "the first release's register is a file (moving it onto a server is `server move-in`)",
    ) {
        return;
    }
    let dir = tempfile::tempdir().expect("dir");
    let path = first_release(dir.path());
    assert_eq!(db::file::header(&path).expect("header").user_version, 8);

    let mut db = Db::open_file(&path).expect("open and migrate");
    let up = db.upgrade().cloned().expect("the open migrated it");
    assert_eq!((up.from, up.to), (8, db::latest_version()));
    assert_eq!(db.schema_version().expect("version"), db::latest_version());

    let count =
        |db: &Db, table: &str| support::count(db, &format!("SELECT count(*) FROM {table}"), &[]);
    for (table, n) in [
        ("cases", 300),
        ("case_events", 996),
        ("admin_events", 311),
        ("applicants", 300),
        ("deliveries", 5),
        ("trips", 1),
        ("survey_responses", 1),
        ("pickup_requests", 1),
        ("revoked_permits", 1),
        ("holidays", 123),
        ("users", 5),
    ] {
        assert_eq!(count(&db, table), n, "{table}");
    }
    let series = store::numbers::all(&db).expect("series");
    for (key, last) in [
        ("reg/2026", 300),
        ("permit/IOP/2026", 22),
        ("permit/REK/2026", 16),
        ("permit/SIPA/2026", 16),
        ("permit/SIPB/2026", 21),
        ("permit/SIPD/2026", 11),
        ("permit/SKP/2026", 22),
    ] {
        assert!(
            series.iter().any(|(k, l)| k == key && *l == last),
            "{key} at {last}: {series:?}"
        );
    }
    let admin = users::actor(&db, "admin").expect("admin");
    let v = audit::verify(&db, &admin, &[]).expect("verify");
    assert!(v.ok, "{v:?}");
    assert_eq!((v.case_events.rows, v.admin_events.rows), (996, 311));

    // The series go on where the first release stopped.
    let (clerk, verifier, signer) = (
        users::actor(&db, "loket1").expect("clerk"),
        users::actor(&db, "kasi").expect("verifier"),
        users::actor(&db, "kadis").expect("signer"),
    );
    let r = cases::register(
        &mut db,
        &clerk,
        monday(),
        &sipd("1607014508900001", "Siti Aminah"),
    )
    .expect("register");
    assert_eq!(r.registration_number, "REG-2026-000301");
    for (who, to) in [
        (&verifier, Status::Verified),
        (&signer, Status::Approved),
        (&signer, Status::Issued),
    ] {
        cases::move_case(&mut db, who, monday(), r.id, &Move { to, reason: None }).expect("step");
    }
    let number = cases::get(&db, r.id)
        .expect("case")
        .permit_number
        .expect("number");
    assert!(number.starts_with("503/0012/SIPD/"), "{number}");
    assert!(audit::verify(&db, &admin, &[]).expect("verify").ok);
    drop(db);

    // Opened again, nothing more to migrate.
    let again = Db::open_file(&path).expect("reopen");
    assert!(again.upgrade().is_none());
}

/// Schema 10 (the van's day offline, before the search index): a demo register of 120 cases and one
/// clerk-registered applicant with an accented name. Migration 11 indexes every case for the search box.
#[test]
fn a_register_of_schema_10_upgrades_and_every_case_is_found_by_the_search() {
    if support::file_only("a frozen register is a file") {
        return;
    }
    let dir = tempfile::tempdir().expect("dir");
    let path = unzip(dir.path(), "register-v10");
    assert_eq!(db::file::header(&path).expect("header").user_version, 10);
    let mut db = Db::open_file(&path).expect("open and migrate");
    let up = db.upgrade().cloned().expect("migrated");
    assert_eq!((up.from, up.to), (10, db::latest_version()));
    let count = |db: &Db, sql: &str| support::count(db, sql, &[]);
    assert_eq!(count(&db, "SELECT count(*) FROM cases"), 121);
    assert_eq!(count(&db, "SELECT count(*) FROM case_search"), 121);
    assert_eq!(count(&db, "SELECT count(*) FROM case_events"), 439);

    let find = |db: &Db, q: &str| {
        cases::list(
            db,
            &cases::CaseFilter {
                query: Some(q.into()),
                ..Default::default()
            },
        )
        .expect("search")
    };
    let found = find(&db, "segara");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].registration_number, "REG-2026-000121");
    assert_eq!(found[0].applicant_name, "Siti Nurhaliza Ségara");
    // Every demo case is found by a part of its applicant's name.
    let all = cases::list(
        &db,
        &cases::CaseFilter {
            limit: Some(500),
            ..Default::default()
        },
    )
    .expect("list");
    for c in &all {
        let part: String = c.applicant_name.chars().skip(1).take(4).collect();
        assert!(
            find(&db, &part).iter().any(|f| f.id == c.id),
            "{} by {part:?}",
            c.applicant_name
        );
    }
    let admin = users::actor(&db, "admin").expect("admin");
    assert!(audit::verify(&db, &admin, &[]).expect("verify").ok);

    // A new registration is indexed with it.
    let clerk = users::actor(&db, "loket1").expect("clerk");
    cases::register(
        &mut db,
        &clerk,
        monday(),
        &sipd("1607014706930006", "Zulaikha Qurrota"),
    )
    .expect("register");
    assert_eq!(find(&db, "qurrota").len(), 1);
}

/// The register of schema 10 (before the reports' indexes), unzipped into a temporary file: a demo
/// register of 66 cases in every status, with 12 surveys.
fn before_reports(dir: &std::path::Path) -> std::path::PathBuf {
    let gz = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/register-v10-before-reports.sqlite.gz"
    );
    let mut bytes = Vec::new();
    flate2::read::GzDecoder::new(std::fs::File::open(gz).expect("the fixture"))
        .read_to_end(&mut bytes)
        .expect("gunzip");
    let path = dir.join("before-reports.sqlite");
    std::fs::write(&path, &bytes).expect("write");
    path
}

#[test]
fn a_register_of_schema_10_gets_the_reports_indexes_and_its_recap_counts_every_case() {
    if support::file_only("the frozen register is a file") {
        return;
    }
    let dir = tempfile::tempdir().expect("dir");
    let path = before_reports(dir.path());
    assert_eq!(db::file::header(&path).expect("header").user_version, 10);
    let mut db = Db::open_file(&path).expect("open and migrate");
    let up = db.upgrade().cloned().expect("migrated");
    assert_eq!((up.from, up.to), (10, db::latest_version()));
    for index in [
        "cases_registered_on",
        "cases_closed_at",
        "cases_issued_on",
        "cases_valid_until",
        "case_events_steps",
        "case_events_returns",
        "deliveries_recorded",
    ] {
        let n = support::count(
            &db,
            "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = ?1",
            &[&index],
        );
        assert_eq!(n, 1, "{index}");
    }
    assert_eq!(support::count(&db, "SELECT count(*) FROM cases", &[]), 66);
    assert_eq!(
        support::count(&db, "SELECT count(*) FROM survey_responses", &[]),
        12
    );
    // The demo spread its cases over the 40 days before 30 November 2026: a recap of both months
    // counts every one of them as received, and every issued permit once.
    let admin = users::actor(&db, "admin").expect("admin");
    let q = petromaks::reports::Query {
        from: chrono::NaiveDate::from_ymd_opt(2026, 10, 1),
        to: chrono::NaiveDate::from_ymd_opt(2026, 11, 30),
        ..Default::default()
    };
    let r = petromaks::reports::build(
        &mut db,
        &admin,
        monday(),
        petromaks::reports::Kind::Recap,
        &q,
    )
    .expect("recap");
    let total = |col: &str| match r.table("applications").and_then(|t| t.cell("Jumlah", col)) {
        Some(petromaks::reports::Cell::Int(n)) => *n,
        other => panic!("{col}: {other:?}"),
    };
    assert_eq!(total("received"), 66);
    let issued = support::count(
        &db,
        "SELECT count(*) FROM cases WHERE issued_on IS NOT NULL",
        &[],
    );
    assert_eq!(total("issued"), issued);
    let admin_v = audit::verify(&db, &admin, &[]).expect("verify");
    assert!(admin_v.ok, "{admin_v:?}");
}

#[test]
fn the_first_release_s_register_is_copied_into_its_backup_folder_before_it_is_upgraded() {
    use petromaks::db::Address;
    use petromaks::safety::{self, folder, upgrade, Keep};
    if support::file_only("the copy before an upgrade is a file register's") {
        return;
    }
    let dir = tempfile::tempdir().expect("dir");
    let path = first_release(dir.path());
    let opened = upgrade::open(&Address::File(path.clone()), monday()).expect("upgrade");
    let up = opened.upgraded.clone().expect("it was upgraded");
    assert_eq!((up.from, up.to), (8, db::latest_version()));
    assert_eq!(up.version, env!("CARGO_PKG_VERSION"));
    let copy = up.backup.clone().expect("a copy");
    assert_eq!(copy.parent(), Some(dir.path().join("backups").as_path()));
    assert!(
        up.message().contains("from schema 8 to"),
        "{}",
        up.message()
    );

    // The copy is the register as the first release left it: schema 8, checked, every case.
    assert_eq!(safety::check(&copy).expect("checked"), 8);
    let old = Db::open_read_only(&copy).expect("read the copy");
    assert_eq!(support::count(&old, "SELECT count(*) FROM cases", &[]), 300);
    drop(old);
    assert_eq!(
        support::count(&opened.db, "SELECT count(*) FROM cases", &[]),
        300
    );
    drop(opened);

    // Listed with the backups, kept by every rotation, and nothing to do the second time.
    let files = folder::list(&dir.path().join("backups")).expect("list");
    assert_eq!(files.len(), 1);
    assert!(folder::is_before_upgrade(&files[0]));
    let none = Keep {
        daily: 0,
        weekly: 0,
        monthly: 0,
    };
    assert!(folder::rotate(&dir.path().join("backups"), none)
        .expect("rotate")
        .is_empty());
    let again = upgrade::open(&Address::File(path), monday()).expect("reopen");
    assert!(again.upgraded.is_none());
}

#[test]
fn the_cli_says_it_upgraded_the_register_and_where_the_copy_is() {
    if support::file_only("the copy before an upgrade is a file register's") {
        return;
    }
    let dir = tempfile::tempdir().expect("dir");
    let path = first_release(dir.path());
    let out = support::cli::cli(path.to_str().expect("utf-8"))
        .args(["case", "list"])
        .output()
        .expect("run");
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{said}");
    assert!(
        said.contains("upgraded the register from schema 8"),
        "{said}"
    );
    assert!(said.contains("before-upgrade.sqlite"), "{said}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("REG-2026-000300"));
}

#[test]
fn a_failed_upgrade_leaves_the_first_release_s_register_as_it_was_and_names_the_problem() {
    use petromaks::db::Address;
    use petromaks::safety::{folder, upgrade};
    if support::file_only("the copy before an upgrade is a file register's") {
        return;
    }
    let dir = tempfile::tempdir().expect("dir");
    let path = first_release(dir.path());
    // A table in the way of a later migration: the upgrade fails halfway through its transaction.
    let conn = rusqlite::Connection::open(&path).expect("open");
    conn.execute_batch("CREATE TABLE van_checkouts (x INTEGER)")
        .expect("in the way");
    drop(conn);

    let e = upgrade::open(&Address::File(path.clone()), monday())
        .err()
        .expect("the upgrade fails");
    let message = e.to_string();
    assert_eq!(e.code(), "db");
    assert!(message.contains("from schema 8 to"), "{message}");
    assert!(message.contains("van_checkouts"), "{message}");
    assert!(message.contains("left as it was"), "{message}");
    assert!(message.contains("before-upgrade.sqlite"), "{message}");

    assert_eq!(db::file::header(&path).expect("header").user_version, 8);
    let old = Db::open_read_only(&path).expect("read it as it is");
    for (table, n) in [("cases", 300), ("case_events", 996), ("admin_events", 311)] {
        let sql = format!("SELECT count(*) FROM {table}");
        assert_eq!(support::count(&old, &sql, &[]), n, "{table}");
    }
    let files = folder::list(&dir.path().join("backups")).expect("list");
    assert_eq!(files.len(), 1, "the copy taken before stays");
}
