//! The desktop's command tests: each area's `*_in` functions called as the window calls them, against a
//! real register file in a fresh temp folder, with the state the app manages (database, session,
//! outputs, batch and export control). No window is opened.

pub mod fixture;

mod account;
mod admin;
mod documents;
mod jobs;
mod offline;
#[cfg(unix)]
mod program;
mod register;
mod reports;
mod safety;
mod transfer;
mod van;
