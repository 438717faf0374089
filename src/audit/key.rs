//! The office's Ed25519 key: it signs the verification QR of every certificate and the witnesses of the
//! audit chain, and its public half (exported as a small text file) lets anyone check both offline.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use serde::Serialize;

use crate::db::Db;
use crate::store::keys;
use crate::{Error, Result};

/// The first line of an exported public key file.
const EXPORT_HEADER: &str = "petromaks-office-key 1";

/// A public key that verifies: this office's own, or one exported by another office.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PublicKey {
    pub key_id: String,
    /// The 32-byte Ed25519 key, base64url without padding.
    pub public_key: String,
}

/// The active signing key and its id.
pub(crate) fn active(db: &Db) -> Result<(String, SigningKey)> {
    let (id, secret) = keys::active_secret(db)?.ok_or_else(|| {
        Error::Corrupt("the office signing key is missing; restore a backup".into())
    })?;
    let secret: [u8; 32] = secret
        .try_into()
        .map_err(|_| Error::Corrupt("the office signing key is damaged".into()))?;
    Ok((id, SigningKey::from_bytes(&secret)))
}

/// Signs `message` with the office's active key: the key's id and the signature (base64url).
pub fn sign(db: &Db, message: &[u8]) -> Result<(String, String)> {
    let (id, key) = active(db)?;
    Ok((id, signature(&key, message)))
}

/// `key`'s signature over `message`, base64url: for a caller that needed the key's id before signing.
pub(crate) fn signature(key: &SigningKey, message: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(key.sign(message).to_bytes())
}

/// Every key this office verifies with (its own, current and retired, and the ones it was given).
pub fn known(db: &Db) -> Result<Vec<PublicKey>> {
    Ok(keys::public_keys(db)?
        .into_iter()
        .map(|(key_id, bytes)| PublicKey {
            key_id,
            public_key: URL_SAFE_NO_PAD.encode(bytes),
        })
        .collect())
}

pub(crate) fn decode(b64: &str) -> Option<VerifyingKey> {
    let bytes: [u8; 32] = URL_SAFE_NO_PAD.decode(b64).ok()?.try_into().ok()?;
    VerifyingKey::from_bytes(&bytes).ok()
}

/// Whether `signature` (base64url) over `message` was made by key `key_id` of `keys`.
pub fn verify_with(keys: &[PublicKey], key_id: &str, message: &[u8], signature: &str) -> bool {
    let Some(key) = keys
        .iter()
        .find(|k| k.key_id == key_id)
        .and_then(|k| decode(&k.public_key))
    else {
        return false;
    };
    let Some(sig) = URL_SAFE_NO_PAD
        .decode(signature)
        .ok()
        .and_then(|b| <[u8; 64]>::try_from(b).ok())
    else {
        return false;
    };
    key.verify(message, &Signature::from_bytes(&sig)).is_ok()
}

/// The office's active public key as a small text file another office or a phone app can load.
pub fn export_public(db: &Db) -> Result<String> {
    let (id, key) = active(db)?;
    Ok(format!(
        "{EXPORT_HEADER}\nalgorithm: ed25519\nkey_id: {id}\npublic_key: {}\n",
        URL_SAFE_NO_PAD.encode(key.verifying_key().as_bytes())
    ))
}

/// Reads a file written by [`export_public`].
pub fn parse_public(export: &str) -> Result<PublicKey> {
    let bad = |m: &str| Error::invalid("key", format!("not a Petromaks public key file: {m}"));
    let mut lines = export.lines().map(str::trim);
    if lines.next() != Some(EXPORT_HEADER) {
        return Err(bad("the first line must be `petromaks-office-key 1`"));
    }
    let (mut id, mut public) = (None, None);
    for line in lines {
        match line.split_once(": ") {
            Some(("key_id", v)) => id = Some(v.to_string()),
            Some(("public_key", v)) => public = Some(v.to_string()),
            _ => {}
        }
    }
    let (key_id, public_key) = id
        .zip(public)
        .ok_or_else(|| bad("key_id or public_key missing"))?;
    decode(&public_key).ok_or_else(|| bad("the public key is not 32 base64url bytes"))?;
    Ok(PublicKey { key_id, public_key })
}
