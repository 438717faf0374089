//! What the van's crew records on the road: each permit's outcome at its stop (to the holder, to a proxy,
//! or not delivered with a reason) and the optional satisfaction survey after a handover. The core checks
//! the courier, the crew, the recipient's NIK; a refused outcome changes nothing. These are the only ways
//! a case on a trip becomes delivered or goes back to the pool.

use chrono::Utc;
use petromaks::cases::CaseId;
use petromaks::van::survey::{self, Answers};
use petromaks::van::{self, Outcome, TripId};
use tauri::State;

use super::van::{trip_page_in, TripPage};
use crate::error::CommandError;
use crate::state::{Database, Session};

/// Records what happened to one permit of a trip that is out; answers the trip's page after it.
pub fn record_delivery_in(
    db: &Database,
    session: &Session,
    id: TripId,
    case: CaseId,
    outcome: &Outcome,
) -> Result<TripPage, CommandError> {
    let actor = session.actor()?;
    db.with(|db| van::record_outcome(db, &actor, Utc::now(), id, case, outcome))?;
    trip_page_in(db, session, id)
}

/// Stores the nine SKM scores (1–4) of a handed-over case.
pub fn record_survey_in(
    db: &Database,
    session: &Session,
    case: CaseId,
    answers: [u8; 9],
) -> Result<(), CommandError> {
    let actor = session.actor()?;
    db.with(|db| survey::record(db, &actor, Utc::now(), case, &Answers(answers)))
}

/// Records one permit's outcome at its stop.
#[tauri::command(async)]
pub fn record_delivery(
    db: State<'_, Database>,
    session: State<'_, Session>,
    id: TripId,
    case: CaseId,
    outcome: Outcome,
) -> Result<TripPage, CommandError> {
    record_delivery_in(&db, &session, id, case, &outcome)
}

/// Records the satisfaction survey of a handed-over permit.
#[tauri::command(async)]
pub fn record_survey(
    db: State<'_, Database>,
    session: State<'_, Session>,
    case: CaseId,
    answers: [u8; 9],
) -> Result<(), CommandError> {
    record_survey_in(&db, &session, case, answers)
}
