//! The permit catalogue editor: the list with whether each type is in use, adding, editing, retiring and
//! deleting a type, and the live preview of the next permit number. All of it is the admin's, checked by
//! the core, which also checks every definition (the same refusals as the command line).

use chrono::Utc;
use petromaks::catalogue::editor::{self, CatalogueEntry, NumberPreview};
use petromaks::catalogue::{PermitTypeId, PermitTypeInput};
use petromaks::office;
use tauri::State;

use crate::error::CommandError;
use crate::state::{Database, Session};

/// Every permit type, active and retired, with whether it is in use.
pub fn catalogue_in(db: &Database, session: &Session) -> Result<Vec<CatalogueEntry>, CommandError> {
    let actor = session.actor()?;
    db.with(|db| editor::entries(db, &actor))
}

/// Adds a permit type.
pub fn create_permit_type_in(
    db: &Database,
    session: &Session,
    input: &PermitTypeInput,
) -> Result<CatalogueEntry, CommandError> {
    let actor = session.actor()?;
    db.with(|db| editor::create(db, &actor, Utc::now(), input))
}

/// Replaces a permit type's definition.
pub fn update_permit_type_in(
    db: &Database,
    session: &Session,
    id: PermitTypeId,
    input: &PermitTypeInput,
) -> Result<CatalogueEntry, CommandError> {
    let actor = session.actor()?;
    db.with(|db| editor::update(db, &actor, Utc::now(), id, input))
}

/// Retires (`active` false) or reactivates a permit type.
pub fn set_permit_type_active_in(
    db: &Database,
    session: &Session,
    id: PermitTypeId,
    active: bool,
) -> Result<CatalogueEntry, CommandError> {
    let actor = session.actor()?;
    db.with(|db| editor::set_active(db, &actor, Utc::now(), id, active))
}

/// Deletes a permit type no case ever used; the core refuses one in use with its reason.
pub fn delete_permit_type_in(
    db: &Database,
    session: &Session,
    id: PermitTypeId,
) -> Result<(), CommandError> {
    let actor = session.actor()?;
    db.with(|db| editor::delete(db, &actor, Utc::now(), id))
}

/// The number the next permit issued today would get with the template being typed, without taking it.
/// A bad template answers `invalid` on `number_template` with the core's explanation.
pub fn preview_number_in(
    db: &Database,
    session: &Session,
    preview: &NumberPreview,
) -> Result<String, CommandError> {
    let actor = session.actor()?;
    db.with(|db| {
        let day = office::today(db, Utc::now())?;
        editor::preview_next_number(db, &actor, preview, day)
    })
}

/// Every permit type with whether it is in use (admin).
#[tauri::command(async)]
pub fn admin_catalogue(
    db: State<'_, Database>,
    session: State<'_, Session>,
) -> Result<Vec<CatalogueEntry>, CommandError> {
    catalogue_in(&db, &session)
}

/// Adds a permit type.
#[tauri::command(async)]
pub fn create_permit_type(
    db: State<'_, Database>,
    session: State<'_, Session>,
    input: PermitTypeInput,
) -> Result<CatalogueEntry, CommandError> {
    create_permit_type_in(&db, &session, &input)
}

/// Saves a permit type's definition.
#[tauri::command(async)]
pub fn update_permit_type(
    db: State<'_, Database>,
    session: State<'_, Session>,
    id: PermitTypeId,
    input: PermitTypeInput,
) -> Result<CatalogueEntry, CommandError> {
    update_permit_type_in(&db, &session, id, &input)
}

/// Retires or reactivates a permit type.
#[tauri::command(async)]
pub fn set_permit_type_active(
    db: State<'_, Database>,
    session: State<'_, Session>,
    id: PermitTypeId,
    active: bool,
) -> Result<CatalogueEntry, CommandError> {
    set_permit_type_active_in(&db, &session, id, active)
}

/// Deletes a permit type never used.
#[tauri::command(async)]
pub fn delete_permit_type(
    db: State<'_, Database>,
    session: State<'_, Session>,
    id: PermitTypeId,
) -> Result<(), CommandError> {
    delete_permit_type_in(&db, &session, id)
}

/// Previews the next permit number with the template being typed.
#[tauri::command(async)]
pub fn preview_permit_number(
    db: State<'_, Database>,
    session: State<'_, Session>,
    preview: NumberPreview,
) -> Result<String, CommandError> {
    preview_number_in(&db, &session, &preview)
}
