//! Permit and registration numbers: from the template, gap-free per series, reset each year.

use chrono::{Duration, TimeZone, Utc};
use petromaks::cases::{self, Move, Status};

use crate::support::{self, refused, sipd};

#[test]
fn permit_numbers_are_gap_free_and_reset_yearly() {
    let mut o = support::office();
    let mut numbers = Vec::new();
    for i in 0..3 {
        let nik = format!("16070145089000{:02}", i + 1);
        let id = o.issued_case(&nik, "Ayu Lestari");
        numbers.push(
            cases::get(&o.db, id)
                .expect("c")
                .permit_number
                .expect("number"),
        );
    }
    assert_eq!(
        numbers,
        [
            "503/0001/SIPD/DPMPTSP/XI/2026",
            "503/0002/SIPD/DPMPTSP/XI/2026",
            "503/0003/SIPD/DPMPTSP/XI/2026"
        ]
    );

    // A refused issue (the case is not approved) does not consume a number.
    let id = o.register(&sipd("1607014508900009", "Maya Sari"));
    let signer = o.signer.clone();
    refused(
        cases::move_case(
            &mut o.db,
            &signer,
            support::monday(),
            id,
            &Move {
                to: Status::Issued,
                reason: None,
            },
        ),
        "transition",
    );
    o.issue(id);
    assert_eq!(
        cases::get(&o.db, id).expect("c").permit_number.as_deref(),
        Some("503/0004/SIPD/DPMPTSP/XI/2026"),
        "no gap after the refusal"
    );

    // In January the series starts again, and so do registration numbers.
    let jan = Utc
        .with_ymd_and_hms(2027, 1, 4, 2, 0, 0)
        .single()
        .expect("time");
    let (clerk, v, s) = (o.clerk.clone(), o.verifier.clone(), o.signer.clone());
    let r = cases::register(
        &mut o.db,
        &clerk,
        jan,
        &sipd("1607014508900010", "Putri Utami"),
    )
    .expect("reg");
    for to in [Status::Verified, Status::Approved, Status::Issued] {
        let who = if to == Status::Verified { &v } else { &s };
        cases::move_case(
            &mut o.db,
            who,
            jan + Duration::hours(1),
            r.id,
            &Move { to, reason: None },
        )
        .expect("step");
    }
    let c = cases::get(&o.db, r.id).expect("c");
    assert_eq!(
        c.permit_number.as_deref(),
        Some("503/0001/SIPD/DPMPTSP/I/2027")
    );
    assert_eq!(c.registration_number, "REG-2027-000001");
    assert_eq!(r.registration_number, "REG-2027-000001");
    assert_eq!(
        c.valid_until.map(|d| d.to_string()).as_deref(),
        Some("2032-01-04")
    );
}
