//! A dump of a register for comparing two runs of the same work (a clean check-in against one killed and
//! run again): every row of every table, each table's rows sorted, with exactly what may legitimately
//! differ between two such runs taken out, and nothing else:
//!
//! - **Ids the register numbers itself.** On the server a rolled-back insert still uses up a value of
//!   the id's sequence, so after a killed transaction the next case (event, delivery…) has a higher id
//!   than in the clean run. Such ids, and every foreign key pointing at them, are replaced by the row's
//!   rank in its table (the 1st, 2nd… case by id): the same rows in the same order compare equal. (On a
//!   file a rollback frees the rowid, and the ranks are the ids.)
//! - **The audit chains' `prev_hash`/`hash`**, which hash those ids. Both registers' chains are verified
//!   on their own instead.
//! - **The counts in the finishing check-in's audit detail** ("N applied, M already"): a check-in run
//!   again after a kill applies fewer and finds more already applied — that is the point.
//!
//! Timestamps stay in: the runs use the same clock (`PETROMAKS_NOW`), so a timestamp that differs is a
//! real difference.

use std::collections::{BTreeMap, HashMap};

use petromaks::db::{Db, Engine, Value};

use super::fingerprint::tables;

/// Tables whose `id` the register numbers itself.
const NUMBERED: &[&str] = &[
    "users",
    "permit_types",
    "permit_requirements",
    "applicants",
    "cases",
    "case_events",
    "admin_events",
    "trips",
    "deliveries",
    "pickup_requests",
    "checkin_conflicts",
];

fn columns(db: &Db, t: &str) -> Vec<String> {
    let sql = match db.engine() {
        Engine::Sqlite => "SELECT name FROM pragma_table_info(?1) ORDER BY cid",
        Engine::Postgres => {
            "SELECT column_name::text FROM information_schema.columns
             WHERE table_schema = current_schema() AND table_name = ?1 ORDER BY ordinal_position"
        }
    };
    db.map(sql, &[&t], |r| r.get(0)).expect("columns")
}

/// Single-column foreign keys of `t`: column → referenced table.
fn foreign_keys(db: &Db, t: &str) -> HashMap<String, String> {
    let sql = match db.engine() {
        Engine::Sqlite => "SELECT \"from\", \"table\" FROM pragma_foreign_key_list(?1)",
        Engine::Postgres => {
            "SELECT a.attname::text, ft.relname::text FROM pg_constraint c
             JOIN pg_class t ON t.oid = c.conrelid
             JOIN pg_namespace n ON n.oid = t.relnamespace
             JOIN pg_class ft ON ft.oid = c.confrelid
             JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
             WHERE c.contype = 'f' AND n.nspname = current_schema() AND t.relname = ?1
               AND array_length(c.conkey, 1) = 1"
        }
    };
    db.map(sql, &[&t], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("foreign keys")
        .into_iter()
        .collect()
}

fn cell(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Int(i) => i.to_string(),
        Value::Real(f) => format!("{f:?}"),
        Value::Text(s) => format!("{s:?}"),
        Value::Blob(b) => format!(
            "x'{}'",
            b.iter().map(|x| format!("{x:02x}")).collect::<String>()
        ),
    }
}

/// "… 12 applied, 353 already …" without the numbers.
fn without_counts(detail: &str) -> String {
    let mut out = String::new();
    let mut digits = false;
    for c in detail.chars() {
        if c.is_ascii_digit() {
            if !digits {
                out.push('#');
            }
            digits = true;
        } else {
            digits = false;
            out.push(c);
        }
    }
    out
}

/// The register as sorted lines per table (see the module comment for what is left out).
pub fn dump(db: &Db) -> BTreeMap<String, Vec<String>> {
    let mut rank: HashMap<&str, HashMap<i64, usize>> = HashMap::new();
    let all = tables(db);
    for t in NUMBERED.iter().filter(|t| all.iter().any(|a| a == *t)) {
        let ids: Vec<i64> = db
            .map(&format!("SELECT id FROM {t} ORDER BY id"), &[], |r| {
                r.get(0)
            })
            .expect("ids");
        rank.insert(
            t,
            ids.into_iter()
                .enumerate()
                .map(|(i, id)| (id, i + 1))
                .collect(),
        );
    }
    let mut out = BTreeMap::new();
    for t in &all {
        let cols = columns(db, t);
        let fks = foreign_keys(db, t);
        let rows: Vec<Vec<Value>> = db
            .map(&format!("SELECT {} FROM {t}", cols.join(", ")), &[], |r| {
                Ok(r.clone().into_values())
            })
            .expect("rows");
        let mut lines = Vec::with_capacity(rows.len());
        for row in rows {
            let mut parts = Vec::new();
            let vanish = t == "admin_events"
                && cols.iter().zip(&row).any(|(c, v)| {
                    c == "action" && matches!(v, Value::Text(a) if a == "van.checkin")
                });
            for (c, v) in cols.iter().zip(&row) {
                let target = if c == "id" && rank.contains_key(t.as_str()) {
                    Some(t.as_str())
                } else {
                    fks.get(c)
                        .map(String::as_str)
                        .filter(|x| rank.contains_key(x))
                };
                let shown = match (target, v) {
                    (Some(x), Value::Int(id)) => match rank[x].get(id) {
                        Some(n) => format!("{x}#{n}"),
                        None => format!("{x}#missing({id})"),
                    },
                    _ if matches!(t.as_str(), "case_events" | "admin_events")
                        && matches!(c.as_str(), "hash" | "prev_hash") =>
                    {
                        continue
                    }
                    (_, Value::Text(d)) if vanish && c == "detail" => {
                        format!("{:?}", without_counts(d))
                    }
                    _ => cell(v),
                };
                parts.push(format!("{c}={shown}"));
            }
            lines.push(parts.join(" "));
        }
        lines.sort_unstable();
        out.insert(t.clone(), lines);
    }
    out
}

/// Panics with the first differing lines of each table.
pub fn assert_same(
    a: &BTreeMap<String, Vec<String>>,
    b: &BTreeMap<String, Vec<String>>,
    what: &str,
) {
    let mut diffs = Vec::new();
    for (t, rows) in a {
        let other = b.get(t).cloned().unwrap_or_default();
        if rows != &other {
            let only_a: Vec<&String> = rows.iter().filter(|r| !other.contains(r)).take(3).collect();
            let only_b: Vec<&String> = other.iter().filter(|r| !rows.contains(r)).take(3).collect();
            diffs.push(format!(
                "{t}: {} rows and {} rows\n  only in the first: {only_a:#?}\n  only in the second: {only_b:#?}",
                rows.len(),
                other.len()
            ));
        }
    }
    for t in b.keys().filter(|t| !a.contains_key(*t)) {
        diffs.push(format!("{t}: only in the second"));
    }
    assert!(diffs.is_empty(), "{what}:\n{}", diffs.join("\n"));
}
