//! Intake in the field: a van application is linked to its trip, its originals go into a sealed bag, and
//! the front office receives the bag with any discrepancy written into each case's timeline.

use petromaks::audit;
use petromaks::cases::{self, Channel};
use petromaks::delivery::{self, FieldIntake, Handover};

use crate::delivery::plan;
use crate::support::{self, fingerprint, monday, sipd};

#[test]
fn originals_travel_in_a_sealed_bag_and_are_handed_to_the_front_office() {
    let mut o = support::office();
    let trip = plan(&mut o);
    let (courier, clerk) = (o.courier.clone(), o.clerk.clone());
    delivery::start_trip(&mut o.conn, &courier, monday(), trip).expect("start");
    let mut input = sipd("1607014508900001", "dr. Siti Rahmawati");
    input.channel = Channel::Van;
    input.received = vec![1, 2, 3];
    let id = cases::register(&mut o.conn, &courier, monday(), &input).expect("register in the van");
    let receipt = petromaks::documents::receipt_doc(&o.conn, id).expect("receipt");
    assert!(receipt
        .rows
        .iter()
        .any(|(_, v)| v.contains("Layanan Keliling")));

    let waiting = delivery::unbagged(&o.conn).expect("unbagged");
    assert_eq!(waiting.len(), 1, "the van application waits for its bag");
    assert_eq!(waiting[0].case_id, id);
    let ticked: Vec<u32> = waiting[0]
        .documents
        .iter()
        .filter(|d| d.2)
        .map(|d| d.0)
        .collect();
    assert_eq!(ticked, vec![1, 2, 3]);

    let before = fingerprint(&o.path);
    let bad = FieldIntake {
        case_id: id,
        bag_seal: "SEGEL-0042".into(),
        originals: vec![1, 99],
    };
    let e = delivery::record_field_intake(&mut o.conn, &courier, monday(), trip, &bad)
        .expect_err("no item 99");
    assert!(e.to_string().contains("no checklist item 99"), "{e}");
    let counter = cases::register(
        &mut o.conn,
        &clerk,
        monday(),
        &sipd("1607014508900002", "dr. Nur Aisyah"),
    )
    .expect("counter case");
    let before_counter = fingerprint(&o.path);
    let e = delivery::record_field_intake(
        &mut o.conn,
        &courier,
        monday(),
        trip,
        &FieldIntake {
            case_id: counter,
            bag_seal: "SEGEL-0042".into(),
            originals: vec![1],
        },
    )
    .expect_err("counter case");
    assert!(
        e.to_string().contains("was not registered in the van"),
        "{e}"
    );
    assert_eq!(fingerprint(&o.path), before_counter);
    assert_ne!(before, before_counter);

    let good = FieldIntake {
        case_id: id,
        bag_seal: "SEGEL-0042".into(),
        originals: vec![1, 2],
    };
    delivery::record_field_intake(&mut o.conn, &courier, monday(), trip, &good).expect("bagged");
    assert!(delivery::unbagged(&o.conn).expect("unbagged").is_empty());
    let bags = delivery::bags(&o.conn, trip).expect("bags");
    assert_eq!(bags.len(), 1);
    assert_eq!(bags[0].bag_seal, "SEGEL-0042");
    assert_eq!(bags[0].cases.len(), 1);
    assert_eq!(bags[0].cases[0].case_id, id);
    assert_eq!(
        bags[0].cases[0].originals.len(),
        2,
        "items 1 and 2, by label"
    );
    assert!(bags[0].handed_over_at.is_none());
    let e = delivery::hand_over_bag(
        &mut o.conn,
        &clerk,
        monday(),
        trip,
        &Handover {
            bag_seal: "SEGEL-9999".into(),
            discrepancy: None,
        },
    )
    .expect_err("unknown bag");
    assert!(e.to_string().contains("has no bag SEGEL-9999"), "{e}");
    let received = delivery::hand_over_bag(
        &mut o.conn,
        &clerk,
        monday(),
        trip,
        &Handover {
            bag_seal: "SEGEL-0042".into(),
            discrepancy: Some("fotokopi STR tidak ada di dalam kantong".into()),
        },
    )
    .expect("handover");
    assert_eq!(received, vec![id]);
    let bags = delivery::bags(&o.conn, trip).expect("bags after handover");
    assert!(bags[0].handed_over_at.is_some());
    assert_eq!(
        bags[0].received_by.as_deref(),
        Some(clerk.username.as_str())
    );
    assert_eq!(
        bags[0].discrepancy.as_deref(),
        Some("fotokopi STR tidak ada di dalam kantong")
    );
    let events = audit::case_events(&o.conn, id).expect("events");
    let details: Vec<String> = events.iter().filter_map(|e| e.detail.clone()).collect();
    assert!(
        details
            .iter()
            .any(|d| d.starts_with(&format!("trip {}, bag SEGEL-0042: ", trip.0))),
        "{details:?}"
    );
    assert!(
        details
            .iter()
            .any(|d| d.contains("discrepancy: fotokopi STR tidak ada")),
        "{details:?}"
    );
}
