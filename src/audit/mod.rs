//! The audit trail and the office's seal on it: who did what to a case or to the office's settings, when
//! and why (`events`), written in the same transaction as the change; the hash chain that makes an edit
//! behind the app's back visible (`chain`); the witnesses of the chain kept outside the register
//! (`witness`); the log an admin reads (`log`); and the office key that signs certificates and witnesses
//! (`key`).

pub mod chain;
mod events;
pub mod key;
mod log;
pub mod outbox;
pub mod witness;

pub use crate::store::events::{CaseEvent, Chain};
pub use chain::{verify, BrokenLink, ChainReport, Verification};
pub use events::{admin_event, case_event, case_events, Change};
pub use log::{list, AuditEntry, AuditFilter};
