//! Where the register is: a file path (SQLite, one computer) or a `postgres://` URL (the office server).
//! The address alone decides the engine.

use std::path::{Path, PathBuf};

/// The environment variable that points the app and the CLI at another register.
pub const DB_ENV: &str = "PETROMAKS_DB";

/// A register's address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Address {
    /// An SQLite file on this computer.
    File(PathBuf),
    /// A PostgreSQL URL, `postgres://user@host:port/database?sslmode=require`.
    Server(String),
}

impl Address {
    /// Reads what a user typed: a `postgres://` or `postgresql://` URL is the server, anything else a file.
    pub fn parse(s: &str) -> Address {
        let t = s.trim();
        if t.starts_with("postgres://") || t.starts_with("postgresql://") {
            Address::Server(t.to_string())
        } else {
            Address::File(PathBuf::from(s))
        }
    }

    /// `PETROMAKS_DB` if set, else the register file in the OS app-data folder.
    pub fn default_address() -> Address {
        match std::env::var(DB_ENV).ok().filter(|p| !p.trim().is_empty()) {
            Some(p) => Address::parse(&p),
            None => Address::File(default_file()),
        }
    }

    /// The file, for a file register.
    pub fn file(&self) -> Option<&Path> {
        match self {
            Address::File(p) => Some(p),
            Address::Server(_) => None,
        }
    }

    /// The address as shown to people: a server URL never shows a password.
    pub fn shown(&self) -> String {
        match self {
            Address::File(p) => p.display().to_string(),
            Address::Server(url) => without_password(url),
        }
    }
}

impl Address {
    /// A short name for "this register" that is the same however its path was written (`./r.sqlite`,
    /// a symlink, the absolute path) and never shows a password: the window runs once per register, and
    /// a second launch on the same register finds the first by it.
    pub fn instance_key(&self) -> String {
        use sha2::Digest;
        let text = match self {
            Address::File(p) => p
                .canonicalize()
                .or_else(|_| std::path::absolute(p))
                .unwrap_or_else(|_| p.clone())
                .display()
                .to_string(),
            Address::Server(url) => without_password(url),
        };
        let digest = sha2::Sha256::digest(text.as_bytes());
        digest[..6].iter().map(|b| format!("{b:02x}")).collect()
    }
}

impl std::fmt::Display for Address {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.shown())
    }
}

/// The register file in the OS app-data folder (`~/.local/share/id.petromaks.desktop/petromaks.sqlite`).
pub fn default_file() -> PathBuf {
    let base = dirs::data_dir().unwrap_or_else(|| PathBuf::from("."));
    base.join("id.petromaks.desktop").join("petromaks.sqlite")
}

/// `postgres://user:secret@host/db` → `postgres://user@host/db`.
pub fn without_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let (authority, tail) = match rest.find(['/', '?']) {
        Some(i) => rest.split_at(i),
        None => (rest, ""),
    };
    match authority.rsplit_once('@') {
        Some((user, host)) => {
            let user = user.split(':').next().unwrap_or("");
            format!("{scheme}://{user}@{host}{tail}")
        }
        None => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_address_decides_the_engine_and_hides_the_password() {
        assert_eq!(
            Address::parse("/tmp/office.sqlite"),
            Address::File("/tmp/office.sqlite".into())
        );
        let a = Address::parse("postgres://app:rahasia@10.0.0.5:5432/petromaks?sslmode=require");
        assert!(matches!(a, Address::Server(_)));
        assert_eq!(
            a.shown(),
            "postgres://app@10.0.0.5:5432/petromaks?sslmode=require"
        );
        assert_eq!(
            without_password("postgres://app@h/db"),
            "postgres://app@h/db"
        );
    }

    #[test]
    fn a_register_has_one_instance_key_however_its_path_is_written() {
        let here = std::env::current_dir().expect("cwd");
        let relative = Address::File("no-such-dir/r.sqlite".into());
        let absolute = Address::File(here.join("no-such-dir/r.sqlite"));
        assert_eq!(relative.instance_key(), absolute.instance_key());
        assert_eq!(relative.instance_key().len(), 12);
        assert_ne!(
            relative.instance_key(),
            Address::File("other.sqlite".into()).instance_key()
        );
        assert_eq!(
            Address::parse("postgres://a:x@h/db").instance_key(),
            Address::parse("postgres://a:y@h/db").instance_key()
        );
    }
}
