//! Reaching the office server: the URL, the password from PostgreSQL's own `pgpass` file (mode 0600, so
//! no other OS user can read it), and TLS (`sslmode=require`; the server's certificate verified against
//! the office's CA with `sslrootcert`, `sslmode=verify-ca` or `verify-full`).

use std::path::PathBuf;
use std::str::FromStr;
use std::time::Duration;

use openssl::ssl::{SslConnector, SslMethod, SslVerifyMode};
use postgres::config::{Host, SslMode};
use postgres::{Client, Config, NoTls};
use postgres_openssl::MakeTlsConnector;
use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// How long connecting may take before the desk is told the server cannot be reached.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

/// What the window's "connect to the office server" form holds (the password is not part of it: it goes
/// to the pgpass file).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServerSettings {
    pub host: String,
    pub port: u16,
    pub database: String,
    pub user: String,
    /// `disable`, `prefer`, `require`, `verify-ca` or `verify-full`.
    #[serde(default = "default_sslmode")]
    pub sslmode: String,
    /// The office's CA certificate (PEM) to verify the server with.
    #[serde(default)]
    pub sslrootcert: Option<String>,
}

fn default_sslmode() -> String {
    "prefer".into()
}

impl ServerSettings {
    /// The form's values of a server address (its password, if it has one, is left out).
    pub fn from_url(url: &str) -> Result<ServerSettings> {
        let (clean, tls) = split_tls(url);
        let config = Config::from_str(&clean).map_err(|e| bad_address(url, e))?;
        let host = match config.get_hosts().first() {
            Some(Host::Tcp(h)) => h.clone(),
            _ => return Err(bad_address(url, "no host")),
        };
        Ok(ServerSettings {
            host,
            port: config.get_ports().first().copied().unwrap_or(5432),
            database: config.get_dbname().unwrap_or("petromaks").to_string(),
            user: config
                .get_user()
                .ok_or_else(|| bad_address(url, "no user"))?
                .to_string(),
            sslmode: tls.mode,
            sslrootcert: tls.root_cert.map(|p| p.display().to_string()),
        })
    }

    /// The register's address for these settings (no password in it).
    pub fn url(&self) -> String {
        let mut url = format!(
            "postgres://{}@{}:{}/{}?sslmode={}",
            encode(&self.user),
            self.host.trim(),
            self.port,
            encode(&self.database),
            self.sslmode
        );
        if let Some(ca) = self.sslrootcert.as_deref().filter(|c| !c.is_empty()) {
            url.push_str("&sslrootcert=");
            url.push_str(&encode(ca));
        }
        url
    }
}

fn encode(s: &str) -> String {
    s.trim()
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Percent-encodes one part of a URL (a user name or a password), `/` included.
pub(crate) fn encode_part(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            if let Ok(v) = u8::from_str_radix(&s[i + 1..i + 3], 16) {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The TLS wishes of a URL that the `postgres` crate does not read itself.
struct Tls {
    mode: String,
    root_cert: Option<PathBuf>,
}

/// Splits `sslmode` and `sslrootcert` off the URL's query; the rest is for [`Config`].
fn split_tls(url: &str) -> (String, Tls) {
    let mut tls = Tls {
        mode: "prefer".into(),
        root_cert: None,
    };
    let Some((base, query)) = url.split_once('?') else {
        return (url.to_string(), tls);
    };
    let mut kept = Vec::new();
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        match pair.split_once('=') {
            Some(("sslmode", v)) => tls.mode = decode(v),
            Some(("sslrootcert", v)) => tls.root_cert = Some(PathBuf::from(decode(v))),
            _ => kept.push(pair),
        }
    }
    let clean = if kept.is_empty() {
        base.to_string()
    } else {
        format!("{base}?{}", kept.join("&"))
    };
    (clean, tls)
}

fn bad_address(url: &str, why: impl std::fmt::Display) -> Error {
    Error::invalid(
        "db",
        format!(
            "{} is not a register address ({why}); write it as postgres://user@host:port/database",
            super::without_password(url)
        ),
    )
}

/// The URL without the TLS wishes the `postgres` crate does not read.
pub(crate) fn strip_tls(url: &str) -> String {
    split_tls(url).0
}

/// Connects to the office server at `url`.
pub(crate) fn connect(url: &str) -> Result<Client> {
    let (clean, tls) = split_tls(url);
    let mut config = Config::from_str(&clean).map_err(|e| bad_address(url, e))?;
    if config.get_user().is_none() {
        return Err(bad_address(url, "no user"));
    }
    if config.get_password().is_none() {
        if let Some(p) = pgpass_password(&config)? {
            config.password(p);
        }
    }
    config.connect_timeout(CONNECT_TIMEOUT);
    config.application_name("petromaks");
    let shown = super::without_password(url);
    let result = match tls.mode.as_str() {
        "disable" | "prefer" | "allow" => {
            config.ssl_mode(if tls.mode == "disable" {
                SslMode::Disable
            } else {
                SslMode::Prefer
            });
            match tls.root_cert {
                None => config.connect(NoTls),
                Some(_) => config.connect(connector(&tls)?),
            }
        }
        "require" | "verify-ca" | "verify-full" => {
            config.ssl_mode(SslMode::Require);
            config.connect(connector(&tls)?)
        }
        other => return Err(bad_address(url, format!("unknown sslmode {other:?}"))),
    };
    result.map_err(|e| connect_error(&shown, e))
}

fn connector(tls: &Tls) -> Result<MakeTlsConnector> {
    let tls_err = |e: openssl::error::ErrorStack| Error::invalid("db", format!("TLS: {e}"));
    let mut builder = SslConnector::builder(SslMethod::tls()).map_err(tls_err)?;
    let verify = tls.mode.starts_with("verify") || tls.root_cert.is_some();
    match &tls.root_cert {
        Some(ca) => builder.set_ca_file(ca).map_err(|e| {
            Error::invalid(
                "sslrootcert",
                format!("the CA certificate {} cannot be read: {e}", ca.display()),
            )
        })?,
        None if verify => {}
        // sslmode=require without the office's CA: encrypted, as libpq does, but not verified.
        None => builder.set_verify(SslVerifyMode::NONE),
    }
    let mut make = MakeTlsConnector::new(builder.build());
    let check_host = tls.mode == "verify-full";
    make.set_callback(move |c, _| {
        c.set_verify_hostname(check_host);
        Ok(())
    });
    Ok(make)
}

fn refused_password(shown: &str) -> Error {
    Error::ServerAuth(format!(
        "the office server {shown} refused the password of its database account: check the password (or save it again with `petromaks server save-password`); nothing was changed"
    ))
}

fn connect_error(shown: &str, e: postgres::Error) -> Error {
    if let Some(db) = e.as_db_error() {
        use postgres::error::SqlState;
        let code = db.code();
        if *code == SqlState::INVALID_PASSWORD
            || *code == SqlState::INVALID_AUTHORIZATION_SPECIFICATION
        {
            return refused_password(shown);
        }
        if *code == SqlState::INVALID_CATALOG_NAME {
            return Error::not_found("database on the office server", shown);
        }
        return Error::Unavailable(format!(
            "the office server {shown} refused the connection: {}",
            db.message()
        ));
    }
    let text = e.to_string();
    if text.contains("password") {
        return refused_password(shown);
    }
    Error::Unavailable(format!(
        "the office server {shown} cannot be reached ({text})"
    ))
}

/// Where PostgreSQL keeps saved passwords for this OS user: `PGPASSFILE`, else `~/.pgpass`
/// (`%APPDATA%\postgresql\pgpass.conf` on Windows).
pub fn pgpass_file() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("PGPASSFILE").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    if cfg!(windows) {
        dirs::config_dir().map(|d| d.join("postgresql").join("pgpass.conf"))
    } else {
        dirs::home_dir().map(|h| h.join(".pgpass"))
    }
}

fn pgpass_fields(line: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let (Some(n), Some(f)) = (chars.next(), out.last_mut()) {
                    f.push(n);
                }
            }
            ':' => out.push(String::new()),
            c => {
                if let Some(f) = out.last_mut() {
                    f.push(c)
                }
            }
        }
    }
    out
}

fn escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace(':', "\\:")
}

fn host_of(config: &Config) -> String {
    match config.get_hosts().first() {
        Some(Host::Tcp(h)) => h.clone(),
        #[cfg(unix)]
        Some(Host::Unix(p)) => p.display().to_string(),
        None => "localhost".into(),
    }
}

fn pgpass_password(config: &Config) -> Result<Option<String>> {
    let Some(file) = pgpass_file() else {
        return Ok(None);
    };
    let Ok(text) = std::fs::read_to_string(&file) else {
        return Ok(None);
    };
    if !crate::private::is_private(&file)? {
        return Err(Error::Forbidden(format!(
            "{} can be read by other users of this computer; make it private (chmod 600) first",
            file.display()
        )));
    }
    let host = host_of(config);
    let port = config
        .get_ports()
        .first()
        .copied()
        .unwrap_or(5432)
        .to_string();
    let db = config.get_dbname().unwrap_or("").to_string();
    let user = config.get_user().unwrap_or("").to_string();
    let wanted = [host, port, db, user];
    for line in text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let f = pgpass_fields(line);
        if f.len() == 5 && f[..4].iter().zip(&wanted).all(|(a, b)| a == "*" || a == b) {
            return Ok(Some(f[4].clone()));
        }
    }
    Ok(None)
}

/// Saves (or replaces) the password for `settings` in this OS user's pgpass file, created owner-only.
pub fn save_password(settings: &ServerSettings, password: &str) -> Result<PathBuf> {
    let file = pgpass_file()
        .ok_or_else(|| Error::invalid("password", "this computer has no home folder for pgpass"))?;
    let key = [
        escape(settings.host.trim()),
        settings.port.to_string(),
        escape(settings.database.trim()),
        escape(settings.user.trim()),
    ]
    .join(":");
    let old = std::fs::read_to_string(&file).unwrap_or_default();
    let mut lines: Vec<String> = old
        .lines()
        .filter(|l| {
            let f = pgpass_fields(l);
            f.len() != 5 || f[..4].join(":") != pgpass_fields(&key).join(":")
        })
        .map(str::to_string)
        .collect();
    lines.push(format!("{key}:{}", escape(password)));
    if let Some(dir) = file.parent() {
        crate::private::create_dir(dir)?;
    }
    crate::private::write(&file, (lines.join("\n") + "\n").as_bytes())?;
    Ok(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tls_wishes_are_split_off_the_url() {
        let (clean, tls) = split_tls(
            "postgres://app@h:5432/db?sslmode=verify-full&sslrootcert=%2Fetc%2Fca.pem&x=1",
        );
        assert_eq!(clean, "postgres://app@h:5432/db?x=1");
        assert_eq!(tls.mode, "verify-full");
        assert_eq!(tls.root_cert, Some(PathBuf::from("/etc/ca.pem")));
    }

    #[test]
    fn pgpass_lines_unescape() {
        assert_eq!(
            pgpass_fields(r"host:5432:db:us\:er:pa\\ss"),
            vec!["host", "5432", "db", "us:er", r"pa\ss"]
        );
    }

    #[test]
    fn an_address_gives_back_the_form_it_came_from() -> Result<()> {
        let s = ServerSettings {
            host: "kantor.lan".into(),
            port: 5433,
            database: "petromaks".into(),
            user: "loket".into(),
            sslmode: "verify-full".into(),
            sslrootcert: Some("/etc/petromaks/ca.pem".into()),
        };
        assert_eq!(ServerSettings::from_url(&s.url())?, s);
        let with_pw = ServerSettings::from_url("postgres://app:rahasia@10.0.0.5/pmk")?;
        assert_eq!((with_pw.port, with_pw.sslmode.as_str()), (5432, "prefer"));
        Ok(())
    }

    #[test]
    fn settings_make_a_url_without_the_password() {
        let s = ServerSettings {
            host: "192.168.1.10".into(),
            port: 5432,
            database: "petromaks".into(),
            user: "loket".into(),
            sslmode: "require".into(),
            sslrootcert: None,
        };
        assert_eq!(
            s.url(),
            "postgres://loket@192.168.1.10:5432/petromaks?sslmode=require"
        );
    }
}
