//! The dashboards screen's command: issued permits not yet handed over (by village and age), permits
//! expiring in the next N days (by village), the week's trips and the satisfaction index (IKM). The core
//! decides the period and the limits (`van::dashboards::overview`).

use chrono::Utc;
use petromaks::van::dashboards::{self, Overview};
use tauri::State;

use crate::error::CommandError;
use crate::state::{Database, Session};

/// The dashboards, with permits expiring within `days` days.
pub fn dashboards_in(
    db: &Database,
    session: &Session,
    days: u32,
) -> Result<Overview, CommandError> {
    session.actor()?;
    db.with(|db| dashboards::overview(db, Utc::now(), days))
}

/// The dashboards screen's data.
#[tauri::command(async)]
pub fn dashboards(
    db: State<'_, Database>,
    session: State<'_, Session>,
    days: u32,
) -> Result<Overview, CommandError> {
    dashboards_in(&db, &session, days)
}
