//! The `users` table: staff accounts, their password hashes and the sign-in lockout.

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::actor::{Actor, Role, UserId};
use crate::db::{Db, Row, Tx};
use crate::Result;

/// A staff account as shown to an admin (never the hash).
#[derive(Debug, Clone, Serialize)]
pub struct User {
    pub id: UserId,
    pub username: String,
    pub full_name: String,
    pub role: Role,
    pub nip: Option<String>,
    pub active: bool,
    pub created_at: DateTime<Utc>,
}

impl User {
    /// The account as the actor of a command.
    pub fn actor(&self) -> Actor {
        Actor {
            id: self.id,
            username: self.username.clone(),
            full_name: self.full_name.clone(),
            role: self.role,
        }
    }
}

/// What sign-in reads: the hash and the lockout, never shown.
pub struct Credentials {
    pub id: UserId,
    pub password_hash: String,
    pub active: bool,
    pub locked_until: Option<DateTime<Utc>>,
}

/// A checked new account, ready to store.
pub struct NewUserRow<'a> {
    pub username: &'a str,
    pub full_name: &'a str,
    pub role: Role,
    pub password_hash: &'a str,
    pub nip: Option<&'a str>,
}

const COLUMNS: &str = "id, username, full_name, role, nip, active, created_at";

fn from_row(r: &Row) -> Result<User> {
    Ok(User {
        id: r.get(0)?,
        username: r.get(1)?,
        full_name: r.get(2)?,
        role: r.get(3)?,
        nip: r.get(4)?,
        active: r.get(5)?,
        created_at: r.get(6)?,
    })
}

/// Every account, active first, by username.
pub fn list(db: &Db) -> Result<Vec<User>> {
    db.map(
        &format!("SELECT {COLUMNS} FROM users ORDER BY active DESC, username"),
        &[],
        from_row,
    )
}

/// An account by id.
pub fn get(db: &Db, id: UserId) -> Result<Option<User>> {
    db.one(
        &format!("SELECT {COLUMNS} FROM users WHERE id = ?1"),
        &[&id],
        from_row,
    )
}

/// An account by username (stored in lower case).
pub fn by_username(db: &Db, username: &str) -> Result<Option<User>> {
    db.one(
        &format!("SELECT {COLUMNS} FROM users WHERE username = ?1"),
        &[&username],
        from_row,
    )
}

/// What sign-in needs of an account.
pub fn credentials(db: &Db, username: &str) -> Result<Option<Credentials>> {
    db.one(
        "SELECT id, password_hash, active, locked_until FROM users WHERE username = ?1",
        &[&username],
        |r| {
            Ok(Credentials {
                id: r.get(0)?,
                password_hash: r.get(1)?,
                active: r.get(2)?,
                locked_until: r.get(3)?,
            })
        },
    )
}

/// Whether any account exists (a new register shows first-run setup).
pub fn any(db: &Db) -> Result<bool> {
    db.value("SELECT EXISTS (SELECT 1 FROM users)", &[])
}

/// How many active administrators there are.
pub fn active_admins(db: &Db) -> Result<i64> {
    db.value(
        "SELECT count(*) FROM users WHERE role = 'admin' AND active = 1",
        &[],
    )
}

/// Stores a new account; returns its id.
pub fn insert(tx: &Tx, u: &NewUserRow, now: DateTime<Utc>) -> Result<UserId> {
    tx.value(
        "INSERT INTO users (username, full_name, role, password_hash, nip, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id",
        &[
            &u.username,
            &u.full_name,
            &u.role,
            &u.password_hash,
            &u.nip,
            &now,
        ],
    )
}

/// Activates or deactivates an account, lifting any lockout.
pub fn set_active(tx: &Tx, id: UserId, active: bool) -> Result<()> {
    tx.execute(
        "UPDATE users SET active = ?1, failed_logins = 0, locked_until = NULL WHERE id = ?2",
        &[&active, &id],
    )?;
    Ok(())
}

/// Replaces the password hash, lifting any lockout.
pub fn set_password(tx: &Tx, id: UserId, hash: &str) -> Result<()> {
    tx.execute(
        "UPDATE users SET password_hash = ?1, failed_logins = 0, locked_until = NULL WHERE id = ?2",
        &[&hash, &id],
    )?;
    Ok(())
}

/// Changes an account's role.
pub fn set_role(tx: &Tx, id: UserId, role: Role) -> Result<()> {
    tx.execute("UPDATE users SET role = ?1 WHERE id = ?2", &[&role, &id])?;
    Ok(())
}

/// Counts one more failed sign-in; returns the count.
pub fn count_failure(tx: &Tx, id: UserId) -> Result<i64> {
    tx.value(
        "UPDATE users SET failed_logins = failed_logins + 1 WHERE id = ?1 RETURNING failed_logins",
        &[&id],
    )
}

/// Locks an account until `until` and starts the count again.
pub fn lock_until(tx: &Tx, id: UserId, until: DateTime<Utc>) -> Result<()> {
    tx.execute(
        "UPDATE users SET locked_until = ?1, failed_logins = 0 WHERE id = ?2",
        &[&until, &id],
    )?;
    Ok(())
}

/// A successful sign-in forgets earlier failures.
pub fn clear_failures(tx: &Tx, id: UserId) -> Result<()> {
    tx.execute(
        "UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = ?1",
        &[&id],
    )?;
    Ok(())
}

/// The id, role and active flag of an account, for checking a trip's crew.
pub fn role_of(db: &Db, username: &str) -> Result<Option<(UserId, Role, bool)>> {
    db.one(
        "SELECT id, role, active FROM users WHERE username = ?1",
        &[&username],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )
}
