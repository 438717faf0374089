//! The review screen (Tinjauan): what the van's check-ins could not decide, for a clerk or an admin at the
//! office — each conflict with its kind, the rule's reason, the van's data and the crew member, the case it
//! names, and the decisions the core takes for it (apply, take the van's applicant data, dismiss with a
//! reason). Every resolution is audited by the core (`van.conflict`).

use chrono::Utc;
use petromaks::cases;
use petromaks::van::offline::{self, Conflict, Decision, Resolution};
use serde::Serialize;
use tauri::State;

use crate::error::CommandError;
use crate::state::{Database, Session};

/// One conflict as the review screen shows it.
#[derive(Debug, Serialize)]
pub struct ConflictView {
    #[serde(flatten)]
    pub conflict: Conflict,
    /// The registration number of the case it names, if any.
    pub case_number: Option<String>,
    /// The permit number of that case, if it has one.
    pub permit_number: Option<String>,
    /// Its holder's name.
    pub holder: Option<String>,
    /// What the reviewer may decide.
    pub decisions: Vec<Decision>,
}

fn view(db: &petromaks::db::Db, conflict: Conflict) -> petromaks::Result<ConflictView> {
    let (case_number, permit_number, holder) = match conflict.case_id {
        Some(id) => {
            let c = cases::get(db, id)?;
            let holder = petromaks::people::applicants::get(db, c.applicant_id)?.name;
            (Some(c.registration_number), c.permit_number, Some(holder))
        }
        None => (None, None, None),
    };
    Ok(ConflictView {
        decisions: offline::decisions(&conflict),
        conflict,
        case_number,
        permit_number,
        holder,
    })
}

/// The conflicts, open ones only unless `all`.
pub fn van_conflicts_in(
    db: &Database,
    session: &Session,
    all: bool,
) -> Result<Vec<ConflictView>, CommandError> {
    let actor = session.actor()?;
    db.with(|db| {
        offline::conflicts(db, &actor, all)?
            .into_iter()
            .map(|c| view(db, c))
            .collect()
    })
}

/// Resolves conflict `id` as the signed-in user; answers it as it is now.
pub fn resolve_conflict_in(
    db: &Database,
    session: &Session,
    id: i64,
    resolution: &Resolution,
) -> Result<ConflictView, CommandError> {
    let actor = session.actor()?;
    db.with(|db| {
        let c = offline::resolve(db, &actor, Utc::now(), id, resolution)?;
        view(db, c)
    })
}

/// The review list.
#[tauri::command(async)]
pub fn van_conflicts(
    db: State<'_, Database>,
    session: State<'_, Session>,
    all: bool,
) -> Result<Vec<ConflictView>, CommandError> {
    van_conflicts_in(&db, &session, all)
}

/// Resolves one conflict.
#[tauri::command(async)]
pub fn resolve_conflict(
    db: State<'_, Database>,
    session: State<'_, Session>,
    id: i64,
    resolution: Resolution,
) -> Result<ConflictView, CommandError> {
    resolve_conflict_in(&db, &session, id, &resolution)
}
