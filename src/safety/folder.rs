//! The backup folder the admin picks (an external disk): timestamped copies taken on close, daily while
//! the app runs and on demand, thinned by a rotation so the disk never fills and old history is kept.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};

use super::backup;
use crate::actor::Actor;
use crate::audit::witness;
use crate::db::Db;
use crate::{Error, Result};

/// The file beside a register file that names the backup folder the admin chose. It lives outside the
/// register so the start-up check finds the backups when the register itself is damaged.
fn choice_file(register: &Path) -> PathBuf {
    let mut name = register
        .file_stem()
        .map(|s| s.to_os_string())
        .unwrap_or_else(|| "petromaks".into());
    name.push(".backup-folder");
    register.with_file_name(name)
}

/// The backup folder of the register file at `register`: the admin's choice, else `backups/` beside it.
pub fn dir_for(register: &Path) -> PathBuf {
    if let Ok(text) = std::fs::read_to_string(choice_file(register)) {
        let text = text.trim();
        if !text.is_empty() {
            return PathBuf::from(text);
        }
    }
    default_dir(register)
}

/// The default backup folder of the register file at `register`: `backups/` beside it.
pub fn default_dir(register: &Path) -> PathBuf {
    register.with_file_name("backups")
}

/// Whether the register's backup folder is the default one (no choice saved).
pub fn is_default_dir(register: &Path) -> bool {
    !choice_file(register).exists()
}

/// Remembers `dir` (created owner-only) as the backup folder of the register file at `register` (admin).
pub fn choose_dir(actor: &Actor, register: &Path, dir: &Path) -> Result<()> {
    actor.require_admin("choose the backup folder")?;
    crate::private::create_dir(dir)?;
    let text = dir
        .to_str()
        .ok_or_else(|| Error::invalid("dir", "the folder's name is not valid UTF-8"))?;
    crate::private::write(&choice_file(register), text.as_bytes())
}

const PREFIX: &str = "petromaks-";
const SUFFIX: &str = ".sqlite";
const STAMP: &str = "%Y%m%d-%H%M%S";
/// Marks the backup taken just before a newer Petromaks migrated the register: the rotation keeps it.
const BEFORE_UPGRADE: &str = "-before-upgrade";

/// One backup file in the folder; `taken_at` comes from its name, which Petromaks wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BackupFile {
    pub path: PathBuf,
    pub taken_at: DateTime<Utc>,
    pub bytes: u64,
}

/// How many backups a rotation keeps: the newest of each of the last `daily` days, `weekly` ISO weeks and
/// `monthly` months that have a backup.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Keep {
    pub daily: usize,
    pub weekly: usize,
    pub monthly: usize,
}

impl Default for Keep {
    fn default() -> Self {
        Keep {
            daily: 7,
            weekly: 4,
            monthly: 12,
        }
    }
}

/// What [`take`] did: the new file and the old ones the rotation removed.
#[derive(Debug, Clone, Serialize)]
pub struct Taken {
    pub file: BackupFile,
    pub removed: Vec<PathBuf>,
}

fn name_for(at: DateTime<Utc>) -> String {
    format!("{PREFIX}{}{SUFFIX}", at.format(STAMP))
}

fn parse_name(name: &str) -> Option<DateTime<Utc>> {
    let stamp = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
    let stamp = stamp.strip_suffix(BEFORE_UPGRADE).unwrap_or(stamp);
    NaiveDateTime::parse_from_str(stamp, STAMP)
        .ok()
        .map(|n| n.and_utc())
}

/// Whether `file` is the copy taken before an upgrade (kept until the admin deletes it).
pub fn is_before_upgrade(file: &BackupFile) -> bool {
    file.path
        .file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.ends_with(&format!("{BEFORE_UPGRADE}{SUFFIX}")))
}

/// The Petromaks backups in `dir`, newest first. Other files in the folder are ignored, never touched.
pub fn list(dir: &Path) -> Result<Vec<BackupFile>> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name();
        let Some(taken_at) = name.to_str().and_then(parse_name) else {
            continue;
        };
        let meta = entry.metadata()?;
        if meta.is_file() {
            out.push(BackupFile {
                path: entry.path(),
                taken_at,
                bytes: meta.len(),
            });
        }
    }
    out.sort_by_key(|b| std::cmp::Reverse(b.taken_at));
    Ok(out)
}

/// The Petromaks backups in `dir`, newest first, for the admin's backup screen (an absent folder has
/// none). Backups hold every applicant's data: listing them is the admin's.
pub fn list_for(actor: &Actor, dir: &Path) -> Result<Vec<BackupFile>> {
    actor.require_admin("see the backups")?;
    if !dir.exists() {
        return Ok(Vec::new());
    }
    list(dir)
}

/// Whether a periodic backup is due: none in `dir` yet, or the newest is a day old.
pub fn is_due(dir: &Path, now: DateTime<Utc>) -> Result<bool> {
    if !dir.exists() {
        return Ok(true);
    }
    Ok(match list(dir)?.first() {
        Some(b) => now - b.taken_at >= chrono::Duration::hours(24),
        None => true,
    })
}

/// Takes a checked backup of the register into `dir` (created if needed, owner-only), writes a witness
/// of the audit chain beside it, then rotates the folder (admin: "back up now").
pub fn take(db: &Db, actor: &Actor, dir: &Path, now: DateTime<Utc>, keep: Keep) -> Result<Taken> {
    actor.require_admin("take a backup")?;
    take_automatic(db, dir, now, keep)
}

/// Takes the checked copy of a register file a newer Petromaks is about to migrate, into
/// `dir` under a name the rotation keeps. No witness is written: an old schema may have no audit chain.
pub(crate) fn take_before_upgrade(db: &Db, dir: &Path, now: DateTime<Utc>) -> Result<BackupFile> {
    crate::private::create_dir(dir)?;
    let path = dir.join(format!(
        "{PREFIX}{}{BEFORE_UPGRADE}{SUFFIX}",
        now.format(STAMP)
    ));
    let bytes = backup::write_copy(db, &path, now)?;
    Ok(BackupFile {
        path,
        taken_at: now,
        bytes,
    })
}

/// [`take`] as the app does it on its own: when the last window closes and once a day.
pub fn take_automatic(db: &Db, dir: &Path, now: DateTime<Utc>, keep: Keep) -> Result<Taken> {
    crate::private::create_dir(dir)?;
    let path = dir.join(name_for(now));
    if path.exists() {
        return Err(Error::Conflict(format!(
            "a backup named {} already exists; wait a second and try again",
            path.display()
        )));
    }
    let bytes = backup::write_copy(db, &path, now)?;
    witness::record(db, dir, now)?;
    let removed = rotate(dir, keep)?;
    Ok(Taken {
        file: BackupFile {
            path,
            taken_at: now,
            bytes,
        },
        removed,
    })
}

/// A backup's day, ISO week or month, as a sortable key.
type Bucket = fn(&DateTime<Utc>) -> (i32, u32, u32);

/// Why a rotation keeps a backup: it is the newest of one of the last days, ISO weeks or months.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum KeptFor {
    Daily,
    Weekly,
    Monthly,
    /// Taken before an upgrade: never rotated out.
    BeforeUpgrade,
}

/// For each file a rotation keeps (from a newest-first list), the reasons it is kept; a file absent from
/// the map goes at the next rotation.
pub fn kept_for(files: &[BackupFile], keep: Keep) -> BTreeMap<PathBuf, Vec<KeptFor>> {
    let mut kept: BTreeMap<PathBuf, Vec<KeptFor>> = BTreeMap::new();
    let buckets: [(KeptFor, usize, Bucket); 3] = [
        (KeptFor::Daily, keep.daily, |t| {
            (t.year(), t.month(), t.day())
        }),
        (KeptFor::Weekly, keep.weekly, |t| {
            let w = t.iso_week();
            (w.year(), w.week(), 0)
        }),
        (KeptFor::Monthly, keep.monthly, |t| (t.year(), t.month(), 0)),
    ];
    for f in files.iter().filter(|f| is_before_upgrade(f)) {
        kept.entry(f.path.clone())
            .or_default()
            .push(KeptFor::BeforeUpgrade);
    }
    for (reason, count, bucket) in buckets {
        let mut seen = BTreeSet::new();
        for f in files.iter().filter(|f| !is_before_upgrade(f)) {
            if seen.len() >= count {
                break;
            }
            // Newest first, so the first file of a bucket is its newest.
            if seen.insert(bucket(&f.taken_at)) {
                kept.entry(f.path.clone()).or_default().push(reason);
            }
        }
    }
    kept
}

/// The files a rotation keeps, from a newest-first list.
pub fn kept(files: &[BackupFile], keep: Keep) -> BTreeSet<PathBuf> {
    kept_for(files, keep).into_keys().collect()
}

/// Deletes the backups in `dir` that the rotation does not keep; returns what it removed.
pub fn rotate(dir: &Path, keep: Keep) -> Result<Vec<PathBuf>> {
    let files = list(dir)?;
    let keep_set = kept(&files, keep);
    let mut removed = Vec::new();
    for f in files {
        if !keep_set.contains(&f.path) {
            std::fs::remove_file(&f.path)?;
            removed.push(f.path);
        }
    }
    Ok(removed)
}

/// The newest backup in `dir` that passes the integrity and schema checks, if any.
pub fn latest_good(dir: &Path) -> Result<Option<BackupFile>> {
    if !dir.exists() {
        return Ok(None);
    }
    Ok(list(dir)?
        .into_iter()
        .find(|f| backup::check(&f.path).is_ok()))
}
