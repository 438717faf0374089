//! The holiday calendar editor: a year's holidays, adding, editing and removing one, the cuti bersama
//! setting, and a year imported from a CSV. Every change answers the open cases whose due date moved.
//! The core lets only an admin read or change it, and reads the CSV as Excel writes it.

use chrono::{NaiveDate, Utc};
use petromaks::office::holidays::{self, DueDateChange, HolidayInput, HolidayYear};
use tauri::{AppHandle, Runtime, State};

use crate::error::CommandError;
use crate::native;
use crate::state::{Database, Session};

/// The holidays of `year` in date order and the cuti bersama setting.
pub fn holiday_year_in(
    db: &Database,
    session: &Session,
    year: i32,
) -> Result<HolidayYear, CommandError> {
    let actor = session.actor()?;
    db.with(|db| holidays::year(db, &actor, year))
}

/// Adds a holiday.
pub fn add_holiday_in(
    db: &Database,
    session: &Session,
    holiday: &HolidayInput,
) -> Result<Vec<DueDateChange>, CommandError> {
    let actor = session.actor()?;
    db.with(|db| holidays::add(db, &actor, Utc::now(), holiday))
}

/// Changes the holiday on `day`.
pub fn edit_holiday_in(
    db: &Database,
    session: &Session,
    day: NaiveDate,
    holiday: &HolidayInput,
) -> Result<Vec<DueDateChange>, CommandError> {
    let actor = session.actor()?;
    db.with(|db| holidays::edit(db, &actor, Utc::now(), day, holiday))
}

/// Removes the holiday on `day`.
pub fn remove_holiday_in(
    db: &Database,
    session: &Session,
    day: NaiveDate,
) -> Result<Vec<DueDateChange>, CommandError> {
    let actor = session.actor()?;
    db.with(|db| holidays::remove(db, &actor, Utc::now(), day))
}

/// Sets whether cuti bersama counts as a working day.
pub fn set_cuti_bersama_in(
    db: &Database,
    session: &Session,
    working: bool,
) -> Result<Vec<DueDateChange>, CommandError> {
    let actor = session.actor()?;
    db.with(|db| holidays::set_cuti_bersama_is_working(db, &actor, Utc::now(), working))
}

/// Replaces a year's holidays with a CSV text (`day,name,kind`, `;` or `,`, with or without a BOM).
pub fn import_holidays_in(
    db: &Database,
    session: &Session,
    year: i32,
    csv_text: &str,
) -> Result<Vec<DueDateChange>, CommandError> {
    let actor = session.actor()?;
    db.with(|db| holidays::import_year(db, &actor, Utc::now(), year, csv_text))
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

/// Replaces a year's holidays with a CSV file the admin picks in the native dialog; `None` when the
/// dialog is cancelled. A bad line is refused with its number and nothing changes.
#[tauri::command(async)]
pub fn import_holidays<R: Runtime>(
    app: AppHandle<R>,
    db: State<'_, Database>,
    session: State<'_, Session>,
    year: i32,
) -> Result<Option<Vec<DueDateChange>>, CommandError> {
    session.actor()?;
    let Some(path) = native::pick_file(&app, ("CSV", &["csv"]))? else {
        return Ok(None);
    };
    let text = native::read_text(&path)?;
    import_holidays_in(&db, &session, year, &text).map(Some)
}
