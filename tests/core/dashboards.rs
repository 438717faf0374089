//! Planning figures: pick-up requests drive the village suggestions; undelivered permits by village and
//! age; permits expiring soon by village.

use chrono::Duration;
use petromaks::van::{self as delivery, dashboards, NewPickup, PickupOutcome};

use crate::delivery::{issued_in, plan, VILLAGES};
use crate::support::{self, monday, refused, refused_on};

#[test]
fn pickup_requests_are_suggested_assigned_and_closed() {
    let mut o = support::office();
    let clerk = o.clerk.clone();
    let courier = o.courier.clone();
    let ask = |village: &str| NewPickup {
        name: "Sukarman".into(),
        phone: Some("0812-7788-9900".into()),
        village_code: village.into(),
        purpose: "SIUP baru".into(),
    };
    let before = o.fingerprint();
    let e = refused_on(
        delivery::request_pickup(&mut o.db, &clerk, monday(), &ask("99.99.99.9999")),
        "village_code",
    );
    assert!(e.to_string().contains("unknown village code"), "{e}");
    assert_eq!(o.fingerprint(), before);
    let p =
        delivery::request_pickup(&mut o.db, &clerk, monday(), &ask(VILLAGES[1])).expect("request");
    let later = monday() + Duration::days(3);
    let demand = delivery::suggest_villages(&o.db, later).expect("demand");
    assert_eq!(
        (
            demand[0].village_code.as_str(),
            demand[0].open_pickups,
            demand[0].oldest_days
        ),
        (VILLAGES[1], 1, 3)
    );

    let trip = plan(&mut o);
    delivery::assign_pickup(&mut o.db, &clerk, monday(), p, trip).expect("assign");
    assert!(
        delivery::suggest_villages(&o.db, later)
            .expect("demand")
            .is_empty(),
        "an assigned request is no longer demand"
    );
    delivery::close_pickup(
        &mut o.db,
        &courier,
        later,
        p,
        PickupOutcome::Collected,
        Some("berkas dibawa"),
    )
    .expect("close");
    refused(
        delivery::close_pickup(
            &mut o.db,
            &courier,
            later,
            p,
            PickupOutcome::Cancelled,
            None,
        ),
        "transition",
    );
    assert!(delivery::list_pickups(&o.db, false)
        .expect("open")
        .is_empty());
    assert_eq!(
        delivery::list_pickups(&o.db, true).expect("all")[0].outcome,
        Some(PickupOutcome::Collected)
    );
}

#[test]
fn undelivered_by_village_and_age_and_expiring_by_village() {
    let mut o = support::office();
    issued_in(&mut o, 1, "dr. Siti Rahmawati", VILLAGES[0]);
    issued_in(&mut o, 2, "dr. Nur Aisyah", VILLAGES[0]);
    issued_in(&mut o, 3, "dr. Rina Kartika", VILLAGES[1]);
    let rows = dashboards::undelivered(&o.db, monday() + Duration::days(10)).expect("undelivered");
    assert_eq!(rows.len(), 2);
    assert_eq!(
        (
            rows[0].village.as_deref(),
            rows[0].total,
            rows[0].days_8_to_30
        ),
        (Some("Merah Mata"), 2, 2)
    );
    assert_eq!(rows[1].total, 1);
    // SIPD is valid five years: nothing expires within 60 days of issue, all of it 60 days before the end.
    assert!(dashboards::expiring(&o.db, monday(), 60)
        .expect("soon")
        .is_empty());
    let near_end = monday() + Duration::days(5 * 365 - 30);
    let rows = dashboards::expiring(&o.db, near_end, 60).expect("expiring");
    assert_eq!(rows.iter().map(|r| r.count).sum::<u32>(), 3);
    assert_eq!(rows[0].first_expiry.to_string(), "2031-11-23");
}
