//! The period a report covers and what it is narrowed to. A period is a run of the office's days, both
//! ends included; the presets (a month, a quarter, a year) are just such runs, named the way an office
//! writes them on the report's title. Events are stamped in UTC, so a period also has its two instants:
//! midnight at the office at the start of its first day and after its last.

use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc};
use serde::{Deserialize, Serialize};

use crate::cases::Channel;
use crate::format;
use crate::{Error, Result};

/// The longest period a report covers: ten years of days.
pub const MAX_DAYS: i64 = 3660;

/// A period preset as the window offers it; [`Preset::days`] turns it into days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Preset {
    Month { year: i32, month: u32 },
    Quarter { year: i32, quarter: u32 },
    Year { year: i32 },
}

impl Preset {
    /// The first and the last day of the preset.
    pub fn days(self) -> Result<(NaiveDate, NaiveDate)> {
        let (year, first_month, months) = match self {
            Preset::Month { year, month } => {
                if !(1..=12).contains(&month) {
                    return Err(Error::invalid(
                        "month",
                        format!("{month} is not a month (1-12)"),
                    ));
                }
                (year, month, 1)
            }
            Preset::Quarter { year, quarter } => {
                if !(1..=4).contains(&quarter) {
                    return Err(Error::invalid(
                        "quarter",
                        format!("{quarter} is not a quarter (1-4)"),
                    ));
                }
                (year, 3 * quarter - 2, 3)
            }
            Preset::Year { year } => (year, 1, 12),
        };
        let bad = || Error::invalid("year", format!("{year} is outside the calendar"));
        let from = NaiveDate::from_ymd_opt(year, first_month, 1).ok_or_else(bad)?;
        let to = from
            .checked_add_months(chrono::Months::new(months))
            .and_then(|d| d.pred_opt())
            .ok_or_else(bad)?;
        Ok((from, to))
    }
}

/// What a report is asked for: its days (or a preset) and its filters. Every filter is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Query {
    /// A month, quarter or year; when set, it gives the days and `from`/`to` are ignored.
    #[serde(default, skip_serializing)]
    pub preset: Option<Preset>,
    /// The first day (for the expiring permits: the first expiry day of the window).
    #[serde(default)]
    pub from: Option<NaiveDate>,
    /// The last day, included.
    #[serde(default)]
    pub to: Option<NaiveDate>,
    /// A permit type by its code (`SIPD`).
    #[serde(default)]
    pub permit_type: Option<String>,
    /// A district (kecamatan) by its code (`16.07.01`): the applicant's village lies in it.
    #[serde(default)]
    pub district: Option<String>,
    /// A village (desa/kelurahan) by its code (`16.07.01.2001`).
    #[serde(default)]
    pub village: Option<String>,
    /// Where the application was handed in.
    #[serde(default)]
    pub channel: Option<Channel>,
}

/// A checked period: its days, and the instants that bound its events.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Midnight at the office on `from`, in UTC.
    #[serde(skip)]
    pub start: DateTime<Utc>,
    /// Midnight at the office after `to`, in UTC: events before it belong to the period.
    #[serde(skip)]
    pub end: DateTime<Utc>,
}

impl Period {
    /// The days `from..=to` at an office `offset_minutes` east of UTC; refused when the end comes before
    /// the start or the run is longer than [`MAX_DAYS`].
    pub fn new(from: NaiveDate, to: NaiveDate, offset_minutes: i32) -> Result<Period> {
        if to < from {
            return Err(Error::invalid(
                "to",
                format!("the period ends ({to}) before it starts ({from})"),
            ));
        }
        if (to - from).num_days() >= MAX_DAYS {
            return Err(Error::invalid(
                "to",
                format!("a report covers at most {MAX_DAYS} days; choose a shorter period"),
            ));
        }
        let midnight = |d: NaiveDate| -> Result<DateTime<Utc>> {
            let local = d
                .and_hms_opt(0, 0, 0)
                .ok_or_else(|| Error::invalid("from", format!("{d} has no midnight")))?;
            Ok(Utc.from_utc_datetime(&local) - Duration::minutes(i64::from(offset_minutes)))
        };
        let after = to
            .succ_opt()
            .ok_or_else(|| Error::invalid("to", format!("{to} is the end of the calendar")))?;
        Ok(Period {
            from,
            to,
            start: midnight(from)?,
            end: midnight(after)?,
        })
    }

    /// The months the period touches, as (year, month), in order.
    pub fn months(&self) -> Vec<(i32, u32)> {
        let mut out = Vec::new();
        let (mut y, mut m) = (self.from.year(), self.from.month());
        while (y, m) <= (self.to.year(), self.to.month()) {
            out.push((y, m));
            (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
        }
        out
    }

    /// The period as a report's title writes it: `November 2026`, `Triwulan IV 2026`, `Tahun 2026`, or
    /// `1 Maret 2026 s.d. 15 April 2026`.
    pub fn title(&self) -> String {
        let (from, to) = (self.from, self.to);
        let last_of_month = to.succ_opt().is_some_and(|d| d.day() == 1);
        if from.day() == 1 && last_of_month && from.year() == to.year() {
            if from.month() == to.month() {
                return format::bulan(from.year(), from.month());
            }
            if from.month() == 1 && to.month() == 12 {
                return format!("Tahun {}", from.year());
            }
            if from.month() % 3 == 1 && to.month() == from.month() + 2 {
                let q = ["I", "II", "III", "IV"][(from.month() / 3) as usize];
                return format!("Triwulan {q} {}", from.year());
            }
        }
        if from == to {
            return format::tanggal(from);
        }
        format!("{} s.d. {}", format::tanggal(from), format::tanggal(to))
    }
}

/// `2026-11`: the key of a month in a report's rows.
pub fn month_key(year: i32, month: u32) -> String {
    format!("{year:04}-{month:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    #[test]
    fn presets_are_runs_of_days_named_as_an_office_writes_them() -> Result<()> {
        let (f, t) = Preset::Quarter {
            year: 2026,
            quarter: 4,
        }
        .days()?;
        assert_eq!((f, t), (d(2026, 10, 1), d(2026, 12, 31)));
        assert_eq!(Period::new(f, t, 420)?.title(), "Triwulan IV 2026");
        let (f, t) = Preset::Month {
            year: 2024,
            month: 2,
        }
        .days()?;
        assert_eq!(t, d(2024, 2, 29));
        assert_eq!(Period::new(f, t, 420)?.title(), "Februari 2024");
        let (f, t) = Preset::Year { year: 2026 }.days()?;
        assert_eq!(Period::new(f, t, 420)?.title(), "Tahun 2026");
        assert_eq!(
            Period::new(d(2026, 3, 1), d(2026, 4, 15), 420)?.title(),
            "1 Maret 2026 s.d. 15 April 2026"
        );
        assert!(Preset::Month {
            year: 2026,
            month: 13
        }
        .days()
        .is_err());
        Ok(())
    }

    #[test]
    fn a_period_s_instants_are_midnight_at_the_office() -> Result<()> {
        let p = Period::new(d(2026, 11, 1), d(2026, 11, 30), 420)?;
        assert_eq!(crate::time::stamp(p.start), "2026-10-31T17:00:00Z");
        assert_eq!(crate::time::stamp(p.end), "2026-11-30T17:00:00Z");
        assert_eq!(p.months(), vec![(2026, 11)]);
        let e = Period::new(d(2026, 11, 2), d(2026, 11, 1), 420).expect_err("backwards");
        assert_eq!(e.field(), Some("to"));
        Ok(())
    }
}
