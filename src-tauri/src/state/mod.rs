//! What the commands share while the app runs: the register and its connections, who is signed in, the
//! files the window wrote, the running batch, the import file picked in the dialog, the settings files
//! beside the register, and the automatic backups that run on their own.

pub mod auto_backup;
mod batch;
mod beside;
mod database;
mod outputs;
mod picked;
mod session;

pub use batch::BatchControl;
pub use beside::AutoBackup;
pub use database::Database;
pub use outputs::{file_name, file_safe, stamp, Outputs, SavedFile};
pub use picked::PickedImport;
pub use session::Session;
