//! `petromaks server …`: the office server, set up and moved into by the office's IT person.

use std::path::PathBuf;

use clap::Subcommand;
use petromaks::db::server_setup::{self, AppRole};
use petromaks::db::{self, Address};
use petromaks::safety::server as moving;
use petromaks::{Error, Result};

use crate::Ctx;

#[derive(Subcommand)]
pub enum ServerCmd {
    /// Create the register on the server (or bring it up to date): the database if it does not exist
    /// (C collation), the schema, the office key, and the desks' least-privilege role. Run with an owner
    /// account in the URL (postgres://owner@host:5432/petromaks).
    Init {
        url: String,
        /// The role the desks connect as (no DDL; the audit tables insert-only).
        #[arg(long, default_value = "petromaks_app")]
        app_role: String,
        /// Its password (at least 12 characters); without it the role is left as it is.
        #[arg(long, env = "PETROMAKS_APP_PASSWORD")]
        app_password: Option<String>,
    },
    /// Copy a one-computer register file into the empty server register at URL, and verify it.
    MoveIn {
        #[arg(long)]
        from: PathBuf,
        url: String,
    },
    /// Save the password of a server address in this OS user's pgpass file (owner-only), so the address
    /// itself never carries it.
    SavePassword {
        url: String,
        #[arg(long, env = "PETROMAKS_SERVER_PASSWORD")]
        password: String,
    },
}

pub fn server(ctx: &Ctx, c: ServerCmd) -> Result<()> {
    match c {
        ServerCmd::Init {
            url,
            app_role,
            app_password,
        } => {
            let role = app_password.map(|password| AppRole {
                name: app_role,
                password,
            });
            let r = server_setup::init(&url, role.as_ref())?;
            ctx.out.show(&r, || {
                let mut s = format!(
                    "{} is a Petromaks register at schema {}",
                    r.address, r.schema_version
                );
                if r.database_created {
                    s += " (database created)";
                }
                if let Some(f) = r.upgraded_from {
                    s += &format!(", upgraded from schema {f}");
                }
                if let Some(role) = &r.app_role {
                    s += &format!("; desks connect as {role}");
                }
                s
            });
        }
        ServerCmd::MoveIn { from, url } => {
            let to = Address::parse(&url);
            let quiet = ctx.out.json;
            let moved = moving::move_in(&from, &to, &mut |table, rows| {
                if !quiet {
                    eprintln!("  {table}: {rows} rows");
                }
            })?;
            ctx.out.show(&moved, || {
                format!(
                    "moved {} into {}: every table's rows counted equal, audit chain intact, {} number series continue",
                    from.display(),
                    to.shown(),
                    moved.series.len()
                )
            });
        }
        ServerCmd::SavePassword { url, password } => {
            let settings = settings_of(&url)?;
            let file = db::save_password(&settings, &password)?;
            ctx.out.show(&serde_json::json!({ "pgpass": file }), || {
                format!(
                    "password saved in {} (readable by this user only)",
                    file.display()
                )
            });
        }
    }
    Ok(())
}

fn settings_of(url: &str) -> Result<db::ServerSettings> {
    let bad = || {
        Error::invalid(
            "url",
            "write the address as postgres://user@host:port/database",
        )
    };
    let rest = url
        .strip_prefix("postgres://")
        .or_else(|| url.strip_prefix("postgresql://"))
        .ok_or_else(bad)?;
    let rest = rest.split('?').next().unwrap_or(rest);
    let (auth, path) = rest.split_once('/').ok_or_else(bad)?;
    let (user, host) = auth.rsplit_once('@').ok_or_else(bad)?;
    let user = user.split(':').next().unwrap_or(user);
    let (host, port) = match host.rsplit_once(':') {
        Some((h, p)) => (h, p.parse().map_err(|_| bad())?),
        None => (host, 5432),
    };
    Ok(db::ServerSettings {
        host: host.to_string(),
        port,
        database: path.to_string(),
        user: user.to_string(),
        sslmode: "prefer".into(),
        sslrootcert: None,
    })
}
