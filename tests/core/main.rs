//! Integration tests of the core on a real register: a fresh SQLite file per test, or, with
//! `PETROMAKS_TEST_PG` set, a fresh PostgreSQL database per test (see `support::register`). One binary;
//! modules mirror `src/`. Tests that only make sense on a file say so and are skipped on the server.

mod support;

mod access;
mod accounts;
mod applicants;
mod architecture;
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
mod demo;
mod holidays;
mod hostile;
mod identity;
mod lifecycle;
mod manifest;
mod numbering;
mod papers_cli;
mod pdf;
mod printer;
#[cfg(unix)]
mod privacy;
mod schema;
mod sla;
mod submissions;
mod survey;
mod transfer;
mod upgrade;
mod van_cli;
mod verification;
