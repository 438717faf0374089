//! The register's data is its owner's alone whatever the umask: a register, its WAL and shared memory, a
//! backup (with its witness) and an export made by the CLI under umask 022 (and 000) are owner-only, and
//! the privacy check finds, and the admin's fix repairs, a register an older program left readable.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;

use petromaks::db::Db;

use crate::support;

/// The CLI under `umask`, the way a shell with that umask starts it.
fn cli_with_umask(umask: &str, db: &Path, args: &[&str]) -> String {
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!("umask {umask} && exec \"$@\""))
        .arg("sh")
        .arg(env!("CARGO_BIN_EXE_petromaks"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("PETROMAKS_DB")
        .env_remove("PETROMAKS_USER")
        .env("PETROMAKS_NOW", "2026-11-23T02:00:00Z")
        .output()
        .expect("run petromaks");
    assert!(
        out.status.success(),
        "petromaks {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p)
        .unwrap_or_else(|e| panic!("{}: {e}", p.display()))
        .permissions()
        .mode()
        & 0o777
}

fn made_under(umask: &str) {
    let dir = tempfile::tempdir().expect("dir");
    let office = dir.path().join("office");
    let db = office.join("register.sqlite");
    let backups = office.join("backups");
    let cli = |args: &[&str]| cli_with_umask(umask, &db, args);
    cli(&["init", "--admin-password", support::PASSWORD]);
    cli(&["--as", "admin", "demo", "--cases", "3"]);
    cli(&[
        "--as",
        "admin",
        "backup",
        "--dir",
        backups.to_str().expect("utf-8"),
    ]);
    let copy = dir.path().join("copy.sqlite");
    cli(&[
        "--as",
        "admin",
        "backup",
        "--out",
        copy.to_str().expect("utf-8"),
    ]);
    let csv = dir.path().join("cases.csv");
    let xlsx = dir.path().join("applicants.xlsx");
    cli(&[
        "--as",
        "admin",
        "export",
        "cases",
        "--out",
        csv.to_str().expect("utf-8"),
    ]);
    cli(&[
        "--as",
        "admin",
        "export",
        "applicants",
        "--out",
        xlsx.to_str().expect("utf-8"),
    ]);

    // A connection that writes keeps the WAL and the shared memory open: they take the register's mode.
    let mut open = Db::open_file(&db).expect("open");
    open.write(|tx| tx.execute("UPDATE office SET phone = phone", &[]))
        .expect("write");
    let wal = office.join("register.sqlite-wal");
    let shm = office.join("register.sqlite-shm");

    let backup_files: Vec<_> = std::fs::read_dir(&backups)
        .expect("backups")
        .map(|e| e.expect("entry").path())
        .collect();
    assert_eq!(
        backup_files.len(),
        2,
        "a backup and its witness: {backup_files:?}"
    );
    for folder in [&office, &backups] {
        assert_eq!(mode(folder), 0o700, "umask {umask}: {}", folder.display());
    }
    for file in [&db, &wal, &shm, &copy, &csv, &xlsx]
        .into_iter()
        .chain(backup_files.iter())
    {
        assert_eq!(mode(file), 0o600, "umask {umask}: {}", file.display());
    }
    drop(open);
}

#[test]
fn a_register_its_backups_and_exports_are_the_owner_s_alone_under_umask_022() {
    if support::file_only("file permissions are a file register's") {
        return;
    }
    made_under("022");
    made_under("000");
}

#[test]
fn the_privacy_check_finds_a_readable_register_and_the_admin_s_fix_closes_it() {
    if support::file_only("file permissions are a file register's") {
        return;
    }
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("register.sqlite");
    let backups = dir.path().join("backups");
    let cli = |args: &[&str]| cli_with_umask("022", &db, args);
    cli(&["init", "--admin-password", support::PASSWORD]);
    cli(&[
        "--as",
        "admin",
        "backup",
        "--dir",
        backups.to_str().expect("utf-8"),
    ]);
    assert!(cli(&["privacy"]).contains("the owner's alone"));

    // As an older Petromaks (or a copy by hand) would have left them.
    let side = dir.path().join("register.backup-folder");
    std::fs::write(&side, backups.to_str().expect("utf-8")).expect("choice");
    let unrelated = dir.path().join("register.docx");
    std::fs::write(&unrelated, "the admin's own file").expect("other");
    for (p, m) in [
        (&db, 0o644),
        (&side, 0o644),
        (&backups, 0o755),
        (&unrelated, 0o644),
    ] {
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(m)).expect("chmod");
    }
    let found: serde_json::Value =
        serde_json::from_str(&cli(&["--json", "privacy"])).expect("json");
    let mut paths: Vec<&str> = found["exposed"]
        .as_array()
        .expect("exposed")
        .iter()
        .map(|e| e["path"].as_str().expect("path"))
        .collect();
    paths.sort();
    let mut expected = vec![
        backups.to_str().expect("utf-8"),
        side.to_str().expect("utf-8"),
        db.to_str().expect("utf-8"),
    ];
    expected.sort();
    assert_eq!(paths, expected);
    assert!(found["exposed"][0]["mode"]
        .as_str()
        .is_some_and(|m| m.starts_with('0')));

    // Only the admin fixes, and nothing but the register's files is touched.
    let refused = support::cli::cli(db.to_str().expect("utf-8"))
        .args(["privacy", "--fix"])
        .output()
        .expect("run");
    assert!(!refused.status.success());
    cli(&["--as", "admin", "privacy", "--fix"]);
    assert_eq!(
        (mode(&db), mode(&side), mode(&backups)),
        (0o600, 0o600, 0o700)
    );
    assert_eq!(mode(&unrelated), 0o644);
    assert!(cli(&["privacy"]).contains("the owner's alone"));
}
