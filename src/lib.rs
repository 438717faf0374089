//! Petromaks core: everything a regency permit office knows, testable without a window.
//!
//! The desktop shell (`src-tauri`) and the command line (`src/bin/petromaks`) are two front doors to the
//! functions here; nothing in this crate knows about Tauri, windows or JavaScript. Every rule lives here:
//! role checks, validation, state transitions, what a screen may show. Reads take a `&Db`; writes take a
//! `&mut Db`, the acting user and the time, check the role, and write the audit row in the same
//! transaction as the change. `docs/architecture.md` draws the layers.
//!
//! The folders, bottom up (no folder imports one above it):
//! - leaves: [`error`], [`time`], [`text`], [`private`], [`spreadsheet`], [`actor`], [`about`]
//! - [`db`]: the register's address, its two engines, migrations; [`store`]: every SQL statement
//! - [`audit`] (events, chain, witnesses, the office key), [`people`], [`office`], [`catalogue`]
//! - [`cases`], [`documents`] (with the [`print`] layout kit), [`van`], [`reports`], [`exchange`], [`safety`]
#![forbid(unsafe_code)]

pub mod about;
pub mod actor;
pub mod audit;
pub mod cases;
pub mod catalogue;
pub mod db;
pub mod documents;
pub mod error;
pub mod exchange;
pub mod office;
pub mod people;
pub mod print;
pub mod private;
pub mod reports;
pub mod safety;
pub mod spreadsheet;
pub mod store;
pub mod text;
pub mod time;
pub mod van;

pub use documents::format;
pub use error::{Error, Result};
pub use people::identity;
