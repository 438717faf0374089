//! The `number_series` table: one counter per series of registration or permit numbers, taken inside the
//! transaction that uses the number, so a rolled-back command gives it back and numbers stay gap-free.

use crate::db::{Db, Tx};
use crate::Result;

/// Takes the next number of a series (1 for a new series).
pub fn next(tx: &Tx, key: &str) -> Result<i64> {
    tx.value(
        "INSERT INTO number_series (key, last) VALUES (?1, 1)
         ON CONFLICT (key) DO UPDATE SET last = number_series.last + 1 RETURNING last",
        &[&key],
    )
}

/// The last number taken in a series (0 for a series not started).
pub fn last(db: &Db, key: &str) -> Result<i64> {
    Ok(db
        .value_opt("SELECT last FROM number_series WHERE key = ?1", &[&key])?
        .unwrap_or(0))
}

/// Every series and its last number (a move onto the server checks each continues).
pub fn all(db: &Db) -> Result<Vec<(String, i64)>> {
    db.map(
        "SELECT key, last FROM number_series ORDER BY key",
        &[],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
}
