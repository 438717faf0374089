//! The store layer: every SQL statement of the core lives here, one module per table (or per table and
//! the join it owns), behind [`crate::db::Db`] and its two engines. The rest of the core calls these
//! functions and never writes SQL. Rows come back typed: ids as newtypes, days as `NaiveDate`, instants
//! as `DateTime<Utc>`, kinds as enums; a column that does not read as its type is an error, not a default.
//!
//! Statements keep to what SQLite and PostgreSQL both accept (`RETURNING` ids, qualified upsert columns,
//! date arithmetic in Rust, `?N` placeholders); where the engines differ the module says so.
//! Writes take a [`crate::db::Tx`] (they happen inside a command's transaction), reads a `&Db`.

pub mod applicants;
pub mod areas;
pub mod case_documents;
pub mod cases;
pub mod deliveries;
pub mod events;
pub mod holidays;
pub mod intakes;
pub mod keys;
pub mod numbers;
pub mod office;
pub mod permit_types;
pub mod pickups;
pub mod reports;
pub mod surveys;
pub mod tables;
pub mod trips;
pub mod users;
pub mod van_offline;
