//! The `holidays` table: national holidays and cuti bersama, an editable calendar.

use chrono::NaiveDate;
use serde::Serialize;

use crate::db::{Db, Tx};
use crate::{sql_enum, Result};

sql_enum! {
    /// A national holiday (libur nasional) or a collective leave day (cuti bersama).
    pub enum HolidayKind {
        National = "national",
        CutiBersama = "cuti_bersama",
    }
}

/// One row of the holiday table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Holiday {
    pub day: NaiveDate,
    pub name: String,
    pub kind: HolidayKind,
}

fn year_range(year: i32) -> (String, String) {
    (format!("{year:04}-01-01"), format!("{year:04}-12-31"))
}

/// The days off: national holidays, and cuti bersama unless the office works on them. A row whose day
/// does not read as a date is an error (it would silently count as a working day).
pub fn days_off(db: &Db) -> Result<Vec<NaiveDate>> {
    db.map(
        "SELECT day FROM holidays WHERE kind = 'national'
            OR coalesce((SELECT cuti_bersama_is_working FROM office WHERE id = 1), 0) = 0",
        &[],
        |r| r.get(0),
    )
}

/// The holidays of a year, in date order.
pub fn of_year(db: &Db, year: i32) -> Result<Vec<Holiday>> {
    let (from, to) = year_range(year);
    db.map(
        "SELECT day, name, kind FROM holidays WHERE day BETWEEN ?1 AND ?2 ORDER BY day",
        &[&from, &to],
        |r| {
            Ok(Holiday {
                day: r.get(0)?,
                name: r.get(1)?,
                kind: r.get(2)?,
            })
        },
    )
}

/// Whether the calendar has a row for `day`.
pub fn exists(db: &Db, day: NaiveDate) -> Result<bool> {
    db.value(
        "SELECT EXISTS (SELECT 1 FROM holidays WHERE day = ?1)",
        &[&day],
    )
}

/// Adds a day off.
pub fn insert(tx: &Tx, h: &Holiday) -> Result<()> {
    tx.execute(
        "INSERT INTO holidays (day, name, kind) VALUES (?1, ?2, ?3)",
        &[&h.day, &h.name, &h.kind],
    )?;
    Ok(())
}

/// Replaces the row of `day`; returns whether there was one.
pub fn replace(tx: &Tx, day: NaiveDate, h: &Holiday) -> Result<bool> {
    Ok(tx.execute(
        "UPDATE holidays SET day = ?2, name = ?3, kind = ?4 WHERE day = ?1",
        &[&day, &h.day, &h.name, &h.kind],
    )? > 0)
}

/// Removes the row of `day`; returns whether there was one.
pub fn delete(tx: &Tx, day: NaiveDate) -> Result<bool> {
    Ok(tx.execute("DELETE FROM holidays WHERE day = ?1", &[&day])? > 0)
}

/// Removes every row of a year (a yearly import replaces them).
pub fn delete_year(tx: &Tx, year: i32) -> Result<u64> {
    let (from, to) = year_range(year);
    tx.execute(
        "DELETE FROM holidays WHERE day BETWEEN ?1 AND ?2",
        &[&from, &to],
    )
}
