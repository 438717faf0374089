//! The register screen's commands: what a NIK says (and whether the applicant is known), the permit
//! catalogue, and registering a case as the signed-in user, with its receipt saved at once.

use chrono::Utc;
use petromaks::applicants::{self, Applicant};
use petromaks::cases::{self, CaseId, NewCase};
use petromaks::identity::{self, NikInfo};
use petromaks::permit_types::{self, PermitType};
use serde::Serialize;
use tauri::State;

use crate::casework::{save_pdf_in, PdfKind};
use crate::error::CommandError;
use crate::session::Session;
use crate::state::Database;

/// A checked NIK and the applicant already registered under it, if any.
#[derive(Debug, Serialize)]
pub struct NikCheck {
    pub info: NikInfo,
    pub applicant: Option<Applicant>,
}

/// The case just registered and where its receipt was saved.
#[derive(Debug, Serialize)]
pub struct Registered {
    pub id: CaseId,
    pub registration_number: String,
    pub receipt_path: String,
}

/// Decodes a NIK as the clerk types it; an error names the field `nik`.
pub fn check_nik_in(db: &Database, session: &Session, nik: &str) -> Result<NikCheck, CommandError> {
    session.actor()?;
    db.with(|conn| {
        let today = cases::office_today(conn, Utc::now())?;
        let info = identity::check_nik(conn, nik, today)?;
        let applicant = applicants::by_nik(conn, &info.parts.nik)?;
        Ok(NikCheck { info, applicant })
    })
}

/// Registers a case as the signed-in user and saves its receipt.
pub fn register_case_in(
    db: &Database,
    session: &Session,
    input: &NewCase,
) -> Result<Registered, CommandError> {
    let actor = session.actor()?;
    let (id, registration_number) = db.with(|conn| {
        let id = cases::register(conn, &actor, Utc::now(), input)?;
        Ok((id, cases::get(conn, id)?.registration_number))
    })?;
    let receipt_path = save_pdf_in(db, session, id, PdfKind::Receipt)?;
    Ok(Registered {
        id,
        registration_number,
        receipt_path,
    })
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
    session.actor()?;
    let all = db.with(|conn| permit_types::list(conn))?;
    Ok(all.into_iter().filter(|t| t.active).collect())
}

/// Registers a case and saves its receipt.
#[tauri::command(async)]
pub fn register_case(
    db: State<'_, Database>,
    session: State<'_, Session>,
    input: NewCase,
) -> Result<Registered, CommandError> {
    register_case_in(&db, &session, &input)
}
