//! The Laporan screen's commands: the filters' choices, a report for a period and its filters, and the
//! report saved as PDF, XLSX or CSV into the documents folder (then opened, copied or printed by id).
//! Who may read which cases is the core's rule (`petromaks::reports`).

use chrono::Utc;
use petromaks::reports::{self, Choices, Format, Kind, Query, Report};
use tauri::State;

use crate::error::CommandError;
use crate::state::{Database, Outputs, SavedFile, Session};

/// What the filters offer the signed-in user.
pub fn report_choices_in(db: &Database, session: &Session) -> Result<Choices, CommandError> {
    let actor = session.actor()?;
    db.with(|db| reports::choices(db, &actor, Utc::now()))
}

/// A report for the screen.
pub fn report_in(
    db: &Database,
    session: &Session,
    kind: Kind,
    query: &Query,
) -> Result<Report, CommandError> {
    let actor = session.actor()?;
    db.with(|db| reports::build(db, &actor, Utc::now(), kind, query))
}

/// A report written in `format` into the documents folder; answers its id and path.
pub fn save_report_in(
    db: &Database,
    session: &Session,
    outputs: &Outputs,
    kind: Kind,
    query: &Query,
    format: Format,
) -> Result<SavedFile, CommandError> {
    if format == Format::Json {
        return Err(
            petromaks::Error::invalid("format", "the window saves PDF, XLSX or CSV").into(),
        );
    }
    let actor = session.actor()?;
    let saved = db.with(|db| reports::save(db, &actor, Utc::now(), kind, query, format))?;
    outputs.write(&saved.name, &saved.bytes)
}

/// The filters' choices.
#[tauri::command(async)]
pub fn report_choices(
    db: State<'_, Database>,
    session: State<'_, Session>,
) -> Result<Choices, CommandError> {
    report_choices_in(&db, &session)
}

/// A report for the screen.
#[tauri::command(async)]
pub fn report(
    db: State<'_, Database>,
    session: State<'_, Session>,
    kind: Kind,
    query: Query,
) -> Result<Report, CommandError> {
    report_in(&db, &session, kind, &query)
}

/// Saves a report as PDF, XLSX or CSV into the documents folder.
#[tauri::command(async)]
pub fn save_report(
    db: State<'_, Database>,
    session: State<'_, Session>,
    outputs: State<'_, Outputs>,
    kind: Kind,
    query: Query,
    format: Format,
) -> Result<SavedFile, CommandError> {
    save_report_in(&db, &session, &outputs, kind, &query, format)
}
