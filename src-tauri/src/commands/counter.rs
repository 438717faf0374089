//! Handing an issued permit over at the counter: the recipient (the holder, or a proxy with a letter of
//! authority) is checked by the core exactly as on a van trip, and recorded with the case. This is the
//! only way a case becomes picked up.

use chrono::Utc;
use petromaks::cases::{self, CaseDetail, CaseId};
use petromaks::van::{self, Recipient};
use tauri::State;

use crate::error::CommandError;
use crate::state::{Database, Session};

/// Records that `recipient` collected the permit of case `id` (a clerk), and answers the case as it is now.
pub fn collect_case_in(
    db: &Database,
    session: &Session,
    id: CaseId,
    recipient: &Recipient,
) -> Result<CaseDetail, CommandError> {
    let actor = session.actor()?;
    db.with(|db| {
        van::collect_at_counter(db, &actor, Utc::now(), id, recipient)?;
        cases::detail(db, Some(&actor), Utc::now(), id)
    })
}

/// The permit is collected at the counter by its holder or a proxy.
#[tauri::command(async)]
pub fn collect_case(
    db: State<'_, Database>,
    session: State<'_, Session>,
    id: CaseId,
    recipient: Recipient,
) -> Result<CaseDetail, CommandError> {
    collect_case_in(&db, &session, id, &recipient)
}
