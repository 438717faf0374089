//! The `case_documents` table: a case's checklist, copied from its permit type when it was registered.

use serde::Serialize;

use super::cases::CaseId;
use crate::db::{Db, Param, Tx};
use crate::Result;

/// One line of a case's checklist.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CaseDocument {
    pub position: u32,
    pub label: String,
    pub mandatory: bool,
    pub received: bool,
}

/// A case's checklist in order.
pub fn of_case(db: &Db, id: CaseId) -> Result<Vec<CaseDocument>> {
    db.map(
        "SELECT position, label, mandatory, received FROM case_documents WHERE case_id = ?1 ORDER BY position",
        &[&id],
        |r| {
            Ok(CaseDocument {
                position: r.get(0)?,
                label: r.get(1)?,
                mandatory: r.get(2)?,
                received: r.get(3)?,
            })
        },
    )
}

/// Writes a new case's checklist (one statement for all its lines).
pub fn insert(tx: &Tx, id: CaseId, docs: &[CaseDocument]) -> Result<()> {
    if docs.is_empty() {
        return Ok(());
    }
    let marks: Vec<String> = (0..docs.len())
        .map(|i| {
            let b = 4 * i + 1;
            format!("(?1, ?{}, ?{}, ?{}, ?{})", b + 1, b + 2, b + 3, b + 4)
        })
        .collect();
    let mut params: Vec<&dyn Param> = vec![&id];
    for d in docs {
        params.extend([
            &d.position as &dyn Param,
            &d.label,
            &d.mandatory,
            &d.received,
        ]);
    }
    tx.execute(
        &format!(
            "INSERT INTO case_documents (case_id, position, label, mandatory, received) VALUES {}",
            marks.join(", ")
        ),
        &params,
    )?;
    Ok(())
}

/// The label of the first mandatory document not handed in, if any.
pub fn first_missing(db: &Db, id: CaseId) -> Result<Option<String>> {
    db.value_opt(
        "SELECT label FROM case_documents WHERE case_id = ?1 AND mandatory = 1 AND received = 0
         ORDER BY position LIMIT 1",
        &[&id],
    )
}

/// The label of checklist item `position`, if the case has it.
pub fn label(db: &Db, id: CaseId, position: u32) -> Result<Option<String>> {
    db.value_opt(
        "SELECT label FROM case_documents WHERE case_id = ?1 AND position = ?2",
        &[&id, &position],
    )
}

/// Ticks or unticks a checklist item.
pub fn set_received(tx: &Tx, id: CaseId, position: u32, received: bool) -> Result<()> {
    tx.execute(
        "UPDATE case_documents SET received = ?3 WHERE case_id = ?1 AND position = ?2",
        &[&id, &position, &received],
    )?;
    Ok(())
}
