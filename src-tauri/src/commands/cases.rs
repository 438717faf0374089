//! The case list, the today strip above it, and the case screen: the detail with the steps the signed-in
//! role may take, and taking one. The delivery steps have their own commands (`counter`, `van`,
//! `van_road`); the core refuses them here with `transition`, naming the right step.

use chrono::Utc;
use petromaks::cases::{self, CaseDetail, CaseFilter, CaseId, CaseSummary, Move, Tile};
use tauri::State;

use crate::error::CommandError;
use crate::state::{Database, Session};

/// Cases matching `filter` (statuses, query, due days, paging by `before`), newest first.
pub fn list_cases_in(
    db: &Database,
    session: &Session,
    filter: &CaseFilter,
) -> Result<Vec<CaseSummary>, CommandError> {
    session.actor()?;
    db.with(|db| cases::list(db, filter))
}

/// The signed-in user's today strip: counts on the office's day, each tile with the filter that lists it.
pub fn today_strip_in(db: &Database, session: &Session) -> Result<Vec<Tile>, CommandError> {
    let actor = session.actor()?;
    db.with(|db| cases::today(db, &actor, Utc::now()))
}

/// The case with its applicant, checklist, timeline, SLA and the signed-in user's steps.
pub fn case_detail_in(
    db: &Database,
    session: &Session,
    id: CaseId,
) -> Result<CaseDetail, CommandError> {
    let actor = session.actor()?;
    db.with(|db| cases::detail(db, Some(&actor), Utc::now(), id))
}

/// Takes one generic step as the signed-in user (the core checks the step, the role and the reason) and
/// answers the case as it is now.
pub fn move_case_in(
    db: &Database,
    session: &Session,
    id: CaseId,
    step: &Move,
) -> Result<CaseDetail, CommandError> {
    let actor = session.actor()?;
    db.with(|db| {
        cases::move_case(db, &actor, Utc::now(), id, step)?;
        cases::detail(db, Some(&actor), Utc::now(), id)
    })
}

/// Cases matching a filter.
#[tauri::command(async)]
pub fn list_cases(
    db: State<'_, Database>,
    session: State<'_, Session>,
    filter: CaseFilter,
) -> Result<Vec<CaseSummary>, CommandError> {
    list_cases_in(&db, &session, &filter)
}

/// The today strip of the signed-in user.
#[tauri::command(async)]
pub fn today_strip(
    db: State<'_, Database>,
    session: State<'_, Session>,
) -> Result<Vec<Tile>, CommandError> {
    today_strip_in(&db, &session)
}

/// The case screen's data.
#[tauri::command(async)]
pub fn case_detail(
    db: State<'_, Database>,
    session: State<'_, Session>,
    id: CaseId,
) -> Result<CaseDetail, CommandError> {
    case_detail_in(&db, &session, id)
}

/// One generic step of a case's life, as the signed-in user.
#[tauri::command(async)]
pub fn move_case(
    db: State<'_, Database>,
    session: State<'_, Session>,
    id: CaseId,
    step: Move,
) -> Result<CaseDetail, CommandError> {
    move_case_in(&db, &session, id, &step)
}
