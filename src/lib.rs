//! Petromaks core: everything a regency permit office knows, testable without a window.
//!
//! The desktop shell (`src-tauri`) and the command line (`src/bin/petromaks`) are two front doors to the
//! functions here. Nothing in this crate knows about Tauri, windows or JavaScript. Reads take a
//! `&Connection`; writes take a `&mut Connection`, the acting user and the time, check the role and write
//! the audit row in the same transaction as the change.
#![forbid(unsafe_code)]

pub mod sql_enum;

pub mod accounts;
pub mod applicants;
pub mod audit;
pub mod audit_chain;
pub mod audit_log;
pub mod backup;
pub mod backup_folder;
pub mod batch;
pub mod calendar;
pub mod cases;
pub mod catalogue;
pub mod certificate_snapshot;
pub mod dashboards;
pub mod db;
pub mod delivery;
pub mod demo;
pub mod documents;
pub mod error;
pub mod export;
pub mod format;
pub mod holidays;
pub mod identity;
pub mod import;
pub mod numbering;
pub mod office;
pub mod permit_types;
pub mod photos;
pub mod print;
pub mod printer;
pub mod restore;
pub mod setup;
pub mod survey;
pub mod text;
pub mod time;
pub mod users;
pub mod verification;

pub use error::{Error, Result};
