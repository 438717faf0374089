//! Applications taken in the van: the crew bags the paper originals of each application registered on a
//! trip, and the front office receives each sealed bag on return, writing down any discrepancy. The core
//! checks the courier and the crew, the clerk, the bag; a refused step changes nothing.

use chrono::Utc;
use petromaks::delivery::{self, Bag, FieldIntake, Handover, TripId, Unbagged};
use serde::Serialize;
use tauri::State;

use crate::error::CommandError;
use crate::session::Session;
use crate::state::Database;

/// The field-intake part of a trip page.
#[derive(Debug, Serialize)]
pub struct IntakeView {
    /// The trip's sealed bags, received or not.
    pub bags: Vec<Bag>,
    /// Van applications whose originals are not in a bag yet.
    pub unbagged: Vec<Unbagged>,
}

/// The bags of trip `id` and the van applications still to bag.
pub fn trip_intake_in(
    db: &Database,
    session: &Session,
    id: TripId,
) -> Result<IntakeView, CommandError> {
    session.actor()?;
    db.with(|conn| {
        Ok(IntakeView {
            bags: delivery::bags(conn, id)?,
            unbagged: delivery::unbagged(conn)?,
        })
    })
}

/// Records the originals of one van application in a sealed bag (a courier of the trip's crew).
pub fn bag_originals_in(
    db: &Database,
    session: &Session,
    id: TripId,
    intake: &FieldIntake,
) -> Result<IntakeView, CommandError> {
    let actor = session.actor()?;
    db.with(|conn| delivery::record_field_intake(conn, &actor, Utc::now(), id, intake))?;
    trip_intake_in(db, session, id)
}

/// The front office receives one sealed bag of the trip (a clerk).
pub fn receive_bag_in(
    db: &Database,
    session: &Session,
    id: TripId,
    handover: &Handover,
) -> Result<IntakeView, CommandError> {
    let actor = session.actor()?;
    db.with(|conn| delivery::hand_over_bag(conn, &actor, Utc::now(), id, handover))?;
    trip_intake_in(db, session, id)
}

/// The trip's bags and the van applications still to bag.
#[tauri::command(async)]
pub fn trip_intake(
    db: State<'_, Database>,
    session: State<'_, Session>,
    id: TripId,
) -> Result<IntakeView, CommandError> {
    trip_intake_in(&db, &session, id)
}

/// Puts a van application's originals into a sealed bag.
#[tauri::command(async)]
pub fn bag_originals(
    db: State<'_, Database>,
    session: State<'_, Session>,
    id: TripId,
    intake: FieldIntake,
) -> Result<IntakeView, CommandError> {
    bag_originals_in(&db, &session, id, &intake)
}

/// Receives a sealed bag from the crew.
#[tauri::command(async)]
pub fn receive_bag(
    db: State<'_, Database>,
    session: State<'_, Session>,
    id: TripId,
    handover: Handover,
) -> Result<IntakeView, CommandError> {
    receive_bag_in(&db, &session, id, &handover)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::account::sign_in_in;
    use crate::casework::tests::office;
    use crate::register::register_case_in;
    use crate::van::{create_trip_in, start_trip_in};
    use petromaks::cases::NewCase;
    use petromaks::delivery::NewTrip;

    #[test]
    fn the_crew_bags_originals_and_the_counter_receives_the_bag(
    ) -> Result<(), Box<dyn std::error::Error>> {
        let (dir, db, session) = office("intake")?;
        std::env::set_var("PETROMAKS_DOCS_DIR", &dir.0);
        sign_in_in(&db, &session, "loket1", petromaks::demo::DEMO_PASSWORD)?;
        let today = db.with(|conn| petromaks::cases::office_today(conn, Utc::now()))?;
        let trip = create_trip_in(
            &db,
            &session,
            &NewTrip {
                date: today.to_string(),
                vehicle: "BG 1234 XY".into(),
                crew: vec!["keliling1".into()],
                villages: vec!["16.07.01.2003".into()],
                note: None,
            },
        )?;
        sign_in_in(&db, &session, "keliling1", petromaks::demo::DEMO_PASSWORD)?;
        start_trip_in(&db, &session, trip)?;
        let input: NewCase = serde_json::from_value(serde_json::json!({
            "applicant": {
                "nik": "1607014508900001",
                "name": "Siti Rahmawati",
                "birth_place": "Pangkalan Balai",
                "address": "Dusun II",
                "village_code": "16.07.01.2003"
            },
            "permit_type": "SKP",
            "channel": "van",
            "received": [1, 2, 4],
            "details": {
                "judul": "Tata air rawa pasang surut",
                "instansi": "Universitas Sriwijaya",
                "lokasi": "Kecamatan Rantau Bayur",
                "waktu": "3 bulan"
            }
        }))?;
        let id = register_case_in(&db, &session, &input)?.id;
        let view = trip_intake_in(&db, &session, trip)?;
        let waiting = view
            .unbagged
            .iter()
            .find(|u| u.case_id == id)
            .ok_or("the van application waits for its bag")?;
        assert!(waiting.documents.iter().filter(|d| d.2).count() == 3);

        let intake = FieldIntake {
            case_id: id,
            bag_seal: "SEGEL-0042".into(),
            originals: vec![1, 2],
        };
        sign_in_in(&db, &session, "loket1", petromaks::demo::DEMO_PASSWORD)?;
        let refused = bag_originals_in(&db, &session, trip, &intake);
        assert_eq!(refused.map(|_| ()).map_err(|e| e.code), Err("forbidden"));
        sign_in_in(&db, &session, "keliling1", petromaks::demo::DEMO_PASSWORD)?;
        let view = bag_originals_in(&db, &session, trip, &intake)?;
        assert!(view.unbagged.iter().all(|u| u.case_id != id));
        assert_eq!(view.bags.len(), 1);
        assert_eq!(view.bags[0].cases[0].originals.len(), 2);

        let handover = Handover {
            bag_seal: "SEGEL-0042".into(),
            discrepancy: Some("segel robek".into()),
        };
        let refused = receive_bag_in(&db, &session, trip, &handover);
        assert_eq!(refused.map(|_| ()).map_err(|e| e.code), Err("forbidden"));
        sign_in_in(&db, &session, "loket1", petromaks::demo::DEMO_PASSWORD)?;
        let view = receive_bag_in(&db, &session, trip, &handover)?;
        assert_eq!(view.bags[0].received_by.as_deref(), Some("loket1"));
        assert_eq!(view.bags[0].discrepancy.as_deref(), Some("segel robek"));
        Ok(())
    }
}
