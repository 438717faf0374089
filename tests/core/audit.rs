//! The tamper-evident audit trail: the chain holds through normal work and across the migration, and an
//! edit made to the file behind Petromaks's back is found at the right row.

use petromaks::audit_chain;
use petromaks::audit_log::{self, AuditFilter};
use petromaks::cases::Status;
use rusqlite::Connection;

use crate::support::{self, cli_err, cli_ok};

#[test]
fn normal_work_keeps_both_chains_intact() {
    let mut o = support::office();
    o.issued_case("1607014508900001", "Siti Aminah");
    o.issued_case("1607014508900002", "Dewi Lestari");
    let v = audit_chain::verify(&o.conn).expect("verify");
    assert!(v.ok, "{v:?}");
    assert!(v.case_events.rows >= 8, "{v:?}");
    assert!(v.admin_events.rows >= 5, "{v:?}");
    let first: String = o
        .conn
        .query_row(
            "SELECT prev_hash FROM case_events ORDER BY id LIMIT 1",
            [],
            |r| r.get(0),
        )
        .expect("first");
    assert_eq!(first, audit_chain::GENESIS);
}

#[test]
fn one_changed_byte_in_an_old_event_in_the_file_is_found() {
    let mut o = support::office();
    let first = o.issued_case("1607014508900001", "Siti Aminah");
    let id = petromaks::cases::register(
        &mut o.conn,
        &o.clerk.clone(),
        support::monday(),
        &support::sipd("1607014508900002", "Dewi Lestari"),
    )
    .expect("register");
    let v = o.verifier.clone();
    o.step(
        &v,
        id,
        Status::Returned,
        Some("Fotokopi STR belum dilegalisir"),
    )
    .expect("return");
    let tampered_id: i64 = o
        .conn
        .query_row(
            "SELECT id FROM case_events WHERE reason = 'Fotokopi STR belum dilegalisir'",
            [],
            |r| r.get(0),
        )
        .expect("event");
    // Later work, so the tampered event is an old one in the middle of the chain.
    o.issued_case("1607014508900003", "Rahmat Hidayat");
    assert!(audit_chain::verify(&o.conn).expect("verify").ok);
    let path = o.path.clone();
    drop(o.conn);

    // One byte of the reason, changed in the file itself (as a hex editor would).
    let mut bytes = std::fs::read(&path).expect("read");
    let needle = b"dilegalisir";
    let at = bytes
        .windows(needle.len())
        .position(|w| w == needle)
        .expect("the reason is in the file");
    assert!(
        bytes[at + 1..].windows(needle.len()).all(|w| w != needle),
        "the reason is stored once"
    );
    bytes[at] = b'D';
    std::fs::write(&path, &bytes).expect("write");

    let conn = petromaks::db::open(&path).expect("the file is still a valid database");
    let v = audit_chain::verify(&conn).expect("verify");
    assert!(!v.ok);
    let broken = v.case_events.first_broken.expect("a broken link");
    assert_eq!(broken.id, tampered_id);
    assert!(broken.reason.contains("changed"), "{broken:?}");
    assert!(v.admin_events.first_broken.is_none());
    drop(conn);

    let err = cli_err(&path, &["audit", "verify"]);
    assert!(err.contains("altered"), "{err}");
    let out = support::cli(&path)
        .args(["audit", "verify"])
        .output()
        .expect("run");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains(&format!("FIRST BROKEN LINK at id {tampered_id}")),
        "{stdout}"
    );
    let _ = first;
}

#[test]
fn a_deleted_row_breaks_the_link_of_the_next_one() {
    let mut o = support::office();
    o.issued_case("1607014508900001", "Siti Aminah");
    let ids: Vec<i64> = o
        .conn
        .prepare("SELECT id FROM case_events ORDER BY id")
        .expect("q")
        .query_map([], |r| r.get(0))
        .expect("q")
        .collect::<rusqlite::Result<_>>()
        .expect("ids");
    o.conn
        .execute("DELETE FROM case_events WHERE id = ?1", [ids[1]])
        .expect("delete");
    let v = audit_chain::verify(&o.conn).expect("verify");
    let broken = v.case_events.first_broken.expect("broken");
    assert_eq!(broken.id, ids[2]);
    assert!(broken.reason.contains("removed"), "{broken:?}");
}

#[test]
fn the_migration_chains_the_events_an_older_register_already_has() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("old.sqlite");
    let mut conn = Connection::open(&path).expect("open");
    // Schema as it was before the audit chain (migrations 1 and 2), with a history written then.
    petromaks::db::migrations()
        .to_version(&mut conn, 2)
        .expect("old schema");
    conn.execute_batch(
        "INSERT INTO admin_events (at, actor_id, action, target, detail) VALUES
            ('2026-01-05T01:00:00Z', NULL, 'office.setup', 'office', NULL),
            ('2026-01-05T01:05:00Z', NULL, 'signin.fail', 'budi', 'unknown user');",
    )
    .expect("old history");
    drop(conn);
    let conn = petromaks::db::open(&path).expect("migrate");
    let v = audit_chain::verify(&conn).expect("verify");
    assert!(v.ok, "{v:?}");
    assert_eq!(v.admin_events.rows, 2);
    let unhashed: i64 = conn
        .query_row(
            "SELECT count(*) FROM admin_events WHERE hash IS NULL",
            [],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(unhashed, 0);
}

#[test]
fn the_log_filters_by_case_user_action_and_day() {
    let mut o = support::office();
    let a = o.issued_case("1607014508900001", "Siti Aminah");
    o.issued_case("1607014508900002", "Dewi Lestari");
    let all = audit_log::list(&o.conn, &AuditFilter::default()).expect("all");
    assert!(all.iter().any(|e| e.chain == "admin"));
    assert!(all.iter().any(|e| e.chain == "case"));

    let one = audit_log::list(
        &o.conn,
        &AuditFilter {
            case: Some(a),
            ..Default::default()
        },
    )
    .expect("case");
    assert_eq!(one.len(), 4, "{one:?}");
    assert!(one.iter().all(|e| e.case_id == Some(a.0)));

    let by_signer = audit_log::list(
        &o.conn,
        &AuditFilter {
            user: Some("kadis".into()),
            ..Default::default()
        },
    )
    .expect("user");
    assert_eq!(by_signer.len(), 4, "{by_signer:?}");

    let created = audit_log::list(
        &o.conn,
        &AuditFilter {
            action: Some("user".into()),
            ..Default::default()
        },
    )
    .expect("action");
    assert_eq!(created.len(), 5, "{created:?}");
    assert!(created.iter().all(|e| e.action.starts_with("user.")));

    let day = support::monday().date_naive();
    let none_after = audit_log::list(
        &o.conn,
        &AuditFilter {
            from: day.succ_opt(),
            ..Default::default()
        },
    )
    .expect("range");
    assert!(none_after.is_empty());

    let path = o.path.clone();
    drop(o.conn);
    let out = cli_ok(&path, &["--json", "audit", "log", "--user", "kadis"]);
    let rows: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(rows.as_array().map(Vec::len), Some(4));
    let ok = cli_ok(&path, &["audit", "verify"]);
    assert!(ok.contains("chain intact"), "{ok}");
}
