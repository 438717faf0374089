//! Migration 3's hook, frozen: every register gets its own Ed25519 signing key for the certificate QR
//! when the verification tables are created.

use ed25519_dalek::SigningKey;
use sha2::{Digest, Sha256};

use crate::db::Tx;
use crate::Result;

pub(super) fn create_office_key(tx: &Tx) -> Result<()> {
    let key = SigningKey::generate(&mut rand_core::OsRng);
    let public = key.verifying_key();
    let key_id: String = Sha256::digest(public.as_bytes())
        .iter()
        .take(4)
        .map(|b| format!("{b:02x}"))
        .collect();
    tx.execute(
        "INSERT INTO office_keys (key_id, public_key, secret_key, active) VALUES (?1, ?2, ?3, 1)",
        &[
            &key_id,
            &public.as_bytes().as_slice(),
            &key.to_bytes().as_slice(),
        ],
    )?;
    Ok(())
}
