//! Batch printing for delivery: the van carries a stack of finished permits, so the office picks the issued
//! permits by village, issue date or by hand and prints them as one PDF, each print logged like a single one.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::cases::CaseId;
use crate::delivery::TripId;
use crate::documents::{self, PRINTERS};
use crate::print::EnvelopeLabel;
use crate::users::Actor;
use crate::{applicants, cases, db, print, Error, Result};

/// Which issued permits a batch prints. New ways to choose (a van trip) are new variants.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "by")]
pub enum Selection {
    /// Permits not yet handed over whose holder lives in this village (its area code).
    Village { code: String },
    /// Permits issued between these office days, both included.
    IssuedBetween { from: NaiveDate, to: NaiveDate },
    /// A hand-picked list, printed in this order.
    Cases { ids: Vec<CaseId> },
    /// The permits assigned to this van trip, in the order of its stops.
    Trip { trip: TripId },
}

/// Statuses in which a case has a permit number and so a final certificate.
const HAS_PERMIT: &str = "('issued', 'out_for_delivery', 'delivered', 'picked_up')";

/// The cases a selection names, in print order (village, then permit number; a hand-picked list as given).
/// Refuses an empty result, an unknown village and a picked case that has no issued permit.
pub fn select(conn: &Connection, sel: &Selection) -> Result<Vec<CaseId>> {
    let ids = match sel {
        Selection::Village { code } => {
            let known: Option<String> = conn
                .query_row("SELECT name FROM villages WHERE code = ?1", [code], |r| {
                    r.get(0)
                })
                .optional()?;
            if known.is_none() {
                return Err(Error::not_found("village", code));
            }
            ids(
                conn,
                "SELECT c.id FROM cases c JOIN applicants a ON a.id = c.applicant_id
                 WHERE a.village_code = ?1 AND c.status IN ('issued', 'out_for_delivery')
                 ORDER BY c.permit_number",
                params![code],
            )?
        }
        Selection::IssuedBetween { from, to } => {
            if from > to {
                return Err(Error::invalid(
                    "from",
                    format!("the range starts ({from}) after it ends ({to})"),
                ));
            }
            ids(
                conn,
                &format!(
                    "SELECT c.id FROM cases c JOIN applicants a ON a.id = c.applicant_id
                     WHERE c.issued_on BETWEEN ?1 AND ?2 AND c.status IN {HAS_PERMIT}
                     ORDER BY a.village_code, c.permit_number"
                ),
                params![from.to_string(), to.to_string()],
            )?
        }
        Selection::Trip { trip } => {
            let known: Option<i64> = conn
                .query_row("SELECT id FROM trips WHERE id = ?1", [trip.0], |r| r.get(0))
                .optional()?;
            if known.is_none() {
                return Err(Error::not_found("trip", trip.0));
            }
            ids(
                conn,
                &format!(
                    "SELECT c.id FROM deliveries d
                     JOIN cases c ON c.id = d.case_id
                     JOIN applicants a ON a.id = c.applicant_id
                     LEFT JOIN trip_stops s ON s.trip_id = d.trip_id AND s.village_code = d.village_code
                     WHERE d.trip_id = ?1 AND c.status IN {HAS_PERMIT}
                     GROUP BY c.id
                     ORDER BY MIN(s.position), c.permit_number"
                ),
                params![trip.0],
            )?
        }
        Selection::Cases { ids } => {
            for id in ids {
                let issued: Option<bool> = conn
                    .query_row(
                        &format!("SELECT status IN {HAS_PERMIT} FROM cases WHERE id = ?1"),
                        [id.0],
                        |r| r.get(0),
                    )
                    .optional()?;
                match issued {
                    None => return Err(Error::not_found("case", id.0)),
                    Some(false) => {
                        return Err(Error::Transition(format!(
                            "case {} has no issued permit to print in a batch",
                            id.0
                        )))
                    }
                    Some(true) => {}
                }
            }
            ids.clone()
        }
    };
    if ids.is_empty() {
        return Err(Error::invalid(
            "selection",
            "no issued permit matches this selection",
        ));
    }
    Ok(ids)
}

fn ids(conn: &Connection, sql: &str, p: impl rusqlite::Params) -> Result<Vec<CaseId>> {
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt
        .query_map(p, |r| Ok(CaseId(r.get(0)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// A printed batch: one PDF and the cases in it, in order.
#[derive(Debug, Clone)]
pub struct PrintedBatch {
    pub pdf: Vec<u8>,
    pub cases: Vec<CaseId>,
    /// How many of them were reprints, marked SALINAN.
    pub copies: usize,
}

/// Prints every certificate of a selection into one PDF, NIK masked. `progress(done, total)` is called
/// after each certificate is prepared, and once more with `(total, total)` when the PDF is assembled, just
/// before the prints are logged; returning `false` cancels, and then nothing is logged and `Ok(None)`
/// comes back. Each certificate is logged as printed (original or copy) in one transaction with the batch.
pub fn print_batch(
    conn: &mut Connection,
    actor: &Actor,
    now: DateTime<Utc>,
    sel: &Selection,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<Option<PrintedBatch>> {
    actor.require(PRINTERS, "print certificates")?;
    let tx = db::write_tx(conn)?;
    let cases = select(&tx, sel)?;
    let total = cases.len();
    let mut docs = Vec::with_capacity(total);
    let mut copies = 0;
    for (i, id) in cases.iter().enumerate() {
        let (doc, copy) = documents::certificate_for_print_tx(&tx, actor, now, *id, true)?;
        if copy.is_some_and(|c| c > 0) {
            copies += 1;
        }
        docs.push(doc);
        if !progress(i + 1, total) {
            return Ok(None);
        }
    }
    let pdf = print::certificates_pdf(&docs, now)?;
    // Assembling the file takes longer than preparing the certificates: a cancel pressed meanwhile still
    // counts, so `progress` is asked once more before anything is logged.
    if !progress(total, total) {
        return Ok(None);
    }
    tx.commit()?;
    Ok(Some(PrintedBatch { pdf, cases, copies }))
}

/// The envelope label sheet for the permits of a selection, in the batch's order. Reading only: labels are
/// not the permit, so printing them is not logged.
pub fn labels(conn: &Connection, sel: &Selection, now: DateTime<Utc>) -> Result<Vec<u8>> {
    let labels = select(conn, sel)?
        .into_iter()
        .map(|id| {
            let case = cases::get(conn, id)?;
            let ap = applicants::get(conn, case.applicant_id)?;
            let village = ap
                .village
                .as_deref()
                .map(|v| format!(", Desa/Kel. {v}"))
                .unwrap_or_default();
            Ok(EnvelopeLabel {
                name: ap.name,
                address: format!("{}{village}", ap.address),
                registration_line: format!("No. Reg: {}", case.registration_number),
                permit_line: format!("No. Izin: {}", case.permit_number.as_deref().unwrap_or("-")),
            })
        })
        .collect::<Result<Vec<_>>>()?;
    print::labels_pdf(&labels, now)
}
