//! Witnesses of the audit chain kept outside the register. Anyone who can write the register file can
//! change an event and recompute every hash after it, and the chain then holds together again. So each
//! backup also appends a witness to `petromaks-witness.jsonl` in the backup folder: the head of each
//! chain and its length, signed with the office key. Verifying compares the chain with every witness it
//! finds, and with the backups beside them, and names the first event that disagrees.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::chain::{self, ChainReport, Verification};
use super::key;
use crate::db::Db;
use crate::store::events::{self as store, Chain};
use crate::{Error, Result};

/// The witness file's name in the backup folder.
pub const FILE: &str = "petromaks-witness.jsonl";

/// One chain's head as a witness records it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Head {
    pub table: String,
    pub rows: u64,
    pub head_id: Option<i64>,
    pub head_hash: Option<String>,
}

/// A signed record of both chains' heads at one moment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Witness {
    pub taken_at: DateTime<Utc>,
    pub heads: Vec<Head>,
    pub key_id: String,
    pub signature: String,
}

fn message(taken_at: &DateTime<Utc>, heads: &[Head]) -> Vec<u8> {
    // The signed bytes: the witness without its signature, as JSON in a fixed field order.
    serde_json::to_vec(&(crate::time::stamp(*taken_at), heads)).unwrap_or_default()
}

fn head(r: &ChainReport) -> Head {
    Head {
        table: r.table.to_string(),
        rows: r.rows,
        head_id: r.head_id,
        head_hash: r.head_hash.clone(),
    }
}

/// A witness of the register's chains as they are now, signed with the office key.
pub fn take(db: &Db, now: DateTime<Utc>) -> Result<Witness> {
    let heads = vec![
        head(&chain::walk(db, Chain::Case, |_, _| {})?),
        head(&chain::walk(db, Chain::Admin, |_, _| {})?),
    ];
    let (key_id, signature) = key::sign(db, &message(&now, &heads))?;
    Ok(Witness {
        taken_at: now,
        heads,
        key_id,
        signature,
    })
}

/// A witness of the chains' heads as they stand, read without walking the chains (a report prints
/// it: it records what the register held when the report was made; `audit verify` checks the chain).
pub fn current(db: &Db, now: DateTime<Utc>) -> Result<Witness> {
    let mut heads = Vec::new();
    for chain in [Chain::Case, Chain::Admin] {
        let (head_id, head_hash, rows) = match store::head(db, chain)? {
            Some((id, hash, rows)) => (Some(id), hash, rows),
            None => (None, None, 0),
        };
        heads.push(Head {
            table: chain.table().to_string(),
            rows: u64::try_from(rows).unwrap_or(0),
            head_id,
            head_hash,
        });
    }
    let (key_id, signature) = key::sign(db, &message(&now, &heads))?;
    Ok(Witness {
        taken_at: now,
        heads,
        key_id,
        signature,
    })
}

/// Appends a witness to the folder's witness file (created owner-only).
pub fn append(dir: &Path, w: &Witness) -> Result<PathBuf> {
    let path = dir.join(FILE);
    let mut line = serde_json::to_vec(w).map_err(|e| Error::Io(std::io::Error::other(e)))?;
    line.push(b'\n');
    let mut f = crate::private::append_file(&path)?;
    f.write_all(&line)?;
    f.sync_all()?;
    Ok(path)
}

/// Takes a witness and appends it to `dir`'s witness file.
pub fn record(db: &Db, dir: &Path, now: DateTime<Utc>) -> Result<Witness> {
    let w = take(db, now)?;
    append(dir, &w)?;
    Ok(w)
}

/// What one witness said about the chain.
#[derive(Debug, Clone, Serialize)]
pub struct WitnessCheck {
    /// The witness file or backup it came from.
    pub source: String,
    pub taken_at: Option<DateTime<Utc>>,
    pub agrees: bool,
    /// The chain's table and the first event that disagrees with this witness, when one does.
    pub table: Option<String>,
    pub first_disagreeing_event: Option<i64>,
    pub message: String,
}

/// The witnesses written in `dir`; lines that do not parse are reported as such.
fn read(dir: &Path) -> Vec<std::result::Result<Witness, String>> {
    let Ok(text) = std::fs::read_to_string(dir.join(FILE)) else {
        return Vec::new();
    };
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).map_err(|e| e.to_string()))
        .collect()
}

fn chain_of(table: &str) -> Option<Chain> {
    match table {
        "case_events" => Some(Chain::Case),
        "admin_events" => Some(Chain::Admin),
        _ => None,
    }
}

/// The first event of `chain` whose stored hash differs between the register and a backup file (or that
/// the register lacks), comparing rows in id order.
fn first_difference(db: &Db, backup: &Path, chain: Chain) -> Result<Option<i64>> {
    let old = Db::open_read_only(backup)?;
    let mut live: HashMap<i64, Option<String>> = HashMap::new();
    let mut first = None;
    // The backup's rows, oldest first; each is looked up in the register.
    store::each_chain_row(&old, chain, i64::MIN, |row| {
        live.insert(row.id, row.hash);
        Ok(())
    })?;
    let mut ids: Vec<i64> = live.keys().copied().collect();
    ids.sort_unstable();
    for id in ids {
        let now = store::hash_of(db, chain, id)?.flatten();
        if now != live[&id] {
            first = Some(id);
            break;
        }
    }
    Ok(first)
}

/// The Petromaks backups in `dir`, newest first (only their paths and times).
fn backups(dir: &Path) -> Vec<(PathBuf, DateTime<Utc>)> {
    let mut out: Vec<(PathBuf, DateTime<Utc>)> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_str()?.to_string();
            let stamp = name
                .strip_prefix("petromaks-")?
                .strip_suffix(".sqlite")?
                .to_string();
            let t = chrono::NaiveDateTime::parse_from_str(&stamp, "%Y%m%d-%H%M%S").ok()?;
            Some((e.path(), t.and_utc()))
        })
        .collect();
    out.sort_by_key(|b| std::cmp::Reverse(b.1));
    out
}

/// Verifies both chains and compares them with every witness in `dirs` (and, when one disagrees, with the
/// backups there, to name the first event that differs).
pub(crate) fn verify_all(db: &Db, dirs: &[&Path]) -> Result<Verification> {
    let mut witnesses: Vec<(PathBuf, std::result::Result<Witness, String>)> = Vec::new();
    for dir in dirs {
        for w in read(dir) {
            witnesses.push((dir.to_path_buf(), w));
        }
    }
    // The hashes the chain has at every id a witness names.
    let mut wanted: HashMap<(Chain, i64), Option<String>> = HashMap::new();
    for (_, w) in &witnesses {
        if let Ok(w) = w {
            for h in &w.heads {
                if let (Some(c), Some(id)) = (chain_of(&h.table), h.head_id) {
                    wanted.insert((c, id), None);
                }
            }
        }
    }
    let mut reports = Vec::new();
    for c in [Chain::Case, Chain::Admin] {
        let r = chain::walk(db, c, |id, hash| {
            if let Some(slot) = wanted.get_mut(&(c, id)) {
                *slot = Some(hash.to_string());
            }
        })?;
        reports.push(r);
    }
    let keys = key::known(db)?;
    let mut checks = Vec::new();
    for (dir, w) in witnesses {
        let source = dir.join(FILE).display().to_string();
        let w = match w {
            Ok(w) => w,
            Err(e) => {
                checks.push(WitnessCheck {
                    source,
                    taken_at: None,
                    agrees: false,
                    table: None,
                    first_disagreeing_event: None,
                    message: format!("a line of the witness file is damaged: {e}"),
                });
                continue;
            }
        };
        if !key::verify_with(
            &keys,
            &w.key_id,
            &message(&w.taken_at, &w.heads),
            &w.signature,
        ) {
            checks.push(WitnessCheck {
                source,
                taken_at: Some(w.taken_at),
                agrees: false,
                table: None,
                first_disagreeing_event: None,
                message: "the witness is not signed by this office's key: it was edited or comes from elsewhere".into(),
            });
            continue;
        }
        let mut bad: Option<(Chain, String)> = None;
        for h in &w.heads {
            let Some(c) = chain_of(&h.table) else {
                continue;
            };
            let report = &reports[if c == Chain::Case { 0 } else { 1 }];
            let problem = match h.head_id {
                None => None,
                Some(id) => match wanted.get(&(c, id)).cloned().flatten() {
                    Some(ref now) if Some(now) == h.head_hash.as_ref() => None,
                    Some(_) => Some(format!(
                        "event {id} no longer has the hash the witness recorded"
                    )),
                    None => Some(format!(
                        "event {id}, which the witness recorded, is missing or after a broken link"
                    )),
                },
            };
            let problem = problem.or_else(|| {
                (report.rows < h.rows).then(|| {
                    format!(
                        "the chain has {} events, the witness saw {}",
                        report.rows, h.rows
                    )
                })
            });
            if let Some(p) = problem {
                bad = Some((c, p));
                break;
            }
        }
        match bad {
            None => checks.push(WitnessCheck {
                source,
                taken_at: Some(w.taken_at),
                agrees: true,
                table: None,
                first_disagreeing_event: None,
                message: "the chain agrees with this witness".into(),
            }),
            Some((c, problem)) => {
                // The backups beside the witness hold the old events: the oldest difference names the event.
                let mut first = None;
                let mut from = String::new();
                for (b, _) in backups(&dir) {
                    if let Ok(Some(id)) = first_difference(db, &b, c) {
                        if first.is_none_or(|f| id < f) {
                            first = Some(id);
                            from = b.display().to_string();
                        }
                    }
                }
                let message = match first {
                    Some(id) => format!(
                        "{problem}; the first event that disagrees is {} row {id} (compared with {from})",
                        c.table()
                    ),
                    None => problem,
                };
                checks.push(WitnessCheck {
                    source,
                    taken_at: Some(w.taken_at),
                    agrees: false,
                    table: Some(c.table().to_string()),
                    first_disagreeing_event: first,
                    message,
                });
            }
        }
    }
    let admin = reports
        .pop()
        .ok_or_else(|| Error::Db("no admin chain report".into()))?;
    let case = reports
        .pop()
        .ok_or_else(|| Error::Db("no case chain report".into()))?;
    Ok(Verification {
        ok: case.first_broken.is_none()
            && admin.first_broken.is_none()
            && checks.iter().all(|c| c.agrees),
        case_events: case,
        admin_events: admin,
        witnesses: checks,
    })
}
