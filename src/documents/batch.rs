//! Batch printing for delivery: the van carries a stack of finished permits, so the office picks the issued
//! permits by village, issue date or by hand and prints them as one PDF, each print logged like a single one.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::certificate::{log_print, prepare_print};
use crate::actor::{Actor, Role};
use crate::cases::{self, CaseId, Status};
use crate::db::Db;
use crate::people::applicants;
use crate::print::{self, EnvelopeLabel};
use crate::store::trips::TripId;
use crate::store::{areas, deliveries, trips};
use crate::{Error, Result};

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

/// The cases a selection names, in print order (village, then permit number; a hand-picked list as given).
/// Refuses an empty result, an unknown village and a picked case that has no issued permit.
pub fn select(db: &Db, sel: &Selection) -> Result<Vec<CaseId>> {
    let ids = match sel {
        Selection::Village { code } => {
            if !areas::village_exists(db, code)? {
                return Err(Error::not_found("village", code));
            }
            crate::store::cases::undelivered_in_village(db, code)?
        }
        Selection::IssuedBetween { from, to } => {
            if from > to {
                return Err(Error::invalid(
                    "from",
                    format!("the range starts ({from}) after it ends ({to})"),
                ));
            }
            crate::store::cases::issued_between(db, *from, *to)?
        }
        Selection::Trip { trip } => {
            if trips::status(db, *trip)?.is_none() {
                return Err(Error::not_found("trip", trip));
            }
            deliveries::cases_in_stop_order(db, *trip)?
        }
        Selection::Cases { ids } => {
            for id in ids {
                match crate::store::cases::status(db, *id)? {
                    None => return Err(Error::not_found("case", id)),
                    Some(s) if !Status::HAS_PERMIT.contains(&s) => {
                        return Err(Error::Transition(format!(
                            "case {id} has no issued permit to print in a batch"
                        )))
                    }
                    Some(_) => {}
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

/// The roles that print batches: the counter, the head of office, the van and the admin (the verifier
/// checks files; it prints single certificates, not stacks for delivery).
pub const BATCH_PRINTERS: &[Role] = &[Role::Clerk, Role::Signer, Role::Courier, Role::Admin];

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
/// comes back. The certificates are prepared and assembled from one read snapshot, without holding the
/// register's write lock, so every other desk and screen goes on meanwhile; then every print is logged in
/// one short transaction. Should another print of one of them land in between, the batch is prepared again
/// so originals and copies are marked right.
pub fn print_batch(
    db: &mut Db,
    actor: &Actor,
    now: DateTime<Utc>,
    sel: &Selection,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<Option<PrintedBatch>> {
    actor.require(BATCH_PRINTERS, "print certificates in a batch")?;
    for _ in 0..3 {
        let prepared = db.read(|snap| {
            let cases = select(snap, sel)?;
            let total = cases.len();
            let mut docs = Vec::with_capacity(total);
            let mut prints = Vec::with_capacity(total);
            for (i, id) in cases.iter().enumerate() {
                let (doc, copy) = prepare_print(snap, *id, true)?;
                prints.push(copy);
                docs.push(doc);
                if !progress(i + 1, total) {
                    return Ok(None);
                }
            }
            print::share_logos(&mut docs);
            let pdf = print::certificates_pdf(&docs, now)?;
            Ok(Some((cases, prints, pdf)))
        })?;
        let Some((cases, prints, pdf)) = prepared else {
            return Ok(None);
        };
        // Assembling the file takes longer than preparing the certificates: a cancel pressed meanwhile
        // still counts, so `progress` is asked once more before anything is logged.
        if !progress(cases.len(), cases.len()) {
            return Ok(None);
        }
        let logged = db.write(|tx| {
            for (id, copy) in cases.iter().zip(&prints) {
                let Some(copy) = copy else { continue };
                if crate::store::events::count_for_case(tx, *id, "certificate.print")? != *copy {
                    return Ok(false);
                }
                log_print(tx, actor, now, *id, *copy)?;
            }
            Ok(true)
        })?;
        if logged {
            let copies = prints.iter().filter(|c| c.is_some_and(|c| c > 0)).count();
            return Ok(Some(PrintedBatch { pdf, cases, copies }));
        }
    }
    Err(Error::Busy(
        "other prints of these certificates keep landing while the batch is made; try again".into(),
    ))
}

/// The envelope label sheet for the permits of a selection, in the batch's order, for the roles that print
/// batches (a label carries the holder's name and address). Reading only: labels are not the permit, so
/// printing them is not logged.
pub fn labels(db: &Db, actor: &Actor, sel: &Selection, now: DateTime<Utc>) -> Result<Vec<u8>> {
    actor.require(BATCH_PRINTERS, "print envelope labels")?;
    let labels = select(db, sel)?
        .into_iter()
        .map(|id| {
            let case = cases::get(db, id)?;
            let ap = applicants::get(db, case.applicant_id)?;
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
