//! A day in the field, on the run's office engine (an SQLite file, or the PostgreSQL server): a trip of
//! three villages checked out to the van; offline, 200 registrations with receipts, 100 handovers (holders
//! and proxies), 20 failures, 30 surveys, 10 pick-up outcomes and 4 bags; meanwhile two office desks work on
//! other cases and one leased permit is revoked at the office (the van hands it over anyway). After the
//! check-in the office holds exactly the 200 new cases, each found by its van number and by its official
//! one, the 100 deliveries, the 20 permits back in the pool, one conflict; both audit chains verify.

use petromaks::cases::{self, CaseFilter, Status};
use petromaks::db::Db;
use petromaks::documents::verification;
use petromaks::van::{self, offline, Outcome, Recipient};

use crate::desks::{desk_clerks, reported_are_there, spawn_desk, wait_all};
use crate::support::van::{at, checkout, crew, trip_with, work, Plan, TRIP_DAY};
use crate::support::{self, count, integrity};

pub const DAY: Plan = Plan {
    registrations: 200,
    first_applicant: 1,
    holders: 70,
    proxies: 30,
    failures: 20,
    surveys: 30,
    pickups: 10,
    bags: 4,
};

#[test]
fn a_day_in_the_field_lands_once_in_the_office_register() {
    let mut o = support::office();
    let trip = trip_with(&mut o, 121, 10, TRIP_DAY, 1);
    let path = checkout(&mut o, trip.id, "VAN1", "van1.sqlite");
    let clerks = desk_clerks(&mut o, 2);
    let desks = vec![
        spawn_desk(&o.db_arg(), 1, &clerks[0], 25, false),
        spawn_desk(&o.db_arg(), 2, &clerks[1], 25, false),
    ];

    // The van's day, offline on its own file.
    let mut van = Db::open_file(&path).expect("the van's register");
    let worked = work(&mut van, &trip, &DAY);
    // The last permit is revoked at the office meanwhile; the van, not knowing, hands it over.
    let revoked = trip.permits[120];
    let number = cases::get(&o.db, revoked)
        .expect("case")
        .permit_number
        .expect("issued");
    let signer = o.signer.clone();
    verification::revoke(&mut o.db, &signer, at(120), &number, "salah cetak nama")
        .expect("revoke at the office");
    let joko = crew(&van);
    van::record_outcome(
        &mut van,
        &joko,
        at(500),
        trip.id,
        revoked,
        &Outcome::Delivered {
            recipient: Recipient::Holder {
                nik: trip.holders[120].clone(),
            },
        },
    )
    .expect("the van hands it over");
    assert_eq!(worked.actions + 1, 365);
    let van_status = offline::status(&van).expect("status").expect("van");
    assert_eq!(van_status.pending, 365);

    let clerk = o.clerk.clone();
    let r = offline::checkin(&mut o.db, &clerk, at(600), &path, true, &mut |_, _| {})
        .expect("check in");
    let mut desk_cases = Vec::new();
    for (i, e) in wait_all(desks).into_iter().enumerate() {
        assert!(
            e.success && e.finished,
            "office desk {}: {}",
            i + 1,
            e.stderr
        );
        desk_cases.extend(e.reported);
    }
    assert_eq!(
        (r.actions, r.applied, r.already_applied, r.conflicts),
        (365, 364, 0, 1)
    );
    assert!(r.finished);

    // Exactly the 200 new cases, each linked to its van number, found by either number.
    let van_cases = count(
        &o.db,
        "SELECT count(*) FROM cases WHERE van_number IS NOT NULL AND channel = 'van'",
        &[],
    );
    assert_eq!(van_cases, 200);
    for (k, vn) in worked.van_numbers.iter().enumerate() {
        assert_eq!(
            vn,
            &format!("VAN1/2026/{:06}", k + 1),
            "the van's own series"
        );
        let by_van = cases::find_by_number(&o.db, vn)
            .expect("find")
            .unwrap_or_else(|| panic!("{vn} is not found"));
        let case = cases::get(&o.db, by_van).expect("case");
        let linked: Option<String> =
            o.db.value("SELECT van_number FROM cases WHERE id = ?1", &[&by_van])
                .expect("van number");
        assert_eq!(linked.as_deref(), Some(vn.as_str()));
        assert!(case.registration_number.starts_with("REG-2026-"));
        assert_eq!(
            cases::find_by_number(&o.db, &case.registration_number).expect("find"),
            Some(by_van)
        );
        if k % 40 == 0 {
            let listed = cases::list(
                &o.db,
                &CaseFilter {
                    query: Some(vn.clone()),
                    ..Default::default()
                },
            )
            .expect("search");
            assert_eq!(listed.len(), 1, "searching {vn}");
            assert_eq!(listed[0].id, by_van);
        }
    }
    // Who did it on the van and when, and who checked it in.
    let first = cases::find_by_number(&o.db, &worked.van_numbers[0])
        .expect("find")
        .expect("case");
    let timeline = petromaks::audit::case_events(&o.db, first).expect("events");
    assert!(
        timeline.iter().any(|e| e.action == "van.checkin"
            && e.detail
                .as_deref()
                .is_some_and(|d| d.contains("by joko") && d.contains("checked in by rina"))),
        "{timeline:?}"
    );

    // The 100 deliveries, the 20 back in the pool, the revoked one a conflict and unchanged.
    let on_trip = |outcome: &str| {
        count(
            &o.db,
            "SELECT count(*) FROM deliveries WHERE trip_id = ?1 AND outcome = ?2",
            &[&trip.id, &outcome],
        )
    };
    assert_eq!(on_trip("holder") + on_trip("proxy"), 100);
    assert_eq!((on_trip("holder"), on_trip("proxy")), (70, 30));
    assert_eq!(on_trip("not_delivered"), 20);
    for (k, id) in trip.permits.iter().enumerate() {
        let want = match k {
            0..=99 => Status::Delivered,
            100..=119 => Status::Issued,
            _ => Status::OutForDelivery,
        };
        assert_eq!(
            cases::get(&o.db, *id).expect("case").status,
            want,
            "permit {k}"
        );
    }
    let pool = van::pool(&o.db, None).expect("pool");
    for id in &trip.permits[100..120] {
        assert!(
            pool.iter().any(|w| w.case_id == *id),
            "{id} is back in the pool"
        );
    }
    let open = offline::conflicts(&o.db, &clerk, false).expect("conflicts");
    assert_eq!(open.len(), 1, "{open:?}");
    assert_eq!(open[0].kind, "not_on_trip");
    assert_eq!(open[0].case_id, Some(revoked));
    assert_eq!(
        count(&o.db, "SELECT count(*) FROM survey_responses", &[]),
        30
    );
    assert_eq!(count(&o.db, "SELECT count(*) FROM field_intakes", &[]), 4);
    assert_eq!(
        count(
            &o.db,
            "SELECT count(*) FROM pickup_requests WHERE outcome = 'collected'",
            &[]
        ),
        10
    );

    // Both chains, the office's and the van's own; the office's numbers gap-free with the desks' cases.
    let w = integrity::whole(&o.db, &o.admin);
    assert_eq!(w.cases, 121 + 200 + 50);
    reported_are_there(&o.db, &desk_cases);
    let v = petromaks::audit::verify(&van, &o.admin, &[]).expect("verify the van's chain");
    assert!(v.ok, "the van's chain: {v:?}");
    let after = offline::status(&van).expect("status").expect("van");
    assert_eq!(after.pending, 0, "the van marked every action sent");
}
