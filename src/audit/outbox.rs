//! The van's outbox: on a van register every field action (a registration, a handover, a failed
//! delivery, a bag, a survey, a pick-up outcome) is also written, in the same transaction, as a signed link
//! of a chain: its id made on the van, the van's own sequence number, the van clock, the crew member.
//! The office checks the chain and every signature (the van's key, recorded at check-out) before it
//! replays a single action, so a truncated, altered or foreign file is refused whole. On an office
//! register recording is a no-op.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::{DateTime, Utc};
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use rand_core::RngCore;
use sha2::{Digest, Sha256};

use super::chain::GENESIS;
use crate::actor::Actor;
use crate::db::Tx;
use crate::store::van_offline::{self as store, OutboxRow};
use crate::{Error, Result};

fn link(
    prev: &str,
    seq: i64,
    action_id: &str,
    kind: &str,
    payload: &str,
    actor: &str,
    at: &DateTime<Utc>,
) -> String {
    let canonical = serde_json::json!([
        seq,
        action_id,
        kind,
        payload,
        actor,
        crate::time::stamp(*at)
    ])
    .to_string();
    let mut h = Sha256::new();
    h.update(prev.as_bytes());
    h.update(b"\n");
    h.update(canonical.as_bytes());
    format!("{:x}", h.finalize())
}

/// A fresh id for an action, made on the van.
pub fn new_id() -> String {
    let mut b = [0u8; 16];
    rand_core::OsRng.fill_bytes(&mut b);
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// Records a field action in the outbox when this is a van register (and does nothing on the office's).
pub(crate) fn record(
    tx: &Tx,
    actor: &Actor,
    now: DateTime<Utc>,
    kind: &str,
    payload: &serde_json::Value,
) -> Result<()> {
    let Some(van) = store::van_register(tx)? else {
        return Ok(());
    };
    let secret: [u8; 32] = van
        .van_secret
        .as_slice()
        .try_into()
        .map_err(|_| Error::Corrupt("the van's key is damaged".into()))?;
    let key = SigningKey::from_bytes(&secret);
    let (last, prev) = store::outbox_head(tx)?;
    let prev = prev.unwrap_or_else(|| GENESIS.to_string());
    let seq = last + 1;
    let action_id = new_id();
    let payload = payload.to_string();
    let hash = link(
        &prev,
        seq,
        &action_id,
        kind,
        &payload,
        &actor.username,
        &now,
    );
    let signature = URL_SAFE_NO_PAD.encode(key.sign(hash.as_bytes()).to_bytes());
    store::outbox_append(
        tx,
        &OutboxRow {
            seq,
            action_id,
            kind: kind.to_string(),
            payload,
            actor_id: actor.id,
            actor: actor.username.clone(),
            at: now,
            prev_hash: prev,
            hash,
            signature,
            sent_at: None,
        },
    )?;
    tx.mark_field_action();
    Ok(())
}

/// Checks a whole outbox against the van's public key: sequence numbers from 1 without a gap, every link to
/// the one before, every hash and every signature. The first fault refuses the file whole.
pub fn verify(rows: &[OutboxRow], van_key: &[u8]) -> Result<()> {
    let bytes: [u8; 32] = van_key
        .try_into()
        .map_err(|_| Error::Corrupt("the van's recorded key is damaged".into()))?;
    let key = VerifyingKey::from_bytes(&bytes)
        .map_err(|_| Error::Corrupt("the van's recorded key is damaged".into()))?;
    let mut prev = GENESIS.to_string();
    for (i, r) in rows.iter().enumerate() {
        let bad = |why: &str| {
            Error::Corrupt(format!(
                "the van's file is refused: action {} {why}; nothing was checked in",
                r.seq
            ))
        };
        if r.seq != i as i64 + 1 {
            return Err(bad("is out of sequence (an action is missing)"));
        }
        if r.prev_hash != prev {
            return Err(bad("does not follow the action before it"));
        }
        let hash = link(
            &prev,
            r.seq,
            &r.action_id,
            &r.kind,
            &r.payload,
            &r.actor,
            &r.at,
        );
        if hash != r.hash {
            return Err(bad("was changed after it was recorded"));
        }
        let sig = URL_SAFE_NO_PAD
            .decode(&r.signature)
            .ok()
            .and_then(|b| <[u8; 64]>::try_from(b).ok())
            .map(|b| Signature::from_bytes(&b))
            .ok_or_else(|| bad("has no readable signature"))?;
        if key.verify(hash.as_bytes(), &sig).is_err() {
            return Err(bad("is not signed by this van's check-out key"));
        }
        prev = hash;
    }
    Ok(())
}

/// Refuses a change to cases on a van register unless this transaction is a field action: a van laptop
/// records only the day's field work, which goes back to the office register.
pub(crate) fn guard(tx: &Tx, what: &str) -> Result<()> {
    if tx.is_field_action() || !store::is_van(tx)? {
        return Ok(());
    }
    Err(Error::Forbidden(format!(
        "this laptop works offline on a checked-out trip: only field work (registrations, handovers, bags, \
         surveys, pick-ups) is recorded here, not {what}; do it at the office after check-in"
    )))
}
