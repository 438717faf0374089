//! The register screen's commands: what a NIK says (and whether the applicant is known), the permit
//! catalogue, the village field, and registering a case with its receipt in one step. The same
//! submission id registers once: a second Enter or a retry answers the first case.

use chrono::Utc;
use petromaks::cases::{NewCase, Registered};
use petromaks::catalogue::{self, PermitType};
use petromaks::documents;
use petromaks::identity::{self, NikInfo};
use petromaks::office;
use petromaks::people::applicants::{self, Applicant, Village};
use serde::Serialize;
use tauri::State;

use crate::error::CommandError;
use crate::state::{file_safe, Database, Outputs, Session};

/// A checked NIK and the applicant already registered under it, if any.
#[derive(Debug, Serialize)]
pub struct NikCheck {
    pub info: NikInfo,
    pub applicant: Option<Applicant>,
}

/// A registration as the window receives it: the case (new, or the one this submission registered
/// before), where its receipt was saved, or why the receipt file could not be written (the case is
/// registered all the same; the case screen prints the receipt again).
#[derive(Debug, Serialize)]
pub struct Registration {
    #[serde(flatten)]
    pub registered: Registered,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub receipt_path: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub receipt_error: Option<String>,
}

/// The receipt's file name in the documents folder; the case screen's reprint writes the same one.
pub fn receipt_file_name(registration_number: &str) -> String {
    format!("tanda-terima-{}.pdf", file_safe(registration_number))
}

/// Decodes a NIK as the clerk types it; an error names the field `nik`.
pub fn check_nik_in(db: &Database, session: &Session, nik: &str) -> Result<NikCheck, CommandError> {
    session.actor()?;
    db.with(|db| {
        let info = identity::check_nik(db, nik, office::today(db, Utc::now())?)?;
        let applicant = applicants::by_nik(db, &info.parts.nik)?;
        Ok(NikCheck { info, applicant })
    })
}

/// The active permit types with their checklists and fields.
pub fn permit_types_in(db: &Database, session: &Session) -> Result<Vec<PermitType>, CommandError> {
    session.actor()?;
    db.with(|db| catalogue::active(db))
}

/// Registers a case and its receipt as the signed-in user (one transaction in the core), then writes the
/// receipt into the documents folder. A file that cannot be written does not undo the registration.
pub fn register_case_in(
    db: &Database,
    session: &Session,
    outputs: &Outputs,
    input: &NewCase,
) -> Result<Registration, CommandError> {
    let actor = session.actor()?;
    let done = db.with(|db| documents::register_with_receipt(db, &actor, Utc::now(), input))?;
    let name = receipt_file_name(&done.registered.registration_number);
    let (receipt_path, receipt_error) = match outputs.write(&name, &done.receipt_pdf) {
        Ok(file) => (Some(file.path), None),
        Err(e) => (None, Some(e.message)),
    };
    Ok(Registration {
        registered: done.registered,
        receipt_path,
        receipt_error,
    })
}

/// Villages of the office's regency matching typed text (name or code).
pub fn find_villages_in(
    db: &Database,
    session: &Session,
    query: &str,
) -> Result<Vec<Village>, CommandError> {
    session.actor()?;
    db.with(|db| applicants::villages(db, query, 20))
}

/// What a NIK says, and the known applicant.
#[tauri::command(async)]
pub fn check_nik(
    db: State<'_, Database>,
    session: State<'_, Session>,
    nik: String,
) -> Result<NikCheck, CommandError> {
    check_nik_in(&db, &session, &nik)
}

/// The active permit types with their checklists and fields.
#[tauri::command(async)]
pub fn permit_types(
    db: State<'_, Database>,
    session: State<'_, Session>,
) -> Result<Vec<PermitType>, CommandError> {
    permit_types_in(&db, &session)
}

/// Registers a case with its receipt.
#[tauri::command(async)]
pub fn register_case(
    db: State<'_, Database>,
    session: State<'_, Session>,
    outputs: State<'_, Outputs>,
    input: NewCase,
) -> Result<Registration, CommandError> {
    register_case_in(&db, &session, &outputs, &input)
}

/// Villages matching typed text, for the village field and the batch screen.
#[tauri::command(async)]
pub fn find_villages(
    db: State<'_, Database>,
    session: State<'_, Session>,
    query: String,
) -> Result<Vec<Village>, CommandError> {
    find_villages_in(&db, &session, &query)
}
