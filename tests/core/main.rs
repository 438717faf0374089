//! Integration tests of the core on real SQLite files (one binary; modules mirror `src/`).

mod support;

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
mod pdf;
mod schema;
mod sla;
mod survey;
mod van_cli;
