//! Migration 11's hook, frozen: the search index gets a row for every case already registered, holding
//! its applicant's name in the search form of schema 11 (a copy of `text::search_key` as it was then,
//! so a later change of that function never changes what this migration did).

use unicode_normalization::UnicodeNormalization;

use crate::db::{Engine, Tx};
use crate::Result;

/// Cases read and indexed per round (the reads and the writes share one connection).
const CHUNK: i64 = 5000;

pub(super) fn key_v11(input: &str) -> String {
    let mut out = String::with_capacity(input.len() + 2);
    out.push(' ');
    for c in input
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
    {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    if !out.ends_with(' ') {
        out.push(' ');
    }
    out
}

pub(super) fn index_every_case(tx: &Tx) -> Result<()> {
    let insert = match tx.engine() {
        Engine::Sqlite => "INSERT INTO case_search (rowid, name) VALUES (?1, ?2)",
        Engine::Postgres => "INSERT INTO case_search (case_id, name) VALUES (?1, ?2)",
    };
    let mut after = 0i64;
    loop {
        let rows: Vec<(i64, String)> = tx.map(
            "SELECT c.id, a.name FROM cases c JOIN applicants a ON a.id = c.applicant_id
             WHERE c.id > ?1 ORDER BY c.id LIMIT ?2",
            &[&after, &CHUNK],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let Some(last) = rows.last() else {
            return Ok(());
        };
        after = last.0;
        for (id, name) in &rows {
            tx.execute(insert, &[id, &key_v11(name)])?;
        }
    }
}
