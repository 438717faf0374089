//! Which register this computer works on, remembered beside the app's data: the one-computer file, the
//! office server (its address without the password, and the form's values to show again), or a van's
//! file while a trip is checked out to this laptop. The file is the owner's only (`petromaks::private`);
//! the server's password is never in it: it goes to PostgreSQL's own pgpass file (`db::save_password`).
//!
//! At start-up `PETROMAKS_DB` wins over the remembered choice, then the choice, then the app-data file.
//! The choice may be changed while the app runs even when `PETROMAKS_DB` is set (it decides the next start
//! only).

use std::path::PathBuf;

use petromaks::db::{default_file, Address, ServerSettings, DB_ENV};
use serde::{Deserialize, Serialize};

use crate::error::CommandError;

/// What is remembered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    /// The register's address as shown (a server URL never holds a password here).
    pub address: String,
    /// The connection form's values, when the register is the office server.
    #[serde(default)]
    pub server: Option<ServerSettings>,
}

/// Where the window's register came from at start-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// `PETROMAKS_DB`.
    Environment,
    /// The choice remembered on this computer.
    Remembered,
    /// The app-data file (nothing chosen yet).
    Default,
}

/// The settings file and the folder of the van's registers, both beside the app-data register file
/// (elsewhere in tests).
#[derive(Debug, Clone)]
pub struct Remembered {
    local: PathBuf,
    file: PathBuf,
    vans: PathBuf,
}

impl Default for Remembered {
    /// `petromaks.register.json` and `van/` beside the app-data register file.
    fn default() -> Self {
        Remembered::beside(&default_file())
    }
}

impl Remembered {
    /// The settings file and the van folder beside `register` (tests give a temp folder's).
    pub fn beside(register: &std::path::Path) -> Self {
        Remembered {
            local: register.to_path_buf(),
            file: register.with_file_name("petromaks.register.json"),
            vans: register.with_file_name("van"),
        }
    }

    /// This computer's own register file.
    pub fn local(&self) -> &std::path::Path {
        &self.local
    }

    /// Where a van register of a check-out to this laptop is written.
    pub fn van_dir(&self) -> &std::path::Path {
        &self.vans
    }

    /// The remembered choice; a missing or unreadable file means none.
    pub fn choice(&self) -> Option<Choice> {
        let bytes = std::fs::read(&self.file).ok()?;
        serde_json::from_slice(&bytes).ok()
    }

    /// The remembered form values of the office server, if any.
    pub fn server(&self) -> Option<ServerSettings> {
        self.choice().and_then(|c| c.server)
    }

    /// Remembers `address` (and the form's values for a server) for the next start.
    pub fn remember(
        &self,
        address: &Address,
        server: Option<&ServerSettings>,
    ) -> Result<(), CommandError> {
        let choice = Choice {
            address: address.shown(),
            server: server.cloned(),
        };
        let bytes = serde_json::to_vec_pretty(&choice)
            .map_err(|e| CommandError::internal(format!("the register choice: {e}")))?;
        if let Some(dir) = self.file.parent() {
            petromaks::private::create_dir(dir)?;
        }
        petromaks::private::write(&self.file, &bytes)?;
        Ok(())
    }

    /// The register to open at start-up, and why.
    pub fn startup_address(&self) -> (Address, Source) {
        if std::env::var(DB_ENV).is_ok_and(|v| !v.trim().is_empty()) {
            return (Address::default_address(), Source::Environment);
        }
        match self.choice().map(|c| Address::parse(&c.address)) {
            // A remembered file that is gone (a van's file deleted) is not made again as an empty register.
            Some(Address::File(p)) if !p.exists() => {
                (Address::File(self.local.clone()), Source::Default)
            }
            Some(a) => (a, Source::Remembered),
            None => (Address::File(self.local.clone()), Source::Default),
        }
    }
}
