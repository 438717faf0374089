//! Looking after staff accounts over the years without a developer: deactivate (never delete someone with
//! history), reset a password, change a role, the password policy, and the sign-in lockout's limits.

use chrono::{DateTime, Utc};

use super::users::hash_password;
use crate::actor::{Actor, Role, UserId};
use crate::db::{Db, Tx};
use crate::store::users::{self as store, User};
use crate::{audit, Error, Result};

/// The smallest password an office account may have; long passphrases beat complexity rules.
pub const MIN_PASSWORD_LEN: usize = 10;

/// Failed sign-ins in a row that lock an account.
pub const MAX_FAILED_SIGNINS: i64 = 5;

/// How long a locked account stays locked.
pub const LOCKOUT_MINUTES: i64 = 15;

/// The password policy: long enough, not the username itself, and not a single kind of character (all
/// digits, all lower-case letters…), which the guessing lists try first.
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

fn user(tx: &Tx, id: UserId) -> Result<User> {
    store::get(tx, id)?.ok_or_else(|| Error::not_found("user", id))
}

/// Deactivates (`active` false) or reactivates an account. Accounts are never deleted: the audit trail
/// names them. The last active admin cannot be deactivated, nor can admins deactivate themselves.
pub fn set_active(
    db: &mut Db,
    actor: &Actor,
    now: DateTime<Utc>,
    id: UserId,
    active: bool,
) -> Result<User> {
    actor.require_admin("deactivate or reactivate users")?;
    db.write(|tx| {
        let u = user(tx, id)?;
        if !active && u.id == actor.id {
            return Err(Error::invalid(
                "user",
                "you cannot deactivate your own account",
            ));
        }
        if !active && u.role == Role::Admin && u.active && store::active_admins(tx)? <= 1 {
            return Err(Error::invalid(
                "user",
                "this is the last active admin; add another admin first",
            ));
        }
        store::set_active(tx, id, active)?;
        let action = if active {
            "user.reactivate"
        } else {
            "user.deactivate"
        };
        audit::admin_event(tx, Some(actor.id), now, action, &u.username, None)?;
        user(tx, id)
    })
}

/// Sets a new password (admin reset) and lifts any lockout.
pub fn reset_password(
    db: &mut Db,
    actor: &Actor,
    now: DateTime<Utc>,
    id: UserId,
    password: &str,
) -> Result<()> {
    actor.require_admin("reset passwords")?;
    db.write(|tx| {
        let u = user(tx, id)?;
        check_password(&u.username, password)?;
        store::set_password(tx, id, &hash_password(password)?)?;
        audit::admin_event(
            tx,
            Some(actor.id),
            now,
            "user.password_reset",
            &u.username,
            None,
        )
    })
}

/// Changes an account's role. The last active admin keeps the admin role.
pub fn change_role(
    db: &mut Db,
    actor: &Actor,
    now: DateTime<Utc>,
    id: UserId,
    role: Role,
) -> Result<User> {
    actor.require_admin("change roles")?;
    db.write(|tx| {
        let u = user(tx, id)?;
        if u.role == role {
            return Ok(u);
        }
        if u.role == Role::Admin && u.active && store::active_admins(tx)? <= 1 {
            return Err(Error::invalid(
                "role",
                "this is the last active admin; make another admin first",
            ));
        }
        store::set_role(tx, id, role)?;
        let detail = format!("{} -> {}", u.role, role);
        audit::admin_event(
            tx,
            Some(actor.id),
            now,
            "user.role",
            &u.username,
            Some(&detail),
        )?;
        user(tx, id)
    })
}
