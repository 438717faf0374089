//! A content fingerprint of the whole register, read through `Db` on either engine: every row of every
//! table, each table's rows sorted by their own text (so the engines' row order and collations do not
//! matter), and the schema version. Equal fingerprints mean nothing changed.

use petromaks::db::{Db, Engine, Value};
use sha2::{Digest, Sha256};

/// Reference data every register is created with.
const REFERENCE: &[&str] = &["provinces", "regencies", "districts", "villages"];

/// The register's tables, by name.
pub fn tables(db: &Db) -> Vec<String> {
    let sql = match db.engine() {
        Engine::Sqlite => {
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        }
        Engine::Postgres => {
            "SELECT table_name::text FROM information_schema.tables
             WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name"
        }
    };
    db.map(sql, &[], |r| r.get(0)).expect("list the tables")
}

fn cell(v: &Value) -> String {
    match v {
        Value::Null => "N".into(),
        Value::Int(i) => format!("I{i}"),
        // The bits, so -0.0 and NaN are told apart and nothing is rounded.
        Value::Real(f) => format!("R{:016x}", f.to_bits()),
        Value::Text(s) => format!("T{}:{s}", s.len()),
        Value::Blob(b) => format!(
            "B{}:{}",
            b.len(),
            b.iter().map(|x| format!("{x:02x}")).collect::<String>()
        ),
    }
}

/// Every row of table `t` as text, sorted.
fn rows_of(db: &Db, t: &str) -> Vec<String> {
    let mut rows: Vec<String> = db
        .map(&format!("SELECT * FROM \"{t}\""), &[], |r| {
            let mut line = String::new();
            for v in r.clone().into_values() {
                line.push_str(&cell(&v));
                line.push('\u{1f}');
            }
            Ok(line)
        })
        .unwrap_or_else(|e| panic!("read {t}: {e}"));
    rows.sort_unstable();
    rows
}

/// Rows and a content hash per table, for comparing a register on one engine with its copy on the other
/// (the server's own `petromaks_schema` left out: a file keeps the version in its header).
pub fn per_table(db: &Db) -> std::collections::BTreeMap<String, (usize, String)> {
    tables(db)
        .into_iter()
        .filter(|t| t != "petromaks_schema" && !is_search_index(t))
        .map(|t| {
            let rows = rows_of(db, &t);
            let mut h = Sha256::new();
            for r in &rows {
                h.update(r.as_bytes());
                h.update(b"\n");
            }
            (t, (rows.len(), format!("{:x}", h.finalize())))
        })
        .collect()
}

/// The search box's text index (migration 11) is built per engine (FTS5 and its shadow tables on a file, a
/// pg_trgm table on the server) and made again from the cases wherever they are copied: it is derived
/// data, compared through the search itself, not row by row across engines.
pub fn is_search_index(table: &str) -> bool {
    table == "case_search" || table.starts_with("case_search_")
}

/// A hash of every row of every table and the schema version.
pub fn fingerprint(db: &Db) -> String {
    let mut h = Sha256::new();
    for t in tables(db) {
        // Indonesia's areas (84,000 villages) are hashed by the server itself: reading them through the
        // driver took seconds per fingerprint. A file's are read; SQLite is fast at that.
        if db.engine() == Engine::Postgres && REFERENCE.contains(&t.as_str()) {
            let digest: String = db
                .value(
                    &format!("SELECT md5(coalesce(string_agg(r::text, '|' ORDER BY r::text COLLATE \"C\"), '')) FROM \"{t}\" r"),
                    &[],
                )
                .unwrap_or_else(|e| panic!("hash {t}: {e}"));
            h.update(t.as_bytes());
            h.update(b"\n");
            h.update(digest.as_bytes());
            h.update(b"\n");
            continue;
        }
        let rows = rows_of(db, &t);
        h.update(t.as_bytes());
        h.update(b"\n");
        for r in rows {
            h.update(r.as_bytes());
            h.update(b"\n");
        }
    }
    let v = db.schema_version().expect("schema version");
    h.update((v as u64).to_le_bytes());
    format!("{:x}", h.finalize())
}
