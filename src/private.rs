//! Files that hold people's data are the owner's alone: the register, its WAL, backups, exports, saved
//! documents and settings are created readable by their owner only (files 0600, folders 0700 on Linux),
//! whatever the umask. On Windows they live in the user's own profile, which other users cannot read.

use std::io::Write;
use std::path::Path;

use crate::Result;

/// Creates a folder (and its parents) readable by the owner only; an existing folder is left as it is.
pub fn create_dir(dir: &Path) -> Result<()> {
    if dir.exists() {
        return Ok(());
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)?;
    }
    #[cfg(not(unix))]
    std::fs::create_dir_all(dir)?;
    Ok(())
}

/// Writes `bytes` to a new or existing file that only its owner can read.
pub fn write(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut f = create_file(path)?;
    f.write_all(bytes)?;
    f.sync_all()?;
    restrict(path)
}

/// Opens `path` for writing (truncating it), created owner-only.
pub fn create_file(path: &Path) -> Result<std::fs::File> {
    let mut o = std::fs::OpenOptions::new();
    o.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.mode(0o600);
    }
    owner_only(o.open(path)?)
}

/// Opens `path` for appending, created owner-only (a log kept beside the backups).
pub fn append_file(path: &Path) -> Result<std::fs::File> {
    let mut o = std::fs::OpenOptions::new();
    o.create(true).append(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.mode(0o600);
    }
    owner_only(o.open(path)?)
}

/// An existing file keeps its mode when opened: make it the owner's before anything is written to it.
fn owner_only(file: std::fs::File) -> Result<std::fs::File> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.set_permissions(std::fs::Permissions::from_mode(0o600))?;
    }
    Ok(file)
}

/// Copies the file `from` to `to` (replacing it), the copy owner-only from its first byte: `std::fs::copy`
/// would give it the source's permissions, which may be an older program's `0644`.
pub fn copy(from: &Path, to: &Path) -> Result<u64> {
    let mut src = std::fs::File::open(from)?;
    let mut dst = create_file(to)?;
    let n = std::io::copy(&mut src, &mut dst)?;
    dst.sync_all()?;
    restrict(to)?;
    Ok(n)
}

/// Makes an existing file owner-only (a file created by a library that does not take a mode).
pub fn restrict(path: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// Makes an existing folder owner-only (`0700`): whatever it holds is then out of other users' reach.
pub fn restrict_dir(dir: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// The permission bits of `path` as `ls` shows them in octal (`0644`); `None` where the system has no
/// such bits (Windows: the user's profile folder is private by its ACL).
pub fn mode(path: &Path) -> Result<Option<u32>> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        Ok(Some(std::fs::metadata(path)?.permissions().mode() & 0o7777))
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        Ok(None)
    }
}

/// Whether other OS users can read (or write) `path`.
pub fn is_private(path: &Path) -> Result<bool> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        Ok(std::fs::metadata(path)?.permissions().mode() & 0o077 == 0)
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        Ok(true)
    }
}
