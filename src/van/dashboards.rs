//! The figures the office asks the van's planner for: permits issued but not yet handed over (by village and
//! age) and permits expiring soon (by village, so the van carries renewal forms), and the week's trips.

use chrono::{DateTime, Datelike, Days, Months, NaiveDate, Utc};
use serde::Serialize;

use crate::db::Db;
use crate::store::trips::Trip;
use crate::van::survey::{self, Ikm, IkmByType};
use crate::{office, store, Error, Result};

/// The most days ahead the expiring list looks (ten years).
pub const MAX_EXPIRING_DAYS: u32 = 3660;

/// Everything the dashboards screen shows, on the office's day.
#[derive(Debug, Clone, Serialize)]
pub struct Overview {
    pub today: NaiveDate,
    pub undelivered: Vec<Undelivered>,
    pub days: u32,
    pub expiring: Vec<Expiring>,
    pub trips: Vec<Trip>,
    /// The survey period: from the first of the month two months back, to today.
    pub survey_from: NaiveDate,
    pub survey_to: NaiveDate,
    pub ikm: Ikm,
    pub ikm_by_type: Vec<IkmByType>,
}

/// The whole dashboards screen, with permits expiring within `days` days.
pub fn overview(db: &Db, now: DateTime<Utc>, days: u32) -> Result<Overview> {
    check_days(days)?;
    let today = office::today(db, now)?;
    let month = today.with_day(1).unwrap_or(today);
    let from = month
        .checked_sub_months(Months::new(2))
        .unwrap_or(month - Days::new(62));
    let (ikm, ikm_by_type) = survey::report(db, from, today)?;
    Ok(Overview {
        today,
        undelivered: undelivered(db, now)?,
        days,
        expiring: expiring(db, now, days)?,
        trips: trips_of_week(db, now)?,
        survey_from: from,
        survey_to: today,
        ikm,
        ikm_by_type,
    })
}

fn check_days(days: u32) -> Result<()> {
    if days == 0 || days > MAX_EXPIRING_DAYS {
        return Err(Error::invalid(
            "days",
            format!("choose between 1 and {MAX_EXPIRING_DAYS} days"),
        ));
    }
    Ok(())
}

pub use crate::store::cases::{Expiring, Undelivered};

/// Issued (or out for delivery) but not yet handed over, per village, most waiting first.
pub fn undelivered(db: &Db, now: DateTime<Utc>) -> Result<Vec<Undelivered>> {
    store::cases::undelivered_by_village(db, office::today(db, now)?)
}

/// Handed-over permits whose validity ends in the next `days` days, per village.
pub fn expiring(db: &Db, now: DateTime<Utc>, days: u32) -> Result<Vec<Expiring>> {
    check_days(days)?;
    let today = office::today(db, now)?;
    store::cases::expiring_by_village(db, today, today + chrono::Days::new(u64::from(days)))
}

/// The trips of the office's current week (Monday to Sunday).
pub fn trips_of_week(db: &Db, now: DateTime<Utc>) -> Result<Vec<Trip>> {
    let today = office::today(db, now)?;
    let monday = today - chrono::Days::new(u64::from(today.weekday().num_days_from_monday()));
    store::trips::between(db, monday, monday + chrono::Days::new(6))
}
