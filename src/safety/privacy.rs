//! Whether a register's files are still the owner's alone. New files are created owner-only
//! ([`crate::private`]), but a register written by an older Petromaks, copied in by hand or restored by
//! another tool may be readable by every account on a shared office computer: this finds those files and
//! folders, and the admin's fix makes them private again (files `0600`, folders `0700`).
//!
//! What is looked at: the register file with its `-wal` and `-shm` and the files Petromaks keeps beside
//! it (the backup folder's name, the last automatic backup, registers kept aside by a restore); the
//! backup folder and the backups and witnesses in it; the app-data folder when the register is the
//! default one in it; and the folders the caller names as Petromaks' own (the window's documents and
//! settings folders). A folder the admin chose for the register is not changed, only the register's
//! files in it: it may be shared with other things. On Windows there is
//! nothing to find: the files live in the user's own profile, private by its access list.

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::folder;
use crate::actor::Actor;
use crate::audit::witness;
use crate::db::default_file;
use crate::Result;

/// One file or folder other accounts can read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Exposed {
    pub path: PathBuf,
    /// `file` or `folder`.
    pub kind: &'static str,
    /// Its permission bits as `ls -l` would show them in octal (`0644`).
    pub mode: String,
}

/// What a check found: nothing means the register's data is the owner's alone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Privacy {
    pub exposed: Vec<Exposed>,
    /// What a fix could not change, with the reason (a file of another account, a FAT-formatted disk).
    pub not_fixed: Vec<String>,
}

/// What Petromaks keeps beside a register file `r.sqlite`, after its name: its WAL and shared memory, the
/// registers a restore kept aside, a restore in progress.
const AFTER_NAME: &[&str] = &["-wal", "-shm", ".replaced-", ".restoring"];
/// ... and after its stem (`r`): the backup folder's name (the core's), the last automatic backup (the
/// window's).
const AFTER_STEM: &[&str] = &[".backup-folder", ".last-backup.json"];

/// Whether `entry` in the register's folder is one of the register's own files.
fn is_register_file(entry: &str, name: &str, stem: &str) -> bool {
    entry == name
        || entry
            .strip_prefix(name)
            .is_some_and(|rest| AFTER_NAME.iter().any(|a| rest.starts_with(a)))
        || entry
            .strip_prefix(stem)
            .is_some_and(|rest| AFTER_STEM.contains(&rest))
}

/// The files and folders holding the register's data, each with whether it is a folder.
fn places(register: &Path, own_folders: &[&Path]) -> Result<Vec<(PathBuf, bool)>> {
    let mut out = Vec::new();
    let name = register.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let stem = register.file_stem().and_then(|n| n.to_str()).unwrap_or("");
    let dir = register
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if default_file().parent() == Some(dir) {
        out.push((dir.to_path_buf(), true));
    }
    if dir.is_dir() && !name.is_empty() {
        for entry in std::fs::read_dir(dir)? {
            let entry = entry?;
            let n = entry.file_name();
            let mine = n.to_str().is_some_and(|n| is_register_file(n, name, stem));
            if mine && entry.file_type()?.is_file() {
                out.push((entry.path(), false));
            }
        }
    }
    let backups = folder::dir_for(register);
    if backups.is_dir() {
        out.push((backups.clone(), true));
        for b in folder::list(&backups)? {
            out.push((b.path, false));
        }
        let w = backups.join(witness::FILE);
        if w.is_file() {
            out.push((w, false));
        }
    }
    for f in own_folders.iter().filter(|f| f.is_dir()) {
        out.push((f.to_path_buf(), true));
    }
    out.sort();
    out.dedup();
    Ok(out)
}

/// Finds the register's files and folders that other accounts of this computer can read. Reads only
/// their permissions. `own_folders` are folders Petromaks made for itself (checked, and fixed as a
/// whole).
pub fn check(register: &Path, own_folders: &[&Path]) -> Result<Privacy> {
    let mut exposed = Vec::new();
    for (path, is_dir) in places(register, own_folders)? {
        if crate::private::is_private(&path)? {
            continue;
        }
        let mode = crate::private::mode(&path)?.unwrap_or(0);
        exposed.push(Exposed {
            path,
            kind: if is_dir { "folder" } else { "file" },
            mode: format!("{mode:04o}"),
        });
    }
    Ok(Privacy {
        exposed,
        not_fixed: Vec::new(),
    })
}

/// [`check`] for the window, where only the admin is told (and may fix it).
pub fn check_as(actor: &Actor, register: &Path, own_folders: &[&Path]) -> Result<Privacy> {
    actor.require_admin("see whether the register's files are private")?;
    check(register, own_folders)
}

/// Makes what [`check`] found owner-only (admin), and checks again: what is still exposed is listed with
/// the reason it could not be changed.
pub fn fix(actor: &Actor, register: &Path, own_folders: &[&Path]) -> Result<Privacy> {
    actor.require_admin("make the register's files private")?;
    let mut not_fixed = Vec::new();
    for e in check(register, own_folders)?.exposed {
        let done = if e.kind == "folder" {
            crate::private::restrict_dir(&e.path)
        } else {
            crate::private::restrict(&e.path)
        };
        if let Err(why) = done {
            not_fixed.push(format!("{}: {why}", e.path.display()));
        }
    }
    let mut after = check(register, own_folders)?;
    after.not_fixed = not_fixed;
    Ok(after)
}

#[cfg(test)]
mod tests {
    use super::is_register_file;

    #[test]
    fn only_the_register_s_own_files_count() {
        let own = |e| is_register_file(e, "office.sqlite", "office");
        for e in [
            "office.sqlite",
            "office.sqlite-wal",
            "office.sqlite-shm",
            "office.sqlite.replaced-20261201-101500",
            "office.backup-folder",
            "office.last-backup.json",
        ] {
            assert!(own(e), "{e}");
        }
        for e in ["office.docx", "office.sqlite.bak", "other.sqlite", "office"] {
            assert!(!own(e), "{e}");
        }
    }
}
