//! What the commands share while the app runs: the register and its connections, which register this
//! computer remembers, who is signed in, the files the window wrote, the running batch and export, the
//! files picked in the dialog, the settings files beside the register, the watcher that keeps the screens
//! live, and the automatic backups that run on their own.

pub mod auto_backup;
mod beside;
pub mod blocking;
pub mod choice;
mod chosen;
pub mod control;
mod database;
pub mod live;
mod outputs;
mod picked;
mod session;

pub use beside::AutoBackup;
pub use choice::Remembered;
pub use chosen::{Ca, Chosen, OfficeFile};
pub use control::{BatchControl, ExportControl};
pub use database::Database;
pub use live::Live;
pub use outputs::{file_name, file_safe, stamp, Outputs, SavedFile};
pub use picked::PickedImport;
pub use session::Session;
