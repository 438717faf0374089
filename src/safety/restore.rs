//! Getting the register back: a start-up health check that notices a damaged file before anything writes
//! to it, and a restore that checks the backup first and keeps the replaced database aside.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::backup;
use super::folder::{self as backup_folder, BackupFile};
use super::integrity::{self, FullCheck};
use crate::actor::Actor;
use crate::{Error, Result};

/// The state of the database file at start-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HealthStatus {
    /// Readable, intact, a schema this program knows.
    Ok,
    /// No file yet: first run.
    Missing,
    /// Unreadable, damaged, or not a Petromaks register: offer the latest good backup.
    Damaged,
}

/// What the start-up check found, and the backup to offer when the file is damaged.
#[derive(Debug, Clone, Serialize)]
pub struct Health {
    pub status: HealthStatus,
    pub message: String,
    pub latest_good_backup: Option<BackupFile>,
    /// The last thorough check of every page (in the background, daily and before each backup).
    pub last_full_check: Option<FullCheck>,
}

fn damaged(message: String, backup_dir: Option<&Path>) -> Result<Health> {
    let latest = match backup_dir {
        Some(d) => backup_folder::latest_good(d)?,
        None => None,
    };
    let offer = match &latest {
        Some(b) => format!(
            "; the latest good backup is {} ({})",
            b.path.display(),
            crate::time::stamp(b.taken_at)
        ),
        None => "; no good backup was found".to_string(),
    };
    Ok(Health {
        status: HealthStatus::Damaged,
        message: format!("the register cannot be used: {message}{offer}"),
        latest_good_backup: latest,
        last_full_check: None,
    })
}

/// The check at each start of the app, instant at any size: the file's header, schema version and
/// application id, and what the last thorough check found (a damaged page found in the background keeps
/// the register refused until it is restored). Read-only. Finds the newest good backup in `backup_dir`
/// when the register is damaged.
pub fn start_up(path: &Path, backup_dir: Option<&Path>) -> Result<Health> {
    if !path.exists() {
        return health(path, backup_dir);
    }
    let last_full_check = integrity::last(path);
    let cheap = crate::db::file::check_register(path).and_then(|h| {
        if h.user_version == 0 || h.user_version as usize > crate::db::latest_version() {
            Err(Error::Corrupt(format!(
                "{} has schema version {}, not a register this program can open",
                path.display(),
                h.user_version
            )))
        } else {
            Ok(h.user_version)
        }
    });
    let mut h = match (&cheap, &last_full_check) {
        (Err(e), _) => damaged(e.to_string(), backup_dir)?,
        (Ok(_), Some(c)) if !c.ok => damaged(
            format!(
                "the thorough check of {} found it damaged: {}",
                crate::time::stamp(c.at),
                c.message
            ),
            backup_dir,
        )?,
        (Ok(version), _) => Health {
            status: HealthStatus::Ok,
            message: format!("{} opens (schema {version})", path.display()),
            latest_good_backup: None,
            last_full_check: None,
        },
    };
    h.last_full_check = last_full_check;
    Ok(h)
}

/// The thorough check: reads every page of the database file without writing to it and, if it is
/// damaged, finds the newest good backup in `backup_dir`. Minutes for a big register: `petromaks
/// health` runs it, the app runs [`start_up`] and the background check.
pub fn health(path: &Path, backup_dir: Option<&Path>) -> Result<Health> {
    if !path.exists() {
        return Ok(Health {
            status: HealthStatus::Missing,
            message: format!("{} does not exist yet", path.display()),
            latest_good_backup: None,
            last_full_check: None,
        });
    }
    match backup::check(path) {
        Ok(version) => Ok(Health {
            status: HealthStatus::Ok,
            message: format!("{} is intact (schema {version})", path.display()),
            latest_good_backup: None,
            last_full_check: None,
        }),
        Err(e) => damaged(e.to_string(), backup_dir),
    }
}

/// What a restore did.
#[derive(Debug, Clone, Serialize)]
pub struct Restored {
    pub from: PathBuf,
    pub to: PathBuf,
    pub schema_version: usize,
    /// Where the database that was replaced now lives (None when there was none).
    pub replaced_kept_at: Option<PathBuf>,
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

/// Replaces the database at `to` with the backup `from`. The backup is checked (`integrity_check`, schema
/// version) and copied beside the target before anything is replaced; the old database (with its WAL) is
/// renamed to `<to>.replaced-<time>` and kept. Every connection to `to` must be closed first.
pub(crate) fn restore(from: &Path, to: &Path, now: DateTime<Utc>) -> Result<Restored> {
    if !from.is_file() {
        return Err(Error::invalid(
            "from",
            format!("{} is not a file", from.display()),
        ));
    }
    if from.canonicalize().ok() == to.canonicalize().ok() && to.exists() {
        return Err(Error::invalid(
            "from",
            "the backup and the database are the same file",
        ));
    }
    backup::check(from)?;
    if let Some(dir) = to.parent().filter(|d| !d.as_os_str().is_empty()) {
        crate::private::create_dir(dir)?;
    }
    let staged = with_suffix(to, ".restoring");
    if staged.exists() {
        std::fs::remove_file(&staged)?;
    }
    crate::private::copy(from, &staged)?;
    // The copy is checked again where it will live: a bad disk shows here, not after the swap.
    let version = match backup::check(&staged) {
        Ok(v) => v,
        Err(e) => {
            std::fs::remove_file(&staged)?;
            return Err(e);
        }
    };
    let replaced_kept_at = if to.exists() {
        let aside = with_suffix(to, &format!(".replaced-{}", now.format("%Y%m%d-%H%M%S")));
        if aside.exists() {
            std::fs::remove_file(&staged)?;
            return Err(Error::Conflict(format!(
                "{} already exists; try again in a second",
                aside.display()
            )));
        }
        std::fs::rename(to, &aside)?;
        // The WAL belongs to the replaced file: it travels with it and must not be replayed into the backup.
        for ext in ["-wal", "-shm"] {
            let side = with_suffix(to, ext);
            if side.exists() {
                std::fs::rename(&side, with_suffix(&aside, ext))?;
            }
        }
        Some(aside)
    } else {
        None
    };
    std::fs::rename(&staged, to)?;
    // The backup was read through before it went in: that is the new register's thorough check.
    integrity::forget(to)?;
    integrity::record(
        to,
        &integrity::FullCheck {
            at: now,
            ok: true,
            message: format!("restored from {}, checked page by page", from.display()),
            seconds: 0.0,
        },
    )?;
    Ok(Restored {
        from: from.to_path_buf(),
        to: to.to_path_buf(),
        schema_version: version,
        replaced_kept_at,
    })
}

/// Replaces a working register with a checked backup (admin). Every connection to `to` must be closed.
pub fn restore_as(actor: &Actor, from: &Path, to: &Path, now: DateTime<Utc>) -> Result<Restored> {
    actor.require_admin("restore a backup")?;
    restore(from, to, now)
}

/// Replaces a damaged register with a checked backup, without anyone signed in: nobody can sign in to a
/// damaged register, nothing in it can be lost by replacing it (it is kept aside), and only a checked
/// backup goes in its place. Where no register is yet, a backup may be put in place too. A working register
/// is refused: restoring it is the admin's ([`restore_as`]).
pub fn restore_damaged(from: &Path, to: &Path, now: DateTime<Utc>) -> Result<Restored> {
    let h = health(to, None)?;
    if h.status == HealthStatus::Ok {
        return Err(Error::Forbidden(
            "the register is not damaged: an administrator restores it from the backup screen"
                .into(),
        ));
    }
    restore(from, to, now)
}
