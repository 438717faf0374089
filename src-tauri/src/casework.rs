//! The case screen's commands: the detail with the steps the signed-in role may take, taking a step,
//! and saving the certificate or receipt as a PDF file. The actor always comes from [`Session`].

use std::path::PathBuf;

use chrono::Utc;
use petromaks::cases::{self, CaseDetail, CaseId, Move};
use petromaks::documents;
use tauri::State;

use crate::documents::{Outputs, SavedFile};
use crate::error::CommandError;
use crate::session::Session;
use crate::state::Database;

/// Which PDF of a case to save.
#[derive(Debug, Clone, Copy, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PdfKind {
    Certificate,
    Receipt,
}

/// The case with its applicant, checklist, timeline, SLA and the signed-in user's steps.
pub fn case_detail_in(
    db: &Database,
    session: &Session,
    id: CaseId,
) -> Result<CaseDetail, CommandError> {
    let actor = session.actor()?;
    db.with(|conn| cases::detail(conn, Some(&actor), Utc::now(), id))
}

/// Takes one step as the signed-in user; the core checks the role and the reason.
pub fn move_case_in(
    db: &Database,
    session: &Session,
    id: CaseId,
    step: &Move,
) -> Result<CaseDetail, CommandError> {
    let actor = session.actor()?;
    db.with(|conn| {
        cases::move_case(conn, &actor, Utc::now(), id, step)?;
        cases::detail(conn, Some(&actor), Utc::now(), id)
    })
}

/// Where PDFs go: `PETROMAKS_DOCS_DIR`, else the user's documents folder under `Petromaks/`. Chosen here
/// so the webview never picks a path on disk.
pub(crate) fn documents_dir() -> Result<PathBuf, CommandError> {
    if let Some(dir) = std::env::var_os("PETROMAKS_DOCS_DIR") {
        return Ok(PathBuf::from(dir));
    }
    dirs::document_dir()
        .or_else(dirs::home_dir)
        .map(|dir| dir.join("Petromaks"))
        .ok_or_else(|| CommandError::internal("no documents folder is known for this user"))
}

/// Writes the certificate or receipt of a case into the documents folder and returns the file's path.
pub fn save_pdf_in(
    db: &Database,
    session: &Session,
    id: CaseId,
    kind: PdfKind,
) -> Result<String, CommandError> {
    let actor = session.actor()?;
    let (number, bytes) = db.with(|conn| {
        let case = cases::get(conn, id)?;
        // Printing an issued permit is logged; every print after the first is marked SALINAN.
        let bytes = match kind {
            PdfKind::Certificate => {
                documents::print_certificate(conn, &actor, Utc::now(), id, false)?.pdf
            }
            PdfKind::Receipt => documents::receipt(conn, id, Utc::now())?,
        };
        Ok((case.registration_number, bytes))
    })?;
    let prefix = match kind {
        PdfKind::Certificate => "izin",
        PdfKind::Receipt => "tanda-terima",
    };
    let safe: String = number
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect();
    crate::native::write_file(
        &documents_dir()?.join(format!("{prefix}-{safe}.pdf")),
        &bytes,
    )
}

/// The case screen's data.
#[tauri::command(async)]
pub fn case_detail(
    db: State<'_, Database>,
    session: State<'_, Session>,
    id: CaseId,
) -> Result<CaseDetail, CommandError> {
    case_detail_in(&db, &session, id)
}

/// One step of a case's life, as the signed-in user.
#[tauri::command(async)]
pub fn move_case(
    db: State<'_, Database>,
    session: State<'_, Session>,
    id: CaseId,
    step: Move,
) -> Result<CaseDetail, CommandError> {
    move_case_in(&db, &session, id, &step)
}

/// Saves a case's certificate or receipt as a PDF and returns where, with the id to open or print it by.
#[tauri::command(async)]
pub fn save_pdf(
    db: State<'_, Database>,
    session: State<'_, Session>,
    outputs: State<'_, Outputs>,
    id: CaseId,
    kind: PdfKind,
) -> Result<SavedFile, CommandError> {
    let path = save_pdf_in(&db, &session, id, kind)?;
    outputs.keep(PathBuf::from(path))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::account::sign_in_in;
    use crate::testing::{self, TempOffice};
    use petromaks::cases::{CaseFilter, Status};
    use petromaks::office::Office;
    use petromaks::users::{NewUser, Role};

    /// A set-up office with the demo staff and 12 demo cases, removed on drop.
    pub(crate) fn office(
        name: &str,
    ) -> Result<(TempOffice, Database, Session), Box<dyn std::error::Error>> {
        testing::office(&format!("casework-{name}"), Some(12))
    }

    #[test]
    fn a_step_the_role_may_not_take_is_hidden_and_refused() -> Result<(), Box<dyn std::error::Error>>
    {
        let (_dir, db, session) = office("roles")?;
        let received = db.with(|conn| {
            cases::list(
                conn,
                &CaseFilter {
                    status: Some(Status::Received),
                    ..Default::default()
                },
            )
        })?;
        let id = received.first().ok_or("the demo has a received case")?.id;
        sign_in_in(&db, &session, "loket1", petromaks::demo::DEMO_PASSWORD)?;
        let detail = case_detail_in(&db, &session, id)?;
        assert!(
            detail.moves.iter().all(|m| m.to != Status::Verified),
            "a clerk is not offered to declare a file complete"
        );
        let refused = move_case_in(
            &db,
            &session,
            id,
            &Move {
                to: Status::Verified,
                reason: None,
            },
        );
        assert_eq!(refused.map(|_| ()).map_err(|e| e.code), Err("forbidden"));
        let after = case_detail_in(&db, &session, id)?;
        assert_eq!(after.case.status, Status::Received, "nothing changed");
        Ok(())
    }

    #[test]
    fn only_an_admin_adds_users_or_changes_the_office() -> Result<(), Box<dyn std::error::Error>> {
        use crate::settings::{add_user_in, update_office_in};
        let (_dir, db, session) = office("settings")?;
        let clerk = NewUser {
            username: "loket9".into(),
            full_name: "Loket Sembilan".into(),
            role: Role::Clerk,
            password: "rahasia-loket-9".into(),
            nip: None,
        };
        sign_in_in(&db, &session, "loket1", petromaks::demo::DEMO_PASSWORD)?;
        let refused = add_user_in(&db, &session, &clerk);
        assert_eq!(refused.map(|_| ()).map_err(|e| e.code), Err("forbidden"));
        let mut profile = Office::banyuasin_example();
        profile.phone = "(0711) 1234567".into();
        let refused = update_office_in(&db, &session, &profile);
        assert_eq!(refused.map(|_| ()).map_err(|e| e.code), Err("forbidden"));
        sign_in_in(&db, &session, "admin", "rahasia-admin-123")?;
        assert_eq!(add_user_in(&db, &session, &clerk)?.username, "loket9");
        assert_eq!(
            update_office_in(&db, &session, &profile)?.phone,
            "(0711) 1234567"
        );
        Ok(())
    }

    #[test]
    fn nothing_is_done_for_a_window_nobody_is_signed_in_to(
    ) -> Result<(), Box<dyn std::error::Error>> {
        let (_dir, db, session) = office("signed-out")?;
        session.clear()?;
        let refused = case_detail_in(&db, &session, CaseId(1));
        assert_eq!(refused.map(|_| ()).map_err(|e| e.code), Err("signed_out"));
        let wrong = sign_in_in(&db, &session, "admin", "not the password");
        assert_eq!(wrong.map(|_| ()).map_err(|e| e.code), Err("auth"));
        assert_eq!(session.current()?, None);
        Ok(())
    }
}
