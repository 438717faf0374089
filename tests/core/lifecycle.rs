//! The life of a case: every allowed step by the right role, audited; everything else refused; the
//! delivery steps only through the van and the counter.

use petromaks::audit;
use petromaks::cases::{self, Status};
use petromaks::people::Role;
use petromaks::van::{self, NewTrip, Outcome, Recipient};

use crate::support::{self, monday, refused, refused_on, sipd};

#[test]
fn a_case_walks_to_delivered_through_the_van_and_every_step_is_audited() {
    let mut o = support::office();
    let (clerk, verifier, signer, courier) = (
        o.clerk.clone(),
        o.verifier.clone(),
        o.signer.clone(),
        o.courier.clone(),
    );
    let mut input = sipd("1607014508900001", "dr. Siti Rahmawati");
    input.received = vec![1, 2, 3, 4, 5, 6];
    let id = o.register(&input);

    let e = refused(o.step(&verifier, id, Status::Verified, None), "transition");
    assert!(e.to_string().contains("Surat keterangan sehat"), "{e}");
    o.step(
        &verifier,
        id,
        Status::Returned,
        Some("Surat keterangan sehat belum ada"),
    )
    .expect("return");
    cases::set_document(&mut o.db, &clerk, monday(), id, 7, true).expect("tick");
    o.step(&clerk, id, Status::Received, None)
        .expect("resubmit");
    o.step(&verifier, id, Status::Verified, None)
        .expect("verify");
    o.step(&verifier, id, Status::InReview, None)
        .expect("review");
    o.step(&signer, id, Status::Approved, None)
        .expect("approve");
    o.step(&signer, id, Status::Issued, None).expect("issue");
    let trip = van::create_trip(
        &mut o.db,
        &clerk,
        monday(),
        &NewTrip {
            date: "2026-11-25".into(),
            vehicle: "BG 1234 XY".into(),
            crew: vec!["joko".into()],
            villages: vec!["16.07.01.2001".into()],
            note: None,
        },
    )
    .expect("plan");
    van::assign(&mut o.db, &clerk, monday(), trip, &[id]).expect("assign");
    van::start_trip(&mut o.db, &courier, monday(), trip).expect("out");
    let holder = Outcome::Delivered {
        recipient: Recipient::Holder {
            nik: "1607014508900001".into(),
        },
    };
    let to =
        van::record_outcome(&mut o.db, &courier, monday(), trip, id, &holder).expect("delivered");
    assert_eq!(to, Status::Delivered);

    let c = cases::get(&o.db, id).expect("case");
    assert_eq!(c.status, Status::Delivered);
    assert_eq!(
        c.permit_number.as_deref(),
        Some("503/0001/SIPD/DPMPTSP/XI/2026")
    );
    assert_eq!(
        c.valid_until.map(|d| d.to_string()).as_deref(),
        Some("2031-11-23")
    );
    assert!(c.closed_at.is_some());
    let signer_rec = c.signer.expect("signer on record");
    assert_eq!(signer_rec.nip, "19691111 200212 1 002");

    let events = audit::case_events(&o.db, id).expect("events");
    let steps: Vec<(&str, Option<Status>, &str)> = events
        .iter()
        .map(|e| (e.action.as_str(), e.to_status, e.actor.as_str()))
        .collect();
    use Status::*;
    let expected = [
        ("registered", Some(Received), "rina"),
        ("status", Some(Returned), "hendra"),
        ("document_received", None, "rina"),
        ("status", Some(Received), "rina"),
        ("status", Some(Verified), "hendra"),
        ("status", Some(InReview), "hendra"),
        ("status", Some(Approved), "kadis"),
        ("status", Some(Issued), "kadis"),
        ("trip_assigned", None, "rina"),
        ("status", Some(OutForDelivery), "joko"),
        ("status", Some(Delivered), "joko"),
        ("handed_over", None, "joko"),
    ];
    assert_eq!(steps, expected, "{steps:?}");
    assert_eq!(
        events[1].reason.as_deref(),
        Some("Surat keterangan sehat belum ada")
    );
    assert_eq!(
        events[7].detail.as_deref(),
        Some("503/0001/SIPD/DPMPTSP/XI/2026")
    );
    assert_eq!(
        events[11].detail.as_deref(),
        Some("to the holder dr. Siti Rahmawati")
    );
}

#[test]
fn wrong_steps_wrong_roles_and_missing_reasons_are_refused() {
    let mut o = support::office();
    let (clerk, verifier, signer, admin) = (
        o.clerk.clone(),
        o.verifier.clone(),
        o.signer.clone(),
        o.admin.clone(),
    );
    let id = o.register(&sipd("1607014508900001", "Nur Hidayah"));
    let before = o.fingerprint();
    refused(o.step(&signer, id, Status::Issued, None), "transition");
    refused(o.step(&clerk, id, Status::Verified, None), "forbidden");
    refused(o.step(&admin, id, Status::Verified, None), "forbidden");
    refused_on(o.step(&verifier, id, Status::Returned, None), "reason");
    refused_on(
        o.step(&verifier, id, Status::Returned, Some("   ")),
        "reason",
    );
    assert_eq!(o.fingerprint(), before, "refused steps change nothing");
    o.step(&verifier, id, Status::Verified, None)
        .expect("verify");
    refused_on(o.step(&signer, id, Status::Rejected, None), "reason");
    o.step(
        &signer,
        id,
        Status::Rejected,
        Some("Tempat praktik di luar wilayah"),
    )
    .expect("reject");
    refused(
        o.step(&clerk, id, Status::Withdrawn, Some("x")),
        "transition",
    );
    let c = cases::get(&o.db, id).expect("case");
    assert_eq!(
        c.decision_reason.as_deref(),
        Some("Tempat praktik di luar wilayah")
    );
    assert_eq!(audit::case_events(&o.db, id).expect("events").len(), 3);
}

#[test]
fn the_generic_step_refuses_every_delivery_step_and_changes_nothing() {
    let mut o = support::office();
    let (clerk, courier) = (o.clerk.clone(), o.courier.clone());
    let issued = o.issued_case("1607014508900001", "Siti Aminah");
    let before = o.fingerprint();
    for (who, to) in [
        (&clerk, Status::PickedUp),
        (&courier, Status::OutForDelivery),
        (&clerk, Status::OutForDelivery),
    ] {
        let e = refused(o.step(who, issued, to, None), "transition");
        assert!(e.to_string().contains("only through its own step"), "{e}");
    }
    let e = refused(o.step(&clerk, issued, Status::PickedUp, None), "transition");
    assert!(
        e.to_string().contains("at the counter"),
        "names the counter: {e}"
    );
    let e = refused(
        o.step(&courier, issued, Status::OutForDelivery, None),
        "transition",
    );
    assert!(e.to_string().contains("van trip"), "names the trip: {e}");
    // An issued permit cannot jump to delivered either.
    refused(
        o.step(&courier, issued, Status::Delivered, None),
        "transition",
    );
    assert_eq!(o.fingerprint(), before, "nothing changed");

    // A permit that is out for delivery is delivered or brought back only on its trip.
    let trip = van::create_trip(
        &mut o.db,
        &clerk,
        monday(),
        &NewTrip {
            date: "2026-11-25".into(),
            vehicle: "BG 1234 XY".into(),
            crew: vec!["joko".into()],
            villages: vec!["16.07.01.2001".into()],
            note: None,
        },
    )
    .expect("plan");
    van::assign(&mut o.db, &clerk, monday(), trip, &[issued]).expect("assign");
    van::start_trip(&mut o.db, &courier, monday(), trip).expect("start");
    let before = o.fingerprint();
    let e = refused(
        o.step(&courier, issued, Status::Delivered, None),
        "transition",
    );
    assert!(e.to_string().contains("handover on the trip"), "{e}");
    let e = refused(
        o.step(&courier, issued, Status::Issued, Some("rumah kosong")),
        "transition",
    );
    assert!(e.to_string().contains("failed delivery"), "{e}");
    assert_eq!(o.fingerprint(), before, "nothing changed");
    assert_eq!(
        cases::get(&o.db, issued).expect("case").status,
        Status::OutForDelivery
    );

    // The counter still hands a permit over with the holder's NIK.
    let other = o.issued_case("1607014508900002", "Dewi Lestari");
    let to = van::collect_at_counter(
        &mut o.db,
        &clerk,
        monday(),
        other,
        &Recipient::Holder {
            nik: "1607014508900002".into(),
        },
    )
    .expect("collect");
    assert_eq!(to, Status::PickedUp);
    let events = audit::case_events(&o.db, other).expect("events");
    assert!(events
        .iter()
        .any(|e| e.detail.as_deref() == Some("to the holder Dewi Lestari")));
}

#[test]
fn the_ui_is_offered_only_the_generic_steps_of_the_role() {
    let moves = |s, r| {
        cases::allowed_moves(s, r)
            .into_iter()
            .map(|m| m.to)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        moves(Status::Received, Role::Verifier),
        vec![Status::Returned, Status::Verified]
    );
    assert_eq!(
        moves(Status::Received, Role::Clerk),
        vec![Status::Returned, Status::Withdrawn]
    );
    assert!(moves(Status::Approved, Role::Clerk).contains(&Status::Withdrawn));
    assert_eq!(moves(Status::Approved, Role::Signer), vec![Status::Issued]);
    // The delivery steps have screens of their own.
    assert!(moves(Status::Issued, Role::Clerk).is_empty());
    assert!(moves(Status::Issued, Role::Courier).is_empty());
    assert!(moves(Status::OutForDelivery, Role::Courier).is_empty());
    for s in Status::ALL {
        assert!(
            moves(*s, Role::Admin).is_empty(),
            "admin moves cases from {s}"
        );
    }
}

#[test]
fn a_known_nik_finds_the_same_person() {
    let mut o = support::office();
    let clerk = o.clerk.clone();
    let a = o.register(&sipd("1607014508900001", "Siti Aminah"));
    let mut again = sipd("1607 0145 0890 0001", "Siti Aminah");
    again.permit_type = "SKP".into();
    again.received = vec![1, 2, 3, 4];
    again.details = [
        ("judul", "Padi rawa"),
        ("instansi", "Unsri"),
        ("lokasi", "Sungsang"),
        ("waktu", "3 bulan"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    let b = cases::register(&mut o.db, &clerk, monday(), &again).expect("second");
    assert!(b.created && b.differences.is_empty(), "{:?}", b.differences);
    let (ca, cb) = (
        cases::get(&o.db, a).expect("a"),
        cases::get(&o.db, b.id).expect("b"),
    );
    assert_eq!(ca.applicant_id, cb.applicant_id);
    assert_eq!(o.count("SELECT count(*) FROM applicants", &[]), 1);
    assert_ne!(ca.registration_number, cb.registration_number);
}
