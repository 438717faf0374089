//! Tests of documents.rs. The document commands: verify, batches with cancel, the logo, printing.

use super::*;
use crate::account::sign_in_in;
use crate::testing::{self, TempOffice};
use petromaks::cases::{CaseFilter, Status};

/// A demo office with 40 cases in a temp folder (also the documents folder), removed on drop.
fn office(name: &str) -> Result<(TempOffice, Database, Session), Box<dyn std::error::Error>> {
    testing::office(&format!("docs-{name}"), Some(40))
}

fn issued(db: &Database) -> Result<Vec<CaseId>, CommandError> {
    let list = db.with(|conn| {
        cases::list(
            conn,
            &CaseFilter {
                status: Some(Status::Issued),
                ..Default::default()
            },
        )
    })?;
    Ok(list.into_iter().map(|c| c.id).collect())
}

#[test]
fn a_genuine_code_verifies_and_one_changed_character_does_not(
) -> Result<(), Box<dyn std::error::Error>> {
    let (_dir, db, session) = office("verify")?;
    let id = *issued(&db)?
        .first()
        .ok_or("the demo has an issued permit")?;
    let payload = db
        .with(|conn| petromaks::documents::certificate_doc(conn, id, true).map(|d| d.qr_payload))?;
    sign_in_in(&db, &session, "keliling1", petromaks::demo::DEMO_PASSWORD)?;
    let genuine = verify_permit_in(&db, &session, &format!("  {payload}\n"))?;
    assert_eq!(genuine.verdict, verification::Verdict::Genuine);
    // Change one character of the holder's name (the second field).
    let at = payload.find('.').ok_or("fields")? + 3;
    let mut changed = payload.clone().into_bytes();
    changed[at] = if changed[at] == b'A' { b'B' } else { b'A' };
    let tampered = verify_permit_in(&db, &session, &String::from_utf8(changed)?)?;
    assert_eq!(tampered.verdict, verification::Verdict::Tampered);
    session.clear()?;
    let refused = verify_permit_in(&db, &session, &payload);
    assert_eq!(refused.map(|_| ()).map_err(|e| e.code), Err("signed_out"));
    Ok(())
}

#[test]
fn only_an_admin_sets_the_logo_and_only_from_a_png() -> Result<(), Box<dyn std::error::Error>> {
    let (dir, db, session) = office("logo")?;
    let png = dir.0.join("lambang.png");
    let mut bytes = b"\x89PNG\r\n\x1a\n".to_vec();
    bytes.extend_from_slice(&[0; 64]);
    std::fs::write(&png, &bytes)?;
    let text = dir.0.join("lambang.txt");
    std::fs::write(&text, b"not a picture")?;
    sign_in_in(&db, &session, "loket1", petromaks::demo::DEMO_PASSWORD)?;
    let refused = set_logo_from_in(&db, &session, &png);
    assert_eq!(refused.map_err(|e| e.code), Err("forbidden"));
    sign_in_in(&db, &session, "admin", "rahasia-admin-123")?;
    let wrong = set_logo_from_in(&db, &session, &text).map_err(|e| (e.code, e.field));
    assert_eq!(wrong, Err(("invalid", Some("logo"))));
    let missing = set_logo_from_in(&db, &session, &dir.0.join("nothing.png"));
    assert_eq!(missing.map_err(|e| e.field), Err(Some("logo")));
    set_logo_from_in(&db, &session, &png)?;
    assert_eq!(db.with(|conn| office::logo(conn))?, Some(bytes));
    Ok(())
}

#[test]
fn a_cancelled_batch_writes_nothing_and_a_finished_one_is_kept_by_id(
) -> Result<(), Box<dyn std::error::Error>> {
    let (dir, db, session) = office("batch")?;
    let docs = dir.0.join("docs");
    std::env::set_var("PETROMAKS_DOCS_DIR", &docs);
    let ids = issued(&db)?;
    assert!(ids.len() >= 2, "the demo has issued permits");
    let selection = Selection::Cases { ids: ids.clone() };
    let (outputs, control) = (Outputs::default(), BatchControl::default());
    sign_in_in(&db, &session, "loket1", petromaks::demo::DEMO_PASSWORD)?;
    let preview = batch_preview_in(&db, &session, &selection)?;
    assert_eq!(preview.len(), ids.len());
    let mut seen = Vec::new();
    let cancelled = print_batch_in(&db, &session, &outputs, &control, &selection, &mut |p| {
        seen.push(p);
        control.cancel();
    })?;
    assert!(cancelled.is_none());
    assert_eq!(seen.len(), 1, "stopped after the first certificate");
    assert!(!docs.exists() || std::fs::read_dir(&docs)?.next().is_none());
    let mut steps = 0;
    let done = print_batch_in(&db, &session, &outputs, &control, &selection, &mut |_| {
        steps += 1;
    })?
    .ok_or("not cancelled this time")?;
    // One report per certificate, and one more when the file is assembled.
    assert_eq!((done.count, steps), (ids.len(), ids.len() + 1));
    assert_eq!(outputs.path(done.file.id)?, PathBuf::from(&done.file.path));
    assert!(std::fs::metadata(&done.file.path)?.len() > 1000);
    assert_eq!(
        outputs.path(99).map(|_| ()).map_err(|e| e.code),
        Err("not_found")
    );
    Ok(())
}
