//! First-run setup: the office profile and the first admin, in one transaction.

use chrono::{DateTime, Utc};
use rusqlite::Connection;

use crate::office::{self, Office};
use crate::users::{self, NewUser, Role, User};
use crate::{audit, db, Error, Result};

/// Whether the database still needs first-run setup.
pub fn needed(conn: &Connection) -> Result<bool> {
    Ok(office::get(conn)?.is_none() || !users::any(conn)?)
}

/// Writes the office profile and creates the first admin; refused once any user exists.
pub fn first_run(
    conn: &mut Connection,
    now: DateTime<Utc>,
    o: &Office,
    admin: &NewUser,
) -> Result<(Office, User)> {
    if admin.role != Role::Admin {
        return Err(Error::invalid("role", "the first account must be an admin"));
    }
    let o = o.validated()?;
    let tx = db::write_tx(conn)?;
    if users::any(&tx)? {
        return Err(Error::Conflict(
            "this database is already set up; sign in as an admin".into(),
        ));
    }
    office::save_tx(&tx, &o, now)?;
    let user = users::insert_tx(&tx, admin, now)?;
    audit::admin_event(&tx, Some(user.id), now, "office.setup", &o.name, None)?;
    audit::admin_event(
        &tx,
        Some(user.id),
        now,
        "user.create",
        &user.username,
        Some(user.role.as_str()),
    )?;
    tx.commit()?;
    Ok((o, user))
}
