//! Keeping the register safe: checked backups taken while the app is in use, a folder of them thinned by a
//! rotation, each with a witness of the audit chain beside it, a start-up check that notices a damaged
//! file before anything writes to it (and the thorough check of every page, in the background), and a restore that keeps the replaced register aside.

pub mod backup;
pub mod folder;
pub mod integrity;
pub mod restore;
pub mod server;

pub use backup::{backup_to, check};
pub use folder::{BackupFile, Keep, KeptFor, Taken};
pub use integrity::FullCheck;
pub use restore::{health, start_up, Health, HealthStatus, Restored};
