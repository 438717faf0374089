//! The `trips`, `trip_crew` and `trip_stops` tables: a van trip, who is on it, and the villages in the
//! order the van visits them.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use crate::actor::UserId;
use crate::db::{Db, Row, Tx};
use crate::{sql_enum, sql_id, Result};

sql_id! {
    /// Newtype id of a trip.
    pub struct TripId;
}

sql_enum! {
    /// A trip is planned, then out on the road, then closed on return.
    pub enum TripStatus {
        Planned = "planned",
        Out = "out",
        Closed = "closed",
    }
}

/// A trip as listed.
#[derive(Debug, Clone, Serialize)]
pub struct Trip {
    pub id: TripId,
    pub date: NaiveDate,
    pub vehicle: String,
    pub status: TripStatus,
    pub note: Option<String>,
    /// Usernames of the crew.
    pub crew: Vec<String>,
    pub stops: usize,
    pub permits: usize,
}

/// One stop of a trip.
#[derive(Debug, Clone, Serialize)]
pub struct StopRow {
    pub position: u32,
    pub village_code: String,
    pub village: String,
    pub district: String,
}

const COLUMNS: &str = "t.id, t.trip_date, t.vehicle, t.status, t.note,
    (SELECT count(*) FROM trip_stops s WHERE s.trip_id = t.id),
    (SELECT count(*) FROM deliveries d WHERE d.trip_id = t.id)";

fn from_row(db: &Db, r: &Row) -> Result<Trip> {
    let id: TripId = r.get(0)?;
    Ok(Trip {
        id,
        date: r.get(1)?,
        vehicle: r.get(2)?,
        status: r.get(3)?,
        note: r.get(4)?,
        crew: crew_usernames(db, id)?,
        stops: r.get(5)?,
        permits: r.get(6)?,
    })
}

fn crew_usernames(db: &Db, id: TripId) -> Result<Vec<String>> {
    db.map(
        "SELECT u.username FROM trip_crew c JOIN users u ON u.id = c.user_id WHERE c.trip_id = ?1 ORDER BY u.username",
        &[&id],
        |r| r.get(0),
    )
}

/// Trips whose date is in `from..=to`, by date.
pub fn between(db: &Db, from: NaiveDate, to: NaiveDate) -> Result<Vec<Trip>> {
    let rows = db.query(
        &format!(
            "SELECT {COLUMNS} FROM trips t WHERE t.trip_date BETWEEN ?1 AND ?2 ORDER BY t.trip_date, t.id"
        ),
        &[&from, &to],
    )?;
    rows.iter().map(|r| from_row(db, r)).collect()
}

/// A trip by id.
pub fn get(db: &Db, id: TripId) -> Result<Option<Trip>> {
    match db
        .query(
            &format!("SELECT {COLUMNS} FROM trips t WHERE t.id = ?1"),
            &[&id],
        )?
        .first()
    {
        Some(r) => from_row(db, r).map(Some),
        None => Ok(None),
    }
}

/// A trip's status, if it exists.
pub fn status(db: &Db, id: TripId) -> Result<Option<TripStatus>> {
    db.value_opt("SELECT status FROM trips WHERE id = ?1", &[&id])
}

/// The crew's full names, by name.
pub fn crew_names(db: &Db, id: TripId) -> Result<Vec<String>> {
    db.map(
        "SELECT u.full_name FROM trip_crew c JOIN users u ON u.id = c.user_id WHERE c.trip_id = ?1 ORDER BY u.full_name",
        &[&id],
        |r| r.get(0),
    )
}

/// Whether a user is in a trip's crew.
pub fn is_crew(db: &Db, id: TripId, user: UserId) -> Result<bool> {
    db.value(
        "SELECT EXISTS (SELECT 1 FROM trip_crew WHERE trip_id = ?1 AND user_id = ?2)",
        &[&id, &user],
    )
}

/// The stops of a trip in visiting order, with village and district names.
pub fn stops(db: &Db, id: TripId) -> Result<Vec<StopRow>> {
    db.map(
        "SELECT s.position, s.village_code, v.name, d.name FROM trip_stops s
         JOIN villages v ON v.code = s.village_code JOIN districts d ON d.code = v.district_code
         WHERE s.trip_id = ?1 ORDER BY s.position",
        &[&id],
        |r| {
            Ok(StopRow {
                position: r.get(0)?,
                village_code: r.get(1)?,
                village: r.get(2)?,
                district: r.get(3)?,
            })
        },
    )
}

/// Whether a village is a stop of a trip.
pub fn stops_in(db: &Db, id: TripId, village: &str) -> Result<bool> {
    db.value(
        "SELECT EXISTS (SELECT 1 FROM trip_stops WHERE trip_id = ?1 AND village_code = ?2)",
        &[&id, &village],
    )
}

/// A checked new trip.
pub struct NewTripRow<'a> {
    pub date: NaiveDate,
    pub vehicle: &'a str,
    pub note: Option<&'a str>,
    pub crew: &'a [UserId],
    pub villages: &'a [String],
}

/// Stores a planned trip with its crew and stops; returns its id.
pub fn insert(tx: &Tx, t: &NewTripRow, by: UserId, now: DateTime<Utc>) -> Result<TripId> {
    let id: TripId = tx.value(
        "INSERT INTO trips (trip_date, vehicle, status, note, created_at, created_by)
         VALUES (?1, ?2, 'planned', ?3, ?4, ?5) RETURNING id",
        &[&t.date, &t.vehicle, &t.note, &now, &by],
    )?;
    for u in t.crew {
        tx.execute(
            "INSERT INTO trip_crew (trip_id, user_id) VALUES (?1, ?2)",
            &[&id, u],
        )?;
    }
    for (i, v) in t.villages.iter().enumerate() {
        tx.execute(
            "INSERT INTO trip_stops (trip_id, position, village_code) VALUES (?1, ?2, ?3)",
            &[&id, &(i as i64 + 1), v],
        )?;
    }
    Ok(id)
}

/// Adds a stop at the end of a trip's route (the bulk demo, as it meets a trip's villages).
pub fn add_stop(tx: &Tx, id: TripId, position: u32, village: &str) -> Result<()> {
    tx.execute(
        "INSERT INTO trip_stops (trip_id, position, village_code) VALUES (?1, ?2, ?3)",
        &[&id, &position, &village],
    )?;
    Ok(())
}

/// The van leaves.
pub fn set_out(tx: &Tx, id: TripId, now: DateTime<Utc>) -> Result<()> {
    tx.execute(
        "UPDATE trips SET status = 'out', started_at = ?2 WHERE id = ?1",
        &[&id, &now],
    )?;
    Ok(())
}

/// The van is back.
pub fn set_closed(tx: &Tx, id: TripId, now: DateTime<Utc>) -> Result<()> {
    tx.execute(
        "UPDATE trips SET status = 'closed', closed_at = ?2 WHERE id = ?1",
        &[&id, &now],
    )?;
    Ok(())
}
