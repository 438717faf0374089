//! The `survey_responses` table: the SKM survey (PermenPANRB 14/2017), nine items scored 1–4, one
//! response per handed-over case.

use chrono::NaiveDate;

use super::cases::CaseId;
use crate::actor::UserId;
use crate::db::{Db, Tx};
use crate::Result;

/// Whether a case already has a response.
pub fn exists(db: &Db, case: CaseId) -> Result<bool> {
    db.value(
        "SELECT EXISTS (SELECT 1 FROM survey_responses WHERE case_id = ?1)",
        &[&case],
    )
}

/// Stores a response.
pub fn insert(tx: &Tx, case: CaseId, day: NaiveDate, s: &[u8; 9], by: UserId) -> Result<()> {
    tx.execute(
        "INSERT INTO survey_responses (case_id, answered_on, u1, u2, u3, u4, u5, u6, u7, u8, u9, recorded_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        &[
            &case, &day, &s[0], &s[1], &s[2], &s[3], &s[4], &s[5], &s[6], &s[7], &s[8], &by,
        ],
    )?;
    Ok(())
}

/// The responses answered in `from..=to` with their case's permit type code, by code then case.
pub fn answered_between(db: &Db, from: NaiveDate, to: NaiveDate) -> Result<Vec<(String, [u8; 9])>> {
    db.map(
        "SELECT p.code, s.u1, s.u2, s.u3, s.u4, s.u5, s.u6, s.u7, s.u8, s.u9
         FROM survey_responses s JOIN cases c ON c.id = s.case_id JOIN permit_types p ON p.id = c.permit_type_id
         WHERE s.answered_on BETWEEN ?1 AND ?2 ORDER BY p.code, s.case_id",
        &[&from, &to],
        |r| {
            let mut a = [0u8; 9];
            for (i, slot) in a.iter_mut().enumerate() {
                *slot = r.get(i + 1)?;
            }
            Ok((r.get(0)?, a))
        },
    )
}
