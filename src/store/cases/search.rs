//! The search box: what a clerk types, answered from indexes at any size of the register. A number
//! (registration, permit, van receipt) is looked up exactly through its unique index and, when it names
//! a case, is the whole answer;
//! digits alone are also a NIK or its first digits (the applicants' unique index, in NIK order); anything
//! else is part of a name, found through the text index `case_search` (SQLite FTS5 with the trigram
//! tokenizer, PostgreSQL `pg_trgm`) over the name's search form (`text::search_key`): names with every
//! typed word at the start of one of their words come before names that only contain them, newest first.
//!
//! SQLite's index holds that form with the first letter of every word marked ([`marked`]): a word's
//! start is then a trigram of three letters ("rat" at a word's start is its own trigram, not " ra" that
//! many words share), so both tiers walk short lists, and the second excludes the first with a short
//! one. PostgreSQL's `LIKE` patterns read the plain form.
//!
//! Pages go by key like every list: the next page starts after the `before` case in this ranking, so the
//! tier of that case is worked out again from its row. The index is written in the same transaction as
//! the case and every rename ([`index`], [`rename`]).

use super::list::{conditions, joins, limit, push, refs, summaries};
use super::word_starts::{marked, stored};
use super::{CaseFilter, CaseId, CaseSummary};
use crate::db::{Db, Engine, Param, Tx, Value};
use crate::store::applicants::ApplicantId;
use crate::{text, Result};

/// The most words of a name search that are looked for (the rest is ignored).
const MAX_WORDS: usize = 6;

/// What the typed text can be.
struct Plan {
    /// The text as a number, as typed and in capitals (numbers are printed in capitals).
    numbers: [String; 2],
    /// Digits only, at least four: a NIK or its first digits.
    nik: Option<String>,
    /// The words of a name of two letters or more (none for digits alone).
    words: Vec<String>,
    /// The whole text as one part of a name, across words ("yu r" in "ayu ramadhan"), when it has three
    /// characters or more.
    phrase: Option<String>,
}

impl Plan {
    fn new(q: &str) -> Plan {
        let compact: String = q.chars().filter(|c| !c.is_whitespace()).collect();
        let digits = !compact.is_empty() && compact.chars().all(|c| c.is_ascii_digit());
        let words = if digits {
            Vec::new()
        } else {
            text::search_words(q)
                .into_iter()
                // One letter is no trigram even at a word's start: it narrows nothing.
                .filter(|w| w.chars().count() >= 2)
                .take(MAX_WORDS)
                .collect()
        };
        let key = text::search_key(q);
        let phrase = key.trim();
        Plan {
            numbers: [q.to_string(), q.to_uppercase()],
            nik: (digits && compact.len() >= 4).then_some(compact),
            words,
            phrase: (!digits && phrase.chars().count() >= 3 && phrase.contains(' '))
                .then(|| phrase.to_string()),
        }
    }

    /// Whether the names that contain the text inside a word are a tier of their own (three letters make
    /// a trigram; two are looked for at a word's start only).
    fn has_inner(&self) -> bool {
        self.phrase.is_some() || self.words.iter().any(|w| w.chars().count() >= 3)
    }

    /// Whether the text is looked for in names at all.
    fn names(&self) -> bool {
        !self.words.is_empty() || self.phrase.is_some()
    }
}

/// The tiers of the ranking, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Tier {
    Nik,
    WordStart,
    Inside,
    /// Not a tier of the ranking: every name with the words anywhere (both name tiers), for a count.
    Any,
}

/// The number-exact cases, newest first (at most one per kind of number).
fn by_number(db: &Db, f: &CaseFilter, p: &Plan) -> Result<Vec<CaseId>> {
    let mut args = vec![
        Value::Text(p.numbers[0].clone()),
        Value::Text(p.numbers[1].clone()),
    ];
    let mut sql = format!(
        "SELECT c.id FROM cases c{} WHERE (c.registration_number IN (?1, ?2) OR c.permit_number IN (?1, ?2)
           OR c.van_number IN (?1, ?2))",
        joins(f)
    );
    conditions(f, &mut sql, &mut args);
    sql.push_str(" ORDER BY c.id DESC");
    db.map(&sql, &refs(&args), |r| r.get(0))
}

/// The first NIK after the digits typed (digits only): `None` when every NIK from them on starts with them.
fn nik_end(prefix: &str) -> Option<String> {
    let kept = prefix.trim_end_matches('9');
    let last = kept.chars().last()?;
    let next = char::from_digit(last.to_digit(10)? + 1, 10)?;
    Some(format!("{}{next}", &kept[..kept.len() - 1]))
}

/// Cases whose applicant's NIK starts with the digits, by NIK then newest first, after `after` (a NIK
/// and a case id) when given.
fn by_nik(
    db: &Db,
    f: &CaseFilter,
    prefix: &str,
    after: Option<(&str, CaseId)>,
    n: u32,
) -> Result<Vec<CaseId>> {
    let mut args = vec![Value::Text(prefix.to_string())];
    let mut sql = format!(
        "SELECT c.id FROM applicants a JOIN cases c ON c.applicant_id = a.id{} WHERE a.nik >= ?1",
        joins(f)
    );
    if let Some(end) = nik_end(prefix) {
        push(&mut sql, &mut args, Value::Text(end), " AND a.nik < ?N");
    }
    conditions(f, &mut sql, &mut args);
    if let Some((nik, id)) = after {
        args.push(Value::Text(nik.to_string()));
        args.push(id.to_value());
        let (k, i) = (args.len() - 1, args.len());
        sql.push_str(&format!(
            " AND (a.nik > ?{k} OR (a.nik = ?{k} AND c.id < ?{i}))"
        ));
    }
    push(
        &mut sql,
        &mut args,
        Value::Int(i64::from(n)),
        " ORDER BY a.nik, c.id DESC LIMIT ?N",
    );
    db.map(&sql, &refs(&args), |r| r.get(0))
}

/// The FTS5 query of a tier over the marked index: a word at a word's start is its marked form (a word of
/// two letters with the space before it, to make a trigram), a word inside a word its plain form.
fn fts_query(tier: Tier, p: &Plan) -> String {
    let quote = |s: String| format!("\"{s}\"");
    let at_start = |w: &String| {
        let m = marked(w);
        quote(if w.chars().count() >= 3 {
            m
        } else {
            format!(" {m}")
        })
    };
    // Anywhere: at a word's start or inside one; a word of two letters at a word's start only.
    let anywhere = |w: &String| {
        if w.chars().count() >= 3 {
            format!("({} OR {})", at_start(w), quote(w.clone()))
        } else {
            at_start(w)
        }
    };
    let all = |parts: Vec<String>| parts.join(" AND ");
    let words = &p.words;
    let starts = all(words.iter().map(at_start).collect());
    let mut any = all(words.iter().map(anywhere).collect());
    if let Some(whole) = &p.phrase {
        // Across words: the words after the first start where the text has a space; the first may start a
        // word or sit inside one.
        let inner = marked(whole);
        let forms = format!(
            "{} OR {}",
            quote(inner.clone()),
            quote(format!(
                "{}{}",
                &whole[..first_len(whole)],
                &inner[first_len(&inner)..]
            ))
        );
        any = if any.is_empty() {
            forms
        } else {
            format!("({any}) OR {forms}")
        };
    }
    match tier {
        Tier::WordStart => starts,
        _ if words.is_empty() || tier == Tier::Any => any,
        // One word inside a word: its plain form, never at a word's start (that letter is marked), and not
        // in a name where another word starts with it (that name is in the first tier).
        _ if words.len() == 1 && p.phrase.is_none() && words[0].chars().count() >= 3 => {
            format!("{} NOT {starts}", quote(words[0].clone()))
        }
        _ => format!("({any}) NOT ({starts})"),
    }
}

/// The length in bytes of the first character of `s`.
fn first_len(s: &str) -> usize {
    s.chars().next().map_or(0, char::len_utf8)
}

/// The text-index condition of a tier over `case_search s`, with its parameters: the FTS5 query on SQLite,
/// `LIKE` patterns (which `pg_trgm` answers from its index) on PostgreSQL.
fn name_condition(engine: Engine, tier: Tier, p: &Plan, args: &mut Vec<Value>) -> String {
    let words = &p.words;
    match engine {
        Engine::Sqlite => {
            args.push(Value::Text(fts_query(tier, p)));
            format!("s.name MATCH ?{}", args.len())
        }
        Engine::Postgres => {
            // A word of two letters is looked for at a word's start only: inside a word it makes no
            // trigram.
            let start = |w: &String| format!(" {w}");
            let inside = |w: &String| {
                if w.chars().count() >= 3 {
                    w.clone()
                } else {
                    start(w)
                }
            };
            let all = |parts: Vec<String>, args: &mut Vec<Value>| {
                parts
                    .into_iter()
                    .map(|p| {
                        args.push(Value::Text(format!("%{p}%")));
                        format!("s.name LIKE ?{}", args.len())
                    })
                    .collect::<Vec<_>>()
                    .join(" AND ")
            };
            if tier == Tier::WordStart {
                return all(words.iter().map(start).collect(), args);
            }
            let mut anywhere = all(words.iter().map(inside).collect(), args);
            if let Some(whole) = &p.phrase {
                let one = all(vec![whole.clone()], args);
                anywhere = if anywhere.is_empty() {
                    one
                } else {
                    format!("({anywhere}) OR {one}")
                };
            }
            if words.is_empty() || tier == Tier::Any {
                anywhere
            } else {
                let at_start = all(words.iter().map(start).collect(), args);
                format!("({anywhere}) AND NOT ({at_start})")
            }
        }
    }
}

/// The text index's key column: FTS5's rowid, or the server table's case id.
fn key_column(engine: Engine) -> &'static str {
    match engine {
        Engine::Sqlite => "s.rowid",
        Engine::Postgres => "s.case_id",
    }
}

/// Cases of one name tier, newest first, older than `before` when given.
fn by_name(
    db: &Db,
    f: &CaseFilter,
    tier: Tier,
    p: &Plan,
    before: Option<CaseId>,
    n: u32,
) -> Result<Vec<CaseId>> {
    let key = key_column(db.engine());
    let mut args = Vec::new();
    let cond = name_condition(db.engine(), tier, p, &mut args);
    let mut sql = format!(
        "SELECT {key} FROM case_search s JOIN cases c ON c.id = {key}{} WHERE {cond}",
        joins(f)
    );
    conditions(f, &mut sql, &mut args);
    if let Some(b) = before {
        push(
            &mut sql,
            &mut args,
            b.to_value(),
            &format!(" AND {key} < ?N"),
        );
    }
    push(
        &mut sql,
        &mut args,
        Value::Int(i64::from(n)),
        &format!(" ORDER BY {key} DESC LIMIT ?N"),
    );
    db.map(&sql, &refs(&args), |r| r.get(0))
}

/// Where the `before` case of a page sits in the ranking: its tier, and its NIK for the NIK tier. A case
/// that no longer matches (renamed meanwhile) continues the last tier by its id.
fn tier_of(db: &Db, p: &Plan, before: CaseId) -> Result<(Tier, Option<String>)> {
    let row: Option<(String, String)> = db.one(
        "SELECT a.nik, a.name FROM cases c JOIN applicants a ON a.id = c.applicant_id WHERE c.id = ?1",
        &[&before],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let Some((nik, name)) = row else {
        return Ok((Tier::Inside, None));
    };
    if let Some(prefix) = &p.nik {
        // Past the NIK tier (the last for digits) when the case is not in it.
        return Ok(if nik.starts_with(prefix.as_str()) {
            (Tier::Nik, Some(nik))
        } else {
            (Tier::Any, None)
        });
    }
    let key = text::search_key(&name);
    let at_start = !p.words.is_empty() && p.words.iter().all(|w| key.contains(&format!(" {w}")));
    Ok((
        if at_start {
            Tier::WordStart
        } else {
            Tier::Inside
        },
        None,
    ))
}

/// The search's page: the cases `f` asks for, ranked (see the module).
pub(super) fn list(db: &Db, f: &CaseFilter, q: &str) -> Result<Vec<CaseSummary>> {
    let p = Plan::new(q);
    let want = limit(f) as usize;
    let numbers = by_number(db, f, &p)?;
    // A whole number typed (or scanned) names its case: nothing else is looked for.
    if !numbers.is_empty() {
        let page: Vec<CaseId> = numbers
            .into_iter()
            .filter(|id| f.before.is_none_or(|b| *id < b))
            .take(want)
            .collect();
        return summaries(db, &page);
    }
    let (from, nik_after) = match f.before {
        None => (Tier::Nik, None),
        Some(b) => tier_of(db, &p, b)?,
    };
    let mut out: Vec<CaseId> = Vec::new();
    if let Some(prefix) = &p.nik {
        if from == Tier::Nik {
            let after = nik_after.as_deref().zip(f.before);
            out = by_nik(db, f, prefix, after, want as u32)?;
        }
    }
    if p.names() {
        for tier in [Tier::WordStart, Tier::Inside] {
            let skip = match tier {
                Tier::WordStart => p.words.is_empty(),
                _ => !p.has_inner(),
            };
            if skip || tier < from || out.len() >= want {
                continue;
            }
            let before = if tier == from { f.before } else { None };
            let room = (want - out.len()) as u32;
            // The tiers do not overlap: the second excludes the first in its query.
            out.extend(by_name(db, f, tier, &p, before, room)?);
        }
    }
    summaries(db, &out)
}

/// How many cases the search finds under `f`, with no cap.
pub(super) fn count(db: &Db, f: &CaseFilter, q: &str) -> Result<u64> {
    let p = Plan::new(q);
    let numbers = by_number(db, f, &p)?;
    if !numbers.is_empty() {
        return Ok(numbers.len() as u64);
    }
    let mut args = Vec::new();
    let mut sql = if let Some(prefix) = &p.nik {
        let mut s = format!(
            "SELECT count(*) FROM applicants a JOIN cases c ON c.applicant_id = a.id{} WHERE a.nik >= ?1",
            joins(f)
        );
        args.push(Value::Text(prefix.clone()));
        if let Some(end) = nik_end(prefix) {
            push(&mut s, &mut args, Value::Text(end), " AND a.nik < ?N");
        }
        s
    } else if p.names() {
        let key = key_column(db.engine());
        let cond = name_condition(db.engine(), Tier::Any, &p, &mut args);
        format!(
            "SELECT count(*) FROM case_search s JOIN cases c ON c.id = {key}{} WHERE {cond}",
            joins(f)
        )
    } else {
        return Ok(0);
    };
    conditions(f, &mut sql, &mut args);
    let n: i64 = db.value(&sql, &refs(&args))?;
    Ok(n.max(0) as u64)
}

/// Indexes a new case under its applicant's name (in the registration's transaction).
pub fn index(tx: &Tx, case: CaseId, applicant_name: &str) -> Result<()> {
    let sql = match tx.engine() {
        Engine::Sqlite => "INSERT INTO case_search (rowid, name) VALUES (?1, ?2)",
        Engine::Postgres => "INSERT INTO case_search (case_id, name) VALUES (?1, ?2)",
    };
    tx.execute(sql, &[&case, &stored(tx.engine(), applicant_name)])?;
    Ok(())
}

/// Indexes many new cases under their applicants' names, a few hundred to a statement (a bulk job: on
/// SQLite each statement that writes makes the text index flush what it holds, so one statement for
/// many rows keeps it from writing a small segment per case).
pub fn index_many(tx: &Tx, cases: &[(CaseId, String)]) -> Result<()> {
    let table = match tx.engine() {
        Engine::Sqlite => "case_search (rowid, name)",
        Engine::Postgres => "case_search (case_id, name)",
    };
    for chunk in cases.chunks(500) {
        let marks: Vec<String> = (0..chunk.len())
            .map(|i| format!("(?{}, ?{})", 2 * i + 1, 2 * i + 2))
            .collect();
        let keys: Vec<String> = chunk.iter().map(|(_, n)| stored(tx.engine(), n)).collect();
        let mut params: Vec<&dyn Param> = Vec::with_capacity(chunk.len() * 2);
        for ((id, _), k) in chunk.iter().zip(&keys) {
            params.push(id);
            params.push(k);
        }
        tx.execute(
            &format!("INSERT INTO {table} VALUES {}", marks.join(", ")),
            &params,
        )?;
    }
    Ok(())
}

/// Indexes every case of an applicant under their new name (in the rename's transaction).
pub fn rename(tx: &Tx, applicant: ApplicantId, name: &str) -> Result<()> {
    let sql = match tx.engine() {
        Engine::Sqlite => {
            "UPDATE case_search SET name = ?2 WHERE rowid IN (SELECT id FROM cases WHERE applicant_id = ?1)"
        }
        Engine::Postgres => {
            "UPDATE case_search SET name = ?2 WHERE case_id IN (SELECT id FROM cases WHERE applicant_id = ?1)"
        }
    };
    tx.execute(sql, &[&applicant, &stored(tx.engine(), name)])?;
    Ok(())
}

/// Indexes the cases that have no row in the index yet (cases copied in whole from another register:
/// a move onto the server, a van's check-out); returns how many.
pub fn index_missing(tx: &Tx) -> Result<u64> {
    let key = key_column(tx.engine());
    let mut done = 0u64;
    let mut after = 0i64;
    loop {
        let rows: Vec<(CaseId, String)> = tx.map(
            &format!(
                "SELECT c.id, a.name FROM cases c JOIN applicants a ON a.id = c.applicant_id
                 WHERE c.id > ?1 AND NOT EXISTS (SELECT 1 FROM case_search s WHERE {key} = c.id)
                 ORDER BY c.id LIMIT 5000"
            ),
            &[&after],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let Some(last) = rows.last() else {
            return Ok(done);
        };
        after = last.0 .0;
        for (id, name) in &rows {
            index(tx, *id, name)?;
        }
        done += rows.len() as u64;
    }
}

/// Empties the index (before the cases it points at are replaced by a copy).
pub fn clear(tx: &Tx) -> Result<()> {
    tx.execute("DELETE FROM case_search", &[])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_end_of_a_nik_prefix_carries_over_nines() {
        assert_eq!(super::nik_end("1607").as_deref(), Some("1608"));
        assert_eq!(super::nik_end("160799").as_deref(), Some("1608"));
        assert_eq!(super::nik_end("1699").as_deref(), Some("17"));
        assert_eq!(super::nik_end("9999"), None);
    }
}
