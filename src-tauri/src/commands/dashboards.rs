//! The dashboards screen's command: issued permits not yet handed over (by village and age), permits
//! expiring in the next N days (by village), the week's trips and the satisfaction index (IKM).

use chrono::{Datelike, Days, Months, Utc};
use petromaks::office;
use petromaks::van::dashboards::{self, Expiring, Undelivered};
use petromaks::van::survey::{self, Ikm, IkmByType};
use petromaks::van::Trip;
use serde::Serialize;
use tauri::State;

use crate::error::CommandError;
use crate::state::{Database, Session};

/// The most days ahead the expiring list looks (ten years).
const MAX_DAYS: u32 = 3660;

/// Everything the dashboards screen shows.
#[derive(Debug, Serialize)]
pub struct Dashboards {
    pub today: String,
    pub undelivered: Vec<Undelivered>,
    pub days: u32,
    pub expiring: Vec<Expiring>,
    pub trips: Vec<Trip>,
    /// The survey period: the first of the month two months back, to today.
    pub survey_from: String,
    pub survey_to: String,
    pub ikm: Ikm,
    pub ikm_by_type: Vec<IkmByType>,
}

/// The dashboards, with permits expiring within `days` days.
pub fn dashboards_in(
    db: &Database,
    session: &Session,
    days: u32,
) -> Result<Dashboards, CommandError> {
    session.actor()?;
    if days == 0 || days > MAX_DAYS {
        return Err(petromaks::Error::invalid(
            "days",
            format!("choose between 1 and {MAX_DAYS} days"),
        )
        .into());
    }
    db.with(|db| {
        let now = Utc::now();
        let today = office::today(db, now)?;
        let month = today.with_day(1).unwrap_or(today);
        let from = month
            .checked_sub_months(Months::new(2))
            .unwrap_or(month - Days::new(62));
        let (ikm, ikm_by_type) = survey::report(db, from, today)?;
        Ok(Dashboards {
            today: petromaks::time::day(today),
            undelivered: dashboards::undelivered(db, now)?,
            days,
            expiring: dashboards::expiring(db, now, days)?,
            trips: dashboards::trips_of_week(db, now)?,
            survey_from: petromaks::time::day(from),
            survey_to: petromaks::time::day(today),
            ikm,
            ikm_by_type,
        })
    })
}

/// The dashboards screen's data.
#[tauri::command(async)]
pub fn dashboards(
    db: State<'_, Database>,
    session: State<'_, Session>,
    days: u32,
) -> Result<Dashboards, CommandError> {
    dashboards_in(&db, &session, days)
}
