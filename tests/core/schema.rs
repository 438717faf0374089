//! The schema a migrated register file has, compared with a snapshot: a schema change is deliberate, shows
//! in review as a change to `schema.snapshot`, and comes with a new migration. (The server's schema is
//! compared with the file's by the engine tests of the server issue.)

use petromaks::db::Db;

use crate::support::{self, refused};

#[test]
fn schema_matches_the_snapshot() {
    if support::file_only("the snapshot is SQLite's own schema text") {
        return;
    }
    let o = support::office();
    let schema: Vec<String> =
        o.db.map(
            "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type DESC, name",
            &[],
            |r| r.get(0),
        )
        .expect("schema");
    let schema = schema.join(";\n\n") + ";\n";
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/core/schema.snapshot");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(path, &schema).expect("write snapshot");
    }
    let want = std::fs::read_to_string(path)
        .expect("tests/core/schema.snapshot exists (UPDATE_SNAPSHOTS=1 to create)");
    assert_eq!(
        schema, want,
        "schema changed: add a migration, then UPDATE_SNAPSHOTS=1 cargo test"
    );
}

#[test]
fn a_new_register_has_the_latest_schema() {
    let o = support::office();
    assert_eq!(
        o.db.schema_version().expect("version"),
        petromaks::db::latest_version()
    );
}

#[test]
fn a_file_that_is_not_a_register_is_refused_and_left_alone() {
    if support::file_only("the refusal of foreign files is about files") {
        return;
    }
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("garbage.sqlite");
    let junk = b"this is not a database, it is a shopping list: beras, minyak, gula".repeat(200);
    std::fs::write(&path, &junk).expect("write");
    refused(Db::open_file(&path), "corrupt");
    assert_eq!(std::fs::read(&path).expect("read"), junk);
    let empty = dir.path().join("empty.sqlite");
    std::fs::write(&empty, b"").expect("write");
    refused(Db::open_file(&empty), "corrupt");
    assert_eq!(std::fs::read(&empty).expect("read"), b"");
    refused(
        Db::open_file(&dir.path().join("missing.sqlite")),
        "not_found",
    );
    assert!(
        !dir.path().join("missing.sqlite").exists(),
        "open never creates a register"
    );
}
