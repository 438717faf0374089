//! Pick-up requests in the window: someone phones and asks the van to come to their village. The clerk
//! writes the request down and puts it on a trip that stops there; the crew (or the clerk) records how it
//! ended. The core checks the roles and that the trip visits the village.

use chrono::Utc;
use petromaks::db::Db;
use petromaks::people::applicants::{self, Village};
use petromaks::van::{self, NewPickup, Pickup, PickupId, PickupOutcome, TripId};
use serde::Serialize;
use tauri::State;

use crate::error::CommandError;
use crate::state::{Database, Session};

/// The pick-up list: open requests, and the office's villages for the request form.
#[derive(Debug, Serialize)]
pub struct PickupScreen {
    pub pickups: Vec<Pickup>,
    pub villages: Vec<Village>,
}

fn screen(db: &Db) -> petromaks::Result<PickupScreen> {
    Ok(PickupScreen {
        pickups: van::list_pickups(db, false)?,
        villages: applicants::regency_villages(db)?,
    })
}

/// Open requests and the villages to choose from.
pub fn pickup_screen_in(db: &Database, session: &Session) -> Result<PickupScreen, CommandError> {
    session.actor()?;
    db.with(|db| screen(db))
}

/// Writes a request down (clerk or admin).
pub fn request_pickup_in(
    db: &Database,
    session: &Session,
    input: &NewPickup,
) -> Result<PickupScreen, CommandError> {
    let actor = session.actor()?;
    db.with(|db| {
        van::request_pickup(db, &actor, Utc::now(), input)?;
        screen(db)
    })
}

/// Puts a request on a trip that stops in its village (clerk or admin).
pub fn assign_pickup_in(
    db: &Database,
    session: &Session,
    id: PickupId,
    trip: TripId,
) -> Result<PickupScreen, CommandError> {
    let actor = session.actor()?;
    db.with(|db| {
        van::assign_pickup(db, &actor, Utc::now(), id, trip)?;
        screen(db)
    })
}

/// Records how a request ended (clerk or courier).
pub fn close_pickup_in(
    db: &Database,
    session: &Session,
    id: PickupId,
    outcome: PickupOutcome,
    note: Option<&str>,
) -> Result<PickupScreen, CommandError> {
    let actor = session.actor()?;
    db.with(|db| {
        van::close_pickup(db, &actor, Utc::now(), id, outcome, note)?;
        screen(db)
    })
}

/// Open pick-up requests and the office's villages.
#[tauri::command(async)]
pub fn pickup_screen(
    db: State<'_, Database>,
    session: State<'_, Session>,
) -> Result<PickupScreen, CommandError> {
    pickup_screen_in(&db, &session)
}

/// Writes a pick-up request down.
#[tauri::command(async)]
pub fn request_pickup(
    db: State<'_, Database>,
    session: State<'_, Session>,
    input: NewPickup,
) -> Result<PickupScreen, CommandError> {
    request_pickup_in(&db, &session, &input)
}

/// Puts a pick-up request on a trip.
#[tauri::command(async)]
pub fn assign_pickup(
    db: State<'_, Database>,
    session: State<'_, Session>,
    id: PickupId,
    trip: TripId,
) -> Result<PickupScreen, CommandError> {
    assign_pickup_in(&db, &session, id, trip)
}

/// Records how a pick-up request ended.
#[tauri::command(async)]
pub fn close_pickup(
    db: State<'_, Database>,
    session: State<'_, Session>,
    id: PickupId,
    outcome: PickupOutcome,
    note: Option<String>,
) -> Result<PickupScreen, CommandError> {
    close_pickup_in(&db, &session, id, outcome, note.as_deref())
}
