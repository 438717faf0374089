//! Cases: one application for one permit, from the counter (or the van) to the holder's hands.
//!
//! `register` opens a case, `lifecycle` moves it through the statuses of DOMAIN.md, `query` reads it back.

mod lifecycle;
mod query;
mod register;

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::sql_enum;
use crate::{office, time, Result};

pub(crate) use lifecycle::move_case_tx;
pub use lifecycle::{allowed_moves, move_case, set_document, Move, Rule, SignerOnRecord, RULES};
pub use query::{
    detail, documents, find_by_number, get, list, sla, Case, CaseDetail, CaseDocument, CaseFilter,
    CaseSummary,
};
pub(crate) use register::register_tx;
pub use register::{register, NewCase};

/// Newtype id of a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CaseId(pub i64);

sql_enum! {
    /// Where an application stands (DOMAIN.md, "An application's life").
    pub enum Status {
        Received = "received",
        Returned = "returned",
        Verified = "verified",
        InReview = "in_review",
        Approved = "approved",
        Rejected = "rejected",
        Issued = "issued",
        OutForDelivery = "out_for_delivery",
        Delivered = "delivered",
        PickedUp = "picked_up",
        Withdrawn = "withdrawn",
    }
}

impl Status {
    /// A case in one of these statuses is finished: nothing more happens to it.
    pub fn is_final(self) -> bool {
        matches!(
            self,
            Status::Rejected | Status::Delivered | Status::PickedUp | Status::Withdrawn
        )
    }
}

sql_enum! {
    /// Where the application was handed in.
    pub enum Channel {
        Counter = "counter",
        Van = "van",
    }
}

sql_enum! {
    /// What the applicant asks for.
    pub enum ServiceMode {
        New = "baru",
        Renewal = "perpanjangan",
        Change = "perubahan",
        Revocation = "pencabutan",
        Copy = "salinan",
    }
}

/// The office's calendar day now (the office's UTC offset; WIB before setup).
pub fn office_today(conn: &Connection, now: DateTime<Utc>) -> Result<NaiveDate> {
    let offset = office::get(conn)?
        .map(|o| o.utc_offset_minutes)
        .unwrap_or(time::WIB_MINUTES);
    Ok(time::local_day(now, offset))
}
