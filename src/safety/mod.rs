//! Keeping the register safe: checked backups taken while the app is in use, a folder of them thinned by a
//! rotation, each with a witness of the audit chain beside it, a start-up check that notices a damaged
//! file before anything writes to it, a restore that keeps the replaced register aside, and a checked copy
//! before a newer Petromaks upgrades a register.

pub mod backup;
pub mod folder;
pub mod privacy;
pub mod restore;
pub mod server;
pub mod upgrade;

pub use backup::{backup_to, check};
pub use folder::{BackupFile, Keep, KeptFor, Taken};
pub use restore::{health, Health, HealthStatus, Restored};
