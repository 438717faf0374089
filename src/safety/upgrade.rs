//! Starting a newer Petromaks on an older register: a checked copy of the register as it is goes into its
//! backup folder first, then the migrations run (one transaction), and the program says so. If the
//! upgrade fails, the register is left (or put back) as it was, and the error names the problem and the
//! copy. The window and the command line open registers through [`open`].

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::{backup, folder, restore};
use crate::db::{Address, Db};
use crate::{Error, Result};

/// What opening a register upgraded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Upgraded {
    /// This program's version.
    pub version: &'static str,
    /// The register's schema before and after.
    pub from: usize,
    pub to: usize,
    /// The checked copy of the register as it was; `None` on the office server, which its owner backs up
    /// with `pg_dump` before running `petromaks server init` (the desks' role may not change the schema).
    pub backup: Option<PathBuf>,
}

impl Upgraded {
    /// The sentence the command line prints (the window words it from the fields).
    pub fn message(&self) -> String {
        let copy = match &self.backup {
            Some(b) => format!("a checked copy of it as it was is at {}", b.display()),
            None => "no copy was taken on the server (its owner backs it up with pg_dump)".into(),
        };
        format!(
            "Petromaks {} upgraded the register from schema {} to {}; {copy}",
            self.version, self.from, self.to
        )
    }
}

/// A register opened by [`open`], with the upgrade the opening performed.
pub struct Opened {
    pub db: Db,
    pub upgraded: Option<Upgraded>,
}

/// Opens an existing register like [`Db::open`]; when this program must migrate a register file, a
/// checked copy goes into its backup folder first (the one beside the register when the chosen folder,
/// an unplugged disk perhaps, cannot take it). A failed copy stops the open with nothing changed.
pub fn open(address: &Address, now: DateTime<Utc>) -> Result<Opened> {
    let Address::File(path) = address else {
        let db = Db::open(address)?;
        let upgraded = db.upgrade().map(|u| Upgraded {
            version: env!("CARGO_PKG_VERSION"),
            from: u.from,
            to: u.to,
            backup: None,
        });
        return Ok(Opened { db, upgraded });
    };
    let mut taken: Option<(PathBuf, usize)> = None;
    let opened = Db::open_with(address, &mut |db, up| {
        let copy = copy_before(db, path, now)?;
        taken = Some((copy, up.from));
        Ok(())
    });
    match (opened, taken) {
        (Ok(db), taken) => {
            let upgraded = db.upgrade().map(|u| Upgraded {
                version: env!("CARGO_PKG_VERSION"),
                from: u.from,
                to: u.to,
                backup: taken.map(|(copy, _)| copy),
            });
            Ok(Opened { db, upgraded })
        }
        (Err(e @ Error::Migration(_)), Some((copy, from))) => {
            Err(recover(path, &copy, from, &e, now))
        }
        (Err(e), _) => Err(e),
    }
}

/// The checked copy before an upgrade: into the register's backup folder, else `backups/` beside it.
fn copy_before(db: &Db, register: &Path, now: DateTime<Utc>) -> Result<PathBuf> {
    let chosen = folder::dir_for(register);
    let first = match folder::take_before_upgrade(db, &chosen, now) {
        Ok(b) => return Ok(b.path),
        Err(e) => e,
    };
    let beside = folder::default_dir(register);
    if beside != chosen {
        if let Ok(b) = folder::take_before_upgrade(db, &beside, now) {
            return Ok(b.path);
        }
    }
    Err(Error::Migration(format!(
        "this Petromaks must upgrade the register, and the checked copy that comes first could not \
         be written to {} ({first}); nothing was changed",
        chosen.display()
    )))
}

/// After a failed migration: the migrations ran in one transaction, so the register is normally as it
/// was; that is checked, and if it is not, the copy taken just before goes back in its place (the file
/// the failed upgrade left is kept aside).
fn recover(register: &Path, copy: &Path, from: usize, error: &Error, now: DateTime<Utc>) -> Error {
    if backup::check(register).ok() == Some(from) {
        return Error::Migration(format!(
            "{error}. The register was left as it was (schema {from}, checked); a copy from just \
             before is at {}",
            copy.display()
        ));
    }
    Error::Migration(match restore::restore(copy, register, now) {
        Ok(r) => format!(
            "{error}. The register was put back from the copy taken just before ({}){}",
            copy.display(),
            r.replaced_kept_at
                .map(|p| format!("; the file the upgrade left is kept at {}", p.display()))
                .unwrap_or_default()
        ),
        Err(again) => format!(
            "{error}. Putting back the copy taken just before ({}) failed too ({again}): restore \
             it with `petromaks restore`",
            copy.display()
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_register_the_failed_upgrade_damaged_is_put_back_from_the_copy(
    ) -> std::result::Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("r.sqlite");
        let now = Utc::now();
        let db = Db::create(&Address::File(path.clone()))?;
        let copy = folder::take_before_upgrade(&db, &dir.path().join("backups"), now)?;
        drop(db);
        assert!(folder::is_before_upgrade(&copy));
        std::fs::write(
            &path,
            b"what a crash in the middle of an upgrade could leave",
        )?;

        let latest = crate::db::latest_version();
        let error = Error::Migration("upgrading failed: disk I/O error".into());
        let e = recover(&path, &copy.path, latest, &error, now).to_string();
        assert!(
            e.contains("disk I/O error") && e.contains("put back"),
            "{e}"
        );
        assert_eq!(backup::check(&path)?, latest);

        // An intact register at its old schema is left alone.
        let e = recover(&path, &copy.path, latest, &error, now).to_string();
        assert!(e.contains("left as it was"), "{e}");
        Ok(())
    }
}
