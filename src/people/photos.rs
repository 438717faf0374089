//! The holder's pas photo (4×6) printed on the certificate: kept per applicant, because the same person's
//! later permits carry the same photo until the office takes a new one.

use chrono::{DateTime, Utc};

use crate::actor::{Actor, Role};
use crate::db::Db;
use crate::store::applicants::{self as store, ApplicantId};
use crate::{audit, Error, Result};

/// Large enough for a 600 dpi scan of a 4×6 photo, small enough to keep the register light.
const MAX_BYTES: usize = 2 * 1024 * 1024;

/// The applicant's photo as PNG bytes, if one was set.
pub fn get(db: &Db, id: ApplicantId) -> Result<Option<Vec<u8>>> {
    store::photo(db, id)?.ok_or_else(|| Error::not_found("applicant", id))
}

/// Sets or clears an applicant's photo (front office or admin). Must be a PNG.
pub fn set(
    db: &mut Db,
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
    db.write(|tx| {
        let a = store::get(tx, id)?.ok_or_else(|| Error::not_found("applicant", id))?;
        store::set_photo(tx, id, png, now)?;
        let detail = if png.is_some() { "set" } else { "cleared" };
        audit::admin_event(
            tx,
            Some(actor.id),
            now,
            "applicant.photo",
            &a.nik,
            Some(detail),
        )
    })
}
