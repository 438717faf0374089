//! SKM and IKM (PermenPANRB 14/2017): IKM = mean of all answers × 25, graded A–D.

use petromaks::cases::Status;
use petromaks::van::survey::{self, Answers};
use petromaks::van::{self as delivery, Recipient};

use crate::delivery::{issued_in, VILLAGES};
use crate::support::{self, monday, refused};

#[test]
fn ikm_of_a_known_set_of_answers() {
    // 4 respondents × 9 items = 36 answers summing to 112: mean 3.111…, IKM 77.78, grade B.
    let set = [
        Answers([4, 4, 3, 4, 3, 3, 4, 3, 3]),
        Answers([3, 3, 3, 4, 3, 3, 3, 3, 2]),
        Answers([3, 3, 2, 4, 3, 3, 3, 3, 3]),
        Answers([3, 3, 3, 4, 3, 3, 3, 3, 2]),
    ];
    let total: u32 = set.iter().flat_map(|a| a.0).map(u32::from).sum();
    assert_eq!(total, 112);
    let r = survey::ikm(&set);
    assert_eq!(r.responses, 4);
    assert!((r.mean - 112.0 / 36.0).abs() < 1e-12);
    assert!((r.ikm - 112.0 / 36.0 * 25.0).abs() < 1e-9);
    assert_eq!(format!("{:.2}", r.ikm), "77.78");
    assert_eq!(r.grade, Some('B'));
    assert_eq!(r.item_means[3], 4.0);
    assert_eq!(survey::ikm(&[Answers([4; 9])]).grade, Some('A'));
    assert_eq!(survey::ikm(&[Answers([1; 9])]).ikm, 25.0);
    for (v, g) in [
        (100.0, 'A'),
        (88.31, 'A'),
        (88.30, 'B'),
        (76.61, 'B'),
        (76.60, 'C'),
        (65.0, 'C'),
        (64.99, 'D'),
        (25.0, 'D'),
    ] {
        assert_eq!(survey::grade(v), g, "{v}");
    }
}

#[test]
fn a_survey_is_stored_per_case_at_handover_and_reported_per_type() {
    let mut o = support::office();
    let clerk = o.clerk.clone();
    let id = issued_in(&mut o, 1, "dr. Siti Rahmawati", VILLAGES[0]);
    let answers = Answers([4, 4, 3, 4, 3, 3, 4, 3, 3]);
    let before = o.fingerprint();
    refused(
        survey::record(&mut o.db, &clerk, monday(), id, &answers),
        "transition",
    );
    let e = refused(
        survey::record(
            &mut o.db,
            &clerk,
            monday(),
            id,
            &Answers([5, 4, 3, 4, 3, 3, 4, 3, 3]),
        ),
        "invalid",
    );
    assert!(e.to_string().contains("scores go from 1 to 4"), "{e}");
    assert_eq!(o.fingerprint(), before);
    let s = delivery::collect_at_counter(
        &mut o.db,
        &clerk,
        monday(),
        id,
        &Recipient::Holder {
            nik: "1607014508900001".into(),
        },
    )
    .expect("collect");
    assert_eq!(s, Status::PickedUp);
    survey::record(&mut o.db, &clerk, monday(), id, &answers).expect("survey");
    refused(
        survey::record(&mut o.db, &clerk, monday(), id, &answers),
        "conflict",
    );
    let day = monday().date_naive();
    let (all, by_type) = survey::report(&o.db, day, day).expect("report");
    assert_eq!(all.responses, 1);
    assert!((all.ikm - 31.0 / 9.0 * 25.0).abs() < 1e-9);
    assert_eq!(by_type.len(), 1);
    assert_eq!(by_type[0].permit_type, "SIPD");
}
