//! A printed permit checkable without a network: the certificate's QR carries a short claim signed with the
//! office's Ed25519 key, and anyone holding the exported public key can tell a genuine permit from an
//! edited, foreign, expired or revoked one.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use crate::actor::{Actor, Role};
use crate::audit::key::{self, PublicKey};
use crate::audit::{self, Change};
use crate::db::Db;
use crate::store::{cases, keys};
use crate::{text, Error, Result};

/// The payload's version tag; a later format gets a new tag and old QR codes keep verifying.
const TAG: &str = "PMK1";
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

/// Every key this office verifies with.
pub fn known_keys(db: &Db) -> Result<Vec<PublicKey>> {
    key::known(db)
}

/// The office's active public key as a small text file another office or a phone app can load.
pub fn export_public_key(db: &Db) -> Result<String> {
    key::export_public(db)
}

/// Reads a file written by [`export_public_key`].
pub fn parse_public_key(export: &str) -> Result<PublicKey> {
    key::parse_public(export)
}

/// Signs a claim with the office's active key; `claim.key_id` is replaced by that key's id.
pub fn sign(db: &Db, claim: &PermitClaim) -> Result<String> {
    // The key is read (and its public half derived) once: a certificate file took both twice.
    let (id, signing) = key::active(db)?;
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
    let sig = key::signature(&signing, head.as_bytes());
    Ok(format!("{head}.{sig}"))
}

fn parse(payload: &str) -> Option<(PermitClaim, String, String)> {
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
    let claim = PermitClaim {
        permit_number: number.to_string(),
        holder_name: holder.to_string(),
        masked_nik: nik.to_string(),
        permit_type: ptype.to_string(),
        valid_until: Some(until.to_string()).filter(|u| !u.is_empty()),
        key_id: id.to_string(),
    };
    Some((claim, head.to_string(), sig.to_string()))
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
    if !keys
        .iter()
        .any(|k| k.key_id == claim.key_id && key::decode(&k.public_key).is_some())
    {
        let m = format!(
            "Signed by key {}, which this office does not know: not issued here.",
            claim.key_id
        );
        return answer(Verdict::UnknownKey, Some(claim), m);
    }
    if !key::verify_with(keys, &claim.key_id, head.as_bytes(), &sig) {
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
    // A validity date that does not read is never taken as "not expired".
    let until = match claim
        .valid_until
        .as_deref()
        .map(|u| NaiveDate::parse_from_str(u, "%Y-%m-%d"))
    {
        None => None,
        Some(Ok(d)) => Some(d),
        Some(Err(_)) => {
            return answer(
                Verdict::Tampered,
                Some(claim),
                "The code's validity date cannot be read: treat this permit as not genuine.".into(),
            )
        }
    };
    if let Some(until) = until.filter(|u| *u < today) {
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
pub fn verify(db: &Db, payload: &str, today: NaiveDate) -> Result<Verification> {
    let keys = known_keys(db)?;
    let reason: Option<String> = match parse(payload) {
        Some((claim, _, _)) => keys::revocation(db, &claim.permit_number)?.map(|(r, _)| r),
        None => None,
    };
    Ok(verify_with(payload, &keys, today, &|_| reason.clone()))
}

/// Revokes an issued permit (signer or admin): its QR code then verifies as revoked. Audited on the case.
pub fn revoke(
    db: &mut Db,
    actor: &Actor,
    now: DateTime<Utc>,
    permit_number: &str,
    reason: &str,
) -> Result<()> {
    actor.require(&[Role::Signer, Role::Admin], "revoke a permit")?;
    let reason = text::line("reason", reason, text::MAX_TEXT)?;
    db.write(|tx| {
        let case = cases::by_permit_number(tx, permit_number)?
            .ok_or_else(|| Error::not_found("permit", permit_number))?;
        if let Some((_, at)) = keys::revocation(tx, permit_number)? {
            return Err(Error::Conflict(format!(
                "permit {permit_number} was already revoked at {}",
                crate::time::stamp(at)
            )));
        }
        keys::revoke(tx, permit_number, &reason, actor.id, now)?;
        audit::case_event(
            tx,
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
        )
    })
}
