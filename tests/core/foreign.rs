//! Files that are not a Petromaks register are refused by every door and never written: an empty file,
//! another program's SQLite file (schema version 0 and 3), a picture, a truncated register. Their bytes are
//! compared before and after, and no -wal or -shm file appears beside them.

use std::path::{Path, PathBuf};

use petromaks::db::Db;
use petromaks::safety::restore::{self, HealthStatus};
use sha2::{Digest, Sha256};

use crate::support::{self, cli};

fn sha(path: &Path) -> String {
    format!("{:x}", Sha256::digest(std::fs::read(path).expect("read")))
}

/// Another program's SQLite file: its own table, with `user_version` set.
fn foreign_sqlite(path: &Path, version: u32) {
    let c = rusqlite::Connection::open(path).expect("sqlite");
    c.execute_batch(&format!(
        "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);
         INSERT INTO notes (body) VALUES ('catatan rapat');
         PRAGMA user_version = {version};"
    ))
    .expect("foreign file");
}

fn files(dir: &Path) -> Vec<(&'static str, PathBuf)> {
    let empty = dir.join("empty.sqlite");
    std::fs::write(&empty, b"").expect("write");
    let v0 = dir.join("other-app-v0.sqlite");
    foreign_sqlite(&v0, 0);
    let v3 = dir.join("other-app-v3.sqlite");
    foreign_sqlite(&v3, 3);
    let png = dir.join("picture.sqlite");
    std::fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/core/fixtures/pas-foto.png"
        ),
        &png,
    )
    .expect("png");
    // A real register cut in half.
    let truncated = dir.join("truncated.sqlite");
    {
        let o = support::office();
        std::fs::copy(o.scratch.file(), &truncated).expect("copy");
    }
    let bytes = std::fs::read(&truncated).expect("read");
    std::fs::write(&truncated, &bytes[..bytes.len() / 2]).expect("truncate");
    vec![
        ("an empty file", empty),
        ("another program's SQLite file, version 0", v0),
        ("another program's SQLite file, version 3", v3),
        ("a PNG picture", png),
        ("a truncated register", truncated),
    ]
}

/// Commands of every kind: reads, the admin's reads, writes, exports, backups, the van.
const COMMANDS: &[&[&str]] = &[
    &["case", "list"],
    &["user", "list"],
    &["permit-type", "list"],
    &["case", "show", "REG-2026-000001"],
    &["--as", "admin", "audit", "verify"],
    &["--as", "admin", "demo", "--cases", "3"],
    &[
        "--as",
        "rina",
        "case",
        "move",
        "REG-2026-000001",
        "--to",
        "verified",
    ],
    &["--as", "admin", "backup", "--out", "OUT/backup.sqlite"],
    &["--as", "rina", "export", "cases", "--out", "OUT/cases.csv"],
    &["dashboard", "undelivered"],
    &["trip", "list"],
    &["applicant", "check-nik", "1607014508900001"],
    &["van", "status"],
    &["health"],
];

#[test]
fn a_file_that_is_not_a_register_is_refused_by_every_door_and_never_written() {
    if support::file_only("the files are files") {
        return;
    }
    let dir = tempfile::tempdir().expect("dir");
    let out = dir.path().join("out");
    std::fs::create_dir_all(&out).expect("out");
    for (what, path) in files(dir.path()) {
        let before = sha(&path);
        let e = Db::open_file(&path)
            .err()
            .unwrap_or_else(|| panic!("{what} was opened"));
        assert_eq!(e.code(), "corrupt", "{what}: {e}");
        let h = restore::health(&path, None).expect("health");
        assert_eq!(h.status, HealthStatus::Damaged, "{what}: {}", h.message);
        for args in COMMANDS {
            let args: Vec<String> = args
                .iter()
                .map(|a| a.replace("OUT", &out.display().to_string()))
                .collect();
            let o = cli(&path.display().to_string())
                .args(&args)
                .output()
                .expect("run");
            let err = String::from_utf8_lossy(&o.stderr);
            assert!(!o.status.success(), "{what}: petromaks {args:?} succeeded");
            assert!(
                err.contains("not a Petromaks register")
                    || err.contains("damaged")
                    || err.contains("cannot be used"),
                "{what}: petromaks {args:?} said {err}"
            );
        }
        assert_eq!(sha(&path), before, "{what}: its bytes changed");
        for side in ["-wal", "-shm", "-journal"] {
            let mut p = path.clone().into_os_string();
            p.push(side);
            assert!(!Path::new(&p).exists(), "{what}: {side} appeared beside it");
        }
        assert!(
            std::fs::read_dir(&out).expect("out").next().is_none(),
            "{what}: something was written"
        );
    }
}

#[test]
fn a_new_register_is_made_only_by_init_where_no_file_is() {
    if support::file_only("the files are files") {
        return;
    }
    let dir = tempfile::tempdir().expect("dir");
    let missing = dir.path().join("nothing-here.sqlite");
    let err = crate::support::cli_err(&missing.display().to_string(), &["case", "list"]);
    assert!(err.contains("petromaks init"), "{err}");
    assert!(
        !missing.exists(),
        "a command other than init made a register"
    );
    let empty = dir.path().join("empty.sqlite");
    std::fs::write(&empty, b"").expect("write");
    let err = crate::support::cli_err(
        &empty.display().to_string(),
        &["init", "--admin-password", "kata-sandi-admin1"],
    );
    assert!(err.contains("already exists"), "{err}");
    assert_eq!(std::fs::metadata(&empty).expect("meta").len(), 0);
}
