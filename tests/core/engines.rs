//! The two engines' schemas, compared: a register file and a server register, both migrated by the core,
//! must have the same tables, columns (name, type, not-null, default), primary keys, unique constraints,
//! foreign keys, check constraints (by the columns they touch) and indexes (name, columns, uniqueness,
//! partial predicate). Each schema is read into a set of one-line facts; a fact only one side has fails the
//! test unless it is on the short written allow-list below, and an allow-list entry that no longer matches
//! fails too, so the list stays true. Runs when `PETROMAKS_TEST_PG` is set.

use std::collections::{BTreeMap, BTreeSet};

use petromaks::db::{Address, Db};

use crate::support::{self, register};

/// Differences that are deliberate: `(side, fact, why)`.
const ALLOWED: &[(&str, &str, &str)] = &[
    (
        "server",
        "table petromaks_schema",
        "the server keeps the schema version in a table; a file keeps it in PRAGMA user_version",
    ),
    (
        "server",
        "column petromaks_schema.version bigint not null",
        "the server's schema version (see above)",
    ),
    (
        "file",
        "unique users (username collate nocase)",
        "usernames are unique whatever their case: the core stores them in lower case on both engines",
    ),
    (
        "server",
        "unique users (username)",
        "(see above)",
    ),
    // SQLite numbers any single INTEGER PRIMARY KEY itself (a rowid); the server numbers only its
    // identity columns. These keys are always given by the core, so nothing is numbered differently.
    ("file", "numbered office.id", "the one office row is id 1 (CHECK)"),
    ("file", "numbered van_register.id", "the one van row is id 1 (CHECK)"),
    ("file", "numbered outbox.seq", "the van's sequence number is counted by the outbox"),
    ("file", "numbered field_intakes.case_id", "one bag record per case, keyed by the case"),
    ("file", "numbered survey_responses.case_id", "one survey per case, keyed by the case"),
    (
        "file",
        "index applicants.applicants_name (name collate nocase)",
        "case-insensitive name search: SQLite's NOCASE collation …",
    ),
    (
        "server",
        "index applicants.applicants_name (lower(name))",
        "… is an index on lower(name) on the server, which the search's lower(a.name) uses",
    ),
];

/// Whether a fact is about the search box's text index (migration 11): FTS5 with its shadow tables on a
/// file, a pg_trgm-indexed table on the server. Each engine indexes text its own way; the index is derived
/// from the cases and the search tests check it on both engines.
fn about_search_index(fact: &str) -> bool {
    fact.split(|c: char| c.is_whitespace() || c == '.' || c == '(' || c == ')')
        .any(|w| w == "case_search" || w.starts_with("case_search_"))
}

/// One schema as a set of facts.
type Facts = BTreeSet<String>;

/// An SQLite foreign key being read: target table, from columns, to columns, on delete.
type ForeignKey = (String, Vec<String>, Vec<Option<String>>, String);

/// SQLite's declared type as the server spells it.
fn server_type(sqlite: &str) -> String {
    match sqlite.to_ascii_lowercase().as_str() {
        "integer" => "bigint".into(),
        "text" => "text".into(),
        "blob" => "bytea".into(),
        "real" => "double precision".into(),
        other => format!("?{other}"),
    }
}

/// A default as text both engines agree on: the server's `'x'::text` casts dropped.
fn default_text(d: &str) -> String {
    let mut s = d.trim().to_string();
    while let Some(i) = s.rfind("::") {
        let tail = &s[i + 2..];
        if tail
            .chars()
            .all(|c| c.is_ascii_alphabetic() || c == ' ' || c == '_')
        {
            s.truncate(i);
        } else {
            break;
        }
    }
    let s = s.trim();
    let s = s
        .strip_prefix('(')
        .and_then(|x| x.strip_suffix(')'))
        .unwrap_or(s);
    s.to_string()
}

/// A partial index's predicate in one spelling: lower case, single spaces, no outer parentheses, no casts,
/// and a list as `IN (…)` (the server keeps `x IN ('a', 'b')` as `x = ANY (ARRAY['a', 'b'])`).
fn predicate_text(p: &str) -> String {
    let mut s = p.trim().to_ascii_lowercase();
    while s.starts_with('(') && s.ends_with(')') && balanced(&s[1..s.len() - 1]) {
        s = s[1..s.len() - 1].trim().to_string();
    }
    let mut s = s.replace("::text", "").replace("::bigint", "");
    while let Some(at) = s.find(" = any (array[") {
        let Some(end) = s[at..].find("])").map(|e| at + e) else {
            break;
        };
        let list = s[at + " = any (array[".len()..end].to_string();
        s = format!("{} in ({list}){}", &s[..at], &s[end + 2..]);
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn balanced(s: &str) -> bool {
    let mut depth = 0i32;
    for c in s.chars() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth < 0 {
                    return false;
                }
            }
            _ => {}
        }
    }
    depth == 0
}

/// The bodies of every `CHECK (…)` in an SQLite `CREATE TABLE` statement (string literals skipped).
fn check_bodies(sql: &str) -> Vec<String> {
    let b = sql.as_bytes();
    let lower = sql.to_ascii_lowercase();
    let mut out = Vec::new();
    let mut i = 0;
    let mut in_str = false;
    while i < b.len() {
        let c = b[i];
        if c == b'\'' {
            in_str = !in_str;
            i += 1;
            continue;
        }
        let word_start = i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_');
        if !in_str && word_start && lower[i..].starts_with("check") {
            let mut j = i + 5;
            while j < b.len() && b[j].is_ascii_whitespace() {
                j += 1;
            }
            if j < b.len() && b[j] == b'(' {
                let (mut depth, mut k, mut s) = (0i32, j, false);
                while k < b.len() {
                    match b[k] {
                        b'\'' => s = !s,
                        b'(' if !s => depth += 1,
                        b')' if !s => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    k += 1;
                }
                out.push(sql[j + 1..k.min(b.len())].to_string());
                i = k;
                continue;
            }
        }
        i += 1;
    }
    out
}

/// The identifiers of an SQL fragment outside string literals.
fn identifiers(sql: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut cur = String::new();
    let mut in_str = false;
    for c in sql.chars().chain(std::iter::once(' ')) {
        if c == '\'' {
            in_str = !in_str;
            cur.clear();
            continue;
        }
        if !in_str && (c.is_ascii_alphanumeric() || c == '_') {
            cur.push(c.to_ascii_lowercase());
        } else {
            if !cur.is_empty() && !cur.starts_with(|x: char| x.is_ascii_digit()) {
                out.insert(std::mem::take(&mut cur));
            }
            cur.clear();
        }
    }
    out
}

/// Adds `fact`, numbered when the same fact occurs more than once (two checks on the same column).
fn add_counted(facts: &mut Facts, seen: &mut BTreeMap<String, usize>, fact: String) {
    let n = seen.entry(fact.clone()).or_insert(0);
    *n += 1;
    facts.insert(if *n == 1 {
        fact
    } else {
        format!("{fact} #{n}")
    });
}

fn rows(db: &Db, sql: &str) -> Vec<petromaks::db::Row> {
    db.query(sql, &[]).unwrap_or_else(|e| panic!("{sql}: {e}"))
}

fn file_facts(db: &Db) -> Facts {
    let mut facts = Facts::new();
    let mut checks = BTreeMap::new();
    let tables: Vec<(String, String)> = db
        .map(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
            &[],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("tables");
    for (t, sql) in &tables {
        facts.insert(format!("table {t}"));
        let cols = rows(
            db,
            &format!("SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info('{t}') ORDER BY cid"),
        );
        let mut pk: Vec<(i64, String)> = Vec::new();
        let mut names = BTreeSet::new();
        for c in &cols {
            let name: String = c.get(0).expect("name");
            let ty: String = c.get(1).expect("type");
            let notnull: i64 = c.get(2).expect("notnull");
            let dflt: Option<String> = c.get(3).expect("default");
            let pkpos: i64 = c.get(4).expect("pk");
            if pkpos > 0 {
                pk.push((pkpos, name.clone()));
            }
            names.insert(name.to_ascii_lowercase());
            // A primary key column is never null (the server says so; SQLite's pragma does not for a
            // rowid alias).
            let nn = notnull == 1 || pkpos > 0;
            let mut f = format!("column {t}.{name} {}", server_type(&ty));
            if nn {
                f += " not null";
            }
            if let Some(d) = dflt {
                f += &format!(" default {}", default_text(&d));
            }
            facts.insert(f);
        }
        // A single INTEGER PRIMARY KEY is SQLite's rowid: the register numbers it itself, as an identity
        // column does on the server.
        let rowid = pk.len() == 1
            && cols.iter().any(|c| {
                c.get::<i64>(4).ok() == Some(1)
                    && c.get::<String>(1)
                        .map(|ty| ty.eq_ignore_ascii_case("integer"))
                        .unwrap_or(false)
            })
            && !sql.to_ascii_lowercase().contains("without rowid");
        pk.sort();
        let pk: Vec<String> = pk.into_iter().map(|(_, n)| n).collect();
        if !pk.is_empty() {
            facts.insert(format!("primary key {t} ({})", pk.join(",")));
        }
        if rowid {
            facts.insert(format!("numbered {t}.{}", pk.join(",")));
        }
        for body in check_bodies(sql) {
            let touched: Vec<String> = identifiers(&body).intersection(&names).cloned().collect();
            add_counted(
                &mut facts,
                &mut checks,
                format!("check {t} on ({})", touched.join(",")),
            );
        }
        let mut fks: BTreeMap<i64, ForeignKey> = BTreeMap::new();
        for f in rows(
            db,
            &format!("SELECT id, seq, \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('{t}') ORDER BY id, seq"),
        ) {
            let id: i64 = f.get(0).expect("id");
            let e = fks.entry(id).or_insert_with(|| {
                (
                    f.get(2).expect("table"),
                    Vec::new(),
                    Vec::new(),
                    f.get::<String>(5).expect("on_delete").to_ascii_lowercase(),
                )
            });
            e.1.push(f.get(3).expect("from"));
            e.2.push(f.get(4).expect("to"));
        }
        for (_, (target, from, to, on_delete)) in fks {
            // `REFERENCES t` without columns means t's primary key.
            let to: Vec<String> = if to.iter().all(Option::is_none) {
                rows(
                    db,
                    &format!(
                        "SELECT name FROM pragma_table_info('{target}') WHERE pk > 0 ORDER BY pk"
                    ),
                )
                .iter()
                .map(|r| r.get(0).expect("pk"))
                .collect()
            } else {
                to.into_iter().map(Option::unwrap_or_default).collect()
            };
            facts.insert(format!(
                "foreign key {t} ({}) -> {target} ({}) on delete {on_delete}",
                from.join(","),
                to.join(",")
            ));
        }
        for ix in rows(
            db,
            &format!("SELECT name, \"unique\", origin, partial FROM pragma_index_list('{t}')"),
        ) {
            let name: String = ix.get(0).expect("name");
            let unique: i64 = ix.get(1).expect("unique");
            let origin: String = ix.get(2).expect("origin");
            let cols: Vec<String> = rows(
                db,
                &format!("SELECT name, coll FROM pragma_index_xinfo('{name}') WHERE key = 1 ORDER BY seqno"),
            )
            .iter()
            .map(|r| {
                let n: Option<String> = r.get(0).expect("col");
                let coll: String = r.get(1).expect("coll");
                let n = n.unwrap_or_else(|| "<expression>".into());
                if coll.eq_ignore_ascii_case("binary") {
                    n
                } else {
                    format!("{n} collate {}", coll.to_ascii_lowercase())
                }
            })
            .collect();
            match origin.as_str() {
                "pk" => {}
                "u" => {
                    facts.insert(format!("unique {t} ({})", cols.join(",")));
                }
                _ => {
                    let sql: String = db
                        .value(
                            "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?1",
                            &[&name],
                        )
                        .expect("index sql");
                    let mut f = format!(
                        "{}index {t}.{name} ({})",
                        if unique == 1 { "unique " } else { "" },
                        cols.join(",")
                    );
                    if ix.get::<i64>(3).expect("partial") == 1 {
                        let lower = sql.to_ascii_lowercase();
                        let at = lower.rfind(" where ").expect("a partial index has WHERE");
                        f += &format!(" where {}", predicate_text(&sql[at + 7..]));
                    }
                    facts.insert(f);
                }
            }
        }
    }
    facts
}

fn server_facts(db: &Db) -> Facts {
    let mut facts = Facts::new();
    let mut checks = BTreeMap::new();
    for r in rows(
        db,
        "SELECT table_name::text FROM information_schema.tables
         WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'",
    ) {
        facts.insert(format!("table {}", r.get::<String>(0).expect("t")));
    }
    for r in rows(
        db,
        "SELECT table_name::text, column_name::text, data_type::text, is_nullable::text,
                column_default::text, is_identity::text
         FROM information_schema.columns WHERE table_schema = current_schema()",
    ) {
        let (t, c): (String, String) = (r.get(0).expect("t"), r.get(1).expect("c"));
        let ty: String = r.get(2).expect("type");
        let nullable: String = r.get(3).expect("nullable");
        let dflt: Option<String> = r.get(4).expect("default");
        if r.get::<String>(5).expect("identity") == "YES" {
            facts.insert(format!("numbered {t}.{c}"));
        }
        let mut f = format!("column {t}.{c} {ty}");
        if nullable == "NO" {
            f += " not null";
        }
        if let Some(d) = dflt {
            f += &format!(" default {}", default_text(&d));
        }
        facts.insert(f);
    }
    let cols = |arr: &str, rel: &str| {
        format!(
            "(SELECT string_agg(a.attname::text, ',' ORDER BY k.ord)
              FROM unnest({arr}) WITH ORDINALITY AS k(attnum, ord)
              JOIN pg_attribute a ON a.attrelid = {rel} AND a.attnum = k.attnum)"
        )
    };
    let sql = format!(
        "SELECT t.relname::text, c.contype::text, {}, ft.relname::text, {}, c.confdeltype::text
         FROM pg_constraint c
         JOIN pg_class t ON t.oid = c.conrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
         LEFT JOIN pg_class ft ON ft.oid = c.confrelid
         WHERE n.nspname = current_schema()",
        cols("c.conkey", "c.conrelid"),
        cols("c.confkey", "c.confrelid"),
    );
    for r in rows(db, &sql) {
        let t: String = r.get(0).expect("t");
        let kind: String = r.get(1).expect("kind");
        let on: Option<String> = r.get(2).expect("cols");
        let on = on.unwrap_or_default();
        match kind.as_str() {
            "p" => {
                facts.insert(format!("primary key {t} ({on})"));
            }
            "u" => {
                facts.insert(format!("unique {t} ({on})"));
            }
            "f" => {
                let target: String = r.get(3).expect("target");
                let to: String = r.get(4).expect("to");
                let del = match r.get::<String>(5).expect("del").as_str() {
                    "a" => "no action",
                    "r" => "restrict",
                    "c" => "cascade",
                    "n" => "set null",
                    "d" => "set default",
                    other => panic!("unknown confdeltype {other}"),
                };
                facts.insert(format!(
                    "foreign key {t} ({on}) -> {target} ({to}) on delete {del}"
                ));
            }
            "c" => {
                let mut touched: Vec<&str> = on.split(',').filter(|s| !s.is_empty()).collect();
                touched.sort_unstable();
                add_counted(
                    &mut facts,
                    &mut checks,
                    format!("check {t} on ({})", touched.join(",")),
                );
            }
            other => {
                facts.insert(format!("constraint {t} of kind {other}"));
            }
        }
    }
    for r in rows(
        db,
        "SELECT t.relname::text, i.relname::text, x.indisunique,
                (SELECT string_agg(pg_get_indexdef(x.indexrelid, k, true), ',' ORDER BY k)
                 FROM generate_series(1, x.indnkeyatts) AS k),
                pg_get_expr(x.indpred, x.indrelid, true)
         FROM pg_index x
         JOIN pg_class i ON i.oid = x.indexrelid
         JOIN pg_class t ON t.oid = x.indrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
         WHERE n.nspname = current_schema()
           AND NOT EXISTS (SELECT 1 FROM pg_constraint c
                           WHERE c.conindid = x.indexrelid AND c.conrelid = x.indrelid
                             AND c.contype IN ('p', 'u'))",
    ) {
        let (t, name): (String, String) = (r.get(0).expect("t"), r.get(1).expect("i"));
        let unique: bool = r.get(2).expect("unique");
        let on: String = r.get(3).expect("cols");
        let pred: Option<String> = r.get(4).expect("pred");
        let mut f = format!(
            "{}index {t}.{name} ({on})",
            if unique { "unique " } else { "" }
        );
        if let Some(p) = pred {
            f += &format!(" where {}", predicate_text(&p));
        }
        facts.insert(f);
    }
    facts
}

#[test]
fn both_engines_migrate_to_the_same_schema() {
    if !support::on_server() {
        eprintln!(
            "skipped: set PETROMAKS_TEST_PG (scripts/with-postgres) to compare with the server"
        );
        return;
    }
    let dir = tempfile::tempdir().expect("dir");
    let file = Db::create(&Address::File(dir.path().join("file.sqlite"))).expect("file register");
    let (server, _scratch) = register::created();
    let (a, b) = (file_facts(&file), server_facts(&server));
    assert!(
        a.len() > 300 && b.len() > 300,
        "the schemas were read: {} and {} facts",
        a.len(),
        b.len()
    );
    // The reading itself is checked on a few facts both sides must have.
    for fact in [
        "column cases.status text not null",
        "column office.utc_offset_minutes bigint not null default 420",
        "foreign key cases (applicant_id) -> applicants (id) on delete no action",
        "check users on (role)",
        "unique index cases.cases_submission (submission_id) where submission_id is not null",
        "unique applied_actions (checkout_id,seq)",
        "numbered cases.id",
    ] {
        assert!(a.contains(fact), "the file lacks {fact:?}");
        assert!(b.contains(fact), "the server lacks {fact:?}");
    }
    // The search index is on both sides, built the way each engine indexes text.
    assert!(a.contains("table case_search") && b.contains("table case_search"));
    let mut unexplained = Vec::new();
    let mut used = BTreeSet::new();
    for (side, only) in [("file", a.difference(&b)), ("server", b.difference(&a))] {
        for fact in only {
            if about_search_index(fact) {
                continue;
            }
            match ALLOWED.iter().position(|(s, f, _)| *s == side && f == fact) {
                Some(i) => {
                    used.insert(i);
                }
                None => unexplained.push(format!("only on the {side}: {fact}")),
            }
        }
    }
    let stale: Vec<&str> = ALLOWED
        .iter()
        .enumerate()
        .filter(|(i, _)| !used.contains(i))
        .map(|(_, (_, f, _))| *f)
        .collect();
    assert!(
        unexplained.is_empty(),
        "the engines' schemas differ ({} facts on the file, {} on the server):\n{}",
        a.len(),
        b.len(),
        unexplained.join("\n")
    );
    assert!(
        stale.is_empty(),
        "allow-list entries that no longer match a difference: {stale:?}"
    );
}

#[test]
fn check_bodies_and_their_columns_are_found() {
    let sql = "CREATE TABLE t (a TEXT CHECK (a IN ('check (b)', 'x')), b INTEGER, CHECK (b > 0 OR a IS NULL))";
    let bodies = check_bodies(sql);
    assert_eq!(bodies.len(), 2, "{bodies:?}");
    assert_eq!(
        identifiers(&bodies[0]).into_iter().collect::<Vec<_>>(),
        vec!["a", "in"]
    );
    assert!(identifiers(&bodies[1]).contains("b"));
    assert_eq!(default_text("'[]'::text"), "'[]'");
    assert_eq!(
        predicate_text("(status = ANY (ARRAY['issued'::text, 'out_for_delivery'::text]))"),
        predicate_text("status IN ('issued', 'out_for_delivery')")
    );
    assert_eq!(
        predicate_text("(submission_id IS NOT NULL)"),
        "submission_id is not null"
    );
}
