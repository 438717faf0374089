//! The holiday calendar editor: national holidays and cuti bersama move every year (sighting, government
//! decrees), and each change moves the due dates of open cases, so every edit recomputes them in the same
//! transaction, audits each moved case, and tells the admin which ones moved.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::calendar::WorkCalendar;
use crate::actor::Actor;
use crate::audit::{self, Change};
use crate::db::{Db, Tx};
use crate::store::cases::CaseId;
use crate::store::holidays as store;
use crate::{text, time, Error, Result};

pub use crate::store::holidays::{Holiday, HolidayKind};

/// A holiday as the admin types it.
#[derive(Debug, Clone, Deserialize)]
pub struct HolidayInput {
    pub day: NaiveDate,
    pub name: String,
    pub kind: HolidayKind,
}

/// An open case whose due date a calendar change moved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DueDateChange {
    pub case_id: CaseId,
    pub registration_number: String,
    pub old_due: NaiveDate,
    pub new_due: NaiveDate,
}

/// A year of the calendar as the admin screen shows it.
#[derive(Debug, Clone, Serialize)]
pub struct HolidayYear {
    pub year: i32,
    pub holidays: Vec<Holiday>,
    pub cuti_bersama_is_working: bool,
}

fn checked(h: &HolidayInput) -> Result<Holiday> {
    Ok(Holiday {
        day: h.day,
        name: text::line("name", &h.name, 120)?,
        kind: h.kind,
    })
}

fn check_year(year: i32) -> Result<()> {
    if (1900..=2999).contains(&year) {
        Ok(())
    } else {
        Err(Error::invalid("year", format!("{year} is not a year")))
    }
}

/// The holidays of a year, in date order (public knowledge: anyone may read them).
pub fn list(db: &Db, year: i32) -> Result<Vec<Holiday>> {
    check_year(year)?;
    store::of_year(db, year)
}

/// The holidays of a year and the cuti bersama setting (admin: the calendar editor's screen).
pub fn year(db: &Db, actor: &Actor, year: i32) -> Result<HolidayYear> {
    actor.require_admin("edit the holiday calendar")?;
    check_year(year)?;
    Ok(HolidayYear {
        year,
        holidays: store::of_year(db, year)?,
        cuti_bersama_is_working: crate::store::office::cuti_bersama_is_working(db)?,
    })
}

/// Recomputes the due dates of the cases whose SLA clock is running, audits each one that moves, and
/// returns them.
fn recompute_tx(tx: &Tx, actor: &Actor, now: DateTime<Utc>) -> Result<Vec<DueDateChange>> {
    let cal = WorkCalendar::load(tx)?;
    let mut moved = Vec::new();
    for c in crate::store::cases::running_clocks(tx)? {
        let new_due =
            cal.add_working_days(c.resumed_on, c.sla_days.saturating_sub(c.sla_used_days));
        if new_due == c.due_date {
            continue;
        }
        crate::store::cases::set_due_date(tx, c.id, new_due, now)?;
        let detail = format!(
            "due {} -> {} (holiday calendar changed)",
            time::day(c.due_date),
            time::day(new_due)
        );
        audit::case_event(
            tx,
            c.id,
            actor,
            now,
            Change::note("due_date.recomputed", Some(&detail)),
        )?;
        moved.push(DueDateChange {
            case_id: c.id,
            registration_number: c.registration_number,
            old_due: c.due_date,
            new_due,
        });
    }
    Ok(moved)
}

/// One calendar change: the edit, its admin event and the recomputed due dates, in one transaction.
fn change(
    db: &mut Db,
    actor: &Actor,
    now: DateTime<Utc>,
    action: &str,
    target: &str,
    detail: Option<&str>,
    edit: impl Fn(&Tx) -> Result<()>,
) -> Result<Vec<DueDateChange>> {
    actor.require_admin("edit the holiday calendar")?;
    db.write(|tx| {
        edit(tx)?;
        audit::admin_event(tx, Some(actor.id), now, action, target, detail)?;
        recompute_tx(tx, actor, now)
    })
}

/// Adds a holiday; returns the open cases whose due date moved.
pub fn add(
    db: &mut Db,
    actor: &Actor,
    now: DateTime<Utc>,
    h: &HolidayInput,
) -> Result<Vec<DueDateChange>> {
    let row = checked(h)?;
    let detail = format!("{} {}", row.kind, row.name);
    change(
        db,
        actor,
        now,
        "holiday.add",
        &time::day(h.day),
        Some(&detail),
        |tx| {
            if store::exists(tx, row.day)? {
                return Err(Error::Conflict(format!(
                    "{} is already in the calendar; edit it instead",
                    time::day(row.day)
                )));
            }
            store::insert(tx, &row)
        },
    )
}

/// Changes the holiday on `day` (its date, name or kind).
pub fn edit(
    db: &mut Db,
    actor: &Actor,
    now: DateTime<Utc>,
    day: NaiveDate,
    h: &HolidayInput,
) -> Result<Vec<DueDateChange>> {
    let row = checked(h)?;
    let detail = format!("-> {} {} {}", time::day(row.day), row.kind, row.name);
    change(
        db,
        actor,
        now,
        "holiday.edit",
        &time::day(day),
        Some(&detail),
        |tx| {
            if !store::exists(tx, day)? {
                return Err(Error::not_found("holiday", time::day(day)));
            }
            if row.day != day && store::exists(tx, row.day)? {
                return Err(Error::Conflict(format!(
                    "{} is already in the calendar",
                    time::day(row.day)
                )));
            }
            store::replace(tx, day, &row).map(|_| ())
        },
    )
}

/// Removes the holiday on `day`.
pub fn remove(
    db: &mut Db,
    actor: &Actor,
    now: DateTime<Utc>,
    day: NaiveDate,
) -> Result<Vec<DueDateChange>> {
    change(
        db,
        actor,
        now,
        "holiday.remove",
        &time::day(day),
        None,
        |tx| {
            if store::delete(tx, day)? {
                Ok(())
            } else {
                Err(Error::not_found("holiday", time::day(day)))
            }
        },
    )
}

/// Replaces a year's holidays with those in a CSV file (`day,name,kind`, with a header, `,` or `;` as
/// Excel writes it). Every row is checked before anything changes; a bad row names its line and nothing
/// is written.
pub fn import_year(
    db: &mut Db,
    actor: &Actor,
    now: DateTime<Utc>,
    year: i32,
    csv_text: &str,
) -> Result<Vec<DueDateChange>> {
    actor.require_admin("edit the holiday calendar")?;
    check_year(year)?;
    let mut rows: Vec<Holiday> = Vec::new();
    let mut reader = crate::spreadsheet::reader(csv_text);
    for rec in reader.records() {
        let rec = rec.map_err(|e| Error::invalid("file", e.to_string()))?;
        let line = rec.position().map(|p| p.line()).unwrap_or(0);
        let bad = |m: String| Error::invalid("file", format!("line {line}: {m}"));
        let (Some(d), Some(n), Some(k)) = (rec.get(0), rec.get(1), rec.get(2)) else {
            return Err(bad("expected day,name,kind".into()));
        };
        let day = time::parse_day("day", d).map_err(|e| bad(e.to_string()))?;
        if day.year() != year {
            return Err(bad(format!("{d} is not in {year}")));
        }
        let kind = k
            .trim()
            .parse::<HolidayKind>()
            .map_err(|_| bad(format!("{k:?} is not national or cuti_bersama")))?;
        let row = checked(&HolidayInput {
            day,
            name: n.to_string(),
            kind,
        })
        .map_err(|e| bad(e.to_string()))?;
        if rows.iter().any(|r| r.day == day) {
            return Err(bad(format!("{d} appears twice")));
        }
        rows.push(row);
    }
    let detail = format!("{} days", rows.len());
    change(
        db,
        actor,
        now,
        "holiday.import",
        &year.to_string(),
        Some(&detail),
        |tx| {
            store::delete_year(tx, year)?;
            for r in &rows {
                store::insert(tx, r)?;
            }
            Ok(())
        },
    )
}

/// Sets whether cuti bersama counts as a working day; returns the open cases whose due date moved.
pub fn set_cuti_bersama_is_working(
    db: &mut Db,
    actor: &Actor,
    now: DateTime<Utc>,
    working: bool,
) -> Result<Vec<DueDateChange>> {
    let detail = if working { "working" } else { "day off" };
    change(
        db,
        actor,
        now,
        "office.cuti_bersama",
        "office",
        Some(detail),
        |tx| {
            if crate::store::office::set_cuti_bersama_is_working(tx, working)? {
                Ok(())
            } else {
                Err(Error::not_found("office", 1))
            }
        },
    )
}
