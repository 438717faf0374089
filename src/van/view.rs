//! Reading trips back: the week's list, one trip's stop list, the pool, and which villages need the van most.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use crate::db::Db;
use crate::store::deliveries::{self, Carried, Waiting};
use crate::store::trips::{self as store, Trip, TripId};
use crate::{office, Error, Result};

/// One stop: a village and the permits carried for it.
#[derive(Debug, Clone, Serialize)]
pub struct Stop {
    pub position: u32,
    pub village_code: String,
    pub village: String,
    pub district: String,
    pub permits: Vec<Carried>,
}

/// A trip with its crew (full names), stops in order and permits per stop.
#[derive(Debug, Clone, Serialize)]
pub struct TripDetail {
    pub trip: Trip,
    pub crew_names: Vec<String>,
    pub stops: Vec<Stop>,
}

/// A village's demand for the van: what waits for delivery and who asked for a visit.
#[derive(Debug, Clone, Serialize)]
pub struct VillageDemand {
    pub village_code: String,
    pub village: String,
    pub district: String,
    pub undelivered: u32,
    pub open_pickups: u32,
    /// Days the oldest undelivered permit or open request has waited.
    pub oldest_days: i64,
}

/// Trips whose date is in `from..=to`, by date.
pub fn list_trips(db: &Db, from: NaiveDate, to: NaiveDate) -> Result<Vec<Trip>> {
    store::between(db, from, to)
}

/// A trip with its stops in visiting order and the permits carried for each.
pub fn detail(db: &Db, id: TripId) -> Result<TripDetail> {
    let trip = store::get(db, id)?.ok_or_else(|| Error::not_found("trip", id))?;
    let mut stops: Vec<Stop> = store::stops(db, id)?
        .into_iter()
        .map(|s| Stop {
            position: s.position,
            village_code: s.village_code,
            village: s.village,
            district: s.district,
            permits: Vec::new(),
        })
        .collect();
    for carried in deliveries::carried(db, id)? {
        if let Some(stop) = stops
            .iter_mut()
            .find(|s| Some(&s.village_code) == carried.village_code.as_ref())
        {
            stop.permits.push(carried);
        }
    }
    Ok(TripDetail {
        crew_names: store::crew_names(db, id)?,
        trip,
        stops,
    })
}

/// Villages by demand for the van, highest first: permits waiting in the pool and open pick-up requests.
pub fn suggest_villages(db: &Db, now: DateTime<Utc>) -> Result<Vec<VillageDemand>> {
    let today = office::today(db, now)?;
    let mut out: Vec<VillageDemand> = deliveries::demand(db)?
        .into_iter()
        .map(|d| VillageDemand {
            oldest_days: d.since.map(|s| (today - s).num_days()).unwrap_or(0),
            village_code: d.village_code,
            village: d.village,
            district: d.district,
            undelivered: d.undelivered,
            open_pickups: d.open_pickups,
        })
        .collect();
    out.sort_by(|a, b| {
        (b.undelivered + b.open_pickups, b.oldest_days)
            .cmp(&(a.undelivered + a.open_pickups, a.oldest_days))
            .then_with(|| a.village_code.cmp(&b.village_code))
    });
    Ok(out)
}

/// The pool: issued permits on no open trip, oldest first, optionally of one village.
pub fn pool(db: &Db, village: Option<&str>) -> Result<Vec<Waiting>> {
    deliveries::pool(db, village.map(str::trim))
}
