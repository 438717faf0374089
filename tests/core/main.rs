//! Integration tests of the core on real SQLite files (one binary; modules mirror `src/`).

mod support;

mod accounts;
mod audit;
mod backups;
mod batch;
mod catalogue;
mod cli;
mod concurrency;
mod crash;
mod custody;
mod dashboards;
mod delivery;
mod holidays;
mod hostile;
mod identity;
mod lifecycle;
mod manifest;
mod numbering;
mod papers_cli;
mod pdf;
mod printer;
mod schema;
mod sla;
mod survey;
mod transfer;
mod van_cli;
mod verification;
