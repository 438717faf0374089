//! The van's planning commands: the trips list, the plan form's choices (couriers, villages by demand),
//! creating a trip, assigning permits from the pool, the manifest and handover record as PDFs, starting
//! and closing a trip. What the crew records on the road is in `van_road`. The actor always comes from
//! [`Session`]; the core checks every role.

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use petromaks::cases::CaseId;
use petromaks::db::Db;
use petromaks::people::Actor;
use petromaks::van::{self, screens, NewTrip, Pickup, TripDetail, TripId, Waiting};
use serde::Serialize;
use tauri::State;

use crate::error::CommandError;
use crate::state::{Database, Outputs, Session};

pub use petromaks::van::screens::{PlanChoices, TripsAround as TripsScreen};

/// A trip page: the trip with its stops and permits, and the pool of waiting permits of its villages.
#[derive(Debug, Serialize)]
pub struct TripPage {
    #[serde(flatten)]
    pub detail: TripDetail,
    /// Issued permits on no open trip whose holder lives in one of the stops' villages.
    pub pool: Vec<Waiting>,
    /// Pick-up requests put on this trip, open or ended.
    pub pickups: Vec<Pickup>,
}

/// Which paper of a trip to save.
#[derive(Debug, Clone, Copy, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TripPaper {
    Manifest,
    Handover,
}

/// The trips around the office's day.
pub fn list_trips_in(db: &Database, session: &Session) -> Result<TripsScreen, CommandError> {
    session.actor()?;
    db.with(|db| screens::trips_around(db, Utc::now()))
}

/// Couriers and villages by demand, for the plan form (the core lets whoever plans trips see the crew).
pub fn plan_choices_in(db: &Database, session: &Session) -> Result<PlanChoices, CommandError> {
    let actor = session.actor()?;
    db.with(|db| screens::plan_choices(db, &actor, Utc::now()))
}

/// Plans a trip as the signed-in user (clerk or admin); answers its id.
pub fn create_trip_in(
    db: &Database,
    session: &Session,
    trip: &NewTrip,
) -> Result<TripId, CommandError> {
    let actor = session.actor()?;
    db.with(|db| van::create_trip(db, &actor, Utc::now(), trip))
}

fn page(db: &Db, id: TripId) -> petromaks::Result<TripPage> {
    let detail = van::detail(db, id)?;
    let mut pool = Vec::new();
    for stop in &detail.stops {
        pool.extend(van::pool(db, Some(&stop.village_code))?);
    }
    let pickups = van::list_pickups(db, true)?
        .into_iter()
        .filter(|p| p.trip_id == Some(id))
        .collect();
    Ok(TripPage {
        detail,
        pool,
        pickups,
    })
}

/// Makes one change to trip `id` as the signed-in user (the core checks the role, the crew and the
/// trip's status) and answers the trip's page after it.
fn change_trip(
    db: &Database,
    session: &Session,
    id: TripId,
    work: impl FnOnce(&mut Db, &Actor, DateTime<Utc>) -> petromaks::Result<()>,
) -> Result<TripPage, CommandError> {
    let actor = session.actor()?;
    db.with(|db| {
        work(db, &actor, Utc::now())?;
        page(db, id)
    })
}

/// One trip's page.
pub fn trip_page_in(
    db: &Database,
    session: &Session,
    id: TripId,
) -> Result<TripPage, CommandError> {
    session.actor()?;
    db.with(|db| page(db, id))
}

/// Assigns permits by hand.
pub fn assign_permits_in(
    db: &Database,
    session: &Session,
    id: TripId,
    cases: &[CaseId],
) -> Result<TripPage, CommandError> {
    change_trip(db, session, id, |db, actor, now| {
        van::assign(db, actor, now, id, cases)
    })
}

/// Assigns every waiting permit of one stop's village.
pub fn assign_village_in(
    db: &Database,
    session: &Session,
    id: TripId,
    village: &str,
) -> Result<TripPage, CommandError> {
    change_trip(db, session, id, |db, actor, now| {
        van::assign_village(db, actor, now, id, village).map(drop)
    })
}

/// Takes a permit off a planned trip.
pub fn unassign_permit_in(
    db: &Database,
    session: &Session,
    id: TripId,
    case: CaseId,
) -> Result<TripPage, CommandError> {
    change_trip(db, session, id, |db, actor, now| {
        van::unassign(db, actor, now, id, case)
    })
}

/// The van leaves (a courier of the crew, or a clerk): its permits go out for delivery.
pub fn start_trip_in(
    db: &Database,
    session: &Session,
    id: TripId,
) -> Result<TripPage, CommandError> {
    change_trip(db, session, id, |db, actor, now| {
        van::start_trip(db, actor, now, id)
    })
}

/// The van is back: unrecorded permits go back to the pool.
pub fn close_trip_in(
    db: &Database,
    session: &Session,
    id: TripId,
) -> Result<TripPage, CommandError> {
    change_trip(db, session, id, |db, actor, now| {
        van::close_trip(db, actor, now, id)
    })
}

/// Where a trip's paper is saved: a fixed name in the documents folder, never a path from the webview.
fn paper_path(outputs: &Outputs, id: TripId, paper: TripPaper) -> Result<PathBuf, CommandError> {
    let name = match paper {
        TripPaper::Manifest => format!("manifest-keliling-{}.pdf", id.0),
        TripPaper::Handover => format!("berita-acara-keliling-{}.pdf", id.0),
    };
    Ok(outputs.dir()?.join(name))
}

/// Writes the manifest or the handover record into the documents folder and answers the file's path.
pub fn save_trip_pdf_in(
    db: &Database,
    session: &Session,
    outputs: &Outputs,
    id: TripId,
    paper: TripPaper,
) -> Result<String, CommandError> {
    session.actor()?;
    let bytes = db.with(|db| match paper {
        TripPaper::Manifest => van::manifest(db, id, Utc::now()),
        TripPaper::Handover => van::handover_record(db, id, Utc::now()),
    })?;
    crate::native::write_file(&paper_path(outputs, id, paper)?, &bytes)
}

/// Opens a trip paper saved before in the desktop's PDF viewer.
pub fn open_trip_pdf_in(
    session: &Session,
    outputs: &Outputs,
    id: TripId,
    paper: TripPaper,
) -> Result<(), CommandError> {
    session.actor()?;
    crate::native::open_in_viewer(&paper_path(outputs, id, paper)?)
}

/// The trips of the last month and the coming three.
#[tauri::command(async)]
pub fn list_trips(
    db: State<'_, Database>,
    session: State<'_, Session>,
) -> Result<TripsScreen, CommandError> {
    list_trips_in(&db, &session)
}

/// Couriers and villages by demand, for planning a trip.
#[tauri::command(async)]
pub fn trip_plan_choices(
    db: State<'_, Database>,
    session: State<'_, Session>,
) -> Result<PlanChoices, CommandError> {
    plan_choices_in(&db, &session)
}

/// Plans a trip.
#[tauri::command(async)]
pub fn create_trip(
    db: State<'_, Database>,
    session: State<'_, Session>,
    trip: NewTrip,
) -> Result<TripId, CommandError> {
    create_trip_in(&db, &session, &trip)
}

/// A trip's stops, permits and pool.
#[tauri::command(async)]
pub fn trip_page(
    db: State<'_, Database>,
    session: State<'_, Session>,
    id: TripId,
) -> Result<TripPage, CommandError> {
    trip_page_in(&db, &session, id)
}

/// Assigns permits to a trip by hand.
#[tauri::command(async)]
pub fn assign_permits(
    db: State<'_, Database>,
    session: State<'_, Session>,
    id: TripId,
    cases: Vec<CaseId>,
) -> Result<TripPage, CommandError> {
    assign_permits_in(&db, &session, id, &cases)
}

/// Assigns every waiting permit of a stop's village.
#[tauri::command(async)]
pub fn assign_village(
    db: State<'_, Database>,
    session: State<'_, Session>,
    id: TripId,
    village: String,
) -> Result<TripPage, CommandError> {
    assign_village_in(&db, &session, id, &village)
}

/// Takes a permit off a planned trip.
#[tauri::command(async)]
pub fn unassign_permit(
    db: State<'_, Database>,
    session: State<'_, Session>,
    id: TripId,
    case: CaseId,
) -> Result<TripPage, CommandError> {
    unassign_permit_in(&db, &session, id, case)
}

/// Sends a trip out.
#[tauri::command(async)]
pub fn start_trip(
    db: State<'_, Database>,
    session: State<'_, Session>,
    id: TripId,
) -> Result<TripPage, CommandError> {
    start_trip_in(&db, &session, id)
}

/// Closes a trip on return.
#[tauri::command(async)]
pub fn close_trip(
    db: State<'_, Database>,
    session: State<'_, Session>,
    id: TripId,
) -> Result<TripPage, CommandError> {
    close_trip_in(&db, &session, id)
}

/// Saves a trip's manifest or handover record as a PDF and answers where.
#[tauri::command(async)]
pub fn save_trip_pdf(
    db: State<'_, Database>,
    session: State<'_, Session>,
    outputs: State<'_, Outputs>,
    id: TripId,
    paper: TripPaper,
) -> Result<String, CommandError> {
    save_trip_pdf_in(&db, &session, &outputs, id, paper)
}

/// Opens a saved manifest or handover record in the system's PDF viewer.
#[tauri::command(async)]
pub fn open_trip_pdf(
    session: State<'_, Session>,
    outputs: State<'_, Outputs>,
    id: TripId,
    paper: TripPaper,
) -> Result<(), CommandError> {
    open_trip_pdf_in(&session, &outputs, id, paper)
}
