//! The document commands: verifying a permit's QR, the logo and the pas photo, batches with cancel, and
//! the files kept by id.

use std::path::PathBuf;

use petromaks::cases::{CaseFilter, CaseId, Status};
use petromaks::documents::batch::Selection;
use petromaks::documents::verification::Verdict;

use super::fixture::{self, code, refusal, TestOffice};
use crate::commands::batch::{batch_preview_in, print_batch_in};
use crate::commands::cases::list_cases_in;
use crate::commands::documents::{export_office_key_in, save_pdf_in, verify_permit_in, PdfKind};
use crate::commands::office::set_logo_from_in;
use crate::commands::photo::{
    case_photo_in, photo_from_documents_in, set_case_photo_in, PHOTO_DIR,
};
use crate::error::CommandError;

/// A demo office with 40 cases in a temp folder, removed on drop.
fn office(name: &str) -> Result<TestOffice, Box<dyn std::error::Error>> {
    fixture::office(&format!("docs-{name}"), Some(40))
}

pub fn issued(o: &TestOffice) -> Result<Vec<CaseId>, CommandError> {
    let filter = CaseFilter {
        status: Some(Status::Issued),
        ..Default::default()
    };
    Ok(list_cases_in(&o.db, &o.session, &filter)?
        .into_iter()
        .map(|c| c.id)
        .collect())
}

#[test]
fn a_genuine_code_verifies_and_one_changed_character_does_not(
) -> Result<(), Box<dyn std::error::Error>> {
    let o = office("verify")?;
    let id = *issued(&o)?.first().ok_or("the demo has an issued permit")?;
    let payload =
        o.db.with(|db| petromaks::documents::certificate_doc(db, id, true).map(|d| d.qr_payload))?;
    o.sign_in("keliling1")?;
    let genuine = verify_permit_in(&o.db, &o.session, &format!("  {payload}\n"))?;
    assert_eq!(genuine.verdict, Verdict::Genuine);
    // Change one character of the signed content.
    let at = payload.find('.').ok_or("fields")? + 3;
    let mut changed = payload.clone().into_bytes();
    changed[at] = if changed[at] == b'A' { b'B' } else { b'A' };
    let tampered = verify_permit_in(&o.db, &o.session, &String::from_utf8(changed)?)?;
    assert_eq!(tampered.verdict, Verdict::Tampered);
    let key = export_office_key_in(&o.db, &o.session, &o.outputs)?;
    assert!(std::fs::metadata(&key.path)?.len() > 10);
    o.session.clear()?;
    assert_eq!(
        code(verify_permit_in(&o.db, &o.session, &payload)),
        "signed_out"
    );
    Ok(())
}

#[test]
fn the_certificate_is_saved_and_its_reprint_is_a_copy() -> Result<(), Box<dyn std::error::Error>> {
    let o = office("certificate")?;
    let id = *issued(&o)?.first().ok_or("an issued permit")?;
    o.sign_in("loket1")?;
    let first = save_pdf_in(&o.db, &o.session, &o.outputs, id, PdfKind::Certificate)?;
    assert!(first.path.contains("izin-"), "{}", first.path);
    let again = save_pdf_in(&o.db, &o.session, &o.outputs, id, PdfKind::Certificate)?;
    assert_ne!(first.id, again.id);
    let prints = o.db.with(|db| {
        Ok(petromaks::audit::case_events(db, id)?
            .into_iter()
            .filter(|e| e.action == "certificate.print")
            .count())
    })?;
    assert!(prints >= 2, "every print is logged");
    Ok(())
}

#[test]
fn only_an_admin_sets_the_logo_and_only_from_a_png() -> Result<(), Box<dyn std::error::Error>> {
    let o = office("logo")?;
    let png = o.dir.path().join("lambang.png");
    let mut bytes = b"\x89PNG\r\n\x1a\n".to_vec();
    bytes.extend_from_slice(&[0; 64]);
    std::fs::write(&png, &bytes)?;
    let text = o.dir.path().join("lambang.txt");
    std::fs::write(&text, b"not a picture")?;
    o.sign_in("loket1")?;
    assert_eq!(code(set_logo_from_in(&o.db, &o.session, &png)), "forbidden");
    o.sign_in("admin")?;
    let wrong = set_logo_from_in(&o.db, &o.session, &text);
    assert_eq!(refusal(wrong), ("invalid", Some("logo".to_string())));
    let missing = set_logo_from_in(&o.db, &o.session, &o.dir.path().join("nothing.png"));
    assert_eq!(refusal(missing).1.as_deref(), Some("logo"));
    set_logo_from_in(&o.db, &o.session, &png)?;
    assert_eq!(o.db.with(|db| petromaks::office::logo(db))?, Some(bytes));
    Ok(())
}

#[test]
fn a_clerk_sets_the_photo_from_the_photo_folder_and_a_verifier_may_not(
) -> Result<(), Box<dyn std::error::Error>> {
    let o = fixture::office("docs-photo", Some(6))?;
    let case = list_cases_in(&o.db, &o.session, &CaseFilter::default())?
        .into_iter()
        .next()
        .ok_or("a demo case")?;
    o.sign_in("loket1")?;
    let missing = photo_from_documents_in(&o.db, &o.session, &o.outputs, case.id);
    assert_eq!(refusal(missing).1.as_deref(), Some("photo"));
    std::fs::create_dir_all(o.docs().join(PHOTO_DIR))?;
    let file = o
        .docs()
        .join(PHOTO_DIR)
        .join(format!("{}.png", case.applicant_nik));
    std::fs::write(&file, b"not a png")?;
    let refused = photo_from_documents_in(&o.db, &o.session, &o.outputs, case.id);
    assert_eq!(refusal(refused).1.as_deref(), Some("photo"));
    let png = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../icons/32x32.png"))?;
    std::fs::write(&file, &png)?;
    o.sign_in("kasi")?;
    let forbidden = photo_from_documents_in(&o.db, &o.session, &o.outputs, case.id);
    assert_eq!(code(forbidden), "forbidden");
    assert!(case_photo_in(&o.db, &o.session, case.id)?.is_empty());
    o.sign_in("loket1")?;
    photo_from_documents_in(&o.db, &o.session, &o.outputs, case.id)?;
    assert_eq!(case_photo_in(&o.db, &o.session, case.id)?, png);
    set_case_photo_in(&o.db, &o.session, case.id, None)?;
    assert!(case_photo_in(&o.db, &o.session, case.id)?.is_empty());
    Ok(())
}

#[test]
fn a_cancelled_batch_writes_nothing_and_a_finished_one_is_kept_by_id(
) -> Result<(), Box<dyn std::error::Error>> {
    let o = office("batch")?;
    let ids = issued(&o)?;
    assert!(ids.len() >= 2, "the demo has issued permits");
    let selection = Selection::Cases { ids: ids.clone() };
    o.sign_in("loket1")?;
    let preview = batch_preview_in(&o.db, &o.session, &selection)?;
    assert_eq!(preview.len(), ids.len());
    let mut seen = Vec::new();
    let cancelled = print_batch_in(
        &o.db,
        &o.session,
        &o.outputs,
        &o.batch,
        &selection,
        &mut |p| {
            seen.push(p);
            o.batch.cancel();
        },
    )?;
    assert!(cancelled.is_none());
    assert_eq!(seen.len(), 1, "stopped after the first certificate");
    let docs = o.docs();
    assert!(!docs.exists() || std::fs::read_dir(&docs)?.next().is_none());
    let mut steps = 0;
    let done = print_batch_in(
        &o.db,
        &o.session,
        &o.outputs,
        &o.batch,
        &selection,
        &mut |_| {
            steps += 1;
        },
    )?
    .ok_or("not cancelled this time")?;
    // One report per certificate, and one more when the file is assembled.
    assert_eq!((done.count, steps), (ids.len(), ids.len() + 1));
    assert_eq!(
        o.outputs.path(done.file.id)?,
        PathBuf::from(&done.file.path)
    );
    assert!(std::fs::metadata(&done.file.path)?.len() > 1000);
    assert_eq!(code(o.outputs.path(99)), "not_found");
    o.sign_in("kasi")?;
    let verifier = print_batch_in(
        &o.db,
        &o.session,
        &o.outputs,
        &o.batch,
        &selection,
        &mut |_| {},
    );
    assert_eq!(
        code(verifier),
        "forbidden",
        "the verifier prints no batches"
    );
    Ok(())
}
