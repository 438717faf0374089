//! The schema a migrated database has, compared with a snapshot: a schema change is deliberate, shows in
//! review as a change to `schema.snapshot`, and comes with a new migration.

use crate::support;

#[test]
fn schema_matches_the_snapshot() {
    let o = support::office();
    let mut stmt = o
        .conn
        .prepare("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type DESC, name")
        .expect("q");
    let schema: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .expect("q")
        .collect::<rusqlite::Result<_>>()
        .expect("rows");
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
    let v: i64 = o
        .conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .expect("v");
    assert_eq!(v as usize, petromaks::db::latest_version());
}

#[test]
fn a_file_that_is_not_a_database_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("garbage.sqlite");
    let junk = b"this is not a database, it is a shopping list: beras, minyak, gula".repeat(200);
    std::fs::write(&path, &junk).expect("write");
    let e = petromaks::db::open(&path).expect_err("garbage refused");
    assert_eq!(e.code(), "corrupt", "{e}");
    assert_eq!(std::fs::read(&path).expect("read"), junk);
}
