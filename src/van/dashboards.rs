//! The figures the office asks the van's planner for: permits issued but not yet handed over (by village and
//! age) and permits expiring soon (by village, so the van carries renewal forms), and the week's trips.

use chrono::{DateTime, Datelike, Utc};

use crate::db::Db;
use crate::store::trips::Trip;
use crate::{office, store, Result};

pub use crate::store::cases::{Expiring, Undelivered};

/// Issued (or out for delivery) but not yet handed over, per village, most waiting first.
pub fn undelivered(db: &Db, now: DateTime<Utc>) -> Result<Vec<Undelivered>> {
    store::cases::undelivered_by_village(db, office::today(db, now)?)
}

/// Handed-over permits whose validity ends in the next `days` days, per village.
pub fn expiring(db: &Db, now: DateTime<Utc>, days: u32) -> Result<Vec<Expiring>> {
    let today = office::today(db, now)?;
    store::cases::expiring_by_village(db, today, today + chrono::Days::new(u64::from(days)))
}

/// The trips of the office's current week (Monday to Sunday).
pub fn trips_of_week(db: &Db, now: DateTime<Utc>) -> Result<Vec<Trip>> {
    let today = office::today(db, now)?;
    let monday = today - chrono::Days::new(u64::from(today.weekday().num_days_from_monday()));
    store::trips::between(db, monday, monday + chrono::Days::new(6))
}
