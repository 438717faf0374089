//! Keeping the register safe: checked backups taken while the app is in use, a folder of them thinned by a
//! rotation, each with a witness of the audit chain beside it, a start-up check that notices a damaged
//! file before anything writes to it (and the thorough check of every page, in the background), a restore
//! that keeps the replaced register aside, and a checked copy before a newer Petromaks upgrades a register.

pub mod backup;
pub mod folder;
pub mod integrity;
pub mod privacy;
pub mod restore;
pub mod server;
pub mod upgrade;

pub use backup::{backup_to, check};
pub use folder::{BackupFile, Keep, KeptFor, Taken};
pub use integrity::FullCheck;
pub use restore::{health, start_up, Health, HealthStatus, Restored};
