//! A case's papers and a permit's authenticity: saving the certificate or the receipt of a case as a PDF
//! (the receipt again whenever it is asked for, e.g. after its file could not be written at
//! registration), checking a permit's QR code, and exporting the office's public key.

use chrono::Utc;
use petromaks::cases::{self, CaseId};
use petromaks::documents::{
    self,
    verification::{self, Verification},
};
use petromaks::office;
use tauri::State;

use super::register::receipt_file_name;
use crate::error::CommandError;
use crate::state::{file_safe, Database, Outputs, SavedFile, Session};

/// Which PDF of a case to save.
#[derive(Debug, Clone, Copy, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PdfKind {
    Certificate,
    Receipt,
}

/// Writes the certificate or receipt of a case into the documents folder and keeps it by id. Printing an
/// issued permit is logged by the core; every print after the first is marked SALINAN.
pub fn save_pdf_in(
    db: &Database,
    session: &Session,
    outputs: &Outputs,
    id: CaseId,
    kind: PdfKind,
) -> Result<SavedFile, CommandError> {
    let actor = session.actor()?;
    let (number, bytes) = db.with(|db| {
        let number = cases::get(db, id)?.registration_number;
        let bytes = match kind {
            PdfKind::Certificate => {
                documents::print_certificate(db, &actor, Utc::now(), id, false)?.pdf
            }
            PdfKind::Receipt => documents::receipt(db, id, Utc::now())?,
        };
        Ok((number, bytes))
    })?;
    let name = match kind {
        PdfKind::Certificate => format!("izin-{}.pdf", file_safe(&number)),
        PdfKind::Receipt => receipt_file_name(&number),
    };
    outputs.write(&name, &bytes)
}

/// Checks a scanned or pasted QR payload against this office's keys and revocation register.
pub fn verify_permit_in(
    db: &Database,
    session: &Session,
    payload: &str,
) -> Result<Verification, CommandError> {
    session.actor()?;
    db.with(|db| verification::verify(db, payload.trim(), office::today(db, Utc::now())?))
}

/// Writes the office's public key into the documents folder, for another office or a phone app.
pub fn export_office_key_in(
    db: &Database,
    session: &Session,
    outputs: &Outputs,
) -> Result<SavedFile, CommandError> {
    session.actor()?;
    let text = db.with(|db| verification::export_public_key(db))?;
    outputs.write("kunci-publik-kantor.pub", text.as_bytes())
}

/// Saves a case's certificate or receipt as a PDF and answers where, with the id to open or print it by.
#[tauri::command(async)]
pub fn save_pdf(
    db: State<'_, Database>,
    session: State<'_, Session>,
    outputs: State<'_, Outputs>,
    id: CaseId,
    kind: PdfKind,
) -> Result<SavedFile, CommandError> {
    save_pdf_in(&db, &session, &outputs, id, kind)
}

/// Checks a permit's QR payload.
#[tauri::command(async)]
pub fn verify_permit(
    db: State<'_, Database>,
    session: State<'_, Session>,
    payload: String,
) -> Result<Verification, CommandError> {
    verify_permit_in(&db, &session, &payload)
}

/// Saves the office's public key into the documents folder.
#[tauri::command(async)]
pub fn export_office_key(
    db: State<'_, Database>,
    session: State<'_, Session>,
    outputs: State<'_, Outputs>,
) -> Result<SavedFile, CommandError> {
    export_office_key_in(&db, &session, &outputs)
}
