//! The register's doors to other files: importing applicants and cases from a spreadsheet (a dry run
//! first, then all or nothing), exporting them for a spreadsheet or another system, and a believable demo
//! register to try the app with.

pub mod demo;
pub mod export;
pub mod import;
