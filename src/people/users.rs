//! Staff accounts: creating them (with the password policy and an argon2 hash), listing them for the
//! admin, finding the acting user, and signing in with a lockout after repeated failures.

use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::Argon2;
use chrono::{DateTime, Duration, Utc};
use serde::Deserialize;

use super::accounts::{self, LOCKOUT_MINUTES, MAX_FAILED_SIGNINS};
use crate::actor::{Actor, Role};
use crate::db::{Db, Tx};
use crate::store::users::{self as store, NewUserRow, User};
use crate::{audit, identity, text, time, Error, Result};

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

/// Hashes a password with argon2 (the policy is checked first).
pub(crate) fn hash_password(password: &str) -> Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| Error::invalid("password", format!("cannot hash the password: {e}")))
}

fn check_username(input: &str) -> Result<String> {
    let username = input.trim().to_lowercase();
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
    Ok(username)
}

/// Creates an account inside the caller's transaction (setup's first admin, an admin's new user).
pub(crate) fn insert_tx(tx: &Tx, u: &NewUser, now: DateTime<Utc>) -> Result<User> {
    let username = check_username(&u.username)?;
    let full_name = text::person_name("full_name", &u.full_name)?;
    let nip = match u.nip.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(n) => Some(identity::parse_nip(n)?),
        None => None,
    };
    accounts::check_password(&username, &u.password)?;
    let hash = hash_password(&u.password)?;
    if store::by_username(tx, &username)?.is_some() {
        return Err(Error::Conflict(format!("the username {username} is taken")));
    }
    let id = store::insert(
        tx,
        &NewUserRow {
            username: &username,
            full_name: &full_name,
            role: u.role,
            password_hash: &hash,
            nip: nip.as_deref(),
        },
        now,
    )?;
    store::get(tx, id)?.ok_or_else(|| Error::not_found("user", id))
}

/// Adds a staff account (admin only).
pub fn add(db: &mut Db, actor: &Actor, now: DateTime<Utc>, u: &NewUser) -> Result<User> {
    actor.require_admin("add users")?;
    db.write(|tx| {
        let user = insert_tx(tx, u, now)?;
        audit::admin_event(
            tx,
            Some(actor.id),
            now,
            "user.create",
            &user.username,
            Some(user.role.as_str()),
        )?;
        Ok(user)
    })
}

/// Every account, active first (admin only: the list names every account and its role).
pub fn list(db: &Db, actor: &Actor) -> Result<Vec<User>> {
    actor.require_admin("list the staff accounts")?;
    store::list(db)
}

/// The active couriers, for choosing a trip's crew (whoever plans trips).
pub fn couriers(db: &Db, actor: &Actor) -> Result<Vec<User>> {
    actor.require(&[Role::Clerk, Role::Admin], "plan van trips")?;
    Ok(store::list(db)?
        .into_iter()
        .filter(|u| u.active && u.role == Role::Courier)
        .collect())
}

/// Whether the register has any account yet (a new register shows first-run setup).
pub fn any(db: &Db) -> Result<bool> {
    store::any(db)
}

/// The acting user for a trusted local caller (the admin's command line) by username.
pub fn actor(db: &Db, username: &str) -> Result<Actor> {
    let name = username.trim().to_lowercase();
    let user = store::by_username(db, &name)?.ok_or_else(|| Error::not_found("user", username))?;
    if !user.active {
        return Err(Error::Forbidden(format!(
            "the account {} is deactivated",
            user.username
        )));
    }
    Ok(user.actor())
}

/// Signs a user in. A wrong password and an unknown user give the same answer; failures are counted and
/// logged, and too many lock the account for a while.
pub fn sign_in(db: &mut Db, now: DateTime<Utc>, username: &str, password: &str) -> Result<Actor> {
    let username = username.trim().to_lowercase();
    // The outcome is decided inside the transaction and returned after it commits, so the failure's
    // audit row is kept while the caller still gets the refusal.
    let outcome: std::result::Result<(), Error> = db.write(|tx| {
        let Some(c) = store::credentials(tx, &username)? else {
            audit::admin_event(
                tx,
                None,
                now,
                "signin.fail",
                &username,
                Some("unknown user"),
            )?;
            return Ok(Err(Error::Auth));
        };
        let ok = PasswordHash::new(&c.password_hash)
            .map(|h| {
                Argon2::default()
                    .verify_password(password.as_bytes(), &h)
                    .is_ok()
            })
            .unwrap_or(false);
        if let Some(until) = c.locked_until.filter(|u| *u > now) {
            audit::admin_event(tx, Some(c.id), now, "signin.locked", &username, None)?;
            return Ok(Err(Error::Forbidden(format!(
                "too many failed sign-ins: the account is locked until {}",
                time::stamp(until)
            ))));
        }
        if !ok || !c.active {
            let failed = store::count_failure(tx, c.id)?;
            let locked = failed >= MAX_FAILED_SIGNINS;
            if locked {
                store::lock_until(tx, c.id, now + Duration::minutes(LOCKOUT_MINUTES))?;
            }
            let detail = locked.then_some("account locked");
            audit::admin_event(tx, Some(c.id), now, "signin.fail", &username, detail)?;
            return Ok(Err(Error::Auth));
        }
        store::clear_failures(tx, c.id)?;
        Ok(Ok(()))
    })?;
    outcome?;
    actor(db, &username)
}
