//! The tamper-evident audit trail: the chain holds through normal work and across the migration; an edit
//! made behind Petromaks's back is found at the right row; a chain rewritten and rehashed as a whole is
//! caught by the witness kept in the backup folder.

use petromaks::audit::{self, chain, AuditFilter, Chain};
use petromaks::cases::Status;
use petromaks::db::{Db, Value};
use petromaks::people::{users, Actor, Role, UserId};
use petromaks::safety::{folder, Keep};
use petromaks::store::events;

use crate::support::{self, cli_err, cli_ok, monday, refused};

#[test]
fn normal_work_keeps_both_chains_intact() {
    let mut o = support::office();
    o.issued_case("1607014508900001", "Siti Aminah");
    o.issued_case("1607014508900002", "Dewi Lestari");
    let v = audit::verify(&o.db, &o.admin, &[]).expect("verify");
    assert!(v.ok, "{v:?}");
    assert!(v.case_events.rows >= 8, "{v:?}");
    assert!(v.admin_events.rows >= 5, "{v:?}");
    let first: String =
        o.db.value("SELECT prev_hash FROM case_events ORDER BY id LIMIT 1", &[])
            .expect("first");
    assert_eq!(first, chain::GENESIS);
}

#[test]
fn one_changed_byte_in_an_old_event_in_the_file_is_found() {
    if support::file_only("edits the bytes of the register file as a hex editor would") {
        return;
    }
    let mut o = support::office();
    o.issued_case("1607014508900001", "Siti Aminah");
    let id = o.register(&support::sipd("1607014508900002", "Dewi Lestari"));
    let v = o.verifier.clone();
    o.step(
        &v,
        id,
        Status::Returned,
        Some("Fotokopi STR belum dilegalisir"),
    )
    .expect("return");
    let tampered_id: i64 =
        o.db.value(
            "SELECT id FROM case_events WHERE reason = 'Fotokopi STR belum dilegalisir'",
            &[],
        )
        .expect("event");
    // Later work, so the tampered event is an old one in the middle of the chain.
    o.issued_case("1607014508900003", "Rahmat Hidayat");
    assert!(audit::verify(&o.db, &o.admin, &[]).expect("verify").ok);
    let support::Office1 { db, scratch, .. } = o;
    drop(db);
    let path = scratch.file().to_path_buf();

    // One byte of the reason, changed in the file itself.
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

    let db = Db::open_file(&path).expect("the file is still a valid register");
    let admin = users::actor(&db, "admin").expect("admin");
    let v = audit::verify(&db, &admin, &[]).expect("verify");
    assert!(!v.ok);
    let broken = v.case_events.first_broken.expect("a broken link");
    assert_eq!(broken.id, tampered_id);
    assert!(broken.reason.contains("changed"), "{broken:?}");
    assert!(v.admin_events.first_broken.is_none());
    drop(db);

    let arg = scratch.db_arg();
    let err = cli_err(&arg, &["--as", "admin", "audit", "verify"]);
    assert!(err.contains("altered"), "{err}");
    let out = support::cli(&arg)
        .args(["--as", "admin", "audit", "verify"])
        .output()
        .expect("run");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains(&format!("FIRST BROKEN LINK at id {tampered_id}")),
        "{stdout}"
    );
}

#[test]
fn a_deleted_row_breaks_the_link_of_the_next_one() {
    let mut o = support::office();
    o.issued_case("1607014508900001", "Siti Aminah");
    let ids: Vec<i64> =
        o.db.map("SELECT id FROM case_events ORDER BY id", &[], |r| r.get(0))
            .expect("ids");
    o.db.execute("DELETE FROM case_events WHERE id = ?1", &[&ids[1]])
        .expect("delete");
    let v = audit::verify(&o.db, &o.admin, &[]).expect("verify");
    assert!(!v.ok);
    let broken = v.case_events.first_broken.expect("broken");
    assert_eq!(broken.id, ids[2]);
    assert!(broken.reason.contains("removed"), "{broken:?}");
}

/// Changes one event's detail and recomputes every hash from it on, exactly as the core chains rows:
/// the chain then holds together again, as a careful forger would leave it.
fn rewrite_and_rehash(db: &mut Db, id: i64, detail: &str) {
    db.write(|tx| {
        tx.execute(
            "UPDATE case_events SET detail = ?1 WHERE id = ?2",
            &[&detail, &id],
        )?;
        let mut prev: String = tx
            .value_opt(
                "SELECT hash FROM case_events WHERE id < ?1 ORDER BY id DESC LIMIT 1",
                &[&id],
            )?
            .unwrap_or_else(|| chain::GENESIS.to_string());
        let mut rows: Vec<(i64, Vec<Value>)> = Vec::new();
        events::each_chain_row(tx, Chain::Case, id, |r| {
            rows.push((r.id, r.values));
            Ok(())
        })?;
        for (rid, values) in rows {
            let hash = chain::link_hash(Chain::Case, &prev, &values);
            tx.execute(
                "UPDATE case_events SET prev_hash = ?1, hash = ?2 WHERE id = ?3",
                &[&prev, &hash, &rid],
            )?;
            prev = hash;
        }
        Ok(())
    })
    .expect("rewrite the chain");
}

#[test]
fn a_chain_rewritten_and_rehashed_is_caught_by_the_witness_in_the_backup_folder() {
    let mut o = support::office();
    let first = o.issued_case("1607014508900001", "Siti Aminah");
    o.issued_case("1607014508900002", "Dewi Lestari");
    let admin = o.admin.clone();
    let folder_dir = o.dir().join("cadangan");
    if support::on_server() {
        // A server register's backup is not a file in the folder (yet): the witness alone is written.
        std::fs::create_dir_all(&folder_dir).expect("backup folder");
        audit::witness::record(&o.db, &folder_dir, monday()).expect("witness");
    } else {
        folder::take(&o.db, &admin, &folder_dir, monday(), Keep::default()).expect("backup");
        assert!(
            folder_dir.join(audit::witness::FILE).exists(),
            "a witness beside the backup"
        );
    }
    // Work goes on after the backup.
    o.issued_case("1607014508900003", "Rahmat Hidayat");
    let dirs = [folder_dir.as_path()];
    let v = audit::verify(&o.db, &admin, &dirs).expect("verify");
    assert!(v.ok, "{v:?}");
    assert!(v.witnesses.iter().all(|w| w.agrees), "{:?}", v.witnesses);

    // The issue event of the first case gets another permit number, and the chain is rehashed.
    let tampered: i64 =
        o.db.value(
            "SELECT id FROM case_events WHERE case_id = ?1 AND to_status = 'issued'",
            &[&first],
        )
        .expect("issue event");
    rewrite_and_rehash(&mut o.db, tampered, "503/0099/SIPD/DPMPTSP/XI/2026");

    let alone = audit::verify(&o.db, &admin, &[]).expect("verify without witnesses");
    assert!(
        alone.ok && alone.case_events.first_broken.is_none(),
        "a rehashed chain holds together by itself: {alone:?}"
    );
    let v = audit::verify(&o.db, &admin, &dirs).expect("verify");
    assert!(!v.ok, "the witness disagrees: {v:?}");
    assert!(v.case_events.first_broken.is_none());
    let w = v
        .witnesses
        .iter()
        .find(|w| !w.agrees)
        .expect("a disagreeing witness");
    assert_eq!(w.table.as_deref(), Some("case_events"), "{w:?}");
    if !support::on_server() {
        // The backup beside the witness holds the old events: the first one that differs is named.
        assert_eq!(w.first_disagreeing_event, Some(tampered), "{w:?}");
        assert!(
            w.message.contains(&format!("case_events row {tampered}")),
            "{}",
            w.message
        );
        let arg = o.db_arg();
        let err = cli_err(
            &arg,
            &[
                "--as",
                "admin",
                "audit",
                "verify",
                "--witness-dir",
                folder_dir.to_str().expect("utf-8"),
            ],
        );
        assert!(err.contains("altered"), "{err}");
    }
}

#[test]
fn the_migration_chains_the_events_an_older_register_already_has() {
    if support::file_only("builds a register file as the first schema wrote it") {
        return;
    }
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("old.sqlite");
    {
        // The first schema, as version 1 wrote it, with a history written then (before the chain). Only
        // rusqlite can write a file at an old schema: the core always migrates to the latest.
        let conn = rusqlite::Connection::open(&path).expect("open");
        conn.execute_batch(include_str!(
            "../../src/db/migrations/sqlite/0001_schema.sql"
        ))
        .expect("schema 1");
        conn.execute_batch(
            "INSERT INTO admin_events (at, actor_id, action, target, detail) VALUES
                ('2026-01-05T01:00:00Z', NULL, 'office.setup', 'office', NULL),
                ('2026-01-05T01:05:00Z', NULL, 'signin.fail', 'budi', 'unknown user');
             PRAGMA user_version = 1;",
        )
        .expect("old history");
    }
    let db = Db::open_file(&path).expect("migrate");
    assert_eq!(
        db.schema_version().expect("v"),
        petromaks::db::latest_version()
    );
    // The old register has no staff yet; verifying is checked on the role alone.
    let admin = Actor {
        id: UserId(1),
        username: "admin".into(),
        full_name: "Administrator".into(),
        role: Role::Admin,
    };
    let v = audit::verify(&db, &admin, &[]).expect("verify");
    assert!(v.ok, "{v:?}");
    assert_eq!(v.admin_events.rows, 2);
    let unhashed: i64 = db
        .value("SELECT count(*) FROM admin_events WHERE hash IS NULL", &[])
        .expect("count");
    assert_eq!(unhashed, 0);
}

#[test]
fn the_log_filters_by_case_user_action_and_day() {
    let mut o = support::office();
    let a = o.issued_case("1607014508900001", "Siti Aminah");
    o.issued_case("1607014508900002", "Dewi Lestari");
    let admin = o.admin.clone();
    let log = |f: AuditFilter| audit::list(&o.db, &admin, &f).expect("log");
    let all = log(AuditFilter::default());
    assert!(all.iter().any(|e| e.chain == "admin"));
    assert!(all.iter().any(|e| e.chain == "case"));

    let one = log(AuditFilter {
        case: Some(a),
        ..Default::default()
    });
    assert_eq!(one.len(), 4, "{one:?}");
    assert!(one.iter().all(|e| e.case_id == Some(a)));

    let by_signer = log(AuditFilter {
        user: Some("kadis".into()),
        ..Default::default()
    });
    assert_eq!(by_signer.len(), 4, "{by_signer:?}");

    let created = log(AuditFilter {
        action: Some("user".into()),
        ..Default::default()
    });
    assert_eq!(created.len(), 5, "{created:?}");
    assert!(created.iter().all(|e| e.action.starts_with("user.")));

    let day = monday().date_naive();
    let none_after = log(AuditFilter {
        from: day.succ_opt(),
        ..Default::default()
    });
    assert!(none_after.is_empty());
    refused(
        audit::list(&o.db, &o.clerk, &AuditFilter::default()),
        "forbidden",
    );

    let arg = o.db_arg();
    let out = cli_ok(
        &arg,
        &["--as", "admin", "--json", "audit", "log", "--user", "kadis"],
    );
    let rows: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(rows.as_array().map(Vec::len), Some(4));
    let ok = cli_ok(&arg, &["--as", "admin", "audit", "verify"]);
    assert!(ok.contains("chain intact"), "{ok}");
}
