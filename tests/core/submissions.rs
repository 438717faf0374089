//! A submission happens once: the same form sent twice (a second Enter, a double click, a retry after an
//! error) gives the first case; registering and making the receipt is one command, so a receipt that
//! cannot be made leaves no case, and the retry with the same submission id gives exactly one.

use petromaks::cases;
use petromaks::documents;
use petromaks::office::{self, Office};

use crate::support::{self, monday, pdf_text, refused, refused_on, sipd};

#[test]
fn the_same_submission_sent_twice_registers_one_case() {
    let mut o = support::office();
    let clerk = o.clerk.clone();
    let mut input = sipd("1607014508900001", "Siti Aminah");
    input.submission_id = Some("form-2026-11-23-0001".into());
    let first = cases::register(&mut o.db, &clerk, monday(), &input).expect("first");
    assert!(first.created);
    let after_first = o.fingerprint();
    let second = cases::register(&mut o.db, &clerk, monday(), &input).expect("second");
    assert!(!second.created, "the retry finds the first case");
    assert_eq!(
        (second.id, second.registration_number.as_str()),
        (first.id, first.registration_number.as_str())
    );
    assert_eq!(o.fingerprint(), after_first, "the retry writes nothing");
    // The same through the command that also makes the receipt.
    let third =
        documents::register_with_receipt(&mut o.db, &clerk, monday(), &input).expect("third");
    assert!(!third.registered.created);
    assert_eq!(third.registered.id, first.id);
    assert!(
        third.receipt_pdf.starts_with(b"%PDF"),
        "the receipt of the first case again"
    );
    assert_eq!(o.count("SELECT count(*) FROM cases", &[]), 1);

    // Another form is another submission.
    let mut other = sipd("1607014508900001", "Siti Aminah");
    other.submission_id = Some("form-2026-11-23-0002".into());
    assert!(
        cases::register(&mut o.db, &clerk, monday(), &other)
            .expect("other")
            .created
    );
    assert_eq!(o.count("SELECT count(*) FROM cases", &[]), 2);

    let before = o.fingerprint();
    for bad in ["kurang", "id dengan spasi", &"x".repeat(65)] {
        let mut i = sipd("1607014508900002", "Dewi Lestari");
        i.submission_id = Some(bad.to_string());
        refused_on(
            cases::register(&mut o.db, &clerk, monday(), &i),
            "submission_id",
        );
    }
    assert_eq!(o.fingerprint(), before);
}

#[test]
fn a_receipt_that_cannot_be_made_leaves_no_case_and_the_retry_registers_once() {
    let mut o = support::office();
    let clerk = o.clerk.clone();
    let mut input = sipd("1607014508900001", "Siti Aminah");
    input.submission_id = Some("form-2026-11-23-0042".into());
    // The receipt's kop surat is drawn from the office profile: without it, no receipt can be made.
    o.db.write(|tx| tx.execute("DELETE FROM office", &[]).map(|_| ()))
        .expect("remove the office profile");
    let before = o.fingerprint();
    refused(
        documents::register_with_receipt(&mut o.db, &clerk, monday(), &input),
        "not_found",
    );
    assert_eq!(
        o.fingerprint(),
        before,
        "no case, no applicant, no number, no event"
    );
    assert_eq!(o.count("SELECT count(*) FROM cases", &[]), 0);
    assert_eq!(o.count("SELECT count(*) FROM applicants", &[]), 0);

    // The admin puts the profile back; the clerk presses Enter again on the same form.
    let admin = o.admin.clone();
    office::update(&mut o.db, &admin, monday(), &Office::banyuasin_example())
        .expect("profile back");
    let r = documents::register_with_receipt(&mut o.db, &clerk, monday(), &input).expect("retry");
    assert!(r.registered.created);
    assert_eq!(
        r.registered.registration_number, "REG-2026-000001",
        "no number was lost"
    );
    let path = o.dir().join("tanda-terima.pdf");
    std::fs::write(&path, &r.receipt_pdf).expect("write");
    assert!(pdf_text(&path).contains("REG-2026-000001"));
    let again =
        documents::register_with_receipt(&mut o.db, &clerk, monday(), &input).expect("again");
    assert!(!again.registered.created);
    assert_eq!(again.registered.id, r.registered.id);
    assert_eq!(
        o.count("SELECT count(*) FROM cases", &[]),
        1,
        "exactly one case"
    );
    // The receipt prints again from the case screen whenever asked.
    let reprint = documents::receipt(&o.db, r.registered.id, monday()).expect("reprint");
    assert_eq!(reprint, r.receipt_pdf, "same case and clock, same bytes");
}
