//! Looking after staff accounts over the years without a developer: deactivate (never delete someone with
//! history), reset a password, change a role, the password policy, and the sign-in lockout.

use chrono::{DateTime, Duration, Utc};
use rusqlite::{params, Connection, OptionalExtension};

use crate::users::{self, Actor, Role, User, UserId, MIN_PASSWORD_LEN};
use crate::{audit, db, time, Error, Result};

/// Failed sign-ins in a row that lock an account.
pub const MAX_FAILED_SIGNINS: i64 = 5;

/// How long a locked account stays locked.
pub const LOCKOUT_MINUTES: i64 = 15;

/// The password policy: long enough, not the username itself, and not a single kind of character (all digits,
/// all lower-case letters…), which the guessing lists try first.
pub fn check_password(username: &str, password: &str) -> Result<()> {
    if password.chars().count() < MIN_PASSWORD_LEN {
        return Err(Error::invalid(
            "password",
            format!("a password needs at least {MIN_PASSWORD_LEN} characters"),
        ));
    }
    if password.trim().to_lowercase() == username.trim().to_lowercase() {
        return Err(Error::invalid(
            "password",
            "a password must not be the username",
        ));
    }
    let classes = [
        password.chars().any(|c| c.is_lowercase()),
        password.chars().any(|c| c.is_uppercase()),
        password.chars().any(|c| c.is_numeric()),
        password.chars().any(|c| !c.is_alphanumeric()),
    ];
    if classes.iter().filter(|&&b| b).count() < 2 {
        return Err(Error::invalid(
            "password",
            "a password needs two kinds of character (letters and digits, or a space or sign)",
        ));
    }
    Ok(())
}

fn user_by_id(conn: &Connection, id: UserId) -> Result<User> {
    users::list(conn)?
        .into_iter()
        .find(|u| u.id == id)
        .ok_or_else(|| Error::not_found("user", id.0))
}

fn active_admins(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT count(*) FROM users WHERE role = 'admin' AND active = 1",
        [],
        |r| r.get(0),
    )?)
}

/// Deactivates (`active` false) or reactivates an account. Accounts are never deleted: the audit trail
/// names them. The last active admin cannot be deactivated, nor can admins deactivate themselves.
pub fn set_active(
    conn: &mut Connection,
    actor: &Actor,
    now: DateTime<Utc>,
    id: UserId,
    active: bool,
) -> Result<User> {
    actor.require(&[Role::Admin], "deactivate or reactivate users")?;
    let tx = db::write_tx(conn)?;
    let user = user_by_id(&tx, id)?;
    if !active && user.id == actor.id {
        return Err(Error::invalid(
            "user",
            "you cannot deactivate your own account",
        ));
    }
    if !active && user.role == Role::Admin && user.active && active_admins(&tx)? <= 1 {
        return Err(Error::invalid(
            "user",
            "this is the last active admin; add another admin first",
        ));
    }
    tx.execute(
        "UPDATE users SET active = ?1, failed_logins = 0, locked_until = NULL WHERE id = ?2",
        params![active, id.0],
    )?;
    let action = if active {
        "user.reactivate"
    } else {
        "user.deactivate"
    };
    audit::admin_event(&tx, Some(actor.id), now, action, &user.username, None)?;
    let user = user_by_id(&tx, id)?;
    tx.commit()?;
    Ok(user)
}

/// Sets a new password (admin reset) and lifts any lockout.
pub fn reset_password(
    conn: &mut Connection,
    actor: &Actor,
    now: DateTime<Utc>,
    id: UserId,
    password: &str,
) -> Result<()> {
    actor.require(&[Role::Admin], "reset passwords")?;
    let tx = db::write_tx(conn)?;
    let user = user_by_id(&tx, id)?;
    check_password(&user.username, password)?;
    let hash = users::hash_password(password)?;
    tx.execute(
        "UPDATE users SET password_hash = ?1, failed_logins = 0, locked_until = NULL WHERE id = ?2",
        params![hash, id.0],
    )?;
    audit::admin_event(
        &tx,
        Some(actor.id),
        now,
        "user.password_reset",
        &user.username,
        None,
    )?;
    tx.commit()?;
    Ok(())
}

/// Changes an account's role. The last active admin keeps the admin role.
pub fn change_role(
    conn: &mut Connection,
    actor: &Actor,
    now: DateTime<Utc>,
    id: UserId,
    role: Role,
) -> Result<User> {
    actor.require(&[Role::Admin], "change roles")?;
    let tx = db::write_tx(conn)?;
    let user = user_by_id(&tx, id)?;
    if user.role == role {
        return Ok(user);
    }
    if user.role == Role::Admin && user.active && active_admins(&tx)? <= 1 {
        return Err(Error::invalid(
            "role",
            "this is the last active admin; make another admin first",
        ));
    }
    tx.execute(
        "UPDATE users SET role = ?1 WHERE id = ?2",
        params![role, id.0],
    )?;
    let detail = format!("{} -> {}", user.role, role);
    audit::admin_event(
        &tx,
        Some(actor.id),
        now,
        "user.role",
        &user.username,
        Some(&detail),
    )?;
    let user = user_by_id(&tx, id)?;
    tx.commit()?;
    Ok(user)
}

/// Whether the account is locked at `now`, inside a sign-in's transaction.
pub(crate) fn locked_until(
    conn: &Connection,
    id: i64,
    now: DateTime<Utc>,
) -> Result<Option<String>> {
    let until: Option<String> = conn
        .query_row("SELECT locked_until FROM users WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .optional()?
        .flatten();
    match until {
        Some(u) if time::parse_stamp("locked_until", &u)? > now => Ok(Some(u)),
        _ => Ok(None),
    }
}

/// Counts a failed sign-in and locks the account at the limit; returns whether it is now locked.
pub(crate) fn count_failure(conn: &Connection, id: i64, now: DateTime<Utc>) -> Result<bool> {
    let failed: i64 = conn.query_row(
        "UPDATE users SET failed_logins = failed_logins + 1 WHERE id = ?1 RETURNING failed_logins",
        [id],
        |r| r.get(0),
    )?;
    if failed >= MAX_FAILED_SIGNINS {
        let until = time::stamp(now + Duration::minutes(LOCKOUT_MINUTES));
        conn.execute(
            "UPDATE users SET locked_until = ?1, failed_logins = 0 WHERE id = ?2",
            params![until, id],
        )?;
        return Ok(true);
    }
    Ok(false)
}
