//! The sync screen (Sinkronisasi): at the office, check a planned or out trip out to this laptop — the
//! core writes the van's register file into the app-data folder and this window switches to it; on the van
//! laptop, check the day's work back into the office register the van file remembers (or an office file
//! chosen in the dialog), with progress, and switch back once the day is finished. The rules (who may,
//! which trips, what is applied, what is a conflict) are the core's: `van::offline`.

use chrono::Utc;
use petromaks::db::{Address, Db};
use petromaks::people::access::{self, Place};
use petromaks::people::users;
use petromaks::van::offline::{self, CheckinReport, Checkout, VanStatus};
use petromaks::van::{screens, TripId};
use serde::Serialize;
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, Runtime, State};

use super::on_blocking_pool;
use crate::error::CommandError;
use crate::native;
use crate::state::{
    file_name, file_safe, stamp, Chosen, Database, OfficeFile, Remembered, Session,
};

pub use petromaks::van::screens::OutOnLaptop as SyncTrip;

/// The sync screen's data.
#[derive(Debug, Serialize)]
pub struct SyncScreen {
    pub place: Place,
    /// The register in use, as shown.
    pub address: String,
    /// At the office: the planned and out trips of the last month and the coming three.
    pub trips: Vec<SyncTrip>,
    /// On a van laptop: the trip worked offline, the office register it came from, what waits.
    pub van: Option<VanStatus>,
    /// The office file chosen in the dialog for check-in, if any.
    pub office_chosen: Option<String>,
}

/// How far a check-in has come.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct CheckinProgress {
    pub done: u64,
    pub total: u64,
}

/// After a switch of register: the same user stays signed in if their account is active there with the
/// same role (the crew on the van's file, the crew back at the office); anyone else signs in again.
fn carry_session(db: &Database, session: &Session) -> Result<(), CommandError> {
    let Some(was) = session.current()? else {
        return Ok(());
    };
    match db.with(|db| users::actor(db, &was.username)) {
        Ok(now) if now.role == was.role => session.set(now),
        _ => session.clear(),
    }
}

/// The sync screen for the signed-in user (the core lets clerks, couriers and admins sync).
pub fn sync_screen_in(
    db: &Database,
    session: &Session,
    office: &Chosen<OfficeFile>,
) -> Result<SyncScreen, CommandError> {
    session.actor()?;
    let address = db.address().shown();
    let office_chosen = office.get()?.map(|p| file_name(&p));
    db.with(|db| {
        let place = access::place(db)?;
        let trips = if place == Place::Office {
            screens::for_laptops(db, Utc::now())?
        } else {
            Vec::new()
        };
        Ok(SyncScreen {
            place,
            address,
            trips,
            van: offline::status(db)?,
            office_chosen,
        })
    })
}

/// Checks trip `trip` out to this laptop as van `van`: the van's register file is written into the
/// app-data folder, remembered, and made this window's register.
pub fn checkout_trip_in(
    db: &Database,
    session: &Session,
    remembered: &Remembered,
    trip: TripId,
    van_name: &str,
) -> Result<Checkout, CommandError> {
    let actor = session.actor()?;
    let now = Utc::now();
    let dir = remembered.van_dir();
    petromaks::private::create_dir(dir)?;
    let out = dir.join(format!(
        "{}-perjalanan-{}-{}.sqlite",
        file_safe(van_name.trim()),
        trip,
        stamp(now)
    ));
    let made = db.with(|db| offline::checkout(db, &actor, now, trip, van_name, &out))?;
    let address = Address::File(out);
    db.switch_to(address.clone())?;
    remembered.remember(&address, None)?;
    carry_session(db, session)?;
    Ok(made)
}

/// The office register a check-in goes into: the file chosen in the dialog when asked, else the one the
/// van's register remembers.
fn office_address(
    status: &VanStatus,
    office: &Chosen<OfficeFile>,
    use_chosen: bool,
) -> Result<Address, CommandError> {
    if use_chosen {
        let path = office.get()?.ok_or_else(|| {
            CommandError::from(petromaks::Error::not_found(
                "office register",
                "chosen in the dialog",
            ))
        })?;
        return Ok(Address::File(path));
    }
    status
        .office_address
        .as_deref()
        .map(Address::parse)
        .ok_or_else(|| {
            petromaks::Error::invalid(
                "office",
                "this van's register does not say where the office register is: choose its file",
            )
            .into()
        })
}

/// Checks this van laptop's work into the office register; with `finish` the day ends and the window
/// switches back to the office register.
pub fn checkin_van_in(
    db: &Database,
    session: &Session,
    remembered: &Remembered,
    office: &Chosen<OfficeFile>,
    use_chosen: bool,
    finish: bool,
    progress: &mut dyn FnMut(CheckinProgress),
) -> Result<CheckinReport, CommandError> {
    let actor = session.actor()?;
    let here = db.address();
    let Address::File(van_file) = &here else {
        return Err(petromaks::Error::invalid("register", "this is not a van's register").into());
    };
    let status = db
        .with(|db| offline::status(db))?
        .ok_or_else(|| petromaks::Error::invalid("register", "this is not a van's register"))?;
    let office_at = office_address(&status, office, use_chosen)?;
    // The job's count keeps a switch or a restore of the van's file from happening underneath.
    let report = db.job()?.run(|_van| {
        let mut office_db = Db::open(&office_at)?;
        let office_actor = users::actor(&office_db, &actor.username)?;
        offline::checkin(
            &mut office_db,
            &office_actor,
            Utc::now(),
            van_file,
            finish,
            &mut |done, total| progress(CheckinProgress { done, total }),
        )
    })?;
    if report.finished {
        let server = match &office_at {
            Address::Server(url) => remembered.server().filter(|s| s.url() == *url),
            Address::File(_) => None,
        };
        db.switch_to(office_at.clone())?;
        remembered.remember(&office_at, server.as_ref())?;
        carry_session(db, session)?;
    }
    Ok(report)
}

/// The sync screen's data.
#[tauri::command(async)]
pub fn sync_screen(
    db: State<'_, Database>,
    session: State<'_, Session>,
    office: State<'_, Chosen<OfficeFile>>,
) -> Result<SyncScreen, CommandError> {
    sync_screen_in(&db, &session, &office)
}

/// Checks a trip out to this laptop and switches the window to the van's register.
#[tauri::command(async)]
pub fn checkout_trip(
    db: State<'_, Database>,
    session: State<'_, Session>,
    remembered: State<'_, Remembered>,
    trip: TripId,
    van: String,
) -> Result<Checkout, CommandError> {
    checkout_trip_in(&db, &session, &remembered, trip, &van)
}

/// Checks the van's work in, reporting progress on `on_progress`.
#[tauri::command]
pub async fn checkin_van<R: Runtime>(
    app: AppHandle<R>,
    use_chosen: bool,
    finish: bool,
    on_progress: Channel<CheckinProgress>,
) -> Result<CheckinReport, CommandError> {
    on_blocking_pool(move || {
        let (db, session) = (app.state::<Database>(), app.state::<Session>());
        let office = app.state::<Chosen<OfficeFile>>();
        let remembered = app.state::<Remembered>();
        checkin_van_in(
            &db,
            &session,
            &remembered,
            &office,
            use_chosen,
            finish,
            &mut |p| {
                // A closed channel (the window reloaded) does not stop the check-in.
                let _ = on_progress.send(p);
            },
        )
    })
    .await
}

/// Asks for the office register file with the native dialog; answers its name (`None` if cancelled).
#[tauri::command]
pub async fn choose_office_file<R: Runtime>(
    app: AppHandle<R>,
) -> Result<Option<String>, CommandError> {
    on_blocking_pool(move || {
        let Some(path) = native::pick_file(&app, ("Petromaks", &["sqlite", "db"]))? else {
            return Ok(None);
        };
        let name = file_name(&path);
        app.state::<Chosen<OfficeFile>>().set(path)?;
        Ok(Some(name))
    })
    .await
}
