//! Integration tests of the core on real SQLite files (one binary; modules mirror `src/`).

mod support;

mod accounts;
mod audit;
mod backups;
mod catalogue;
mod cli;
mod concurrency;
mod crash;
mod holidays;
mod hostile;
mod identity;
mod lifecycle;
mod numbering;
mod pdf;
mod schema;
mod sla;
mod transfer;
