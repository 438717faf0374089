//! A printed permit checkable without a network: the certificate's QR carries a short claim signed with the
//! office's Ed25519 key, and anyone holding the exported public key can tell a genuine permit from an
//! edited, foreign, expired or revoked one.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::{DateTime, NaiveDate, Utc};
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::audit::{self, Change};
use crate::cases::CaseId;
use crate::users::{Actor, Role};
use crate::{db, text, time, Error, Result};

/// The payload's version tag; a later format gets a new tag and old QR codes keep verifying.
const TAG: &str = "PMK1";
/// The first line of an exported public key file.
const EXPORT_HEADER: &str = "petromaks-office-key 1";
/// Fields never contain control characters (see `text::line`), so a newline separates them unambiguously.
const SEP: char = '\n';

/// What a verification QR code says about a permit: issue-time data only, so the code never changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PermitClaim {
    pub permit_number: String,
    pub holder_name: String,
    /// Masked (`format::mask_nik`): the QR is readable by anyone holding the paper.
    pub masked_nik: String,
    pub permit_type: String,
    /// ISO date; `None` for a permit valid as long as its conditions hold.
    pub valid_until: Option<String>,
    pub key_id: String,
}

/// The answer to "is this permit genuine?".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Genuine,
    /// Not a payload this office's format produces, or its signature does not match its content.
    Tampered,
    /// Well formed, but signed by a key this office does not know.
    UnknownKey,
    Expired,
    Revoked,
}

/// A verdict with what the payload claims (when it could be read) and a sentence for the clerk.
#[derive(Debug, Clone, Serialize)]
pub struct Verification {
    pub verdict: Verdict,
    pub claim: Option<PermitClaim>,
    pub message: String,
}

/// A public key that verifies payloads: this office's own, or one exported by another office.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PublicKey {
    pub key_id: String,
    /// The 32-byte Ed25519 key, base64url without padding.
    pub public_key: String,
}

fn key_id(public: &VerifyingKey) -> String {
    Sha256::digest(public.as_bytes())
        .iter()
        .take(4)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Migration hook: every database gets its own signing key when the verification tables are created.
pub(crate) fn create_office_key(tx: &Transaction) -> rusqlite_migration::HookResult {
    let key = SigningKey::generate(&mut rand_core::OsRng);
    let public = key.verifying_key();
    tx.execute(
        "INSERT INTO office_keys (key_id, public_key, secret_key, active) VALUES (?1, ?2, ?3, 1)",
        params![
            key_id(&public),
            public.as_bytes().as_slice(),
            key.to_bytes().as_slice()
        ],
    )?;
    Ok(())
}

fn active_key(conn: &Connection) -> Result<(String, SigningKey)> {
    let row: Option<(String, Vec<u8>)> = conn
        .query_row(
            "SELECT key_id, secret_key FROM office_keys WHERE active = 1 AND secret_key IS NOT NULL",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let (id, secret) = row.ok_or_else(|| {
        Error::Corrupt("the office signing key is missing; restore a backup".into())
    })?;
    let secret: [u8; 32] = secret
        .try_into()
        .map_err(|_| Error::Corrupt("the office signing key is damaged".into()))?;
    Ok((id, SigningKey::from_bytes(&secret)))
}

/// Every key this office verifies with (its own, current and retired).
pub fn known_keys(conn: &Connection) -> Result<Vec<PublicKey>> {
    let mut stmt = conn.prepare("SELECT key_id, public_key FROM office_keys ORDER BY key_id")?;
    let rows = stmt
        .query_map([], |r| {
            Ok(PublicKey {
                key_id: r.get(0)?,
                public_key: URL_SAFE_NO_PAD.encode(r.get::<_, Vec<u8>>(1)?),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// The office's active public key as a small text file another office or a phone app can load.
pub fn export_public_key(conn: &Connection) -> Result<String> {
    let (id, key) = active_key(conn)?;
    Ok(format!(
        "{EXPORT_HEADER}\nalgorithm: ed25519\nkey_id: {id}\npublic_key: {}\n",
        URL_SAFE_NO_PAD.encode(key.verifying_key().as_bytes())
    ))
}

/// Reads a file written by [`export_public_key`].
pub fn parse_public_key(export: &str) -> Result<PublicKey> {
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
    decode_key(&public_key).ok_or_else(|| bad("the public key is not 32 base64url bytes"))?;
    Ok(PublicKey { key_id, public_key })
}

fn decode_key(b64: &str) -> Option<VerifyingKey> {
    let bytes: [u8; 32] = URL_SAFE_NO_PAD.decode(b64).ok()?.try_into().ok()?;
    VerifyingKey::from_bytes(&bytes).ok()
}

/// Signs a claim with the office's active key; `claim.key_id` is replaced by that key's id.
pub fn sign(conn: &Connection, claim: &PermitClaim) -> Result<String> {
    let (id, key) = active_key(conn)?;
    let fields = [
        claim.permit_number.as_str(),
        &claim.holder_name,
        &claim.masked_nik,
        &claim.permit_type,
        claim.valid_until.as_deref().unwrap_or(""),
        &id,
    ];
    if fields.iter().any(|f| f.contains(SEP)) {
        return Err(Error::invalid(
            "qr",
            "a certificate field contains a line break",
        ));
    }
    let head = format!(
        "{TAG}.{}",
        URL_SAFE_NO_PAD.encode(fields.join(&SEP.to_string()))
    );
    let sig = key.sign(head.as_bytes());
    Ok(format!("{head}.{}", URL_SAFE_NO_PAD.encode(sig.to_bytes())))
}

fn parse(payload: &str) -> Option<(PermitClaim, String, Signature)> {
    let payload = payload.trim();
    let (head, sig) = payload.rsplit_once('.')?;
    let (tag, body) = head.split_once('.')?;
    if tag != TAG {
        return None;
    }
    let body = String::from_utf8(URL_SAFE_NO_PAD.decode(body).ok()?).ok()?;
    let f: Vec<&str> = body.split(SEP).collect();
    let [number, holder, nik, ptype, until, id] = f.as_slice() else {
        return None;
    };
    let sig: [u8; 64] = URL_SAFE_NO_PAD.decode(sig).ok()?.try_into().ok()?;
    let claim = PermitClaim {
        permit_number: number.to_string(),
        holder_name: holder.to_string(),
        masked_nik: nik.to_string(),
        permit_type: ptype.to_string(),
        valid_until: Some(until.to_string()).filter(|u| !u.is_empty()),
        key_id: id.to_string(),
    };
    Some((claim, head.to_string(), Signature::from_bytes(&sig)))
}

/// Checks a payload against `keys` only: no database, no network. `revoked` answers whether a permit
/// number was revoked (an office passes its register; a phone app its last downloaded list, or nothing).
pub fn verify_with(
    payload: &str,
    keys: &[PublicKey],
    today: NaiveDate,
    revoked: &dyn Fn(&str) -> Option<String>,
) -> Verification {
    let answer = |verdict, claim, message: String| Verification {
        verdict,
        claim,
        message,
    };
    let Some((claim, head, sig)) = parse(payload) else {
        return answer(
            Verdict::Tampered,
            None,
            "This is not a Petromaks permit code, or it was altered.".into(),
        );
    };
    let Some(key) = keys
        .iter()
        .find(|k| k.key_id == claim.key_id)
        .and_then(|k| decode_key(&k.public_key))
    else {
        let m = format!(
            "Signed by key {}, which this office does not know: not issued here.",
            claim.key_id
        );
        return answer(Verdict::UnknownKey, Some(claim), m);
    };
    if key.verify(head.as_bytes(), &sig).is_err() {
        return answer(
            Verdict::Tampered,
            Some(claim),
            "The signature does not match the content: this code was altered.".into(),
        );
    }
    if let Some(reason) = revoked(&claim.permit_number) {
        let m = format!("Permit {} was revoked: {reason}", claim.permit_number);
        return answer(Verdict::Revoked, Some(claim), m);
    }
    let expired = claim
        .valid_until
        .as_deref()
        .and_then(|u| NaiveDate::parse_from_str(u, "%Y-%m-%d").ok())
        .filter(|u| *u < today);
    if let Some(until) = expired {
        let m = format!(
            "Genuine, but permit {} expired on {until}.",
            claim.permit_number
        );
        return answer(Verdict::Expired, Some(claim), m);
    }
    let m = format!(
        "Genuine: permit {} issued to {}.",
        claim.permit_number, claim.holder_name
    );
    answer(Verdict::Genuine, Some(claim), m)
}

/// Checks a payload with this office's keys and revocation register, as of the office's day `today`.
pub fn verify(conn: &Connection, payload: &str, today: NaiveDate) -> Result<Verification> {
    let keys = known_keys(conn)?;
    let reason: Option<String> = match parse(payload) {
        Some((claim, _, _)) => conn
            .query_row(
                "SELECT reason FROM revoked_permits WHERE permit_number = ?1",
                [&claim.permit_number],
                |r| r.get(0),
            )
            .optional()?,
        None => None,
    };
    Ok(verify_with(payload, &keys, today, &|_| reason.clone()))
}

/// Revokes an issued permit (signer or admin): its QR code then verifies as revoked. Audited on the case.
pub fn revoke(
    conn: &mut Connection,
    actor: &Actor,
    now: DateTime<Utc>,
    permit_number: &str,
    reason: &str,
) -> Result<()> {
    actor.require(&[Role::Signer, Role::Admin], "revoke a permit")?;
    let reason = text::line("reason", reason, text::MAX_TEXT)?;
    let tx = db::write_tx(conn)?;
    let case: Option<i64> = tx
        .query_row(
            "SELECT id FROM cases WHERE permit_number = ?1",
            [permit_number],
            |r| r.get(0),
        )
        .optional()?;
    let case = CaseId(case.ok_or_else(|| Error::not_found("permit", permit_number))?);
    let already: Option<String> = tx
        .query_row(
            "SELECT revoked_at FROM revoked_permits WHERE permit_number = ?1",
            [permit_number],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(at) = already {
        return Err(Error::Conflict(format!(
            "permit {permit_number} was already revoked at {at}"
        )));
    }
    tx.execute(
        "INSERT INTO revoked_permits (permit_number, reason, revoked_by, revoked_at) VALUES (?1, ?2, ?3, ?4)",
        params![permit_number, reason, actor.id.0, time::stamp(now)],
    )?;
    audit::case_event(
        &tx,
        case,
        actor,
        now,
        Change {
            action: "permit.revoke",
            from: None,
            to: None,
            reason: Some(&reason),
            detail: Some(permit_number),
        },
    )?;
    tx.commit()?;
    Ok(())
}
