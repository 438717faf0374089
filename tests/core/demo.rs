//! Demo data is the admin's, goes only into a register without real cases, and follows the rules real
//! cases do: every permit out for delivery is on a trip that is out.

use petromaks::cases::Status;
use petromaks::exchange::demo;

use crate::support::{self, monday, refused, sipd};

#[test]
fn demo_data_is_the_admin_s_and_never_goes_into_a_working_register() {
    let mut o = support::office();
    let before = o.fingerprint();
    for who in [o.clerk.clone(), o.courier.clone(), o.signer.clone()] {
        refused(
            demo::generate(&mut o.db, &who, monday(), 5, 1607),
            "forbidden",
        );
    }
    assert_eq!(o.fingerprint(), before);

    let mut real = support::office();
    real.register(&sipd("1607014508900001", "Siti Aminah"));
    let admin = real.admin.clone();
    let before = real.fingerprint();
    let e = refused(
        demo::generate(&mut real.db, &admin, monday(), 5, 1607),
        "conflict",
    );
    assert!(e.to_string().contains("real cases"), "{e}");
    assert_eq!(
        real.fingerprint(),
        before,
        "nothing was added to the working register"
    );
}

#[test]
fn a_demo_register_follows_the_rules_of_a_real_one() {
    let mut o = support::office();
    let admin = o.admin.clone();
    let ids = demo::generate(&mut o.db, &admin, monday(), 44, 1607).expect("demo");
    assert_eq!(ids.len(), 44);
    let statuses: std::collections::BTreeSet<String> =
        o.db.map("SELECT DISTINCT status FROM cases", &[], |r| r.get(0))
            .expect("statuses")
            .into_iter()
            .collect();
    assert_eq!(
        statuses.len(),
        Status::ALL.len(),
        "every status: {statuses:?}"
    );
    let out = o.count(
        "SELECT count(*) FROM cases WHERE status = 'out_for_delivery'",
        &[],
    );
    assert!(out > 0);
    let off_trip = o.count(
        "SELECT count(*) FROM cases c WHERE c.status = 'out_for_delivery' AND NOT EXISTS (
           SELECT 1 FROM deliveries d JOIN trips t ON t.id = d.trip_id
           WHERE d.case_id = c.id AND d.outcome IS NULL AND t.status = 'out')",
        &[],
    );
    assert_eq!(
        off_trip, 0,
        "a permit out for delivery is on a trip that is out"
    );
    let delivered_unrecorded = o.count(
        "SELECT count(*) FROM cases c WHERE c.status IN ('delivered', 'picked_up') AND NOT EXISTS (
           SELECT 1 FROM deliveries d WHERE d.case_id = c.id AND d.outcome IN ('holder', 'proxy'))",
        &[],
    );
    assert_eq!(
        delivered_unrecorded, 0,
        "every handover names its recipient"
    );
    // A demo register takes more demo data.
    demo::generate(&mut o.db, &admin, monday(), 3, 7).expect("more demo");
    assert!(
        petromaks::audit::verify(&o.db, &admin, &[])
            .expect("verify")
            .ok
    );
}

/// The large demo (years of history written in big transactions) keeps the same rules: the admin's, never
/// into a working register, every status, permits out for delivery on trips that are out, every handover
/// named, the audit chain whole, every case in the search index, and the number series going on.
#[test]
fn a_large_demo_register_follows_the_rules_of_a_real_one() {
    let mut o = support::office();
    let clerk = o.clerk.clone();
    refused(
        demo::bulk::generate_large(&mut o.db, &clerk, monday(), 10, 1, &mut |_| true),
        "forbidden",
    );
    let admin = o.admin.clone();
    let mut seen = Vec::new();
    let n = demo::bulk::generate_large(&mut o.db, &admin, monday(), 12_000, 1607, &mut |d| {
        seen.push(d);
        true
    })
    .expect("large demo");
    assert_eq!(n, 12_000);
    assert_eq!(
        seen,
        vec![10_000, 12_000],
        "progress after each transaction"
    );
    let statuses = o.count("SELECT count(DISTINCT status) FROM cases", &[]);
    assert_eq!(statuses as usize, Status::ALL.len(), "every status");
    for (what, sql) in [
        (
            "a permit out for delivery is on a trip that is out",
            "SELECT count(*) FROM cases c WHERE c.status = 'out_for_delivery' AND NOT EXISTS (
               SELECT 1 FROM deliveries d JOIN trips t ON t.id = d.trip_id
               WHERE d.case_id = c.id AND d.outcome IS NULL AND t.status = 'out')",
        ),
        (
            "every handover names its recipient",
            "SELECT count(*) FROM cases c WHERE c.status IN ('delivered', 'picked_up') AND NOT EXISTS (
               SELECT 1 FROM deliveries d WHERE d.case_id = c.id AND d.outcome IN ('holder', 'proxy'))",
        ),
        (
            "every issued case has its permit number",
            "SELECT count(*) FROM cases WHERE status IN ('issued', 'out_for_delivery', 'delivered', 'picked_up')
               AND permit_number IS NULL",
        ),
        (
            "every case is in the search index",
            "SELECT (SELECT count(*) FROM cases) - (SELECT count(*) FROM case_search)",
        ),
    ] {
        assert_eq!(o.count(sql, &[]), 0, "{what}");
    }
    assert!(o.count("SELECT count(*) FROM survey_responses", &[]) > 0);
    assert!(
        petromaks::audit::verify(&o.db, &admin, &[])
            .expect("verify")
            .ok
    );
    // A real registration afterwards takes the next number of the year's series.
    let last: String =
        o.db.value(
            "SELECT max(registration_number) FROM cases WHERE registered_on >= '2026-01-01'",
            &[],
        )
        .expect("last number");
    let id = o.register(&sipd("1607014508900001", "Siti Aminah"));
    let reg = petromaks::cases::get(&o.db, id)
        .expect("case")
        .registration_number;
    assert!(reg > last, "{reg} after {last}");
}
