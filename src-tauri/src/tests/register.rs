//! Registering at the counter: one case per submission, and a receipt file that cannot be written does
//! not undo the case; the case screen prints the receipt again.

use petromaks::cases::{CaseFilter, NewCase};

use super::fixture::{self, code};
use crate::commands::cases::{case_detail_in, list_cases_in};
use crate::commands::documents::{save_pdf_in, PdfKind};
use crate::commands::register::{check_nik_in, permit_types_in, register_case_in};
use crate::state::Outputs;

/// A research permit (SKP) application at the counter, sent with `submission`.
pub fn application(
    nik: &str,
    submission: Option<&str>,
    channel: &str,
) -> Result<NewCase, serde_json::Error> {
    serde_json::from_value(serde_json::json!({
        "applicant": {
            "nik": nik,
            "name": "Siti Rahmawati",
            "birth_place": "Pangkalan Balai",
            "address": "Dusun II",
            "village_code": "16.07.01.2003"
        },
        "permit_type": "SKP",
        "channel": channel,
        "received": [1, 2, 4],
        "details": {
            "judul": "Tata air rawa pasang surut",
            "instansi": "Universitas Sriwijaya",
            "lokasi": "Kecamatan Rantau Bayur",
            "waktu": "3 bulan"
        },
        "submission_id": submission
    }))
}

fn cases_of(o: &fixture::TestOffice, nik: &str) -> Result<usize, crate::error::CommandError> {
    let filter = CaseFilter {
        query: Some(nik.into()),
        ..Default::default()
    };
    Ok(list_cases_in(&o.db, &o.session, &filter)?.len())
}

#[test]
fn the_same_submission_sent_twice_registers_one_case() -> Result<(), Box<dyn std::error::Error>> {
    let o = fixture::office("register-twice", Some(6))?;
    o.sign_in("loket1")?;
    let nik = "1607014508900001";
    let info = check_nik_in(&o.db, &o.session, nik)?;
    assert!(info.applicant.is_none(), "a new applicant");
    assert!(permit_types_in(&o.db, &o.session)?
        .iter()
        .any(|t| t.code == "SKP"));
    let input = application(nik, Some("form-2026-0001-abcd"), "counter")?;
    let first = register_case_in(&o.db, &o.session, &o.outputs, &input)?;
    assert!(first.registered.created);
    let path = first.receipt_path.clone().ok_or("the receipt was saved")?;
    assert!(std::fs::read(&path)?.starts_with(b"%PDF"));
    let again = register_case_in(&o.db, &o.session, &o.outputs, &input)?;
    assert!(
        !again.registered.created,
        "the second Enter answers the first case"
    );
    assert_eq!(again.registered.id, first.registered.id);
    assert_eq!(
        again.registered.registration_number,
        first.registered.registration_number
    );
    assert_eq!(cases_of(&o, nik)?, 1);
    let json = serde_json::to_value(&again)?;
    assert_eq!(json["created"], false);
    assert!(json["receipt_path"].is_string() && json.get("receipt_error").is_none());
    let other = application(nik, Some("form-2026-0002-abcd"), "counter")?;
    assert!(
        register_case_in(&o.db, &o.session, &o.outputs, &other)?
            .registered
            .created
    );
    assert_eq!(cases_of(&o, nik)?, 2, "another submission is another case");
    Ok(())
}

#[test]
fn a_receipt_that_cannot_be_written_leaves_the_case_and_prints_again(
) -> Result<(), Box<dyn std::error::Error>> {
    let o = fixture::office("register-receipt", Some(6))?;
    o.sign_in("loket1")?;
    // A file where the documents folder should be: nothing can be written into it.
    let blocked = o.dir.path().join("not-a-folder");
    std::fs::write(&blocked, b"x")?;
    let broken = Outputs::at(blocked);
    let nik = "1607014508900001";
    let input = application(nik, Some("form-2026-0003-abcd"), "counter")?;
    let answer = register_case_in(&o.db, &o.session, &broken, &input)?;
    assert!(answer.registered.created);
    assert!(answer.receipt_path.is_none());
    assert!(answer
        .receipt_error
        .is_some_and(|e| e.contains("not-a-folder")));
    let id = answer.registered.id;
    assert_eq!(case_detail_in(&o.db, &o.session, id)?.case.id, id);
    // Enter again after the error: the same case, its receipt written this time.
    let retry = register_case_in(&o.db, &o.session, &o.outputs, &input)?;
    assert_eq!((retry.registered.id, retry.registered.created), (id, false));
    assert!(retry.receipt_path.is_some());
    assert_eq!(cases_of(&o, nik)?, 1);
    // And from the case screen, whenever it is asked for.
    let reprint = save_pdf_in(&o.db, &o.session, &o.outputs, id, PdfKind::Receipt)?;
    assert!(reprint.path.contains("tanda-terima-"), "{}", reprint.path);
    assert!(std::fs::read(&reprint.path)?.starts_with(b"%PDF"));
    assert_eq!(
        o.outputs.path(reprint.id)?.display().to_string(),
        reprint.path
    );
    Ok(())
}

#[test]
fn a_bad_application_is_refused_on_its_field_and_registers_nothing(
) -> Result<(), Box<dyn std::error::Error>> {
    let o = fixture::office("register-bad", Some(6))?;
    o.sign_in("loket1")?;
    let nik = "1607014508900001";
    let mut input = application(nik, Some("form-2026-0004-abcd"), "counter")?;
    input.applicant.name = "Siti 😀".into();
    let refused = register_case_in(&o.db, &o.session, &o.outputs, &input);
    assert_eq!(
        fixture::refusal(refused),
        ("invalid", Some("name".to_string()))
    );
    assert_eq!(cases_of(&o, nik)?, 0);
    o.sign_in("kasi")?;
    let input = application(nik, None, "counter")?;
    assert_eq!(
        code(register_case_in(&o.db, &o.session, &o.outputs, &input)),
        "forbidden"
    );
    Ok(())
}
