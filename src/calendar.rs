//! Working days: the office's week and its holiday table, for the service standard (SLA) clock.
//!
//! Holidays are an editable table because Islamic holidays move by a day after the government's sighting
//! and cuti bersama is set each year.

use std::collections::HashSet;

use chrono::{Datelike, Duration, NaiveDate};
use rusqlite::Connection;
use serde::Serialize;

use crate::{time, Result};

/// The office's working week and non-working days.
#[derive(Debug, Clone)]
pub struct WorkCalendar {
    work_days: [bool; 7],
    holidays: HashSet<NaiveDate>,
}

/// One row of the holiday table.
#[derive(Debug, Clone, Serialize)]
pub struct Holiday {
    pub day: String,
    pub name: String,
    pub kind: String,
}

/// The longest run of non-working days the calendar accepts before it assumes a misconfiguration.
const MAX_SEARCH_DAYS: i64 = 3660;

impl WorkCalendar {
    /// A calendar from ISO weekday digits (`"12345"` = Monday–Friday) and a set of holidays.
    pub fn new(work_days: &str, holidays: impl IntoIterator<Item = NaiveDate>) -> Self {
        let mut days = [false; 7];
        for c in work_days.chars() {
            if let Some(d) = c.to_digit(10).filter(|d| (1..=7).contains(d)) {
                days[d as usize - 1] = true;
            }
        }
        if !days.iter().any(|d| *d) {
            days[..5].iter_mut().for_each(|d| *d = true);
        }
        WorkCalendar {
            work_days: days,
            holidays: holidays.into_iter().collect(),
        }
    }

    /// Loads the office's week and holiday table.
    pub fn load(conn: &Connection) -> Result<Self> {
        let work_days = crate::office::get(conn)?
            .map(|o| o.work_days)
            .unwrap_or_else(|| "12345".into());
        // Cuti bersama is a day off unless the office has chosen to count it as a working day.
        let mut stmt = conn.prepare(
            "SELECT day FROM holidays WHERE kind = 'national'
                OR NOT coalesce((SELECT cuti_bersama_is_working FROM office WHERE id = 1), 0)",
        )?;
        let days = stmt
            .query_map([], |r| r.get::<_, String>(0))?
            .filter_map(|d| {
                d.ok()
                    .and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok())
            })
            .collect::<Vec<_>>();
        Ok(Self::new(&work_days, days))
    }

    /// Whether the office works on `d`.
    pub fn is_working_day(&self, d: NaiveDate) -> bool {
        self.work_days[d.weekday().number_from_monday() as usize - 1] && !self.holidays.contains(&d)
    }

    /// The `n`th working day after `start` (`start` itself does not count); `start` when `n` is 0.
    pub fn add_working_days(&self, start: NaiveDate, n: u32) -> NaiveDate {
        let mut d = start;
        let mut left = n;
        let mut steps = 0;
        while left > 0 && steps < MAX_SEARCH_DAYS {
            d += Duration::days(1);
            steps += 1;
            if self.is_working_day(d) {
                left -= 1;
            }
        }
        d
    }

    /// Working days in `(from, to]`; negative when `to` is before `from`.
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> i64 {
        let (a, b, sign) = if to >= from {
            (from, to, 1)
        } else {
            (to, from, -1)
        };
        let mut n = 0;
        let mut d = a;
        while d < b {
            d += Duration::days(1);
            if self.is_working_day(d) {
                n += 1;
            }
        }
        n * sign
    }
}

/// Holidays in a year, in date order.
pub fn holidays(conn: &Connection, year: i32) -> Result<Vec<Holiday>> {
    let mut stmt =
        conn.prepare("SELECT day, name, kind FROM holidays WHERE day LIKE ?1 ORDER BY day")?;
    let rows = stmt
        .query_map([format!("{year}-%")], |r| {
            Ok(Holiday {
                day: r.get(0)?,
                name: r.get(1)?,
                kind: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Where a case stands against its service standard on a given day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum SlaState {
    /// The file is not complete yet: the clock has not started.
    NotStarted,
    /// Returned to the applicant: the clock is paused.
    Paused { used_days: u32, sla_days: u32 },
    /// Running: working days left until the due date (0 = due today).
    Running { due: String, days_left: i64 },
    /// Past the due date by this many working days.
    Overdue { due: String, days_overdue: i64 },
    /// Decided or closed: the clock has stopped.
    Stopped,
}

/// The SLA state for a due date on `today`.
pub fn sla_state(cal: &WorkCalendar, due: NaiveDate, today: NaiveDate) -> SlaState {
    let n = cal.working_days_between(today, due);
    if n >= 0 {
        SlaState::Running {
            due: time::day(due),
            days_left: n,
        }
    } else {
        SlaState::Overdue {
            due: time::day(due),
            days_overdue: -n,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    #[test]
    fn skips_weekends_and_holidays() {
        // Christmas 2026 is a Friday.
        let cal = WorkCalendar::new("12345", [d(2026, 12, 25)]);
        // Monday 21 Dec + 5 WD: 22, 23, 24, (25 holiday), 28, 29.
        assert_eq!(cal.add_working_days(d(2026, 12, 21), 5), d(2026, 12, 29));
        assert_eq!(
            cal.working_days_between(d(2026, 12, 21), d(2026, 12, 29)),
            5
        );
        assert_eq!(
            cal.working_days_between(d(2026, 12, 29), d(2026, 12, 21)),
            -5
        );
        assert_eq!(
            sla_state(&cal, d(2026, 12, 29), d(2026, 12, 30)),
            SlaState::Overdue {
                due: "2026-12-29".into(),
                days_overdue: 1
            }
        );
        assert_eq!(
            sla_state(&cal, d(2026, 12, 29), d(2026, 12, 29)),
            SlaState::Running {
                due: "2026-12-29".into(),
                days_left: 0
            }
        );
    }
}
