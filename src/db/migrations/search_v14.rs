//! Migration 14's hook, frozen: SQLite's search index is filled again, each name in the form of schema 14
//! (the search form of schema 11, migration 11's frozen `key_v11`, with every word's first letter marked).
//! The marking is a copy of the store's as it was then, so a later change never changes this migration.

use super::search_v11::key_v11;
use crate::db::{Engine, Param, Tx};
use crate::Result;

/// Cases read and indexed per round; rows written per statement (each statement that writes makes the
/// text index flush, so many rows to a statement keep it from writing a small segment per case).
const CHUNK: i64 = 5000;
const ROWS_A_STATEMENT: usize = 500;

fn marked_v14(key: &str) -> String {
    let mark = |c: char| {
        char::from_u32(0xE000 + c as u32)
            .filter(|_| (c as u32) < 0xF900 - 0xE000)
            .unwrap_or(c)
    };
    let mut out = String::with_capacity(key.len() + 8);
    let mut after_space = true;
    for c in key.chars() {
        out.push(if after_space && c != ' ' { mark(c) } else { c });
        after_space = c == ' ';
    }
    out
}

pub(super) fn mark_word_starts(tx: &Tx) -> Result<()> {
    if tx.engine() != Engine::Sqlite {
        return Ok(());
    }
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
        for chunk in rows.chunks(ROWS_A_STATEMENT) {
            let keys: Vec<String> = chunk.iter().map(|(_, n)| marked_v14(&key_v11(n))).collect();
            let marks: Vec<String> = (1..=chunk.len())
                .map(|i| format!("(?{}, ?{})", 2 * i - 1, 2 * i))
                .collect();
            let mut params: Vec<&dyn Param> = Vec::with_capacity(chunk.len() * 2);
            for ((id, _), key) in chunk.iter().zip(&keys) {
                params.push(id);
                params.push(key);
            }
            tx.execute(
                &format!(
                    "INSERT INTO case_search (rowid, name) VALUES {}",
                    marks.join(", ")
                ),
                &params,
            )?;
        }
    }
}
