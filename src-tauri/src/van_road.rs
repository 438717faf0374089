//! What the van's crew records on the road: each permit's outcome at its stop (to the holder, to a proxy,
//! or not delivered with a reason) and the optional satisfaction survey after a handover. The core checks
//! the courier, the crew, the recipient's NIK; a refused outcome changes nothing.

use chrono::Utc;
use petromaks::cases::CaseId;
use petromaks::delivery::{self, Outcome, TripId};
use petromaks::survey::{self, Answers};
use tauri::State;

use crate::error::CommandError;
use crate::session::Session;
use crate::state::Database;
use crate::van::{trip_page_in, TripPage};

/// Records what happened to one permit of a trip that is out; answers the trip's page after it.
pub fn record_delivery_in(
    db: &Database,
    session: &Session,
    id: TripId,
    case: CaseId,
    outcome: &Outcome,
) -> Result<TripPage, CommandError> {
    let actor = session.actor()?;
    db.with(|conn| delivery::record_outcome(conn, &actor, Utc::now(), id, case, outcome))?;
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
    db.with(|conn| survey::record(conn, &actor, Utc::now(), case, &Answers(answers)))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::account::sign_in_in;
    use crate::testing;
    use crate::van::{
        assign_village_in, close_trip_in, create_trip_in, plan_choices_in, save_trip_pdf_in,
        start_trip_in, TripPaper,
    };
    use petromaks::delivery::{FailReason, NewTrip, Recipient};

    #[test]
    fn a_trip_from_plan_to_close_through_the_window_commands(
    ) -> Result<(), Box<dyn std::error::Error>> {
        let (dir, db, session) = testing::office("van-road", Some(30))?;

        sign_in_in(&db, &session, "loket1", petromaks::demo::DEMO_PASSWORD)?;
        let choices = plan_choices_in(&db, &session)?;
        assert!(choices.couriers.iter().any(|c| c.username == "keliling1"));
        let village = choices
            .villages
            .first()
            .ok_or("the demo has a village waiting")?;
        let trip = create_trip_in(
            &db,
            &session,
            &NewTrip {
                date: choices.today.clone(),
                vehicle: "BG 1234 XY".into(),
                crew: vec!["keliling1".into()],
                villages: vec![village.village_code.clone()],
                note: None,
            },
        )?;
        let page = assign_village_in(&db, &session, trip, &village.village_code)?;
        let carried = page.detail.stops[0]
            .permits
            .first()
            .ok_or("a permit was assigned")?;
        let case = carried.case_id;
        assert!(
            page.pool.iter().all(|w| w.case_id != case),
            "out of the pool"
        );
        std::env::set_var("PETROMAKS_DOCS_DIR", &dir.0);
        let path = save_trip_pdf_in(&db, &session, trip, TripPaper::Manifest)?;
        assert!(std::fs::metadata(&path)?.len() > 1000);

        sign_in_in(&db, &session, "keliling1", petromaks::demo::DEMO_PASSWORD)?;
        start_trip_in(&db, &session, trip)?;
        let bad = Outcome::Delivered {
            recipient: Recipient::Proxy {
                name: "Budi Santoso".into(),
                nik: "12345".into(),
                relation: "suami".into(),
                authority_letter: "SK/07".into(),
            },
        };
        let refused = record_delivery_in(&db, &session, trip, case, &bad);
        assert_eq!(
            refused.map(|_| ()).map_err(|e| (e.code, e.field)),
            Err(("invalid", Some("recipient_nik")))
        );
        let failed = Outcome::NotDelivered {
            reason: FailReason::NotHome,
            note: Some("rumah kosong".into()),
        };
        let page = record_delivery_in(&db, &session, trip, case, &failed)?;
        assert_eq!(
            page.detail.stops[0].permits[0].outcome.as_deref(),
            Some("not_delivered")
        );
        let page = close_trip_in(&db, &session, trip)?;
        assert!(
            page.pool.iter().any(|w| w.case_id == case),
            "back in the pool"
        );
        Ok(())
    }
}
