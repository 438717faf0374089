//! The holiday calendar editor: national holidays and cuti bersama move every year (sighting, government
//! decrees), and each change moves the due dates of open cases, so every edit recomputes them in the same
//! transaction, audits each moved case, and tells the admin which ones moved.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};

use crate::audit::{self, Change};
use crate::calendar::WorkCalendar;
use crate::cases::CaseId;
use crate::sql_enum;
use crate::users::{Actor, Role};
use crate::{db, text, time, Error, Result};

sql_enum! {
    /// A national holiday (libur nasional) or a collective leave day (cuti bersama).
    pub enum HolidayKind {
        National = "national",
        CutiBersama = "cuti_bersama",
    }
}

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
    pub old_due: String,
    pub new_due: String,
}

fn check(h: &HolidayInput) -> Result<String> {
    text::line("name", &h.name, 120)
}

fn exists(tx: &Transaction, day: NaiveDate) -> Result<bool> {
    Ok(tx
        .query_row(
            "SELECT 1 FROM holidays WHERE day = ?1",
            [time::day(day)],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

/// Recomputes the due dates of the cases whose SLA clock is running (verified, in review), audits each
/// one that moves, and returns them.
fn recompute_tx(tx: &Transaction, actor: &Actor, now: DateTime<Utc>) -> Result<Vec<DueDateChange>> {
    let cal = WorkCalendar::load(tx)?;
    let open: Vec<(i64, String, u32, u32, String, String)> = tx
        .prepare(
            "SELECT id, registration_number, sla_days, sla_used_days, sla_resumed_on, due_date FROM cases
             WHERE status IN ('verified', 'in_review') AND sla_resumed_on IS NOT NULL AND due_date IS NOT NULL
             ORDER BY id",
        )?
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut moved = Vec::new();
    for (id, reg, sla, used, resumed, old_due) in open {
        let from = time::parse_day("sla_resumed_on", &resumed)?;
        let new_due = time::day(cal.add_working_days(from, sla.saturating_sub(used)));
        if new_due == old_due {
            continue;
        }
        tx.execute(
            "UPDATE cases SET due_date = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, new_due, time::stamp(now)],
        )?;
        let detail = format!("due {old_due} -> {new_due} (holiday calendar changed)");
        audit::case_event(
            tx,
            CaseId(id),
            actor,
            now,
            Change {
                action: "due_date.recomputed",
                from: None,
                to: None,
                reason: None,
                detail: Some(&detail),
            },
        )?;
        moved.push(DueDateChange {
            case_id: CaseId(id),
            registration_number: reg,
            old_due,
            new_due,
        });
    }
    Ok(moved)
}

fn finish(
    tx: Transaction,
    actor: &Actor,
    now: DateTime<Utc>,
    action: &str,
    target: &str,
    detail: Option<&str>,
) -> Result<Vec<DueDateChange>> {
    audit::admin_event(&tx, Some(actor.id), now, action, target, detail)?;
    let moved = recompute_tx(&tx, actor, now)?;
    tx.commit()?;
    Ok(moved)
}

/// Adds a holiday; returns the open cases whose due date moved.
pub fn add(
    conn: &mut rusqlite::Connection,
    actor: &Actor,
    now: DateTime<Utc>,
    h: &HolidayInput,
) -> Result<Vec<DueDateChange>> {
    actor.require(&[Role::Admin], "edit the holiday calendar")?;
    let name = check(h)?;
    let tx = db::write_tx(conn)?;
    if exists(&tx, h.day)? {
        return Err(Error::Conflict(format!(
            "{} is already in the calendar; edit it instead",
            time::day(h.day)
        )));
    }
    tx.execute(
        "INSERT INTO holidays (day, name, kind) VALUES (?1, ?2, ?3)",
        params![time::day(h.day), name, h.kind],
    )?;
    let detail = format!("{} {}", h.kind, name);
    finish(
        tx,
        actor,
        now,
        "holiday.add",
        &time::day(h.day),
        Some(&detail),
    )
}

/// Changes the holiday on `day` (its date, name or kind).
pub fn edit(
    conn: &mut rusqlite::Connection,
    actor: &Actor,
    now: DateTime<Utc>,
    day: NaiveDate,
    h: &HolidayInput,
) -> Result<Vec<DueDateChange>> {
    actor.require(&[Role::Admin], "edit the holiday calendar")?;
    let name = check(h)?;
    let tx = db::write_tx(conn)?;
    if !exists(&tx, day)? {
        return Err(Error::not_found("holiday", time::day(day)));
    }
    if h.day != day && exists(&tx, h.day)? {
        return Err(Error::Conflict(format!(
            "{} is already in the calendar",
            time::day(h.day)
        )));
    }
    tx.execute(
        "UPDATE holidays SET day = ?2, name = ?3, kind = ?4 WHERE day = ?1",
        params![time::day(day), time::day(h.day), name, h.kind],
    )?;
    let detail = format!("-> {} {} {}", time::day(h.day), h.kind, name);
    finish(
        tx,
        actor,
        now,
        "holiday.edit",
        &time::day(day),
        Some(&detail),
    )
}

/// Removes the holiday on `day`.
pub fn remove(
    conn: &mut rusqlite::Connection,
    actor: &Actor,
    now: DateTime<Utc>,
    day: NaiveDate,
) -> Result<Vec<DueDateChange>> {
    actor.require(&[Role::Admin], "edit the holiday calendar")?;
    let tx = db::write_tx(conn)?;
    if tx.execute("DELETE FROM holidays WHERE day = ?1", [time::day(day)])? == 0 {
        return Err(Error::not_found("holiday", time::day(day)));
    }
    finish(tx, actor, now, "holiday.remove", &time::day(day), None)
}

/// Replaces a year's holidays with those in a CSV file (`day,name,kind`, with a header). Every row is
/// checked before anything changes; a bad row names its line and nothing is written.
pub fn import_year(
    conn: &mut rusqlite::Connection,
    actor: &Actor,
    now: DateTime<Utc>,
    year: i32,
    csv_text: &str,
) -> Result<Vec<DueDateChange>> {
    actor.require(&[Role::Admin], "edit the holiday calendar")?;
    let mut rows: Vec<(NaiveDate, String, HolidayKind)> = Vec::new();
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
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
        let input = HolidayInput {
            day,
            name: n.to_string(),
            kind,
        };
        let name = check(&input).map_err(|e| bad(e.to_string()))?;
        if rows.iter().any(|r| r.0 == day) {
            return Err(bad(format!("{d} appears twice")));
        }
        rows.push((day, name, kind));
    }
    let tx = db::write_tx(conn)?;
    tx.execute(
        "DELETE FROM holidays WHERE day LIKE ?1",
        [format!("{year}-%")],
    )?;
    for (day, name, kind) in &rows {
        tx.execute(
            "INSERT INTO holidays (day, name, kind) VALUES (?1, ?2, ?3)",
            params![time::day(*day), name, kind],
        )?;
    }
    let detail = format!("{} days", rows.len());
    finish(
        tx,
        actor,
        now,
        "holiday.import",
        &year.to_string(),
        Some(&detail),
    )
}

/// Whether cuti bersama counts as a working day in this office.
pub fn cuti_bersama_is_working(conn: &rusqlite::Connection) -> Result<bool> {
    Ok(conn
        .query_row(
            "SELECT cuti_bersama_is_working FROM office WHERE id = 1",
            [],
            |r| r.get(0),
        )
        .optional()?
        .unwrap_or(false))
}

/// Sets whether cuti bersama counts as a working day; returns the open cases whose due date moved.
pub fn set_cuti_bersama_is_working(
    conn: &mut rusqlite::Connection,
    actor: &Actor,
    now: DateTime<Utc>,
    working: bool,
) -> Result<Vec<DueDateChange>> {
    actor.require(&[Role::Admin], "change the office calendar")?;
    let tx = db::write_tx(conn)?;
    if tx.execute(
        "UPDATE office SET cuti_bersama_is_working = ?1 WHERE id = 1",
        [working],
    )? == 0
    {
        return Err(Error::not_found("office", 1));
    }
    let detail = if working { "working" } else { "day off" };
    finish(
        tx,
        actor,
        now,
        "office.cuti_bersama",
        "office",
        Some(detail),
    )
}
