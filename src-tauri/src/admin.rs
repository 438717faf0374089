//! The administration screens' commands, part one: the permit catalogue editor and the holiday calendar.
//! Every command takes the actor from [`Session`]; writes are checked by the core (`actor.require`), and
//! the read-only ones an editor needs are refused here to anyone but an admin. Staff accounts and the
//! audit log are in `admin_people.rs`.

use chrono::{NaiveDate, Utc};
use petromaks::calendar::{self, Holiday};
use petromaks::cases;
use petromaks::catalogue;
use petromaks::holidays::{self, DueDateChange, HolidayInput};
use petromaks::numbering::{self, PermitNumberParts};
use petromaks::office;
use petromaks::permit_types::{self, PermitType, PermitTypeId, PermitTypeInput};
use petromaks::users::{Actor, Role};
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, Runtime, State};

use crate::error::CommandError;
use crate::native;
use crate::session::Session;
use crate::state::Database;

/// The signed-in user, refused unless an admin: for the read-only commands of the admin screens (the
/// core checks the writes itself).
pub(crate) fn admin(session: &Session, what: &str) -> Result<Actor, CommandError> {
    let actor = session.actor()?;
    actor.require(&[Role::Admin], what)?;
    Ok(actor)
}

/// A permit type as the catalogue list shows it: the type and whether a case ever used it (such a type
/// is never deleted and keeps its code).
#[derive(Debug, Clone, Serialize)]
pub struct CatalogueEntry {
    #[serde(flatten)]
    pub permit_type: PermitType,
    pub in_use: bool,
}

/// Every permit type, active and retired, with whether it is in use.
pub fn catalogue_in(db: &Database, session: &Session) -> Result<Vec<CatalogueEntry>, CommandError> {
    admin(session, "edit the permit catalogue")?;
    db.with(|conn| {
        permit_types::list(conn)?
            .into_iter()
            .map(|t| {
                Ok(CatalogueEntry {
                    in_use: catalogue::in_use(conn, t.id)?,
                    permit_type: t,
                })
            })
            .collect()
    })
}

fn entry(conn: &rusqlite::Connection, t: PermitType) -> petromaks::Result<CatalogueEntry> {
    Ok(CatalogueEntry {
        in_use: catalogue::in_use(conn, t.id)?,
        permit_type: t,
    })
}

/// Adds a permit type.
pub fn create_permit_type_in(
    db: &Database,
    session: &Session,
    input: &PermitTypeInput,
) -> Result<CatalogueEntry, CommandError> {
    let actor = session.actor()?;
    db.with(|conn| {
        let t = catalogue::create(conn, &actor, Utc::now(), input)?;
        entry(conn, t)
    })
}

/// Replaces a permit type's definition.
pub fn update_permit_type_in(
    db: &Database,
    session: &Session,
    id: PermitTypeId,
    input: &PermitTypeInput,
) -> Result<CatalogueEntry, CommandError> {
    let actor = session.actor()?;
    db.with(|conn| {
        let t = catalogue::update(conn, &actor, Utc::now(), id, input)?;
        entry(conn, t)
    })
}

/// Retires (`active` false) or reactivates a permit type.
pub fn set_permit_type_active_in(
    db: &Database,
    session: &Session,
    id: PermitTypeId,
    active: bool,
) -> Result<CatalogueEntry, CommandError> {
    let actor = session.actor()?;
    db.with(|conn| {
        let t = catalogue::set_active(conn, &actor, Utc::now(), id, active)?;
        entry(conn, t)
    })
}

/// Deletes a permit type no case ever used; the core refuses one in use with its reason.
pub fn delete_permit_type_in(
    db: &Database,
    session: &Session,
    id: PermitTypeId,
) -> Result<(), CommandError> {
    let actor = session.actor()?;
    db.with(|conn| catalogue::delete(conn, &actor, Utc::now(), id))
}

/// What the number preview is computed from: the saved type's series (with `template` if given), or,
/// for a type not saved yet, its code and classification with the first number of a series.
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

/// The number the next permit issued today would get with the template being typed, without taking it.
/// A bad template answers `invalid` on `number_template` with the core's explanation.
pub fn preview_number_in(
    db: &Database,
    session: &Session,
    preview: &NumberPreview,
) -> Result<String, CommandError> {
    admin(session, "edit the permit catalogue")?;
    db.with(|conn| {
        let day = cases::office_today(conn, Utc::now())?;
        match preview.id {
            Some(id) => catalogue::preview_next_number(conn, id, Some(&preview.template), day),
            None => {
                let office = office::require(conn)?;
                numbering::render(
                    &preview.template,
                    &PermitNumberParts {
                        classification: &preview.classification,
                        code: &preview.code,
                        unit: &office.unit,
                        day,
                        seq: 1,
                    },
                )
            }
        }
    })
}

/// A year of the holiday calendar and the office's cuti bersama setting.
#[derive(Debug, Clone, Serialize)]
pub struct HolidayYear {
    pub year: i32,
    pub holidays: Vec<Holiday>,
    pub cuti_bersama_is_working: bool,
}

/// The holidays of `year` in date order.
pub fn holiday_year_in(
    db: &Database,
    session: &Session,
    year: i32,
) -> Result<HolidayYear, CommandError> {
    admin(session, "edit the holiday calendar")?;
    if !(1900..=2999).contains(&year) {
        return Err(petromaks::Error::invalid("year", format!("{year} is not a year")).into());
    }
    db.with(|conn| {
        Ok(HolidayYear {
            year,
            holidays: calendar::holidays(conn, year)?,
            cuti_bersama_is_working: holidays::cuti_bersama_is_working(conn)?,
        })
    })
}

/// Adds a holiday; answers the open cases whose due date moved.
pub fn add_holiday_in(
    db: &Database,
    session: &Session,
    holiday: &HolidayInput,
) -> Result<Vec<DueDateChange>, CommandError> {
    let actor = session.actor()?;
    db.with(|conn| holidays::add(conn, &actor, Utc::now(), holiday))
}

/// Changes the holiday on `day`; answers the open cases whose due date moved.
pub fn edit_holiday_in(
    db: &Database,
    session: &Session,
    day: NaiveDate,
    holiday: &HolidayInput,
) -> Result<Vec<DueDateChange>, CommandError> {
    let actor = session.actor()?;
    db.with(|conn| holidays::edit(conn, &actor, Utc::now(), day, holiday))
}

/// Removes the holiday on `day`; answers the open cases whose due date moved.
pub fn remove_holiday_in(
    db: &Database,
    session: &Session,
    day: NaiveDate,
) -> Result<Vec<DueDateChange>, CommandError> {
    let actor = session.actor()?;
    db.with(|conn| holidays::remove(conn, &actor, Utc::now(), day))
}

/// Sets whether cuti bersama counts as a working day; answers the open cases whose due date moved.
pub fn set_cuti_bersama_in(
    db: &Database,
    session: &Session,
    working: bool,
) -> Result<Vec<DueDateChange>, CommandError> {
    let actor = session.actor()?;
    db.with(|conn| holidays::set_cuti_bersama_is_working(conn, &actor, Utc::now(), working))
}

/// Replaces a year's holidays with a CSV text (`day,name,kind`); answers the cases whose due date moved.
pub fn import_holidays_in(
    db: &Database,
    session: &Session,
    year: i32,
    csv_text: &str,
) -> Result<Vec<DueDateChange>, CommandError> {
    let actor = session.actor()?;
    db.with(|conn| holidays::import_year(conn, &actor, Utc::now(), year, csv_text))
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

/// A year of holidays and the cuti bersama setting.
#[tauri::command(async)]
pub fn holiday_year(
    db: State<'_, Database>,
    session: State<'_, Session>,
    year: i32,
) -> Result<HolidayYear, CommandError> {
    holiday_year_in(&db, &session, year)
}

/// Adds a holiday.
#[tauri::command(async)]
pub fn add_holiday(
    db: State<'_, Database>,
    session: State<'_, Session>,
    holiday: HolidayInput,
) -> Result<Vec<DueDateChange>, CommandError> {
    add_holiday_in(&db, &session, &holiday)
}

/// Changes a holiday.
#[tauri::command(async)]
pub fn edit_holiday(
    db: State<'_, Database>,
    session: State<'_, Session>,
    day: NaiveDate,
    holiday: HolidayInput,
) -> Result<Vec<DueDateChange>, CommandError> {
    edit_holiday_in(&db, &session, day, &holiday)
}

/// Removes a holiday.
#[tauri::command(async)]
pub fn remove_holiday(
    db: State<'_, Database>,
    session: State<'_, Session>,
    day: NaiveDate,
) -> Result<Vec<DueDateChange>, CommandError> {
    remove_holiday_in(&db, &session, day)
}

/// Sets whether cuti bersama is a working day.
#[tauri::command(async)]
pub fn set_cuti_bersama(
    db: State<'_, Database>,
    session: State<'_, Session>,
    working: bool,
) -> Result<Vec<DueDateChange>, CommandError> {
    set_cuti_bersama_in(&db, &session, working)
}

/// Replaces a year's holidays with a CSV file (`day,name,kind`) the admin picks in the native dialog;
/// `None` when the dialog is cancelled. A bad line is refused with its number and nothing changes.
#[tauri::command(async)]
pub fn import_holidays<R: Runtime>(
    app: AppHandle<R>,
    db: State<'_, Database>,
    session: State<'_, Session>,
    year: i32,
) -> Result<Option<Vec<DueDateChange>>, CommandError> {
    admin(&session, "edit the holiday calendar")?;
    let Some(path) = native::pick_file(&app, ("CSV", &["csv"]))? else {
        return Ok(None);
    };
    let text = std::fs::read_to_string(&path).map_err(|error| {
        petromaks::Error::invalid("file", format!("cannot read {}: {error}", path.display()))
    })?;
    import_holidays_in(&db, &session, year, &text).map(Some)
}
