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
    Ok(o.open(path)?)
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
