//! The van: a trip to three villages, deliveries to the holder and to a proxy, a failure back to the pool,
//! and every refusal leaving the database exactly as it was.

use petromaks::audit;
use petromaks::cases::{self, CaseId, Status};
use petromaks::people::applicants;
use petromaks::van::{
    self as delivery, dashboards, FailReason, NewTrip, Outcome, Recipient, TripId,
};

use crate::support::{self, monday, refused, refused_on, sipd, Office1};

pub const VILLAGES: [&str; 3] = ["16.07.01.2003", "16.07.01.2001", "16.07.01.2002"];

/// An issued SIPD permit whose holder lives in `village`.
pub fn issued_in(o: &mut Office1, serial: u32, name: &str, village: &str) -> CaseId {
    let mut input = sipd(&format!("16070145089{serial:05}"), name);
    input.applicant.village_code = Some(village.into());
    let id = o.register(&input);
    o.issue(id);
    id
}

pub fn plan(o: &mut Office1) -> TripId {
    let clerk = o.clerk.clone();
    delivery::create_trip(
        &mut o.db,
        &clerk,
        monday(),
        &NewTrip {
            date: "2026-11-25".into(),
            vehicle: "BG 1234 XY".into(),
            crew: vec!["joko".into()],
            villages: VILLAGES.iter().map(|v| v.to_string()).collect(),
            note: None,
        },
    )
    .expect("plan trip")
}

/// Three permits, one per village, on a trip that is out.
pub fn trip_out(o: &mut Office1) -> (TripId, [CaseId; 3]) {
    let a = issued_in(o, 1, "dr. Siti Rahmawati", VILLAGES[0]);
    let b = issued_in(o, 2, "dr. Nur Aisyah", VILLAGES[1]);
    let c = issued_in(o, 3, "dr. Rina Kartika", VILLAGES[2]);
    let trip = plan(o);
    let clerk = o.clerk.clone();
    delivery::assign(&mut o.db, &clerk, monday(), trip, &[a, b]).expect("assign by hand");
    let by_village = delivery::assign_village(&mut o.db, &clerk, monday(), trip, VILLAGES[2])
        .expect("assign by village");
    assert_eq!(by_village, vec![c]);
    let courier = o.courier.clone();
    delivery::start_trip(&mut o.db, &courier, monday(), trip).expect("start");
    (trip, [a, b, c])
}

fn proxy(nik: &str) -> Outcome {
    Outcome::Delivered {
        recipient: Recipient::Proxy {
            name: "Budi Santoso".into(),
            nik: nik.into(),
            relation: "suami".into(),
            authority_letter: "SK/07/XI/2026".into(),
        },
    }
}

#[test]
fn a_trip_delivers_to_holder_and_proxy_and_a_failure_returns_to_the_pool() {
    let mut o = support::office();
    let (trip, [a, b, c]) = trip_out(&mut o);
    let courier = o.courier.clone();
    for id in [a, b, c] {
        assert_eq!(
            cases::get(&o.db, id).expect("case").status,
            Status::OutForDelivery
        );
    }
    let holder = Outcome::Delivered {
        recipient: Recipient::Holder {
            nik: "1607014508900001".into(),
        },
    };
    delivery::record_outcome(&mut o.db, &courier, monday(), trip, a, &holder).expect("holder");
    delivery::record_outcome(
        &mut o.db,
        &courier,
        monday(),
        trip,
        b,
        &proxy("1607011203850007"),
    )
    .expect("proxy");
    let fail = Outcome::NotDelivered {
        reason: FailReason::NotHome,
        note: Some("rumah kosong".into()),
    };
    assert_eq!(
        delivery::record_outcome(&mut o.db, &courier, monday(), trip, c, &fail).expect("fail"),
        Status::Issued
    );

    assert_eq!(cases::get(&o.db, a).expect("a").status, Status::Delivered);
    assert_eq!(cases::get(&o.db, b).expect("b").status, Status::Delivered);
    assert_eq!(cases::get(&o.db, c).expect("c").status, Status::Issued);
    let pool = delivery::pool(&o.db, None).expect("pool");
    assert_eq!(pool.len(), 1);
    assert_eq!((pool[0].case_id, pool[0].attempts), (c, 1));
    let demand = delivery::suggest_villages(&o.db, monday()).expect("demand");
    assert_eq!(
        demand.len(),
        1,
        "only the failed permit's village waits: {demand:?}"
    );
    assert_eq!(demand[0].village_code, VILLAGES[2]);
    assert_eq!(demand[0].undelivered, 1);

    let events = |id| -> Vec<String> {
        audit::case_events(&o.db, id)
            .expect("events")
            .into_iter()
            .map(|e| {
                format!(
                    "{} {} {}",
                    e.action,
                    e.to_status.map(|s| s.to_string()).unwrap_or_default(),
                    e.detail.or(e.reason).unwrap_or_default()
                )
            })
            .collect()
    };
    let ea = events(a);
    assert!(ea.iter().any(|e| e.starts_with("trip_assigned")), "{ea:?}");
    assert!(
        ea.iter().any(|e| e.starts_with("status out_for_delivery")),
        "{ea:?}"
    );
    assert!(
        ea.iter().any(|e| e.starts_with("status delivered")),
        "{ea:?}"
    );
    assert!(
        ea.iter()
            .any(|e| e.contains("to the holder dr. Siti Rahmawati")),
        "{ea:?}"
    );
    let eb = events(b);
    assert!(
        eb.iter()
            .any(|e| e.contains("to proxy Budi Santoso (suami), surat kuasa SK/07/XI/2026")),
        "{eb:?}"
    );
    let ec = events(c);
    assert!(
        ec.iter()
            .any(|e| e.starts_with("status issued not delivered: nobody at home (rumah kosong)")),
        "{ec:?}"
    );

    let clerk = o.clerk.clone();
    delivery::close_trip(&mut o.db, &clerk, monday(), trip).expect("close");
    let d = delivery::detail(&o.db, trip).expect("detail");
    let order: Vec<&str> = d.stops.iter().map(|s| s.village_code.as_str()).collect();
    assert_eq!(order, VILLAGES);
    assert_eq!(d.stops[1].permits[0].relation.as_deref(), Some("suami"));
    // The failed permit can go on the next trip.
    let next = plan(&mut o);
    delivery::assign(&mut o.db, &clerk, monday(), next, &[c]).expect("next trip");
    assert_eq!(
        dashboards::trips_of_week(&o.db, monday())
            .expect("week")
            .len(),
        2
    );
}

#[test]
fn refusals_change_nothing() {
    let mut o = support::office();
    let (trip, [a, b, c]) = trip_out(&mut o);
    let courier = o.courier.clone();
    let clerk = o.clerk.clone();

    // A proxy whose NIK is malformed.
    let before = o.fingerprint();
    let e = refused_on(
        delivery::record_outcome(
            &mut o.db,
            &courier,
            monday(),
            trip,
            a,
            &proxy("16070112038500"),
        ),
        "recipient_nik",
    );
    assert!(
        e.to_string().contains("the proxy's NIK is not valid"),
        "{e}"
    );
    // The holder's NIK must be the holder's.
    let e = refused_on(
        delivery::record_outcome(
            &mut o.db,
            &courier,
            monday(),
            trip,
            a,
            &Outcome::Delivered {
                recipient: Recipient::Holder {
                    nik: "1607014508900002".into(),
                },
            },
        ),
        "nik",
    );
    assert!(
        e.to_string().contains("does not match the permit holder"),
        "{e}"
    );
    assert_eq!(o.fingerprint(), before);

    // A permit on two open trips.
    let d = issued_in(&mut o, 4, "dr. Dewi Lestari", VILLAGES[0]);
    let first = plan(&mut o);
    delivery::assign(&mut o.db, &clerk, monday(), first, &[d]).expect("first trip");
    let second = plan(&mut o);
    let before = o.fingerprint();
    let e = refused(
        delivery::assign(&mut o.db, &clerk, monday(), second, &[d]),
        "conflict",
    );
    assert!(
        e.to_string()
            .contains(&format!("already on open trip {}", first.0)),
        "{e}"
    );
    assert_eq!(o.fingerprint(), before);

    // A permit that is not issued.
    let mut input = sipd("1607014508900005", "dr. Maya Sari");
    input.applicant.village_code = Some(VILLAGES[0].into());
    let received = o.register(&input);
    let before = o.fingerprint();
    let e = refused(
        delivery::assign(&mut o.db, &clerk, monday(), second, &[received]),
        "transition",
    );
    assert!(
        e.to_string()
            .contains("not issued: only an issued permit can go on a trip"),
        "{e}"
    );
    let e = refused_on(
        delivery::record_outcome(
            &mut o.db,
            &courier,
            monday(),
            trip,
            received,
            &Outcome::Delivered {
                recipient: Recipient::Holder {
                    nik: "1607014508900005".into(),
                },
            },
        ),
        "case",
    );
    assert!(
        e.to_string()
            .contains("is not waiting for delivery on trip"),
        "{e}"
    );
    assert_eq!(o.fingerprint(), before);

    // A delivery recorded on a closed trip.
    delivery::close_trip(&mut o.db, &courier, monday(), trip).expect("close");
    for id in [a, b, c] {
        assert_eq!(
            cases::get(&o.db, id).expect("case").status,
            Status::Issued,
            "back in the pool"
        );
    }
    let before = o.fingerprint();
    let e = refused(
        delivery::record_outcome(
            &mut o.db,
            &courier,
            monday(),
            trip,
            a,
            &Outcome::Delivered {
                recipient: Recipient::Holder {
                    nik: "1607014508900001".into(),
                },
            },
        ),
        "transition",
    );
    assert!(e.to_string().contains("is closed"), "{e}");
    // Someone who is not a courier of the crew.
    let signer = o.signer.clone();
    refused(
        delivery::start_trip(&mut o.db, &signer, monday(), second),
        "forbidden",
    );
    assert_eq!(o.fingerprint(), before);
}

#[test]
fn counter_collection_checks_the_recipient_like_a_delivery() {
    let mut o = support::office();
    let id = issued_in(&mut o, 1, "dr. Siti Rahmawati", VILLAGES[0]);
    let clerk = o.clerk.clone();
    let before = o.fingerprint();
    let bad = Recipient::Proxy {
        name: "Budi".into(),
        nik: "99".into(),
        relation: "suami".into(),
        authority_letter: "SK/1".into(),
    };
    refused_on(
        delivery::collect_at_counter(&mut o.db, &clerk, monday(), id, &bad),
        "recipient_nik",
    );
    let someone_else = Recipient::Holder {
        nik: "1607014508900002".into(),
    };
    refused_on(
        delivery::collect_at_counter(&mut o.db, &clerk, monday(), id, &someone_else),
        "nik",
    );
    let courier = o.courier.clone();
    refused(
        delivery::collect_at_counter(
            &mut o.db,
            &courier,
            monday(),
            id,
            &Recipient::Holder {
                nik: "1607014508900001".into(),
            },
        ),
        "forbidden",
    );
    assert_eq!(o.fingerprint(), before);
    let holder = Recipient::Holder {
        nik: "1607 0145 0890 0001".into(),
    };
    assert_eq!(
        delivery::collect_at_counter(&mut o.db, &clerk, monday(), id, &holder).expect("collect"),
        Status::PickedUp
    );
    refused(
        delivery::collect_at_counter(&mut o.db, &clerk, monday(), id, &holder),
        "transition",
    );
}

#[test]
fn the_migration_keeps_a_permit_on_one_open_trip_even_below_the_core() {
    let mut o = support::office();
    let (trip, [a, ..]) = trip_out(&mut o);
    let before = o.fingerprint();
    let e = refused(
        o.db.execute(
            "INSERT INTO deliveries (case_id, trip_id, assigned_at, assigned_by) VALUES (?1, ?2, '2026-11-23T02:00:00Z', 1)",
            &[&a, &trip],
        ),
        "db",
    );
    assert!(e.to_string().to_lowercase().contains("unique"), "{e}");
    assert_eq!(o.fingerprint(), before);
}

#[test]
fn the_villages_to_choose_from_are_the_office_regency_s() {
    let o = support::office();
    let villages = applicants::regency_villages(&o.db).expect("villages");
    assert!(
        villages.len() > 250,
        "Banyuasin has its villages: {}",
        villages.len()
    );
    assert!(villages.iter().all(|v| v.code.starts_with("16.07.")));
    assert!(villages.iter().any(|v| v.code == VILLAGES[0]));
    let districts: Vec<&str> = villages.iter().map(|v| v.district.as_str()).collect();
    assert!(districts.windows(2).all(|w| w[0] <= w[1]), "by district");
}
