//! The `office_keys` and `revoked_permits` tables: the office's signing keys (current and retired) and the
//! permits it revoked, for verifying a printed certificate.

use chrono::{DateTime, Utc};

use crate::actor::UserId;
use crate::db::{Db, Tx};
use crate::Result;

/// The active key's id and secret bytes.
pub fn active_secret(db: &Db) -> Result<Option<(String, Vec<u8>)>> {
    db.one(
        "SELECT key_id, secret_key FROM office_keys WHERE active = 1 AND secret_key IS NOT NULL",
        &[],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
}

/// Every key this office verifies with: id and public bytes, by id.
pub fn public_keys(db: &Db) -> Result<Vec<(String, Vec<u8>)>> {
    db.map(
        "SELECT key_id, public_key FROM office_keys ORDER BY key_id",
        &[],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
}

/// Adds a key that verifies only (another office's, or a van's), never signs.
pub fn add_public(tx: &Tx, key_id: &str, public: &[u8]) -> Result<bool> {
    Ok(tx.execute(
        "INSERT INTO office_keys (key_id, public_key, active) VALUES (?1, ?2, 0) ON CONFLICT (key_id) DO NOTHING",
        &[&key_id, &public],
    )? > 0)
}

/// Why a permit was revoked, if it was.
pub fn revocation(db: &Db, permit_number: &str) -> Result<Option<(String, DateTime<Utc>)>> {
    db.one(
        "SELECT reason, revoked_at FROM revoked_permits WHERE permit_number = ?1",
        &[&permit_number],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
}

/// Records a revocation.
pub fn revoke(
    tx: &Tx,
    permit_number: &str,
    reason: &str,
    by: UserId,
    at: DateTime<Utc>,
) -> Result<()> {
    tx.execute(
        "INSERT INTO revoked_permits (permit_number, reason, revoked_by, revoked_at) VALUES (?1, ?2, ?3, ?4)",
        &[&permit_number, &reason, &by, &at],
    )?;
    Ok(())
}
