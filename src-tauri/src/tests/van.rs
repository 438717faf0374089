//! The van through the window's commands: planning, assigning, the trip paper, the road (a refused NIK
//! changes nothing, a failed delivery goes back to the pool), and the originals bagged in the field.

use chrono::Utc;
use petromaks::van::DeliveryOutcome;
use petromaks::van::{FailReason, FieldIntake, Handover, NewTrip, Outcome, Recipient};

use super::fixture::{self, code, refusal};
use super::register::application;
use crate::commands::intake::{bag_originals_in, receive_bag_in, trip_intake_in};
use crate::commands::register::register_case_in;
use crate::commands::van::{
    assign_village_in, close_trip_in, create_trip_in, plan_choices_in, save_trip_pdf_in,
    start_trip_in, TripPaper,
};
use crate::commands::van_road::record_delivery_in;

#[test]
fn a_trip_from_plan_to_close_through_the_window_commands() -> Result<(), Box<dyn std::error::Error>>
{
    let o = fixture::office("van-road", Some(30))?;
    o.sign_in("loket1")?;
    let choices = plan_choices_in(&o.db, &o.session)?;
    assert!(choices.couriers.iter().any(|c| c.username == "keliling1"));
    let village = choices
        .villages
        .first()
        .ok_or("the demo has a village waiting")?;
    let trip = create_trip_in(
        &o.db,
        &o.session,
        &NewTrip {
            date: petromaks::time::day(choices.today),
            vehicle: "BG 1234 XY".into(),
            crew: vec!["keliling1".into()],
            villages: vec![village.village_code.clone()],
            note: None,
        },
    )?;
    let page = assign_village_in(&o.db, &o.session, trip, &village.village_code)?;
    let carried = page.detail.stops[0]
        .permits
        .first()
        .ok_or("a permit was assigned")?;
    let case = carried.case_id;
    assert!(
        page.pool.iter().all(|w| w.case_id != case),
        "out of the pool"
    );
    let path = save_trip_pdf_in(&o.db, &o.session, &o.outputs, trip, TripPaper::Manifest)?;
    assert!(std::fs::metadata(&path)?.len() > 1000);

    o.sign_in("keliling1")?;
    assert_eq!(
        code(plan_choices_in(&o.db, &o.session)),
        "forbidden",
        "a courier plans no trips"
    );
    start_trip_in(&o.db, &o.session, trip)?;
    let bad = Outcome::Delivered {
        recipient: Recipient::Proxy {
            name: "Budi Santoso".into(),
            nik: "12345".into(),
            relation: "suami".into(),
            authority_letter: "SK/07".into(),
        },
    };
    let refused = record_delivery_in(&o.db, &o.session, trip, case, &bad);
    assert_eq!(
        refusal(refused),
        ("invalid", Some("recipient_nik".to_string()))
    );
    let failed = Outcome::NotDelivered {
        reason: FailReason::NotHome,
        note: Some("rumah kosong".into()),
    };
    let page = record_delivery_in(&o.db, &o.session, trip, case, &failed)?;
    assert_eq!(
        page.detail.stops[0].permits[0].outcome,
        Some(DeliveryOutcome::NotDelivered)
    );
    let page = close_trip_in(&o.db, &o.session, trip)?;
    assert!(
        page.pool.iter().any(|w| w.case_id == case),
        "back in the pool"
    );
    Ok(())
}

#[test]
fn the_crew_bags_originals_and_the_counter_receives_the_bag(
) -> Result<(), Box<dyn std::error::Error>> {
    let o = fixture::office("van-intake", Some(12))?;
    o.sign_in("loket1")?;
    let today = o.db.with(|db| petromaks::office::today(db, Utc::now()))?;
    let trip = create_trip_in(
        &o.db,
        &o.session,
        &NewTrip {
            date: today.to_string(),
            vehicle: "BG 1234 XY".into(),
            crew: vec!["keliling1".into()],
            villages: vec!["16.07.01.2003".into()],
            note: None,
        },
    )?;
    o.sign_in("keliling1")?;
    start_trip_in(&o.db, &o.session, trip)?;
    let input = application("1607014508900001", Some("van-2026-0001-abcd"), "van")?;
    let id = register_case_in(&o.db, &o.session, &o.outputs, &input)?
        .registered
        .id;
    let view = trip_intake_in(&o.db, &o.session, trip)?;
    let waiting = view
        .unbagged
        .iter()
        .find(|u| u.case_id == id)
        .ok_or("the van application waits for its bag")?;
    assert_eq!(waiting.documents.iter().filter(|d| d.2).count(), 3);

    let intake = FieldIntake {
        case_id: id,
        bag_seal: "SEGEL-0042".into(),
        originals: vec![1, 2],
    };
    o.sign_in("loket1")?;
    assert_eq!(
        code(bag_originals_in(&o.db, &o.session, trip, &intake)),
        "forbidden"
    );
    o.sign_in("keliling1")?;
    let view = bag_originals_in(&o.db, &o.session, trip, &intake)?;
    assert!(view.unbagged.iter().all(|u| u.case_id != id));
    assert_eq!(view.bags.len(), 1);
    assert_eq!(view.bags[0].cases[0].originals.len(), 2);

    let handover = Handover {
        bag_seal: "SEGEL-0042".into(),
        discrepancy: Some("segel robek".into()),
    };
    assert_eq!(
        code(receive_bag_in(&o.db, &o.session, trip, &handover)),
        "forbidden"
    );
    o.sign_in("loket1")?;
    let view = receive_bag_in(&o.db, &o.session, trip, &handover)?;
    assert_eq!(view.bags[0].received_by.as_deref(), Some("loket1"));
    assert_eq!(view.bags[0].discrepancy.as_deref(), Some("segel robek"));
    Ok(())
}
