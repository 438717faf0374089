//! Batch printing for the van: choosing the permits (by village, issue dates, trip or by hand), previewing
//! them, printing them into one PDF with progress and cancel, and their envelope labels. A batch runs on
//! its own connection, so every other screen keeps answering while 500 certificates are prepared.

use chrono::Utc;
use petromaks::documents::batch::{self, Selection};
use petromaks::documents::batch_screen;
use serde::Serialize;
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, Runtime, State};

use super::on_blocking_pool;
use crate::error::CommandError;
use crate::state::{stamp, BatchControl, Database, Outputs, SavedFile, Session};

pub use petromaks::documents::batch_screen::{BatchRow, Choices};

/// How far a running batch is: `done` of `total` certificates prepared.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
pub struct BatchProgress {
    pub done: usize,
    pub total: usize,
}

/// A finished batch: its PDF and how many permits (and reprints among them) it holds.
#[derive(Debug, Clone, Serialize)]
pub struct BatchResult {
    pub file: SavedFile,
    pub count: usize,
    pub copies: usize,
}

/// The batch screen's starting point: the office's day, its month, the trips around it.
pub fn batch_trips_in(db: &Database, session: &Session) -> Result<Choices, CommandError> {
    let actor = session.actor()?;
    db.with(|db| batch_screen::choices(db, &actor, Utc::now()))
}

/// The permits a selection names, in print order.
pub fn batch_preview_in(
    db: &Database,
    session: &Session,
    selection: &Selection,
) -> Result<Vec<BatchRow>, CommandError> {
    let actor = session.actor()?;
    db.with(|db| batch_screen::preview(db, &actor, selection))
}

/// Prints a selection into one PDF in the documents folder on a connection of its own, reporting each
/// certificate to `progress`. Cancelled (`control.cancel()`): `Ok(None)`, nothing written, nothing logged.
pub fn print_batch_in(
    db: &Database,
    session: &Session,
    outputs: &Outputs,
    control: &BatchControl,
    selection: &Selection,
    progress: &mut dyn FnMut(BatchProgress),
) -> Result<Option<BatchResult>, CommandError> {
    let actor = session.actor()?;
    let running = control.start()?;
    let now = Utc::now();
    let printed = db.job()?.run(|job| {
        batch::print_batch(job, &actor, now, selection, &mut |done, total| {
            progress(BatchProgress { done, total });
            running.go_on()
        })
    })?;
    let Some(printed) = printed else {
        return Ok(None);
    };
    let file = outputs.write(&format!("cetak-massal-{}.pdf", stamp(now)), &printed.pdf)?;
    Ok(Some(BatchResult {
        file,
        count: printed.cases.len(),
        copies: printed.copies,
    }))
}

/// The envelope label sheet of a selection, made on a connection of its own and written into the
/// documents folder.
pub fn batch_labels_in(
    db: &Database,
    session: &Session,
    outputs: &Outputs,
    selection: &Selection,
) -> Result<SavedFile, CommandError> {
    let actor = session.actor()?;
    let now = Utc::now();
    let pdf = db
        .job()?
        .run(|job| batch::labels(job, &actor, selection, now))?;
    outputs.write(&format!("label-amplop-{}.pdf", stamp(now)), &pdf)
}

/// The batch screen's starting point (the office's day and the trips to choose from).
#[tauri::command(async)]
pub fn batch_trips(
    db: State<'_, Database>,
    session: State<'_, Session>,
) -> Result<Choices, CommandError> {
    batch_trips_in(&db, &session)
}

/// The permits a selection names.
#[tauri::command(async)]
pub fn batch_preview(
    db: State<'_, Database>,
    session: State<'_, Session>,
    selection: Selection,
) -> Result<Vec<BatchRow>, CommandError> {
    batch_preview_in(&db, &session, &selection)
}

/// Prints a batch, sending progress on `on_progress`; `null` when cancelled.
#[tauri::command]
pub async fn print_batch<R: Runtime>(
    app: AppHandle<R>,
    selection: Selection,
    on_progress: Channel<BatchProgress>,
) -> Result<Option<BatchResult>, CommandError> {
    on_blocking_pool(move || {
        let (db, session) = (app.state::<Database>(), app.state::<Session>());
        let (outputs, control) = (app.state::<Outputs>(), app.state::<BatchControl>());
        print_batch_in(&db, &session, &outputs, &control, &selection, &mut |p| {
            // A closed channel (the window reloaded) does not stop the batch.
            let _ = on_progress.send(p);
        })
    })
    .await
}

/// Cancels the running batch.
#[tauri::command]
pub fn cancel_batch(control: State<'_, BatchControl>) {
    control.cancel();
}

/// Writes the envelope labels of a selection.
#[tauri::command]
pub async fn batch_labels<R: Runtime>(
    app: AppHandle<R>,
    selection: Selection,
) -> Result<SavedFile, CommandError> {
    on_blocking_pool(move || {
        let (db, session, outputs) = (
            app.state::<Database>(),
            app.state::<Session>(),
            app.state::<Outputs>(),
        );
        batch_labels_in(&db, &session, &outputs, &selection)
    })
    .await
}
