//! Petromaks core: everything a regency permit office knows, testable without a window.
//!
//! The desktop shell (`src-tauri`) and the command line (`src/bin/petromaks`) are two front doors to the
//! functions here. Nothing in this crate knows about Tauri, windows or JavaScript.
#![forbid(unsafe_code)]

pub mod error;
pub mod print;

pub use error::{Error, Result};
