//! The figures the office asks the van's planner for: permits issued but not yet handed over (by village and
//! age) and permits expiring soon (by village, so the van carries renewal forms).

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection};
use serde::Serialize;

use crate::cases::office_today;
use crate::delivery::{list_trips, Trip};
use crate::{time, Result};

/// Permits waiting for delivery in one village, by age band (days since issue).
#[derive(Debug, Clone, Serialize)]
pub struct Undelivered {
    pub village_code: Option<String>,
    pub village: Option<String>,
    pub total: u32,
    pub up_to_7_days: u32,
    pub days_8_to_30: u32,
    pub over_30_days: u32,
    pub oldest_issued_on: Option<String>,
}

/// Permits of one village whose validity ends within the window.
#[derive(Debug, Clone, Serialize)]
pub struct Expiring {
    pub village_code: Option<String>,
    pub village: Option<String>,
    pub count: u32,
    pub first_expiry: String,
}

/// Issued (or out for delivery) but not yet handed over, per village, most waiting first.
pub fn undelivered(conn: &Connection, now: DateTime<Utc>) -> Result<Vec<Undelivered>> {
    let today = time::day(office_today(conn, now)?);
    let rows = conn
        .prepare(
            "SELECT a.village_code, v.name, count(*),
                    sum(julianday(?1) - julianday(c.issued_on) <= 7),
                    sum(julianday(?1) - julianday(c.issued_on) BETWEEN 8 AND 30),
                    sum(julianday(?1) - julianday(c.issued_on) > 30),
                    min(c.issued_on)
             FROM cases c JOIN applicants a ON a.id = c.applicant_id LEFT JOIN villages v ON v.code = a.village_code
             WHERE c.status IN ('issued', 'out_for_delivery')
             GROUP BY a.village_code ORDER BY count(*) DESC, min(c.issued_on), a.village_code",
        )?
        .query_map([today], |r| {
            Ok(Undelivered {
                village_code: r.get(0)?,
                village: r.get(1)?,
                total: r.get(2)?,
                up_to_7_days: r.get(3)?,
                days_8_to_30: r.get(4)?,
                over_30_days: r.get(5)?,
                oldest_issued_on: r.get(6)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Handed-over permits whose validity ends in the next `days` days, per village.
pub fn expiring(conn: &Connection, now: DateTime<Utc>, days: u32) -> Result<Vec<Expiring>> {
    let today = office_today(conn, now)?;
    let until = today + chrono::Days::new(u64::from(days));
    let rows = conn
        .prepare(
            "SELECT a.village_code, v.name, count(*), min(c.valid_until)
             FROM cases c JOIN applicants a ON a.id = c.applicant_id LEFT JOIN villages v ON v.code = a.village_code
             WHERE c.status IN ('issued', 'out_for_delivery', 'delivered', 'picked_up')
               AND c.valid_until BETWEEN ?1 AND ?2
             GROUP BY a.village_code ORDER BY min(c.valid_until), a.village_code",
        )?
        .query_map(params![time::day(today), time::day(until)], |r| {
            Ok(Expiring { village_code: r.get(0)?, village: r.get(1)?, count: r.get(2)?, first_expiry: r.get(3)? })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// The trips of the office's current week (Monday to Sunday).
pub fn trips_of_week(conn: &Connection, now: DateTime<Utc>) -> Result<Vec<Trip>> {
    use chrono::Datelike;
    let today = office_today(conn, now)?;
    let monday = today - chrono::Days::new(u64::from(today.weekday().num_days_from_monday()));
    list_trips(conn, monday, monday + chrono::Days::new(6))
}
