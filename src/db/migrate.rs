//! Bringing a register's schema up to date: the pending migrations of [`super::migrations`] run in one
//! transaction with the new version number, so a failed upgrade leaves the register exactly as it was.
//! The version lives in `PRAGMA user_version` on SQLite and in `petromaks_schema` on the server.

use serde::Serialize;

use super::{Db, Engine, Tx};
use crate::{Error, Result};

/// One schema version: its statements for each engine and, optionally, a frozen hook run after them.
pub(crate) struct Migration {
    sqlite: &'static str,
    postgres: &'static str,
    hook: Option<fn(&Tx) -> Result<()>>,
}

impl Migration {
    pub(crate) fn sql(sqlite: &'static str, postgres: &'static str) -> Migration {
        Migration {
            sqlite,
            postgres,
            hook: None,
        }
    }

    pub(crate) fn hook(hook: fn(&Tx) -> Result<()>) -> Migration {
        Migration {
            sqlite: "",
            postgres: "",
            hook: Some(hook),
        }
    }

    pub(crate) fn then(mut self, hook: fn(&Tx) -> Result<()>) -> Migration {
        self.hook = Some(hook);
        self
    }
}

/// What opening a register did to its schema.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Upgrade {
    pub from: usize,
    pub to: usize,
}

/// The schema version a fully migrated register has.
pub fn latest_version() -> usize {
    super::migrations::list().len()
}

pub(crate) fn has_schema_table(db: &Db) -> Result<bool> {
    db.value(
        "SELECT EXISTS (SELECT 1 FROM information_schema.tables
                        WHERE table_schema = current_schema() AND table_name = 'petromaks_schema')",
        &[],
    )
}

/// The register's schema version (0 for a new, empty one).
pub(crate) fn current_version(db: &Db) -> Result<usize> {
    let v: i64 = match db.engine() {
        Engine::Sqlite => db.value("PRAGMA user_version", &[])?,
        Engine::Postgres => {
            if has_schema_table(db)? {
                db.value("SELECT version FROM petromaks_schema", &[])?
            } else {
                0
            }
        }
    };
    usize::try_from(v).map_err(|_| Error::Corrupt(format!("the schema version {v} is invalid")))
}

/// Whether a server database holds no table at all (so a register may be created in it).
pub(crate) fn is_empty(db: &Db) -> Result<bool> {
    let n: i64 = db.value(
        "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()",
        &[],
    )?;
    Ok(n == 0)
}

/// Refuses a server database that is not a Petromaks register, or one written by a newer Petromaks. (A
/// file was checked by its header before it was opened.)
pub(crate) fn check_identity(db: &Db) -> Result<()> {
    if db.engine() == Engine::Postgres && !has_schema_table(db)? {
        return Err(if is_empty(db)? {
            Error::not_found(
                "register",
                format!(
                    "{} is empty: create the register with `petromaks server init`",
                    db.address().shown()
                ),
            )
        } else {
            Error::Corrupt(format!(
                "{} is not a Petromaks register (its tables belong to something else); nothing was changed",
                db.address().shown()
            ))
        });
    }
    let v = current_version(db)?;
    if v > latest_version() {
        return Err(super::newer(db.address(), v));
    }
    Ok(())
}

/// The upgrade opening `db` would perform, if its schema is behind this program's.
pub(crate) fn pending(db: &Db) -> Result<Option<Upgrade>> {
    let from = current_version(db)?;
    let to = latest_version();
    Ok((from < to).then_some(Upgrade { from, to }))
}

/// Runs the pending migrations in one transaction; returns what changed, or `None` when up to date.
pub(crate) fn run(db: &mut Db) -> Result<Option<Upgrade>> {
    if pending(db)?.is_none() {
        return Ok(None);
    }
    let all = super::migrations::list();
    let to = all.len();
    let mut from = 0;
    db.write(|tx| {
        // Read again under the write lock: another program may have upgraded the register meanwhile.
        from = current_version(tx)?;
        if from >= to {
            return Ok(false);
        }
        for m in &all[from..] {
            let sql = match tx.engine() {
                Engine::Sqlite => m.sqlite,
                Engine::Postgres => m.postgres,
            };
            if !sql.trim().is_empty() {
                tx.batch(sql)?;
            }
            if let Some(hook) = m.hook {
                hook(tx)?;
            }
        }
        match tx.engine() {
            Engine::Sqlite => tx.batch(&format!("PRAGMA user_version = {to}"))?,
            Engine::Postgres => {
                tx.execute("UPDATE petromaks_schema SET version = ?1", &[&to])?;
            }
        }
        Ok(true)
    })
    .map_err(|e| match e {
        Error::Migration(_) | Error::Unavailable(_) | Error::Forbidden(_) | Error::Busy(_) => e,
        other => Error::Migration(format!(
            "upgrading the register from schema {from} to {to} failed, nothing was changed: {other}"
        )),
    })
    .map(|migrated| migrated.then_some(Upgrade { from, to }))
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_migration_has_both_engines_or_neither() {
        for (i, m) in super::super::migrations::list().iter().enumerate() {
            assert_eq!(
                m.sqlite.trim().is_empty(),
                m.postgres.trim().is_empty(),
                "migration {} lacks one engine's statements",
                i + 1
            );
        }
    }
}
