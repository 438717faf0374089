//! What is typed for an applicant is always checked, whatever the register already knows: a name, birth
//! place, address or permit field that no document can print is refused beside the field, naming the
//! character; a known NIK with bad input is refused as a new one would be; a name that differs from the
//! registered person comes back as a difference, and changing the person is an explicit, audited update.

use petromaks::cases::{self, NewCase};
use petromaks::people::applicants;

use crate::support::{self, monday, refused, refused_on, sipd, Office1};

/// Registers `input` as the clerk and expects a refusal beside `field` whose message names `names`.
#[track_caller]
fn refused_beside(o: &mut Office1, input: &NewCase, field: &str, names: &str) {
    let clerk = o.clerk.clone();
    let before = o.fingerprint();
    let e = refused_on(cases::register(&mut o.db, &clerk, monday(), input), field);
    assert!(
        e.to_string().contains(names),
        "{field}: {names:?} not in {e}"
    );
    assert_eq!(
        o.fingerprint(),
        before,
        "{field}: the refusal changed the register"
    );
}

#[test]
fn text_no_document_can_print_is_refused_beside_its_field_naming_the_character() {
    let mut o = support::office();
    let nik = "1607014508900001";
    let unprintable = [
        ("王小明", "王"),
        ("Budi 😀 Santoso", "😀"),
        ("Budi \u{202e}Santoso", "U+202E"),
        ("Siti\u{200b}Aminah", "U+200B"),
    ];
    for (bad, names) in unprintable {
        let mut i = sipd(nik, bad);
        refused_beside(&mut o, &i, "name", names);
        i = sipd(nik, "Siti Aminah");
        i.applicant.birth_place = format!("Palembang {bad}");
        refused_beside(&mut o, &i, "birth_place", names);
        i = sipd(nik, "Siti Aminah");
        i.applicant.address = format!("Jl. Merdeka {bad}");
        refused_beside(&mut o, &i, "address", names);
        i = sipd(nik, "Siti Aminah");
        i.details
            .insert("tempat_praktik".into(), format!("Klinik {bad}"));
        refused_beside(&mut o, &i, "details", names);
    }
    // The invisible characters are named as such, with their code.
    let clerk = o.clerk.clone();
    let e = refused_on(
        cases::register(
            &mut o.db,
            &clerk,
            monday(),
            &sipd(nik, "Budi \u{202e}Santoso"),
        ),
        "name",
    );
    assert!(e.to_string().contains("invisible"), "{e}");
    // Latin letters with their accents are names like any other.
    let ok = cases::register(
        &mut o.db,
        &clerk,
        monday(),
        &sipd(nik, "Nguyễn Thị Minh Khai"),
    )
    .expect("Vietnamese");
    assert!(ok.created);
}

#[test]
fn a_known_nik_is_checked_like_a_new_one_and_differences_are_reported() {
    let mut o = support::office();
    let nik = "1607014508900001";
    o.register(&sipd(nik, "Siti Aminah"));
    let long = "A".repeat(10_000);
    let mut i = sipd(nik, &long);
    refused_beside(&mut o, &i, "name", "too long");
    i = sipd(nik, "Siti\u{7}Aminah");
    refused_beside(&mut o, &i, "name", "control character");
    i = sipd(nik, "Siti Aminah");
    i.applicant.village_code = Some("16.07.99.9999".into());
    refused_beside(&mut o, &i, "village_code", "unknown village");
    i = sipd(nik, "Siti Aminah");
    i.applicant.phone = Some("telepon".into());
    refused_beside(&mut o, &i, "phone", "");

    // A registered person typed differently: the case is registered to the person on record, and the
    // clerk is told what differs.
    let clerk = o.clerk.clone();
    let mut moved = sipd(nik, "Siti Aminah Putri");
    moved.applicant.address = "Jl. Sudirman No. 12".into();
    let r = cases::register(&mut o.db, &clerk, monday(), &moved).expect("register");
    assert!(r.created);
    let fields: Vec<(&str, &str, &str)> = r
        .differences
        .iter()
        .map(|d| (d.field, d.registered.as_str(), d.typed.as_str()))
        .collect();
    assert_eq!(
        fields,
        [
            ("name", "Siti Aminah", "Siti Aminah Putri"),
            ("address", "Jl. Merdeka No. 7", "Jl. Sudirman No. 12")
        ]
    );
    let person = applicants::by_nik(&o.db, nik)
        .expect("read")
        .expect("person");
    assert_eq!(person.name, "Siti Aminah", "the registered data is kept");
    assert_eq!(o.count("SELECT count(*) FROM applicants", &[]), 1);

    // Updating the person is its own step, checked and audited.
    let before = o.fingerprint();
    refused_on(
        applicants::update(
            &mut o.db,
            &clerk,
            monday(),
            person.id,
            &support::applicant(nik, "王小明"),
        ),
        "name",
    );
    let verifier = o.verifier.clone();
    refused(
        applicants::update(&mut o.db, &verifier, monday(), person.id, &moved.applicant),
        "forbidden",
    );
    assert_eq!(o.fingerprint(), before);
    let updated = applicants::update(&mut o.db, &clerk, monday(), person.id, &moved.applicant)
        .expect("update");
    assert_eq!(updated.name, "Siti Aminah Putri");
    assert_eq!(updated.address, "Jl. Sudirman No. 12");
    let admin = o.admin.clone();
    let log = petromaks::audit::list(
        &o.db,
        &admin,
        &petromaks::audit::AuditFilter {
            action: Some("applicant.update".into()),
            ..Default::default()
        },
    )
    .expect("log");
    assert_eq!(log.len(), 1);
    let detail = log[0].detail.as_deref().unwrap_or("");
    assert!(
        detail.contains("name: Siti Aminah → Siti Aminah Putri"),
        "{detail}"
    );
    let again = cases::register(&mut o.db, &clerk, monday(), &moved).expect("register");
    assert!(again.differences.is_empty(), "{:?}", again.differences);
}
