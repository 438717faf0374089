//! The audit trail made tamper-evident: every case event and admin event is chained to the one before it
//! by a SHA-256 hash, so an edit made to the register behind the app's back shows as a broken link.
//!
//! The hash covers a canonical JSON form of the row (table name and every audited column, in a fixed
//! order, exactly as stored) and the previous row's hash. A changed value breaks that row's hash; a
//! removed, inserted or reordered row breaks the next row's `prev_hash`. A chain rewritten and rehashed as
//! a whole still holds together, which is why its head is also kept outside the register ([`super::witness`]).

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::actor::Actor;
use crate::db::{Db, Tx, Value};
use crate::store::events::{self as store, Chain};
use crate::Result;

/// The `prev_hash` of the first row of a chain.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

fn json_value(v: &Value) -> serde_json::Value {
    match v {
        Value::Null => serde_json::Value::Null,
        Value::Int(i) => (*i).into(),
        Value::Real(f) => (*f).into(),
        Value::Text(s) => s.clone().into(),
        Value::Blob(b) => b
            .iter()
            .map(|x| format!("{x:02x}"))
            .collect::<String>()
            .into(),
    }
}

/// The hash of one row linked to `prev`.
pub fn link_hash(chain: Chain, prev: &str, values: &[Value]) -> String {
    let mut row = vec![serde_json::Value::from(chain.table())];
    row.extend(values.iter().map(json_value));
    let canonical = serde_json::Value::Array(row).to_string();
    let mut h = Sha256::new();
    h.update(prev.as_bytes());
    h.update(b"\n");
    h.update(canonical.as_bytes());
    format!("{:x}", h.finalize())
}

/// Writes one row of `chain` sealed to the row before it, inside the caller's transaction: `values` are
/// the row's audited columns as they will be stored.
pub(crate) fn append(tx: &Tx, chain: Chain, values: &[Value]) -> Result<()> {
    // A predecessor without a hash is itself a broken link; chaining to "" keeps this row verifiable.
    let prev = match store::last_hash(tx, chain)? {
        None => GENESIS.to_string(),
        Some(Some(h)) => h,
        Some(None) => String::new(),
    };
    let hash = link_hash(chain, &prev, values);
    store::insert_sealed(tx, chain, values, &prev, &hash)
}

/// A chain's head held in memory while one transaction appends many rows (the bulk demo): the same rows
/// and hashes [`append`] writes, without reading the head back before each row, written a few dozen at
/// a time. Made inside the transaction it writes in (which holds the register's write lock), and
/// [`Sealer::flush`]ed before that transaction commits.
pub(crate) struct Sealer {
    chain: Chain,
    next_id: i64,
    prev: String,
    pending: Vec<(Vec<Value>, String, String)>,
}

impl Sealer {
    pub(crate) fn start(tx: &Tx, chain: Chain) -> Result<Sealer> {
        let prev = match store::last_hash(tx, chain)? {
            None => GENESIS.to_string(),
            Some(Some(h)) => h,
            Some(None) => String::new(),
        };
        Ok(Sealer {
            chain,
            next_id: store::next_id(tx, chain)?,
            prev,
            pending: Vec::new(),
        })
    }

    /// The id the next row gets.
    pub(crate) fn next_id(&self) -> i64 {
        self.next_id
    }

    /// Seals one row whose values start with [`Sealer::next_id`]; written at the next flush.
    pub(crate) fn append(&mut self, tx: &Tx, values: Vec<Value>) -> Result<()> {
        let hash = link_hash(self.chain, &self.prev, &values);
        let prev = std::mem::replace(&mut self.prev, hash.clone());
        self.pending.push((values, prev, hash));
        self.next_id += 1;
        if self.pending.len() >= 500 {
            self.flush(tx)?;
        }
        Ok(())
    }

    /// Writes the rows sealed so far.
    pub(crate) fn flush(&mut self, tx: &Tx) -> Result<()> {
        store::insert_sealed_many(tx, self.chain, &self.pending)?;
        self.pending.clear();
        Ok(())
    }
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
    /// The last row's id and hash, as computed (what a witness records).
    pub head_id: Option<i64>,
    pub head_hash: Option<String>,
    pub first_broken: Option<BrokenLink>,
}

/// What verifying the whole audit trail found; `ok` only when both chains hold and every witness agrees.
#[derive(Debug, Clone, Serialize)]
pub struct Verification {
    pub ok: bool,
    pub case_events: ChainReport,
    pub admin_events: ChainReport,
    /// What the witnesses outside the register say (none checked when the list is empty).
    pub witnesses: Vec<super::witness::WitnessCheck>,
}

/// Walks one chain, calling `seen(id, hash)` for every row that holds.
pub(crate) fn walk(db: &Db, chain: Chain, mut seen: impl FnMut(i64, &str)) -> Result<ChainReport> {
    let mut expected_prev = GENESIS.to_string();
    let mut first_broken = None;
    let mut rows = 0u64;
    let mut head = None;
    store::each_chain_row(db, chain, i64::MIN, |row| {
        rows += 1;
        if first_broken.is_some() {
            return Ok(());
        }
        let computed = link_hash(chain, &expected_prev, &row.values);
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
        match problem {
            Some(reason) => first_broken = Some(BrokenLink { id: row.id, reason }),
            None => {
                seen(row.id, &computed);
                head = Some((row.id, computed.clone()));
                expected_prev = computed;
            }
        }
        Ok(())
    })?;
    Ok(ChainReport {
        table: chain.table(),
        rows,
        head_id: head.as_ref().map(|h| h.0),
        head_hash: head.map(|h| h.1),
        first_broken,
    })
}

/// Verifies both audit chains and reports the first broken link of each (admin only). Read-only. The
/// witnesses in `witness_dirs` (the backup folder) are compared with the chain too.
pub fn verify(db: &Db, actor: &Actor, witness_dirs: &[&std::path::Path]) -> Result<Verification> {
    actor.require_admin("verify the audit trail")?;
    super::witness::verify_all(db, witness_dirs)
}
