//! Cases: one application for one permit, from the counter (or the van) to the holder's hands.
//!
//! `register` opens a case (once per submission), `lifecycle` moves it through the statuses of DOMAIN.md,
//! `query` reads it back for the screens, `today` counts each role's work for the today strip.

mod lifecycle;
mod query;
mod register;
mod today;

pub use crate::store::case_documents::CaseDocument;
pub use crate::store::cases::{
    Case, CaseFilter, CaseId, CaseSummary, Channel, ServiceMode, SignerOnRecord, Status,
};
pub(crate) use lifecycle::step_tx;
pub use lifecycle::{allowed_moves, move_case, set_document, Move, Rule, Step, RULES};
pub use query::{
    count, detail, documents, find_by_number, get, list, sla, CaseDetail, LabelledValue,
};
pub(crate) use register::register_tx;
pub use register::{register, NewCase, Registered};
pub use today::{today, Tile, TileKey};
