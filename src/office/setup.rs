//! First-run setup: the office profile and the first admin, in one transaction.

use chrono::{DateTime, Utc};

use crate::actor::Role;
use crate::db::Db;
use crate::people::users::{self, NewUser};
use crate::people::User;
use crate::store::office::Office;
use crate::{audit, store, Error, Result};

/// Whether the register still needs first-run setup.
pub fn needed(db: &Db) -> Result<bool> {
    Ok(store::office::get(db)?.is_none() || !store::users::any(db)?)
}

/// Writes the office profile and creates the first admin; refused once any user exists.
pub fn first_run(
    db: &mut Db,
    now: DateTime<Utc>,
    o: &Office,
    admin: &NewUser,
) -> Result<(Office, User)> {
    if admin.role != Role::Admin {
        return Err(Error::invalid("role", "the first account must be an admin"));
    }
    let o = o.validated()?;
    let user = db.write(|tx| {
        if store::users::any(tx)? {
            return Err(Error::Conflict(
                "this register is already set up; sign in as an admin".into(),
            ));
        }
        store::office::save(tx, &o, now)?;
        let user = users::insert_tx(tx, admin, now)?;
        audit::admin_event(tx, Some(user.id), now, "office.setup", &o.name, None)?;
        audit::admin_event(
            tx,
            Some(user.id),
            now,
            "user.create",
            &user.username,
            Some(user.role.as_str()),
        )?;
        Ok(user)
    })?;
    Ok((o, user))
}
