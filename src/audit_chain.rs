//! The audit trail made tamper-evident: every case event and admin event is chained to the one before it
//! by a SHA-256 hash, so an edit made to the register file behind the app's back (a SQLite tool, a hex
//! editor) shows as a broken link when the chain is verified.
//!
//! The hash covers a canonical JSON form of the row (table name and every audited column, in a fixed
//! order) and the previous row's hash. A changed value breaks that row's hash; a removed, inserted or
//! reordered row breaks the next row's `prev_hash`.

use rusqlite::types::Value;
use rusqlite::{params, Connection};
use rusqlite_migration::HookResult;
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::Result;

/// The `prev_hash` of the first row of a chain.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The two audited tables; each is its own chain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Chain {
    Case,
    Admin,
}

impl Chain {
    fn table(self) -> &'static str {
        match self {
            Chain::Case => "case_events",
            Chain::Admin => "admin_events",
        }
    }

    /// The audited columns, in the order they are hashed. Never reorder: old hashes depend on it.
    fn columns(self) -> &'static str {
        match self {
            Chain::Case => {
                "id, case_id, at, actor_id, action, from_status, to_status, reason, detail"
            }
            Chain::Admin => "id, at, actor_id, action, target, detail",
        }
    }

    fn width(self) -> usize {
        match self {
            Chain::Case => 9,
            Chain::Admin => 6,
        }
    }
}

fn json_value(v: Value) -> serde_json::Value {
    match v {
        Value::Null => serde_json::Value::Null,
        Value::Integer(i) => i.into(),
        Value::Real(f) => f.into(),
        Value::Text(s) => s.into(),
        Value::Blob(b) => b
            .iter()
            .map(|x| format!("{x:02x}"))
            .collect::<String>()
            .into(),
    }
}

fn link_hash(chain: Chain, prev: &str, values: Vec<Value>) -> String {
    let mut row = vec![serde_json::Value::from(chain.table())];
    row.extend(values.into_iter().map(json_value));
    let canonical = serde_json::Value::Array(row).to_string();
    let mut h = Sha256::new();
    h.update(prev.as_bytes());
    h.update(b"\n");
    h.update(canonical.as_bytes());
    format!("{:x}", h.finalize())
}

/// One stored row: its id, its audited values, and the two hashes as stored.
struct Stored {
    id: i64,
    values: Vec<Value>,
    prev_hash: Option<String>,
    hash: Option<String>,
}

fn read_rows(conn: &Connection, chain: Chain, from_id: i64) -> rusqlite::Result<Vec<Stored>> {
    let n = chain.width();
    let mut stmt = conn.prepare(&format!(
        "SELECT {}, prev_hash, hash FROM {} WHERE id >= ?1 ORDER BY id",
        chain.columns(),
        chain.table()
    ))?;
    let rows = stmt
        .query_map([from_id], |r| {
            let mut values = Vec::with_capacity(n);
            for i in 0..n {
                values.push(r.get::<_, Value>(i)?);
            }
            Ok(Stored {
                id: r.get(0)?,
                values,
                prev_hash: r.get(n)?,
                hash: r.get(n + 1)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

fn head_before(conn: &Connection, chain: Chain, id: i64) -> rusqlite::Result<String> {
    let prev: Option<Option<String>> = conn
        .query_row(
            &format!(
                "SELECT hash FROM {} WHERE id < ?1 ORDER BY id DESC LIMIT 1",
                chain.table()
            ),
            [id],
            |r| r.get(0),
        )
        .map(Some)
        .or_else(|e| match e {
            rusqlite::Error::QueryReturnedNoRows => Ok(None),
            e => Err(e),
        })?;
    // A predecessor without a hash is itself a broken link; chaining to "" keeps this row verifiable.
    Ok(match prev {
        None => GENESIS.to_string(),
        Some(Some(h)) => h,
        Some(None) => String::new(),
    })
}

/// Seals the row `id` just inserted into `chain`'s table, inside the caller's transaction.
pub(crate) fn seal(conn: &Connection, chain: Chain, id: i64) -> Result<()> {
    let prev = head_before(conn, chain, id)?;
    let rows = read_rows(conn, chain, id)?;
    let Some(row) = rows.into_iter().find(|r| r.id == id) else {
        return Err(crate::Error::not_found(chain.table(), id));
    };
    let hash = link_hash(chain, &prev, row.values);
    conn.execute(
        &format!(
            "UPDATE {} SET prev_hash = ?1, hash = ?2 WHERE id = ?3",
            chain.table()
        ),
        params![prev, hash, id],
    )?;
    Ok(())
}

/// Migration `0005_audit_chain`: adds the hash columns, then chains the events a register already has,
/// oldest first.
pub(crate) fn migrate(tx: &rusqlite::Transaction) -> HookResult {
    tx.execute_batch(include_str!("db/migrations/0005_audit_chain.sql"))?;
    for chain in [Chain::Case, Chain::Admin] {
        let mut prev = GENESIS.to_string();
        for row in read_rows(tx, chain, i64::MIN)? {
            let hash = link_hash(chain, &prev, row.values);
            tx.execute(
                &format!(
                    "UPDATE {} SET prev_hash = ?1, hash = ?2 WHERE id = ?3",
                    chain.table()
                ),
                params![prev, hash, row.id],
            )?;
            prev = hash;
        }
    }
    Ok(())
}

/// The first place a chain does not hold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BrokenLink {
    /// The row id in the chain's table.
    pub id: i64,
    pub reason: String,
}

/// What verifying one chain found.
#[derive(Debug, Clone, Serialize)]
pub struct ChainReport {
    pub table: &'static str,
    pub rows: u64,
    pub first_broken: Option<BrokenLink>,
}

/// What verifying the whole audit trail found; `ok` only when both chains hold.
#[derive(Debug, Clone, Serialize)]
pub struct Verification {
    pub ok: bool,
    pub case_events: ChainReport,
    pub admin_events: ChainReport,
}

fn verify_chain(conn: &Connection, chain: Chain) -> Result<ChainReport> {
    let rows = read_rows(conn, chain, i64::MIN)?;
    let mut expected_prev = GENESIS.to_string();
    let mut first_broken = None;
    let count = rows.len() as u64;
    for row in rows {
        let id = row.id;
        let computed = link_hash(chain, &expected_prev, row.values);
        let problem = match (&row.prev_hash, &row.hash) {
            (None, _) | (_, None) => Some("the row has no hash (written outside Petromaks)".to_string()),
            (Some(p), _) if *p != expected_prev => Some(
                "its link to the row before does not match: a row before it was removed, inserted or changed"
                    .to_string(),
            ),
            (_, Some(h)) if *h != computed => {
                Some("its content was changed after it was written".to_string())
            }
            _ => None,
        };
        if let Some(reason) = problem {
            first_broken = Some(BrokenLink { id, reason });
            break;
        }
        expected_prev = computed;
    }
    Ok(ChainReport {
        table: chain.table(),
        rows: count,
        first_broken,
    })
}

/// Verifies both audit chains and reports the first broken link of each. Read-only.
pub fn verify(conn: &Connection) -> Result<Verification> {
    let case_events = verify_chain(conn, Chain::Case)?;
    let admin_events = verify_chain(conn, Chain::Admin)?;
    Ok(Verification {
        ok: case_events.first_broken.is_none() && admin_events.first_broken.is_none(),
        case_events,
        admin_events,
    })
}
