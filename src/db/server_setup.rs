//! Setting up the office server, run once by the office's IT person with an owner account: the database
//! (created with the C collation, so text sorts and compares exactly as on a file register), the schema
//! and the office key (the migrations), and a least-privilege role the desks sign in with — no DDL, and
//! the event tables insert-only, so no desk can rewrite history.

use serde::Serialize;

use super::{Address, Db};
use crate::{Error, Result};

/// The role the desks connect as.
#[derive(Debug, Clone)]
pub struct AppRole {
    pub name: String,
    pub password: String,
}

/// What `server init` did.
#[derive(Debug, Clone, Serialize)]
pub struct InitReport {
    pub address: String,
    pub database_created: bool,
    pub schema_version: usize,
    pub upgraded_from: Option<usize>,
    pub app_role: Option<String>,
}

fn ident(name: &str) -> Result<String> {
    if name.is_empty()
        || name.len() > 63
        || !name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    {
        return Err(Error::invalid(
            "role",
            format!("{name:?} is not a role or database name Petromaks creates (small letters, digits, _)"),
        ));
    }
    Ok(format!("\"{name}\""))
}

fn literal(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

/// The URL with another database name (the maintenance database `postgres`).
fn with_database(url: &str, db: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, format!("?{q}")),
        None => (url, String::new()),
    };
    let start = base.find("://").map(|i| i + 3).unwrap_or(0);
    match base[start..].find('/') {
        Some(i) => format!("{}/{db}{query}", &base[..start + i]),
        None => format!("{base}/{db}{query}"),
    }
}

fn database_name(url: &str) -> Result<String> {
    let cfg: postgres::Config = super::server::strip_tls(url)
        .parse()
        .map_err(|e| Error::invalid("db", format!("not a register address: {e}")))?;
    cfg.get_dbname()
        .map(str::to_string)
        .ok_or_else(|| Error::invalid("db", "the address names no database"))
}

/// Creates (or upgrades) the register at `url` as its owner, and the desks' role when `app` is given.
pub fn init(url: &str, app: Option<&AppRole>) -> Result<InitReport> {
    let address = Address::Server(url.to_string());
    let name = database_name(url)?;
    let mut created = false;
    let mut db = match Db::create(&address) {
        Ok(db) => db,
        Err(Error::NotFound { .. }) => {
            let admin = Db::open_raw(&with_database(url, "postgres"))?;
            admin.batch(&format!(
                "CREATE DATABASE {} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'",
                ident(&name)?
            ))?;
            created = true;
            Db::create(&address)?
        }
        // An existing register: `init` again brings it up to date (the owner may change the schema).
        Err(Error::Conflict(_)) => Db::open(&address)?,
        Err(e) => return Err(e),
    };
    let upgraded_from = db.upgrade().map(|u| u.from).filter(|f| *f > 0);
    if let Some(role) = app {
        grant(&mut db, &name, role)?;
    }
    Ok(InitReport {
        address: address.shown(),
        database_created: created,
        schema_version: db.schema_version()?,
        upgraded_from,
        app_role: app.map(|r| r.name.clone()),
    })
}

fn grant(db: &mut Db, database: &str, role: &AppRole) -> Result<()> {
    if role.password.chars().count() < 12 {
        return Err(Error::invalid(
            "app_password",
            "the desks' database password needs at least 12 characters",
        ));
    }
    let r = ident(&role.name)?;
    let exists: bool = db.value(
        "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ?1)",
        &[&role.name],
    )?;
    let pw = literal(&role.password);
    let create = if exists {
        format!("ALTER ROLE {r} LOGIN PASSWORD {pw} NOSUPERUSER NOCREATEDB NOCREATEROLE")
    } else {
        format!("CREATE ROLE {r} LOGIN PASSWORD {pw} NOSUPERUSER NOCREATEDB NOCREATEROLE")
    };
    let d = ident(database)?;
    db.write(|tx| {
        tx.batch(&create)?;
        tx.batch(&format!(
            "REVOKE ALL ON DATABASE {d} FROM PUBLIC;
             GRANT CONNECT, TEMPORARY ON DATABASE {d} TO {r};
             REVOKE CREATE ON SCHEMA public FROM PUBLIC;
             GRANT USAGE ON SCHEMA public TO {r};
             GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {r};
             GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {r};
             REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON petromaks_schema FROM {r};
             REVOKE UPDATE, DELETE, TRUNCATE ON case_events, admin_events FROM {r};
             REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON provinces, regencies, districts, villages FROM {r};"
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_maintenance_database_keeps_the_rest_of_the_address() {
        assert_eq!(
            with_database(
                "postgres://it@10.0.0.5:5432/petromaks?sslmode=require",
                "postgres"
            ),
            "postgres://it@10.0.0.5:5432/postgres?sslmode=require"
        );
        assert_eq!(
            with_database("postgres://it@h/pmk", "postgres"),
            "postgres://it@h/postgres"
        );
        assert!(ident("petromaks_app").is_ok());
        assert!(ident("x\"; DROP").is_err());
    }
}
