//! What the van's screens list around the office's day: the trips screen's months, the plan form's
//! choices, the trips the office may send out on a laptop. Decided here so that the window and the CLI
//! list the same trips, on the office's day rather than a desk's clock.

use chrono::{DateTime, Days, NaiveDate, Utc};
use serde::Serialize;

use crate::actor::Actor;
use crate::db::Db;
use crate::people::applicants::{self, Village};
use crate::people::users;
use crate::van::{self, offline, Trip, TripStatus, VillageDemand};
use crate::{office, Result};

/// How far back the trips screen lists trips (days before the office's day).
pub const LIST_BACK_DAYS: u64 = 31;
/// How far ahead the trips screen lists trips (days after the office's day).
pub const LIST_AHEAD_DAYS: u64 = 92;

/// The office's day and the trips of the last month and the coming three.
#[derive(Debug, Clone, Serialize)]
pub struct TripsAround {
    pub today: NaiveDate,
    pub trips: Vec<Trip>,
}

/// The trips around the office's day, as the trips screen lists them.
pub fn trips_around(db: &Db, now: DateTime<Utc>) -> Result<TripsAround> {
    let today = office::today(db, now)?;
    let trips = van::list_trips(
        db,
        today - Days::new(LIST_BACK_DAYS),
        today + Days::new(LIST_AHEAD_DAYS),
    )?;
    Ok(TripsAround { today, trips })
}

/// A courier who can be put on a crew.
#[derive(Debug, Clone, Serialize)]
pub struct CrewMember {
    pub username: String,
    pub full_name: String,
}

/// The plan form's choices: active couriers and the villages that need the van, by demand.
#[derive(Debug, Clone, Serialize)]
pub struct PlanChoices {
    pub today: NaiveDate,
    pub couriers: Vec<CrewMember>,
    pub villages: Vec<VillageDemand>,
    /// Every village of the office's regency, to add a stop the suggestions do not list.
    pub all_villages: Vec<Village>,
}

/// The plan form's choices for `actor` (whoever plans trips: the crew list is theirs to see).
pub fn plan_choices(db: &Db, actor: &Actor, now: DateTime<Utc>) -> Result<PlanChoices> {
    let couriers = users::couriers(db, actor)?
        .into_iter()
        .map(|u| CrewMember {
            username: u.username,
            full_name: u.full_name,
        })
        .collect();
    Ok(PlanChoices {
        today: office::today(db, now)?,
        couriers,
        villages: van::suggest_villages(db, now)?,
        all_villages: applicants::regency_villages(db)?,
    })
}

/// A trip the office could send out on a laptop, and the van it is out on now, if it is.
#[derive(Debug, Clone, Serialize)]
pub struct OutOnLaptop {
    #[serde(flatten)]
    pub trip: Trip,
    pub checked_out_to: Option<String>,
}

/// The trips of the trips screen's months that are not closed, each with the van it is checked out to.
pub fn for_laptops(db: &Db, now: DateTime<Utc>) -> Result<Vec<OutOnLaptop>> {
    trips_around(db, now)?
        .trips
        .into_iter()
        .filter(|t| t.status != TripStatus::Closed)
        .map(|trip| {
            let checked_out_to = offline::checked_out_to(db, trip.id)?;
            Ok(OutOnLaptop {
                trip,
                checked_out_to,
            })
        })
        .collect()
}
