//! Testing a register's address before a desk uses it: the window's "test the connection" button says
//! whether the server answers, the password is right, the database is a Petromaks register and its schema
//! is one this program can work on — without writing anything (no migration, no office key), so testing a
//! wrong address never harms what is there.

use serde::Serialize;

use super::{file, latest_version, migrate, server, Address, Db, ServerSettings};
use crate::Error;

/// What testing an address found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// A Petromaks register of this program's schema: the desk can work on it.
    Ready,
    /// A Petromaks register of an older schema: the office's IT person runs `petromaks server init` as
    /// the owner once (the desks' role may not change the schema).
    Older,
    /// The database exists and is empty: the register is created with `petromaks server init`.
    Empty,
    /// The database holds another program's tables.
    NotRegister,
    /// A register written by a newer Petromaks: this desk's program must be upgraded first.
    Newer,
    /// The server refused the user name or the password.
    WrongPassword,
    /// The server answers but has no database of that name.
    NoDatabase,
    /// The server cannot be reached (host, port, firewall, or it is stopped).
    Unreachable,
    /// The address itself is wrong (a missing user, an unreadable CA file, an unknown `sslmode`).
    BadAddress,
    /// No register file at that path.
    Missing,
}

/// The answer of [`probe`].
#[derive(Debug, Clone, Serialize)]
pub struct Probe {
    pub verdict: Verdict,
    /// The address tested, without its password.
    pub address: String,
    /// The register's schema version, when it has one.
    pub schema_version: Option<usize>,
    /// The schema version this program works with.
    pub latest: usize,
    /// What the server or the file said, in English, for the technical detail line.
    pub detail: String,
}

impl Probe {
    /// Whether a desk can work on the register as it is.
    pub fn ready(&self) -> bool {
        self.verdict == Verdict::Ready
    }
}

fn answer(address: &Address, verdict: Verdict, version: Option<usize>, detail: String) -> Probe {
    Probe {
        verdict,
        address: address.shown(),
        schema_version: version,
        latest: latest_version(),
        detail,
    }
}

fn by_version(version: usize) -> Verdict {
    match version.cmp(&latest_version()) {
        std::cmp::Ordering::Less => Verdict::Older,
        std::cmp::Ordering::Equal => Verdict::Ready,
        std::cmp::Ordering::Greater => Verdict::Newer,
    }
}

/// Tests the register at `address` without changing anything there.
pub fn probe(address: &Address) -> Probe {
    match address {
        Address::File(path) => {
            if !path.exists() {
                return answer(address, Verdict::Missing, None, path.display().to_string());
            }
            match file::check_register(path) {
                Ok(h) => {
                    let v = h.user_version as usize;
                    answer(address, by_version(v), Some(v), String::new())
                }
                Err(e) => answer(address, Verdict::NotRegister, None, e.to_string()),
            }
        }
        Address::Server(url) => probe_server(address, url),
    }
}

fn probe_server(address: &Address, url: &str) -> Probe {
    let db = match Db::open_raw(url) {
        Ok(db) => db,
        Err(e) => {
            let verdict = match &e {
                Error::Auth | Error::ServerAuth(_) => Verdict::WrongPassword,
                Error::NotFound { .. } => Verdict::NoDatabase,
                Error::Invalid { .. } | Error::Forbidden(_) => Verdict::BadAddress,
                _ => Verdict::Unreachable,
            };
            return answer(address, verdict, None, e.to_string());
        }
    };
    let looked = (|| -> crate::Result<(Verdict, Option<usize>)> {
        if !migrate::has_schema_table(&db)? {
            let verdict = if migrate::is_empty(&db)? {
                Verdict::Empty
            } else {
                Verdict::NotRegister
            };
            return Ok((verdict, None));
        }
        let v = migrate::current_version(&db)?;
        Ok((by_version(v), Some(v)))
    })();
    match looked {
        Ok((verdict, version)) => answer(address, verdict, version, String::new()),
        Err(e) => answer(address, Verdict::Unreachable, None, e.to_string()),
    }
}

/// The address of `settings` with `password` for this one connection (a test before the password is
/// saved); without a password the pgpass file supplies it as for every connection.
pub fn address_with(settings: &ServerSettings, password: Option<&str>) -> Address {
    let url = settings.url();
    match password.filter(|p| !p.is_empty()) {
        None => Address::Server(url),
        Some(p) => {
            let user = server::encode_part(settings.user.trim());
            let secret = server::encode_part(p);
            Address::Server(url.replacen(
                &format!("postgres://{user}@"),
                &format!("postgres://{user}:{secret}@"),
                1,
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_file_and_a_stranger_file_are_told_apart() -> crate::Result<()> {
        let dir = std::env::temp_dir().join(format!("pmk-probe-{}", std::process::id()));
        std::fs::create_dir_all(&dir)?;
        let missing = Address::File(dir.join("none.sqlite"));
        assert_eq!(probe(&missing).verdict, Verdict::Missing);
        let text = dir.join("text.sqlite");
        std::fs::write(&text, b"not a register at all, just words".repeat(8))?;
        assert_eq!(probe(&Address::File(text)).verdict, Verdict::NotRegister);
        let real = Address::File(dir.join("real.sqlite"));
        drop(Db::create(&real)?);
        let p = probe(&real);
        assert_eq!(
            (p.verdict, p.schema_version),
            (Verdict::Ready, Some(latest_version()))
        );
        std::fs::remove_dir_all(&dir)?;
        Ok(())
    }

    #[test]
    fn a_password_for_one_test_goes_into_the_url_and_is_never_shown() {
        let s = ServerSettings {
            host: "10.0.0.5".into(),
            port: 5432,
            database: "petromaks".into(),
            user: "loket".into(),
            sslmode: "require".into(),
            sslrootcert: None,
        };
        let a = address_with(&s, Some("rahasia:@/x"));
        let Address::Server(url) = &a else {
            panic!("a server address");
        };
        assert!(
            url.starts_with("postgres://loket:rahasia%3A%40%2Fx@10.0.0.5:5432/"),
            "{url}"
        );
        assert_eq!(
            a.shown(),
            "postgres://loket@10.0.0.5:5432/petromaks?sslmode=require"
        );
        assert_eq!(address_with(&s, None), Address::Server(s.url()));
    }

    #[test]
    fn an_unreachable_server_is_said_so_quickly() {
        let a = Address::Server("postgres://x@127.0.0.1:1/petromaks?sslmode=disable".into());
        let p = probe(&a);
        assert_eq!(p.verdict, Verdict::Unreachable, "{}", p.detail);
    }
}
