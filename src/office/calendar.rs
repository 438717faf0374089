//! Working days: the office's week and its holiday table, for the service standard (SLA) clock.
//!
//! Holidays are an editable table because Islamic holidays move by a day after the government's sighting
//! and cuti bersama is set each year.

use std::collections::HashSet;

use chrono::{Datelike, Duration, NaiveDate};
use serde::Serialize;

use crate::db::Db;
use crate::store::office::WorkDays;
use crate::{store, Result};

/// The office's working week and non-working days.
#[derive(Debug, Clone)]
pub struct WorkCalendar {
    work_days: WorkDays,
    holidays: HashSet<NaiveDate>,
}

/// The longest run of non-working days the calendar accepts before it assumes a misconfiguration.
const MAX_SEARCH_DAYS: i64 = 3660;

impl WorkCalendar {
    /// A calendar from a working week and a set of days off.
    pub fn new(work_days: WorkDays, holidays: impl IntoIterator<Item = NaiveDate>) -> Self {
        WorkCalendar {
            work_days,
            holidays: holidays.into_iter().collect(),
        }
    }

    /// Loads the office's week (Monday–Friday before setup) and its days off. A holiday row that does not
    /// read as a date is an error: dropping it would count a holiday as a working day.
    pub fn load(db: &Db) -> Result<Self> {
        let work_days = store::office::get(db)?
            .map(|o| o.work_days)
            .unwrap_or(WorkDays::MONDAY_TO_FRIDAY);
        Ok(Self::new(work_days, store::holidays::days_off(db)?))
    }

    /// Whether the office works on `d`.
    pub fn is_working_day(&self, d: NaiveDate) -> bool {
        self.work_days.works(d.weekday().number_from_monday()) && !self.holidays.contains(&d)
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

/// Where a case stands against its service standard on a given day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum SlaState {
    /// The file is not complete yet: the clock has not started.
    NotStarted,
    /// Returned to the applicant: the clock is paused.
    Paused { used_days: u32, sla_days: u32 },
    /// Running: working days left until the due date (0 = due today).
    Running { due: NaiveDate, days_left: i64 },
    /// Past the due date by this many working days.
    Overdue { due: NaiveDate, days_overdue: i64 },
    /// Decided or closed: the clock has stopped.
    Stopped,
}

/// The SLA state for a due date on `today`.
pub fn sla_state(cal: &WorkCalendar, due: NaiveDate, today: NaiveDate) -> SlaState {
    let n = cal.working_days_between(today, due);
    if n >= 0 {
        SlaState::Running { due, days_left: n }
    } else {
        SlaState::Overdue {
            due,
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
        let cal = WorkCalendar::new(WorkDays::MONDAY_TO_FRIDAY, [d(2026, 12, 25)]);
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
                due: d(2026, 12, 29),
                days_overdue: 1
            }
        );
        assert_eq!(
            sla_state(&cal, d(2026, 12, 29), d(2026, 12, 29)),
            SlaState::Running {
                due: d(2026, 12, 29),
                days_left: 0
            }
        );
    }

    #[test]
    fn an_unreadable_holiday_row_is_an_error_not_a_working_day() {
        let mut db = Db::memory().expect("db");
        db.write(|tx| {
            tx.execute(
                "INSERT INTO holidays (day, name, kind) VALUES ('25-12-2026', 'Natal', 'national')",
                &[],
            )
        })
        .expect("insert");
        let e = WorkCalendar::load(&db).expect_err("refused");
        assert_eq!(e.code(), "corrupt", "{e}");
    }
}
