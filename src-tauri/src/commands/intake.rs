//! Applications taken in the van: the crew bags the paper originals of each application registered on a
//! trip, and the front office receives each sealed bag on return, writing down any discrepancy. The core
//! checks the courier and the crew, the clerk, the bag; a refused step changes nothing.

use chrono::Utc;
use petromaks::van::{self, Bag, FieldIntake, Handover, TripId, Unbagged};
use serde::Serialize;
use tauri::State;

use crate::error::CommandError;
use crate::state::{Database, Session};

/// The field-intake part of a trip page.
#[derive(Debug, Serialize)]
pub struct IntakeView {
    /// The trip's sealed bags, received or not.
    pub bags: Vec<Bag>,
    /// Van applications whose originals are not in a bag yet.
    pub unbagged: Vec<Unbagged>,
}

/// The bags of trip `id` and the van applications still to bag.
pub fn trip_intake_in(
    db: &Database,
    session: &Session,
    id: TripId,
) -> Result<IntakeView, CommandError> {
    session.actor()?;
    db.with(|db| {
        Ok(IntakeView {
            bags: van::bags(db, id)?,
            unbagged: van::unbagged(db)?,
        })
    })
}

/// Records the originals of one van application in a sealed bag (a courier of the trip's crew).
pub fn bag_originals_in(
    db: &Database,
    session: &Session,
    id: TripId,
    intake: &FieldIntake,
) -> Result<IntakeView, CommandError> {
    let actor = session.actor()?;
    db.with(|db| van::record_field_intake(db, &actor, Utc::now(), id, intake))?;
    trip_intake_in(db, session, id)
}

/// The front office receives one sealed bag of the trip (a clerk).
pub fn receive_bag_in(
    db: &Database,
    session: &Session,
    id: TripId,
    handover: &Handover,
) -> Result<IntakeView, CommandError> {
    let actor = session.actor()?;
    db.with(|db| van::hand_over_bag(db, &actor, Utc::now(), id, handover))?;
    trip_intake_in(db, session, id)
}

/// The trip's bags and the van applications still to bag.
#[tauri::command(async)]
pub fn trip_intake(
    db: State<'_, Database>,
    session: State<'_, Session>,
    id: TripId,
) -> Result<IntakeView, CommandError> {
    trip_intake_in(&db, &session, id)
}

/// Puts a van application's originals into a sealed bag.
#[tauri::command(async)]
pub fn bag_originals(
    db: State<'_, Database>,
    session: State<'_, Session>,
    id: TripId,
    intake: FieldIntake,
) -> Result<IntakeView, CommandError> {
    bag_originals_in(&db, &session, id, &intake)
}

/// Receives a sealed bag from the crew.
#[tauri::command(async)]
pub fn receive_bag(
    db: State<'_, Database>,
    session: State<'_, Session>,
    id: TripId,
    handover: Handover,
) -> Result<IntakeView, CommandError> {
    receive_bag_in(&db, &session, id, &handover)
}
