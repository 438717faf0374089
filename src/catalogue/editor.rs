//! The permit catalogue editor: an office changes its permit types over the years (a new regulation, a
//! new requirement, a longer service standard) without a developer. A type in use is never deleted, only
//! retired; cases keep the checklist they were registered with, so an edit never rewrites history. All of
//! it is the admin's, checked here.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::numbering::{self, PermitNumberParts};
use super::types::{self, PermitTypeInput};
use crate::actor::Actor;
use crate::db::{Db, Tx};
use crate::store::permit_types::{self as store, PermitType, PermitTypeId};
use crate::{audit, office, Error, Result};

/// A permit type as the editor's list shows it: the type and whether a case ever used it (such a type is
/// never deleted and keeps its code).
#[derive(Debug, Clone, Serialize)]
pub struct CatalogueEntry {
    #[serde(flatten)]
    pub permit_type: PermitType,
    pub in_use: bool,
}

fn entry(db: &Db, t: PermitType) -> Result<CatalogueEntry> {
    Ok(CatalogueEntry {
        in_use: in_use(db, t.id)?,
        permit_type: t,
    })
}

/// Whether any case (open or closed) was registered with this type.
pub fn in_use(db: &Db, id: PermitTypeId) -> Result<bool> {
    crate::store::cases::any_of_type(db, id)
}

/// Every permit type, active and retired, with whether it is in use (admin: the editor's list).
pub fn entries(db: &Db, actor: &Actor) -> Result<Vec<CatalogueEntry>> {
    actor.require_admin("edit the permit catalogue")?;
    store::list(db)?.into_iter().map(|t| entry(db, t)).collect()
}

fn code_taken(tx: &Tx, code: &str, except: Option<PermitTypeId>) -> Result<bool> {
    Ok(matches!(store::id_of(tx, code)?, Some(id) if Some(id) != except))
}

/// Adds a permit type to the catalogue (admin).
pub fn create(
    db: &mut Db,
    actor: &Actor,
    now: DateTime<Utc>,
    t: &PermitTypeInput,
) -> Result<CatalogueEntry> {
    actor.require_admin("edit the permit catalogue")?;
    let checked = types::check(t)?;
    db.write(|tx| {
        if code_taken(tx, checked.code(), None)? {
            return Err(Error::Conflict(format!(
                "the permit code {} is taken",
                checked.code()
            )));
        }
        let id = store::insert(tx, &checked.row())?;
        audit::admin_event(
            tx,
            Some(actor.id),
            now,
            "permit_type.create",
            checked.code(),
            None,
        )?;
        entry(tx, types::get(tx, id)?)
    })
}

/// Replaces a permit type's definition. The code of a type already used by cases stays (it names the
/// number series and the issued permits); requirements apply to cases registered from now on.
pub fn update(
    db: &mut Db,
    actor: &Actor,
    now: DateTime<Utc>,
    id: PermitTypeId,
    t: &PermitTypeInput,
) -> Result<CatalogueEntry> {
    actor.require_admin("edit the permit catalogue")?;
    let checked = types::check(t)?;
    db.write(|tx| {
        let old = types::get(tx, id)?;
        if old.code != checked.code() {
            if in_use(tx, id)? {
                return Err(Error::invalid(
                    "code",
                    format!("{} is used by cases: its code cannot change", old.code),
                ));
            }
            if code_taken(tx, checked.code(), Some(id))? {
                return Err(Error::Conflict(format!(
                    "the permit code {} is taken",
                    checked.code()
                )));
            }
        }
        store::update(tx, id, &checked.row())?;
        audit::admin_event(
            tx,
            Some(actor.id),
            now,
            "permit_type.update",
            checked.code(),
            None,
        )?;
        entry(tx, types::get(tx, id)?)
    })
}

/// Retires (no new applications) or reactivates a permit type. Open cases of a retired type go on.
pub fn set_active(
    db: &mut Db,
    actor: &Actor,
    now: DateTime<Utc>,
    id: PermitTypeId,
    active: bool,
) -> Result<CatalogueEntry> {
    actor.require_admin("edit the permit catalogue")?;
    db.write(|tx| {
        let t = types::get(tx, id)?;
        store::set_active(tx, id, active)?;
        let action = if active {
            "permit_type.reactivate"
        } else {
            "permit_type.retire"
        };
        audit::admin_event(tx, Some(actor.id), now, action, &t.code, None)?;
        entry(tx, types::get(tx, id)?)
    })
}

/// Deletes a permit type that no case has ever used (a mistake); a type in use can only be retired.
pub fn delete(db: &mut Db, actor: &Actor, now: DateTime<Utc>, id: PermitTypeId) -> Result<()> {
    actor.require_admin("edit the permit catalogue")?;
    db.write(|tx| {
        let t = types::get(tx, id)?;
        if in_use(tx, id)? {
            return Err(Error::Conflict(format!(
                "{} is used by cases and is never deleted; retire it instead",
                t.code
            )));
        }
        store::delete(tx, id)?;
        audit::admin_event(tx, Some(actor.id), now, "permit_type.delete", &t.code, None)
    })
}

/// A template being typed in the editor, for a type being edited (`id`) or a new one.
#[derive(Debug, Clone, Deserialize)]
pub struct NumberPreview {
    #[serde(default)]
    pub id: Option<PermitTypeId>,
    pub template: String,
    #[serde(default)]
    pub code: String,
    #[serde(default)]
    pub classification: String,
}

/// The number the next permit issued on `day` would get with the template being typed, without taking
/// it (admin: the editor's live preview). A bad template is `invalid` on `number_template`.
pub fn preview_next_number(
    db: &Db,
    actor: &Actor,
    p: &NumberPreview,
    day: NaiveDate,
) -> Result<String> {
    actor.require_admin("edit the permit catalogue")?;
    let office = office::require(db)?;
    let (classification, code, seq) = match p.id {
        Some(id) => {
            let t = types::get(db, id)?;
            let key = numbering::permit_series_key(&t.code, t.number_reset, day);
            (
                t.classification,
                t.code,
                crate::store::numbers::last(db, &key)? + 1,
            )
        }
        None => (p.classification.clone(), p.code.clone(), 1),
    };
    numbering::render(
        &p.template,
        &PermitNumberParts {
            classification: &classification,
            code: &code,
            unit: &office.unit,
            day,
            seq,
        },
    )
}
