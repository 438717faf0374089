//! What the batch printing screen shows before anything prints: the office's day and the range the dates
//! start at, the van trips to choose from, and the permits a selection names with their holders. Decided
//! here, for the roles that print batches, so the window never counts days on a desk's clock.

use chrono::{DateTime, Datelike, Days, NaiveDate, Utc};
use serde::Serialize;

use super::batch::{select, Selection, BATCH_PRINTERS};
use crate::actor::Actor;
use crate::cases::{self, CaseId, Status};
use crate::db::Db;
use crate::people::applicants;
use crate::store::trips::{self, Trip};
use crate::{office, Result};

/// How many days around the office's day the trip choice lists trips.
pub const TRIP_DAYS: u64 = 60;

/// The screen's starting point.
#[derive(Debug, Clone, Serialize)]
pub struct Choices {
    /// The office's day: where "issued between" ends at first.
    pub today: NaiveDate,
    /// The first of the office's month: where "issued between" starts at first.
    pub month_start: NaiveDate,
    /// The trips of the 60 days before and after today, to print a trip's permits.
    pub trips: Vec<Trip>,
}

/// The batch screen's starting point for `actor`.
pub fn choices(db: &Db, actor: &Actor, now: DateTime<Utc>) -> Result<Choices> {
    actor.require(BATCH_PRINTERS, "print certificates in a batch")?;
    let today = office::today(db, now)?;
    let trips = trips::between(
        db,
        today - Days::new(TRIP_DAYS),
        today + Days::new(TRIP_DAYS),
    )?;
    Ok(Choices {
        today,
        month_start: today.with_day(1).unwrap_or(today),
        trips,
    })
}

/// One permit of a batch, as the batch screen lists it.
#[derive(Debug, Clone, Serialize)]
pub struct BatchRow {
    pub id: CaseId,
    pub registration_number: String,
    pub permit_number: Option<String>,
    pub holder: String,
    pub village: Option<String>,
    pub permit_type_code: String,
    pub status: Status,
}

/// The permits `sel` names, in print order, with their holders (refused as `select` refuses).
pub fn preview(db: &Db, actor: &Actor, sel: &Selection) -> Result<Vec<BatchRow>> {
    actor.require(BATCH_PRINTERS, "print certificates in a batch")?;
    select(db, sel)?
        .into_iter()
        .map(|id| {
            let case = cases::get(db, id)?;
            let holder = applicants::get(db, case.applicant_id)?;
            Ok(BatchRow {
                id,
                registration_number: case.registration_number,
                permit_number: case.permit_number,
                holder: holder.name,
                village: holder.village,
                permit_type_code: case.permit_type_code,
                status: case.status,
            })
        })
        .collect()
}
