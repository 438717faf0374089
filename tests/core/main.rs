//! Integration tests of the core on real SQLite files (one binary; modules mirror `src/`).

mod support;

mod batch;
mod cli;
mod concurrency;
mod hostile;
mod identity;
mod lifecycle;
mod numbering;
mod papers_cli;
mod pdf;
mod printer;
mod schema;
mod sla;
mod verification;
