//! The life of a case: every allowed step by the right role, audited; everything else refused.

use petromaks::audit;
use petromaks::cases::{self, Status};
use petromaks::Error;

use crate::support::{self, monday, sipd};

#[test]
fn a_case_walks_to_delivered_and_every_step_is_audited() {
    let mut o = support::office();
    let (clerk, verifier, signer, courier) = (
        o.clerk.clone(),
        o.verifier.clone(),
        o.signer.clone(),
        o.courier.clone(),
    );
    let mut input = sipd("1607014508900001", "dr. Siti Rahmawati");
    input.received = vec![1, 2, 3, 4, 5, 6];
    let id = cases::register(&mut o.conn, &clerk, monday(), &input).expect("register");

    let e = o
        .step(&verifier, id, Status::Verified, None)
        .expect_err("incomplete file");
    assert!(e.to_string().contains("Surat keterangan sehat"), "{e}");
    o.step(
        &verifier,
        id,
        Status::Returned,
        Some("Surat keterangan sehat belum ada"),
    )
    .expect("return");
    cases::set_document(&mut o.conn, &clerk, monday(), id, 7, true).expect("tick");
    o.step(&clerk, id, Status::Received, None)
        .expect("resubmit");
    o.step(&verifier, id, Status::Verified, None)
        .expect("verify");
    o.step(&verifier, id, Status::InReview, None)
        .expect("review");
    o.step(&signer, id, Status::Approved, None)
        .expect("approve");
    o.step(&signer, id, Status::Issued, None).expect("issue");
    o.step(&courier, id, Status::OutForDelivery, None)
        .expect("out");
    o.step(&courier, id, Status::Delivered, None)
        .expect("delivered");

    let c = cases::get(&o.conn, id).expect("case");
    assert_eq!(c.status, Status::Delivered);
    assert_eq!(
        c.permit_number.as_deref(),
        Some("503/0001/SIPD/DPMPTSP/XI/2026")
    );
    assert_eq!(c.valid_until.as_deref(), Some("2031-11-23"));
    assert!(c.closed_at.is_some());
    let signer_rec = c.signer.expect("signer on record");
    assert_eq!(signer_rec.nip, "19691111 200212 1 002");

    let events = audit::case_events(&o.conn, id).expect("events");
    let steps: Vec<(Option<Status>, String)> = events
        .iter()
        .map(|e| (e.to_status, e.actor.clone()))
        .collect();
    use Status::*;
    let expected = [
        (Some(Received), "rina"),
        (Some(Returned), "hendra"),
        (None, "rina"),
        (Some(Received), "rina"),
        (Some(Verified), "hendra"),
        (Some(InReview), "hendra"),
        (Some(Approved), "kadis"),
        (Some(Issued), "kadis"),
        (Some(OutForDelivery), "joko"),
        (Some(Delivered), "joko"),
    ];
    assert_eq!(steps.len(), expected.len(), "{steps:?}");
    for ((got_to, got_actor), (to, actor)) in steps.iter().zip(expected) {
        assert_eq!((*got_to, got_actor.as_str()), (to, actor));
    }
    assert_eq!(
        events[1].reason.as_deref(),
        Some("Surat keterangan sehat belum ada")
    );
    assert_eq!(
        events[7].detail.as_deref(),
        Some("503/0001/SIPD/DPMPTSP/XI/2026")
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
    let id = cases::register(
        &mut o.conn,
        &clerk,
        monday(),
        &sipd("1607014508900001", "Nur Hidayah"),
    )
    .expect("register");
    assert!(matches!(
        o.step(&signer, id, Status::Issued, None),
        Err(Error::Transition(_))
    ));
    assert!(matches!(
        o.step(&clerk, id, Status::Verified, None),
        Err(Error::Forbidden(_))
    ));
    assert!(matches!(
        o.step(&admin, id, Status::Verified, None),
        Err(Error::Forbidden(_))
    ));
    assert!(matches!(
        o.step(&verifier, id, Status::Returned, None),
        Err(Error::Invalid {
            field: "reason",
            ..
        })
    ));
    assert!(matches!(
        o.step(&verifier, id, Status::Returned, Some("   ")),
        Err(Error::Invalid {
            field: "reason",
            ..
        })
    ));
    o.step(&verifier, id, Status::Verified, None)
        .expect("verify");
    assert!(matches!(
        o.step(&signer, id, Status::Rejected, None),
        Err(Error::Invalid {
            field: "reason",
            ..
        })
    ));
    o.step(
        &signer,
        id,
        Status::Rejected,
        Some("Tempat praktik di luar wilayah"),
    )
    .expect("reject");
    assert!(matches!(
        o.step(&clerk, id, Status::Withdrawn, Some("x")),
        Err(Error::Transition(_))
    ));
    let c = cases::get(&o.conn, id).expect("case");
    assert_eq!(
        c.decision_reason.as_deref(),
        Some("Tempat praktik di luar wilayah")
    );
    assert_eq!(audit::case_events(&o.conn, id).expect("events").len(), 3);
}

#[test]
fn the_ui_is_offered_only_the_steps_of_the_role() {
    use petromaks::users::Role;
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
    let a = cases::register(
        &mut o.conn,
        &clerk,
        monday(),
        &sipd("1607014508900001", "Siti Aminah"),
    )
    .expect("first");
    let mut again = sipd("1607 0145 0890 0001", "Someone Else");
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
    let b = cases::register(&mut o.conn, &clerk, monday(), &again).expect("second");
    let (ca, cb) = (
        cases::get(&o.conn, a).expect("a"),
        cases::get(&o.conn, b).expect("b"),
    );
    assert_eq!(ca.applicant_id, cb.applicant_id);
    let n: i64 = o
        .conn
        .query_row("SELECT count(*) FROM applicants", [], |r| r.get(0))
        .expect("count");
    assert_eq!(n, 1);
    assert_ne!(ca.registration_number, cb.registration_number);
}
