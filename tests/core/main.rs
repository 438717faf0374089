//! Integration tests of the core on real SQLite files (one binary; modules mirror `src/`).

mod support;

mod batch;
mod cli;
mod concurrency;
mod custody;
mod dashboards;
mod delivery;
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
mod verification;
mod survey;
mod van_cli;
