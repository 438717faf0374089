//! Handing an issued permit over at the counter: the recipient (the holder, or a proxy with a letter of
//! authority) is checked by the core exactly as on a van trip, and recorded with the case.

use chrono::Utc;
use petromaks::cases::{self, CaseDetail, CaseId};
use petromaks::delivery::{self, Recipient};
use tauri::State;

use crate::error::CommandError;
use crate::session::Session;
use crate::state::Database;

/// Records that `recipient` collected the permit of case `id` (a clerk), and answers the case as it is now.
pub fn collect_case_in(
    db: &Database,
    session: &Session,
    id: CaseId,
    recipient: &Recipient,
) -> Result<CaseDetail, CommandError> {
    let actor = session.actor()?;
    db.with(|conn| {
        delivery::collect_at_counter(conn, &actor, Utc::now(), id, recipient)?;
        cases::detail(conn, Some(&actor), Utc::now(), id)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::account::sign_in_in;
    use crate::casework::tests::office;
    use petromaks::cases::{CaseFilter, Status};

    #[test]
    fn the_holder_collects_with_their_own_nik_only_and_only_from_a_clerk(
    ) -> Result<(), Box<dyn std::error::Error>> {
        let (_dir, db, session) = office("counter")?;
        let issued = db.with(|conn| {
            cases::list(
                conn,
                &CaseFilter {
                    status: Some(Status::Issued),
                    ..Default::default()
                },
            )
        })?;
        let id = issued.first().ok_or("the demo has an issued case")?.id;
        let all = db.with(|conn| cases::list(conn, &CaseFilter::default()))?;
        let other = all
            .iter()
            .map(|c| c.applicant_nik.clone())
            .find(|nik| *nik != issued[0].applicant_nik)
            .ok_or("another applicant")?;
        sign_in_in(&db, &session, "loket1", petromaks::demo::DEMO_PASSWORD)?;
        let holder = collect_case_in(&db, &session, id, &Recipient::Holder { nik: other });
        assert_eq!(holder.map(|_| ()).map_err(|e| e.code), Err("invalid"));
        let nik = issued[0].applicant_nik.clone();
        sign_in_in(&db, &session, "kasi", petromaks::demo::DEMO_PASSWORD)?;
        let refused = collect_case_in(&db, &session, id, &Recipient::Holder { nik: nik.clone() });
        assert_eq!(refused.map(|_| ()).map_err(|e| e.code), Err("forbidden"));
        sign_in_in(&db, &session, "loket1", petromaks::demo::DEMO_PASSWORD)?;
        let done = collect_case_in(&db, &session, id, &Recipient::Holder { nik })?;
        assert_eq!(done.case.status, Status::PickedUp);
        assert!(done
            .events
            .iter()
            .any(|e| e.to_status == Some(Status::PickedUp) && e.actor == "loket1"));
        Ok(())
    }
}
