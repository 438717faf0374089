//! Migration 5's hook, frozen: chains the events a register already had when the hash columns arrived,
//! oldest first, with the canonical form of that version (the live chain must hash the same way; a test in
//! `audit::chain` compares the two).

use sha2::{Digest, Sha256};

use crate::db::{Tx, Value};
use crate::Result;

const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

const CHAINS: [(&str, &str); 2] = [
    (
        "case_events",
        "id, case_id, at, actor_id, action, from_status, to_status, reason, detail",
    ),
    ("admin_events", "id, at, actor_id, action, target, detail"),
];

fn json(v: &Value) -> serde_json::Value {
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

pub(super) fn link_hash(table: &str, prev: &str, values: &[Value]) -> String {
    let mut row = vec![serde_json::Value::from(table)];
    row.extend(values.iter().map(json));
    let canonical = serde_json::Value::Array(row).to_string();
    let mut h = Sha256::new();
    h.update(prev.as_bytes());
    h.update(b"\n");
    h.update(canonical.as_bytes());
    format!("{:x}", h.finalize())
}

pub(super) fn chain_existing_events(tx: &Tx) -> Result<()> {
    for (table, columns) in CHAINS {
        let rows = tx.query(&format!("SELECT {columns} FROM {table} ORDER BY id"), &[])?;
        let mut prev = GENESIS.to_string();
        for row in rows {
            let id: i64 = row.get(0)?;
            let hash = link_hash(table, &prev, &row.into_values());
            tx.execute(
                &format!("UPDATE {table} SET prev_hash = ?1, hash = ?2 WHERE id = ?3"),
                &[&prev, &hash, &id],
            )?;
            prev = hash;
        }
    }
    Ok(())
}
