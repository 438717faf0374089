//! Where each word of a name starts, as SQLite's search index holds it (schema 14): the first letter of
//! every word marked, so a word's start is a trigram of three letters (see `search`'s module).

use crate::db::Engine;
use crate::text;

/// The mark of a letter that starts a word in SQLite's index: a character of the Private Use Area, one
/// per letter (none of them can be typed, and the trigram tokenizer folds none of them onto another).
/// Letters past the area's size stay as they are: their words are found, only not ranked first.
fn mark(c: char) -> char {
    char::from_u32(MARKS + c as u32)
        .filter(|_| (c as u32) < MARKS_END - MARKS)
        .unwrap_or(c)
}

/// Where the marks start (U+E000) and end (U+F8FF, the Private Use Area's last).
const MARKS: u32 = 0xE000;
const MARKS_END: u32 = 0xF900;

/// A search key (`text::search_key`) as SQLite's index holds it: every word's first letter marked.
pub(super) fn marked(key: &str) -> String {
    let mut out = String::with_capacity(key.len() + 8);
    let mut after_space = true;
    for c in key.chars() {
        out.push(if after_space && c != ' ' { mark(c) } else { c });
        after_space = c == ' ';
    }
    out
}

/// The form SQLite's index holds a name in; PostgreSQL's holds the plain key.
pub(super) fn stored(engine: Engine, name: &str) -> String {
    let key = text::search_key(name);
    match engine {
        Engine::Sqlite => marked(&key),
        Engine::Postgres => key,
    }
}
