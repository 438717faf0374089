//! The holder's pas photo (4×6) printed on the certificate: kept per applicant, because the same person's
//! later permits carry the same photo until the office takes a new one.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};

use crate::applicants::ApplicantId;
use crate::users::{Actor, Role};
use crate::{audit, db, time, Error, Result};

/// Large enough for a 600 dpi scan of a 4×6 photo, small enough to keep the register light.
const MAX_BYTES: usize = 2 * 1024 * 1024;

/// The applicant's photo as PNG bytes, if one was set.
pub fn get(conn: &Connection, id: ApplicantId) -> Result<Option<Vec<u8>>> {
    let row: Option<Option<Vec<u8>>> = conn
        .query_row(
            "SELECT photo_png FROM applicants WHERE id = ?1",
            [id.0],
            |r| r.get(0),
        )
        .optional()?;
    row.ok_or_else(|| Error::not_found("applicant", id.0))
}

/// Sets or clears an applicant's photo (front office or admin). Must be a PNG.
pub fn set(
    conn: &mut Connection,
    actor: &Actor,
    now: DateTime<Utc>,
    id: ApplicantId,
    png: Option<&[u8]>,
) -> Result<()> {
    actor.require(&[Role::Clerk, Role::Admin], "change an applicant's photo")?;
    if let Some(bytes) = png {
        if !bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            return Err(Error::invalid("photo", "the photo must be a PNG image"));
        }
        if bytes.len() > MAX_BYTES {
            return Err(Error::invalid(
                "photo",
                "the photo must be smaller than 2 MB",
            ));
        }
    }
    let tx = db::write_tx(conn)?;
    let nik: Option<String> = tx
        .query_row("SELECT nik FROM applicants WHERE id = ?1", [id.0], |r| {
            r.get(0)
        })
        .optional()?;
    let nik = nik.ok_or_else(|| Error::not_found("applicant", id.0))?;
    tx.execute(
        "UPDATE applicants SET photo_png = ?1, updated_at = ?2 WHERE id = ?3",
        params![png, time::stamp(now), id.0],
    )?;
    let detail = if png.is_some() { "set" } else { "cleared" };
    audit::admin_event(
        &tx,
        Some(actor.id),
        now,
        "applicant.photo",
        &nik,
        Some(detail),
    )?;
    tx.commit()?;
    Ok(())
}
