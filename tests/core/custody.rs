//! Intake in the field: a van application is linked to its trip, its originals go into a sealed bag, and
//! the front office receives the bag with any discrepancy written into each case's timeline.

use petromaks::audit;
use petromaks::cases::{self, Channel};
use petromaks::van::{self as delivery, FieldIntake, Handover};

use crate::delivery::plan;
use crate::support::{self, monday, refused, refused_on, sipd};

#[test]
fn originals_travel_in_a_sealed_bag_and_are_handed_to_the_front_office() {
    let mut o = support::office();
    let trip = plan(&mut o);
    let (courier, clerk) = (o.courier.clone(), o.clerk.clone());
    delivery::start_trip(&mut o.db, &courier, monday(), trip).expect("start");
    let mut input = sipd("1607014508900001", "dr. Siti Rahmawati");
    input.channel = Channel::Van;
    input.received = vec![1, 2, 3];
    let id = cases::register(&mut o.db, &courier, monday(), &input)
        .expect("register in the van")
        .id;
    let receipt = petromaks::documents::receipt_doc(&o.db, id).expect("receipt");
    assert!(receipt
        .rows
        .iter()
        .any(|(_, v)| v.contains("Layanan Keliling")));

    let waiting = delivery::unbagged(&o.db).expect("unbagged");
    assert_eq!(waiting.len(), 1, "the van application waits for its bag");
    assert_eq!(waiting[0].case_id, id);
    let ticked: Vec<u32> = waiting[0]
        .documents
        .iter()
        .filter(|d| d.2)
        .map(|d| d.0)
        .collect();
    assert_eq!(ticked, vec![1, 2, 3]);

    let before = o.fingerprint();
    let bad = FieldIntake {
        case_id: id,
        bag_seal: "SEGEL-0042".into(),
        originals: vec![1, 99],
    };
    let e = refused_on(
        delivery::record_field_intake(&mut o.db, &courier, monday(), trip, &bad),
        "originals",
    );
    assert!(e.to_string().contains("no checklist item 99"), "{e}");
    let counter = o.register(&sipd("1607014508900002", "dr. Nur Aisyah"));
    let before_counter = o.fingerprint();
    let e = refused_on(
        delivery::record_field_intake(
            &mut o.db,
            &courier,
            monday(),
            trip,
            &FieldIntake {
                case_id: counter,
                bag_seal: "SEGEL-0042".into(),
                originals: vec![1],
            },
        ),
        "case_id",
    );
    assert!(
        e.to_string().contains("was not registered in the van"),
        "{e}"
    );
    assert_eq!(o.fingerprint(), before_counter);
    assert_ne!(before, before_counter);

    let good = FieldIntake {
        case_id: id,
        bag_seal: "SEGEL-0042".into(),
        originals: vec![1, 2],
    };
    delivery::record_field_intake(&mut o.db, &courier, monday(), trip, &good).expect("bagged");
    assert!(delivery::unbagged(&o.db).expect("unbagged").is_empty());
    let bags = delivery::bags(&o.db, trip).expect("bags");
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
    let before_handover = o.fingerprint();
    let e = refused_on(
        delivery::hand_over_bag(
            &mut o.db,
            &clerk,
            monday(),
            trip,
            &Handover {
                bag_seal: "SEGEL-9999".into(),
                discrepancy: None,
            },
        ),
        "bag_seal",
    );
    refused(
        delivery::hand_over_bag(
            &mut o.db,
            &courier,
            monday(),
            trip,
            &Handover {
                bag_seal: "SEGEL-0042".into(),
                discrepancy: None,
            },
        ),
        "forbidden",
    );
    assert_eq!(o.fingerprint(), before_handover);
    assert!(e.to_string().contains("has no bag SEGEL-9999"), "{e}");
    let received = delivery::hand_over_bag(
        &mut o.db,
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
    let bags = delivery::bags(&o.db, trip).expect("bags after handover");
    assert!(bags[0].handed_over_at.is_some());
    assert_eq!(
        bags[0].received_by.as_deref(),
        Some(clerk.username.as_str())
    );
    assert_eq!(
        bags[0].discrepancy.as_deref(),
        Some("fotokopi STR tidak ada di dalam kantong")
    );
    let events = audit::case_events(&o.db, id).expect("events");
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
