//! Staff accounts and roles. Every write in the core takes an [`Actor`] and checks its role here, so a
//! hidden button in the UI is comfort, never security.

use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::Argon2;
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};

use crate::sql_enum;
use crate::{audit, db, time, Error, Result};

sql_enum! {
    /// What a staff member does in the office (DOMAIN.md, "The office and the people").
    pub enum Role {
        Admin = "admin",
        Clerk = "clerk",
        Verifier = "verifier",
        Signer = "signer",
        Courier = "courier",
    }
}

/// Newtype id of a user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct UserId(pub i64);

/// Who is doing a write: checked for its role and recorded in the audit trail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Actor {
    pub id: UserId,
    pub username: String,
    pub full_name: String,
    pub role: Role,
}

impl Actor {
    /// Refuses the action unless the actor has one of `roles`.
    pub fn require(&self, roles: &[Role], what: &str) -> Result<()> {
        if roles.contains(&self.role) {
            Ok(())
        } else {
            let allowed: Vec<&str> = roles.iter().map(|r| r.as_str()).collect();
            Err(Error::Forbidden(format!(
                "{} ({}) may not {what}; it takes the role {}",
                self.username,
                self.role.as_str(),
                allowed.join(" or ")
            )))
        }
    }
}

/// A staff account as shown to an admin (never the hash).
#[derive(Debug, Clone, Serialize)]
pub struct User {
    pub id: UserId,
    pub username: String,
    pub full_name: String,
    pub role: Role,
    pub nip: Option<String>,
    pub active: bool,
    pub created_at: String,
}

/// What an admin types to create an account.
#[derive(Debug, Clone, Deserialize)]
pub struct NewUser {
    pub username: String,
    pub full_name: String,
    pub role: Role,
    pub password: String,
    #[serde(default)]
    pub nip: Option<String>,
}

const COLUMNS: &str = "id, username, full_name, role, nip, active, created_at";

fn from_row(r: &Row) -> rusqlite::Result<User> {
    Ok(User {
        id: UserId(r.get(0)?),
        username: r.get(1)?,
        full_name: r.get(2)?,
        role: r.get(3)?,
        nip: r.get(4)?,
        active: r.get(5)?,
        created_at: r.get(6)?,
    })
}

/// The smallest password an office account may have; long passphrases beat complexity rules.
pub const MIN_PASSWORD_LEN: usize = 10;

pub(crate) fn hash_password(password: &str) -> Result<String> {
    if password.chars().count() < MIN_PASSWORD_LEN {
        return Err(Error::invalid(
            "password",
            format!("a password needs at least {MIN_PASSWORD_LEN} characters"),
        ));
    }
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| Error::invalid("password", format!("cannot hash the password: {e}")))
}

fn validate_new(u: &NewUser) -> Result<(String, String, Option<String>)> {
    let username = u.username.trim().to_lowercase();
    if username.is_empty()
        || username.len() > 32
        || !username
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '_' || c == '-')
    {
        return Err(Error::invalid(
            "username",
            "a username is 1–32 letters, digits, '.', '_' or '-'",
        ));
    }
    let full_name = crate::text::person_name("full_name", &u.full_name)?;
    let nip = match u.nip.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(n) => Some(crate::identity::parse_nip(n)?),
        None => None,
    };
    Ok((username, full_name, nip))
}

pub(crate) fn insert_tx(tx: &Transaction, u: &NewUser, now: DateTime<Utc>) -> Result<User> {
    let (username, full_name, nip) = validate_new(u)?;
    crate::accounts::check_password(&username, &u.password)?;
    let hash = hash_password(&u.password)?;
    let exists: Option<i64> = tx
        .query_row(
            "SELECT id FROM users WHERE username = ?1",
            [&username],
            |r| r.get(0),
        )
        .optional()?;
    if exists.is_some() {
        return Err(Error::Conflict(format!("the username {username} is taken")));
    }
    tx.execute(
        "INSERT INTO users (username, full_name, role, password_hash, nip, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![username, full_name, u.role, hash, nip, time::stamp(now)],
    )?;
    let id = tx.last_insert_rowid();
    Ok(tx.query_row(
        &format!("SELECT {COLUMNS} FROM users WHERE id = ?1"),
        [id],
        from_row,
    )?)
}

/// Adds a staff account (admin only).
pub fn add(conn: &mut Connection, actor: &Actor, now: DateTime<Utc>, u: &NewUser) -> Result<User> {
    actor.require(&[Role::Admin], "add users")?;
    let tx = db::write_tx(conn)?;
    let user = insert_tx(&tx, u, now)?;
    audit::admin_event(
        &tx,
        Some(actor.id),
        now,
        "user.create",
        &user.username,
        Some(user.role.as_str()),
    )?;
    tx.commit()?;
    Ok(user)
}

/// Lists every account, active first.
pub fn list(conn: &Connection) -> Result<Vec<User>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM users ORDER BY active DESC, username"
    ))?;
    let rows = stmt
        .query_map([], from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Whether the database has any account yet (a new database shows first-run setup).
pub fn any(conn: &Connection) -> Result<bool> {
    Ok(conn.query_row("SELECT EXISTS (SELECT 1 FROM users)", [], |r| r.get(0))?)
}

/// The acting user for a trusted local caller (the admin's command line) by username.
pub fn actor(conn: &Connection, username: &str) -> Result<Actor> {
    let user = conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM users WHERE username = ?1"),
            [username.trim()],
            from_row,
        )
        .optional()?
        .ok_or_else(|| Error::not_found("user", username))?;
    if !user.active {
        return Err(Error::Forbidden(format!(
            "the account {} is deactivated",
            user.username
        )));
    }
    Ok(Actor {
        id: user.id,
        username: user.username,
        full_name: user.full_name,
        role: user.role,
    })
}

/// Signs a user in. A wrong password and an unknown user give the same answer; failures are counted and
/// logged.
pub fn sign_in(
    conn: &mut Connection,
    now: DateTime<Utc>,
    username: &str,
    password: &str,
) -> Result<Actor> {
    let username = username.trim().to_lowercase();
    let tx = db::write_tx(conn)?;
    let found: Option<(i64, String, bool)> = tx
        .query_row(
            "SELECT id, password_hash, active FROM users WHERE username = ?1",
            [&username],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    let Some((id, hash, active)) = found else {
        audit::admin_event(
            &tx,
            None,
            now,
            "signin.fail",
            &username,
            Some("unknown user"),
        )?;
        tx.commit()?;
        return Err(Error::Auth);
    };
    let ok = PasswordHash::new(&hash)
        .map(|h| {
            Argon2::default()
                .verify_password(password.as_bytes(), &h)
                .is_ok()
        })
        .unwrap_or(false);
    if let Some(until) = crate::accounts::locked_until(&tx, id, now)? {
        audit::admin_event(&tx, Some(UserId(id)), now, "signin.locked", &username, None)?;
        tx.commit()?;
        return Err(Error::Forbidden(format!(
            "too many failed sign-ins: the account is locked until {until}"
        )));
    }
    if !ok || !active {
        let locked = crate::accounts::count_failure(&tx, id, now)?;
        let detail = locked.then_some("account locked");
        audit::admin_event(&tx, Some(UserId(id)), now, "signin.fail", &username, detail)?;
        tx.commit()?;
        return Err(Error::Auth);
    }
    tx.execute(
        "UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = ?1",
        [id],
    )?;
    tx.commit()?;
    actor(conn, &username)
}
