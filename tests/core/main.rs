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
mod desks;
mod docs;
mod engines;
mod foreign;
mod holidays;
mod hostile;
mod identity;
mod lifecycle;
mod manifest;
mod moving;
mod numbering;
mod papers_cli;
mod pdf;
mod plans;
mod printer;
#[cfg(unix)]
mod privacy;
mod reports;
mod schema;
mod search;
mod server_refusals;
mod sla;
mod submissions;
mod survey;
mod transfer;
mod upgrade;
mod upgrade_dashboards;
mod upgrade_search;
mod van_checkin;
mod van_cli;
mod van_conflicts;
mod van_day;
mod van_files;
mod verification;
