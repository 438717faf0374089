//! The holder's pas photo (4×6) from the case screen: shown beside the applicant, printed on the
//! certificate. Chosen in the native file dialog, or taken from `foto/<NIK>.png` in the documents folder
//! (where a camera or scanner leaves it, and where no dialog can be used). The core checks the role and
//! the PNG and audits the change.

use chrono::Utc;
use petromaks::cases::{self, CaseId};
use petromaks::{applicants, photos};
use tauri::ipc::Response;
use tauri::{AppHandle, Runtime, State};

use crate::casework::documents_dir;
use crate::documents::read_png;
use crate::error::CommandError;
use crate::native;
use crate::session::Session;
use crate::state::Database;

/// The documents folder's subfolder a photo is taken from by the applicant's NIK.
pub const PHOTO_DIR: &str = "foto";

/// The photo of the applicant of case `id` as PNG bytes (empty when there is none).
pub fn case_photo_in(
    db: &Database,
    session: &Session,
    id: CaseId,
) -> Result<Vec<u8>, CommandError> {
    session.actor()?;
    db.with(|conn| {
        let case = cases::get(conn, id)?;
        Ok(photos::get(conn, case.applicant_id)?.unwrap_or_default())
    })
}

/// Sets (or with `None` clears) the photo of the applicant of case `id`.
pub fn set_case_photo_in(
    db: &Database,
    session: &Session,
    id: CaseId,
    png: Option<&[u8]>,
) -> Result<(), CommandError> {
    let actor = session.actor()?;
    db.with(|conn| {
        let case = cases::get(conn, id)?;
        photos::set(conn, &actor, Utc::now(), case.applicant_id, png)
    })
}

/// Sets the photo from `foto/<NIK>.png` in the documents folder.
pub fn photo_from_documents_in(
    db: &Database,
    session: &Session,
    id: CaseId,
) -> Result<(), CommandError> {
    session.actor()?;
    let nik = db.with(|conn| {
        let case = cases::get(conn, id)?;
        Ok(applicants::get(conn, case.applicant_id)?.nik)
    })?;
    let png = read_png(
        &documents_dir()?.join(PHOTO_DIR).join(format!("{nik}.png")),
        "photo",
    )?;
    set_case_photo_in(db, session, id, Some(&png))
}

/// The applicant's photo for the case screen.
#[tauri::command(async)]
pub fn case_photo(
    db: State<'_, Database>,
    session: State<'_, Session>,
    id: CaseId,
) -> Result<Response, CommandError> {
    Ok(Response::new(case_photo_in(&db, &session, id)?))
}

/// Sets the photo from a PNG chosen in the native dialog; `false` when the dialog was cancelled.
#[tauri::command(async)]
pub fn choose_case_photo<R: Runtime>(
    app: AppHandle<R>,
    db: State<'_, Database>,
    session: State<'_, Session>,
    id: CaseId,
) -> Result<bool, CommandError> {
    session.actor()?;
    let Some(path) = native::pick_file(&app, ("PNG", &["png"]))? else {
        return Ok(false);
    };
    let png = read_png(&path, "photo")?;
    set_case_photo_in(&db, &session, id, Some(&png))?;
    Ok(true)
}

/// Sets the photo from `foto/<NIK>.png` in the documents folder.
#[tauri::command(async)]
pub fn case_photo_from_documents(
    db: State<'_, Database>,
    session: State<'_, Session>,
    id: CaseId,
) -> Result<(), CommandError> {
    photo_from_documents_in(&db, &session, id)
}

/// Removes the applicant's photo.
#[tauri::command(async)]
pub fn clear_case_photo(
    db: State<'_, Database>,
    session: State<'_, Session>,
    id: CaseId,
) -> Result<(), CommandError> {
    set_case_photo_in(&db, &session, id, None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::account::sign_in_in;
    use crate::testing;
    use petromaks::cases::CaseFilter;

    #[test]
    fn a_clerk_sets_the_photo_from_the_photo_folder_and_a_verifier_may_not(
    ) -> Result<(), Box<dyn std::error::Error>> {
        let (dir, db, session) = testing::office("photo", Some(6))?;
        let case = db
            .with(|conn| cases::list(conn, &CaseFilter::default()))?
            .into_iter()
            .next()
            .ok_or("a demo case")?;
        let docs = dir.0.join("Dokumen");
        std::env::set_var("PETROMAKS_DOCS_DIR", &docs);
        sign_in_in(&db, &session, "loket1", petromaks::demo::DEMO_PASSWORD)?;
        let missing = photo_from_documents_in(&db, &session, case.id);
        assert_eq!(missing.map_err(|e| e.field), Err(Some("photo")));
        std::fs::create_dir_all(docs.join(PHOTO_DIR))?;
        let file = docs
            .join(PHOTO_DIR)
            .join(format!("{}.png", case.applicant_nik));
        std::fs::write(&file, b"not a png")?;
        let refused = photo_from_documents_in(&db, &session, case.id);
        assert_eq!(refused.map_err(|e| e.field), Err(Some("photo")));
        let png = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../icons/32x32.png"))?;
        std::fs::write(&file, &png)?;
        sign_in_in(&db, &session, "kasi", petromaks::demo::DEMO_PASSWORD)?;
        let forbidden = photo_from_documents_in(&db, &session, case.id);
        assert_eq!(forbidden.map_err(|e| e.code), Err("forbidden"));
        assert!(case_photo_in(&db, &session, case.id)?.is_empty());
        sign_in_in(&db, &session, "loket1", petromaks::demo::DEMO_PASSWORD)?;
        photo_from_documents_in(&db, &session, case.id)?;
        assert_eq!(case_photo_in(&db, &session, case.id)?, png);
        set_case_photo_in(&db, &session, case.id, None)?;
        assert!(case_photo_in(&db, &session, case.id)?.is_empty());
        Ok(())
    }
}
