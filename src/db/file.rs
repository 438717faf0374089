//! Is this file a Petromaks register? Answered from the file's bytes and a read-only look at its schema,
//! before anything opens it for writing: an empty file, another program's SQLite file, a picture or a
//! truncated register is refused with a clear message and never written to.

use std::io::Read;
use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use crate::{Error, Result};

/// `PRAGMA application_id` of a Petromaks register ("PMKS"); set by migration 9. Older registers have 0
/// and are recognised by their tables.
pub const APPLICATION_ID: i32 = 0x504D_4B53;

/// The schema versions written before the application id existed.
const LEGACY_VERSIONS: std::ops::RangeInclusive<u32> = 1..=8;

/// Tables every Petromaks register has had since its first schema.
const FIRST_TABLES: &[&str] = &["office", "users", "cases", "case_events", "number_series"];

/// What the header of a register file says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Header {
    pub user_version: u32,
    pub application_id: i32,
    pub page_size: u64,
    /// Pages the header says the file has, when that field is valid.
    pub pages: Option<u64>,
}

fn be32(b: &[u8], at: usize) -> u32 {
    u32::from_be_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}

fn refuse(path: &Path, why: impl std::fmt::Display) -> Error {
    Error::Corrupt(format!(
        "{} is not a Petromaks register ({why}); nothing was changed",
        path.display()
    ))
}

/// Reads and checks the 100-byte SQLite header of `path`: the magic string, a sane page size, and a file
/// at least as long as the header says (a truncated copy is caught here).
pub fn header(path: &Path) -> Result<Header> {
    let mut f = std::fs::File::open(path)?;
    let len = f.metadata()?.len();
    if len == 0 {
        return Err(refuse(path, "the file is empty"));
    }
    let mut b = [0u8; 100];
    if len < 100 || f.read_exact(&mut b).is_err() {
        return Err(refuse(path, "it is too short to be an SQLite database"));
    }
    if &b[..16] != b"SQLite format 3\0" {
        return Err(refuse(path, "it is not an SQLite database"));
    }
    let page_size = match u16::from_be_bytes([b[16], b[17]]) {
        1 => 65536,
        n if n >= 512 && n.is_power_of_two() => u64::from(n),
        n => return Err(refuse(path, format!("its page size {n} is invalid"))),
    };
    // The header's page count is valid when the change counter equals the version-valid-for number.
    let pages = (be32(&b, 24) == be32(&b, 92)).then(|| u64::from(be32(&b, 28)));
    // With a write-ahead log beside it, the file alone is not the register: a checkpoint that another
    // process runs right now copies page 1 (with the new count) before the pages that lengthen the file.
    // The length is then compared only when no log holds pages (a copy, a closed register).
    let wal_in_use = {
        let mut wal = path.as_os_str().to_owned();
        wal.push("-wal");
        std::fs::metadata(std::path::PathBuf::from(wal)).is_ok_and(|m| m.len() > 0)
    };
    if let (Some(p), false) = (pages, wal_in_use) {
        if len < p * page_size {
            return Err(Error::Corrupt(format!(
                "{} is damaged: it is {len} bytes long but its header counts {p} pages of {page_size} \
                 bytes (a truncated copy?); nothing was changed — restore a backup",
                path.display()
            )));
        }
    }
    Ok(Header {
        user_version: be32(&b, 60),
        application_id: be32(&b, 68) as i32,
        page_size,
        pages,
    })
}

/// Refuses a file that is not a Petromaks register: checks the header, then (for registers older than the
/// application id) the tables, read-only. Returns the header.
pub fn check_register(path: &Path) -> Result<Header> {
    let h = header(path)?;
    if h.application_id == APPLICATION_ID {
        return Ok(h);
    }
    if h.application_id != 0 {
        return Err(refuse(
            path,
            format!(
                "it belongs to another program (application id {:#x})",
                h.application_id
            ),
        ));
    }
    if !LEGACY_VERSIONS.contains(&h.user_version) {
        return Err(refuse(
            path,
            format!(
                "an SQLite file of another program, schema version {}",
                h.user_version
            ),
        ));
    }
    // `immutable`: no lock, no -shm, no journal: this look cannot write anything, even to a foreign file.
    let uri = format!(
        "file:{}?immutable=1",
        path.to_str()
            .ok_or_else(|| refuse(path, "its path is not valid UTF-8"))?
            .replace('?', "%3f")
            .replace('#', "%23")
    );
    let conn = Connection::open_with_flags(
        &uri,
        OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| refuse(path, e))?;
    let mut stmt = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        .map_err(|e| refuse(path, e))?;
    let names: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .and_then(|rows| rows.collect())
        .map_err(|e| refuse(path, e))?;
    let missing: Vec<&str> = FIRST_TABLES
        .iter()
        .copied()
        .filter(|t| !names.iter().any(|n| n == t))
        .collect();
    if !missing.is_empty() {
        return Err(refuse(
            path,
            format!(
                "an SQLite file of another program: no table {}",
                missing.join(", ")
            ),
        ));
    }
    Ok(h)
}

/// `PRAGMA quick_check` over every page: the thorough check run in the background once a day and before
/// every backup, not at each open (it reads the whole file).
pub fn full_check(conn: &Connection) -> Result<()> {
    let mut stmt = conn
        .prepare("PRAGMA quick_check")
        .map_err(super::sqlite::error)?;
    let rows: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .and_then(|rows| rows.collect())
        .map_err(super::sqlite::error)?;
    if rows.len() == 1 && rows[0] == "ok" {
        Ok(())
    } else {
        Err(Error::Corrupt(format!(
            "the register fails the integrity check: {}",
            rows.join("; ")
        )))
    }
}
