//! Each conflict rule of docs/van.md ("The conflict rules"), on the run's office engine, with its
//! resolution: a registration the office now refuses (a retired permit type) and the bag that depends on
//! it, applied after the type is reactivated; an applicant whose registered data differs, resolved with
//! the van's data; a handover of a permit recalled meanwhile, dismissed; an action whose van clock is
//! days off, applied after a check; the same NIK from two vans on one day, one applicant with both cases,
//! flagged and dismissed. Every resolution is an audited admin event, and a decided conflict stays decided.

use chrono::Duration;
use petromaks::cases::{self, NewCase};
use petromaks::catalogue::{self, editor};
use petromaks::db::Db;
use petromaks::documents;
use petromaks::people::applicants;
use petromaks::van::offline::{self, Conflict, Resolution};
use petromaks::van::{self, FieldIntake, Outcome, Recipient};

use crate::support::van::{at, checkout, crew, field_case, field_nik, trip_with, Trip, TRIP_DAY};
use crate::support::{self, count, integrity, refused, Office1};

fn check_in(o: &mut Office1, van: &std::path::Path) -> petromaks::van::offline::CheckinReport {
    let clerk = o.clerk.clone();
    offline::checkin(&mut o.db, &clerk, at(600), van, false, &mut |_, _| {}).expect("check in")
}

fn open(o: &Office1) -> Vec<Conflict> {
    offline::conflicts(&o.db, &o.clerk, false).expect("conflicts")
}

fn resolve(o: &mut Office1, id: i64, r: Resolution) -> Conflict {
    let clerk = o.clerk.clone();
    let c = offline::resolve(&mut o.db, &clerk, at(700), id, &r).expect("resolve");
    let audited = count(
        &o.db,
        "SELECT count(*) FROM admin_events WHERE action = 'van.conflict' AND target = ?1",
        &[&format!("conflict {id}")],
    );
    assert_eq!(audited, 1, "the resolution of conflict {id} is audited");
    // Decided once: a second decision is refused.
    refused(
        offline::resolve(&mut o.db, &clerk, at(701), id, &Resolution::Apply),
        "transition",
    );
    c
}

fn day(o: &mut Office1, permits: usize) -> (Trip, std::path::PathBuf, Db) {
    let trip = trip_with(o, permits, 0, TRIP_DAY, 1);
    let path = checkout(o, trip.id, "VAN1", "van1.sqlite");
    let van = Db::open_file(&path).expect("van");
    (trip, path, van)
}

/// An SKP application (research permit) of field applicant `i`, every checklist item handed in.
fn skp(db: &Db, i: u32) -> NewCase {
    let mut c = field_case(i);
    c.permit_type = "SKP".into();
    c.received = catalogue::by_code(db, "SKP")
        .expect("SKP")
        .requirements
        .iter()
        .map(|r| r.position)
        .collect();
    c.details = [
        ("judul", "Kualitas air Sungai Musi"),
        ("instansi", "Universitas Sriwijaya"),
        ("lokasi", "Betung"),
        ("waktu", "1 bulan"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    c
}

#[test]
fn a_registration_the_office_refuses_waits_with_its_bag_until_applied() {
    let mut o = support::office();
    let (trip, path, mut van) = day(&mut o, 0);
    let joko = crew(&van);
    let input = skp(&van, 1);
    let r = documents::register_with_receipt(&mut van, &joko, at(60), &input).expect("register");
    van::record_field_intake(
        &mut van,
        &joko,
        at(61),
        trip.id,
        &FieldIntake {
            case_id: r.registered.id,
            bag_seal: "SEGEL-0001".into(),
            originals: vec![1],
        },
    )
    .expect("bag");
    // Meanwhile the office retires SKP.
    let admin = o.admin.clone();
    let skp_id = catalogue::by_code(&o.db, "SKP").expect("SKP").id;
    editor::set_active(&mut o.db, &admin, at(30), skp_id, false).expect("retire");
    let rep = check_in(&mut o, &path);
    assert_eq!((rep.applied, rep.conflicts), (0, 2));
    let c = open(&o);
    assert_eq!(
        c.iter().map(|c| c.kind.as_str()).collect::<Vec<_>>(),
        vec!["refused", "depends"]
    );
    assert!(c[0].reason.contains("retired"), "{}", c[0].reason);
    assert_eq!(
        count(
            &o.db,
            "SELECT count(*) FROM cases WHERE van_number IS NOT NULL",
            &[]
        ),
        0
    );
    // Applying before the cause is fixed is refused and changes nothing.
    let before = o.fingerprint();
    let clerk = o.clerk.clone();
    refused(
        offline::resolve(&mut o.db, &clerk, at(690), c[0].id, &Resolution::Apply),
        "transition",
    );
    assert_eq!(o.fingerprint(), before);
    // The type is reactivated: the registration applies, then the bag that waited for it.
    editor::set_active(&mut o.db, &admin, at(695), skp_id, true).expect("reactivate");
    let done = resolve(&mut o, c[0].id, Resolution::Apply);
    assert_eq!(done.status, "applied");
    let case = cases::find_by_number(&o.db, &r.registered.registration_number)
        .expect("find")
        .expect("registered by the review");
    assert_eq!(done.case_id, Some(case));
    let bag = resolve(&mut o, c[1].id, Resolution::Apply);
    assert_eq!(bag.case_id, Some(case));
    assert_eq!(
        count(
            &o.db,
            "SELECT count(*) FROM field_intakes WHERE case_id = ?1",
            &[&case]
        ),
        1
    );
    assert!(open(&o).is_empty());
    integrity::whole(&o.db, &o.admin);
}

#[test]
fn the_office_s_applicant_data_wins_and_the_van_s_can_be_taken() {
    let mut o = support::office();
    let (_trip, path, mut van) = day(&mut o, 0);
    // The office knows applicant 5 already, at another address.
    let mut known = field_case(5);
    known.applicant.address = "Jl. Kenanga No. 3".into();
    o.register(&known);
    let joko = crew(&van);
    let typed = field_case(5);
    documents::register_with_receipt(&mut van, &joko, at(60), &typed).expect("register");
    let rep = check_in(&mut o, &path);
    assert_eq!((rep.applied, rep.conflicts), (0, 1));
    let c = open(&o);
    assert_eq!(c[0].kind, "applicant_differs");
    let case = c[0].case_id.expect("the case is registered");
    let who = applicants::get(&o.db, cases::get(&o.db, case).expect("case").applicant_id)
        .expect("applicant");
    assert_eq!(
        who.address, "Jl. Kenanga No. 3",
        "the office's data was kept"
    );
    let clerk = o.clerk.clone();
    refused(
        offline::resolve(&mut o.db, &clerk, at(690), c[0].id, &Resolution::Apply),
        "invalid",
    );
    resolve(&mut o, c[0].id, Resolution::UseVanData);
    let who = applicants::get(&o.db, who.id).expect("applicant");
    assert_eq!(who.address, typed.applicant.address, "the van's data taken");
    assert_eq!(
        count(
            &o.db,
            "SELECT count(*) FROM applicants WHERE nik = ?1",
            &[&field_nik(5)]
        ),
        1
    );
    integrity::whole(&o.db, &o.admin);
}

#[test]
fn a_handover_of_a_recalled_permit_is_a_conflict_and_dismissed_changes_nothing() {
    let mut o = support::office();
    let (trip, path, mut van) = day(&mut o, 2);
    let clerk = o.clerk.clone();
    offline::recall(
        &mut o.db,
        &clerk,
        at(30),
        trip.permits[0],
        "diambil di loket",
    )
    .expect("recall");
    // The permit is back at the counter: its handover there needs no van.
    let joko = crew(&van);
    for (case, nik) in trip.permits.iter().zip(&trip.holders) {
        van::record_outcome(
            &mut van,
            &joko,
            at(60),
            trip.id,
            *case,
            &Outcome::Delivered {
                recipient: Recipient::Holder { nik: nik.clone() },
            },
        )
        .expect("handover on the van");
    }
    let rep = check_in(&mut o, &path);
    assert_eq!((rep.applied, rep.conflicts), (1, 1));
    let c = open(&o);
    assert_eq!(c[0].kind, "not_on_trip");
    assert_eq!(c[0].case_id, Some(trip.permits[0]));
    assert_eq!(
        cases::get(&o.db, trip.permits[0]).expect("case").status,
        cases::Status::Issued,
        "the register is unchanged: the permit is in the pool"
    );
    let before = count(&o.db, "SELECT count(*) FROM case_events", &[]);
    let d = resolve(
        &mut o,
        c[0].id,
        Resolution::Dismiss {
            reason: "izin diserahkan di loket".into(),
        },
    );
    assert_eq!(d.status, "dismissed");
    assert_eq!(
        count(&o.db, "SELECT count(*) FROM case_events", &[]),
        before
    );
    assert_eq!(
        cases::get(&o.db, trip.permits[0]).expect("case").status,
        cases::Status::Issued
    );
    integrity::whole(&o.db, &o.admin);
}

#[test]
fn an_action_dated_days_off_is_parked_and_applied_after_a_check() {
    let mut o = support::office();
    let (_trip, path, mut van) = day(&mut o, 0);
    let joko = crew(&van);
    // The laptop's clock ran three days ahead.
    let wrong = at(60) + Duration::days(3);
    let r =
        documents::register_with_receipt(&mut van, &joko, wrong, &field_case(1)).expect("register");
    documents::register_with_receipt(&mut van, &joko, at(62), &field_case(2)).expect("register");
    let rep = check_in(&mut o, &path);
    assert_eq!((rep.applied, rep.conflicts), (1, 1));
    let c = open(&o);
    assert_eq!(c[0].kind, "clock");
    assert!(c[0].reason.contains("more than a day"), "{}", c[0].reason);
    assert_eq!(
        cases::find_by_number(&o.db, &r.registered.registration_number).expect("find"),
        None,
        "parked, not applied"
    );
    let a = resolve(&mut o, c[0].id, Resolution::Apply);
    assert_eq!(a.status, "applied");
    assert!(
        cases::find_by_number(&o.db, &r.registered.registration_number)
            .expect("find")
            .is_some()
    );
    integrity::whole(&o.db, &o.admin);
}

#[test]
fn the_same_applicant_from_two_vans_on_one_day_is_one_person_with_both_cases_flagged() {
    let mut o = support::office();
    let one = trip_with(&mut o, 0, 0, TRIP_DAY, 1);
    let two = trip_with(&mut o, 0, 0, TRIP_DAY, 100);
    let p1 = checkout(&mut o, one.id, "VAN1", "van1.sqlite");
    let p2 = checkout(&mut o, two.id, "VAN2", "van2.sqlite");
    for (path, minute) in [(&p1, 60), (&p2, 200)] {
        let mut van = Db::open_file(path).expect("van");
        let joko = crew(&van);
        documents::register_with_receipt(&mut van, &joko, at(minute), &field_case(7))
            .expect("register the same applicant");
        documents::register_with_receipt(
            &mut van,
            &joko,
            at(minute + 1),
            &field_case(minute as u32),
        )
        .expect("another applicant");
    }
    assert_eq!(check_in(&mut o, &p1).conflicts, 0);
    let rep = check_in(&mut o, &p2);
    assert_eq!((rep.applied, rep.conflicts), (1, 1));
    let people = count(
        &o.db,
        "SELECT count(*) FROM applicants WHERE nik = ?1",
        &[&field_nik(7)],
    );
    assert_eq!(people, 1, "one applicant");
    let their_cases = count(
        &o.db,
        "SELECT count(*) FROM cases c JOIN applicants a ON a.id = c.applicant_id WHERE a.nik = ?1",
        &[&field_nik(7)],
    );
    assert_eq!(their_cases, 2, "both cases kept");
    let c = open(&o);
    assert_eq!(c.len(), 1);
    assert_eq!(c[0].kind, "possible_duplicate");
    assert!(c[0].reason.contains(&field_nik(7)), "{}", c[0].reason);
    resolve(
        &mut o,
        c[0].id,
        Resolution::Dismiss {
            reason: "dua izin berbeda, bukan duplikat".into(),
        },
    );
    assert!(open(&o).is_empty());
    integrity::whole(&o.db, &o.admin);
}
