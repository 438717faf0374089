//! The holder's pas photo (4×6) from the case screen: shown beside the applicant, printed on the
//! certificate. Chosen in the native file dialog, or taken from `foto/<NIK>.png` in the documents folder
//! (where a camera or scanner leaves it, and where no dialog can be used). The core checks the role and
//! the PNG and audits the change.

use chrono::Utc;
use petromaks::cases::{self, CaseId};
use petromaks::people::{applicants, photos};
use tauri::ipc::Response;
use tauri::{AppHandle, Runtime, State};

use crate::error::CommandError;
use crate::native;
use crate::state::{Database, Outputs, Session};

/// The documents folder's subfolder a photo is taken from by the applicant's NIK.
pub const PHOTO_DIR: &str = "foto";

/// The photo of the applicant of case `id` as PNG bytes (empty when there is none).
pub fn case_photo_in(
    db: &Database,
    session: &Session,
    id: CaseId,
) -> Result<Vec<u8>, CommandError> {
    session.actor()?;
    db.with(|db| {
        let case = cases::get(db, id)?;
        Ok(photos::get(db, case.applicant_id)?.unwrap_or_default())
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
    db.with(|db| {
        let case = cases::get(db, id)?;
        photos::set(db, &actor, Utc::now(), case.applicant_id, png)
    })
}

/// Sets the photo from `foto/<NIK>.png` in the documents folder.
pub fn photo_from_documents_in(
    db: &Database,
    session: &Session,
    outputs: &Outputs,
    id: CaseId,
) -> Result<(), CommandError> {
    session.actor()?;
    let nik = db.with(|db| {
        let case = cases::get(db, id)?;
        Ok(applicants::get(db, case.applicant_id)?.nik)
    })?;
    let file = outputs.dir()?.join(PHOTO_DIR).join(format!("{nik}.png"));
    let png = native::read_png(&file, "photo")?;
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
    let png = native::read_png(&path, "photo")?;
    set_case_photo_in(&db, &session, id, Some(&png))?;
    Ok(true)
}

/// Sets the photo from `foto/<NIK>.png` in the documents folder.
#[tauri::command(async)]
pub fn case_photo_from_documents(
    db: State<'_, Database>,
    session: State<'_, Session>,
    outputs: State<'_, Outputs>,
    id: CaseId,
) -> Result<(), CommandError> {
    photo_from_documents_in(&db, &session, &outputs, id)
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
