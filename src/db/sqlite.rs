//! The embedded engine: one SQLite file (rusqlite, bundled), the default for one computer and the van
//! laptop. Writers queue on `BEGIN IMMEDIATE` and the busy timeout.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use rusqlite::types::{ToSqlOutput, ValueRef};
use rusqlite::{Connection, OpenFlags};

use super::value::{Row, Value};
use crate::{Error, Result};

/// How long a writer waits for another process's transaction before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// An open SQLite connection with the register's policy.
pub(crate) struct Sqlite {
    pub(crate) conn: Connection,
}

impl rusqlite::ToSql for Value {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::Borrowed(match self {
            Value::Null => ValueRef::Null,
            Value::Int(i) => ValueRef::Integer(*i),
            Value::Real(f) => ValueRef::Real(*f),
            Value::Text(s) => ValueRef::Text(s.as_bytes()),
            Value::Blob(b) => ValueRef::Blob(b),
        }))
    }
}

fn value(v: ValueRef<'_>) -> rusqlite::Result<Value> {
    Ok(match v {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => Value::Int(i),
        ValueRef::Real(f) => Value::Real(f),
        ValueRef::Text(t) => Value::Text(
            std::str::from_utf8(t)
                .map_err(|e| rusqlite::Error::Utf8Error(0, e))?
                .to_string(),
        ),
        ValueRef::Blob(b) => Value::Blob(b.to_vec()),
    })
}

/// An SQLite error as the core reports it.
pub(crate) fn error(e: rusqlite::Error) -> Error {
    if let rusqlite::Error::SqliteFailure(f, _) = &e {
        match f.code {
            rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked => {
                return Error::Busy(format!(
                    "another program keeps the register busy ({e}); try again in a moment"
                ))
            }
            rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase => {
                return Error::Corrupt(format!(
                    "the register file is damaged ({e}); restore a backup"
                ))
            }
            _ => {}
        }
    }
    Error::Db(e.to_string())
}

impl Sqlite {
    /// Opens an existing file for reading and writing (never creating it) and sets the policy.
    pub(crate) fn open_rw(path: &Path, create: bool) -> Result<Sqlite> {
        let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        if create {
            flags |= OpenFlags::SQLITE_OPEN_CREATE;
        }
        let conn = Connection::open_with_flags(path, flags).map_err(error)?;
        let db = Sqlite { conn };
        db.configure().map_err(error)?;
        Ok(db)
    }

    /// Opens a file read-only (a backup being compared or checked): nothing about it is changed.
    pub(crate) fn open_ro(path: &Path) -> Result<Sqlite> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(error)?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(error)?;
        Ok(Sqlite { conn })
    }

    /// A private in-memory database (unit tests inside the crate).
    pub(crate) fn memory() -> Result<Sqlite> {
        let conn = Connection::open_in_memory().map_err(error)?;
        let db = Sqlite { conn };
        db.configure().map_err(error)?;
        Ok(db)
    }

    fn configure(&self) -> rusqlite::Result<()> {
        let c = &self.conn;
        c.busy_timeout(BUSY_TIMEOUT)?;
        c.set_prepared_statement_cache_capacity(128);
        c.pragma_update(None, "foreign_keys", "ON")?;
        let _mode: String = c.query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))?;
        c.pragma_update(None, "synchronous", "FULL")?;
        Ok(())
    }

    pub(crate) fn query(&self, sql: &str, params: &[Value]) -> Result<Vec<Row>> {
        let mut out = Vec::new();
        self.each(sql, params, &mut |r| {
            out.push(r);
            Ok(())
        })?;
        Ok(out)
    }

    pub(crate) fn each(
        &self,
        sql: &str,
        params: &[Value],
        f: &mut dyn FnMut(Row) -> Result<()>,
    ) -> Result<()> {
        let mut stmt = self.conn.prepare_cached(sql).map_err(error)?;
        let columns: Arc<[String]> = stmt
            .column_names()
            .into_iter()
            .map(str::to_string)
            .collect();
        let n = columns.len();
        let mut rows = stmt
            .query(rusqlite::params_from_iter(params.iter()))
            .map_err(error)?;
        while let Some(r) = rows.next().map_err(error)? {
            let mut values = Vec::with_capacity(n);
            for i in 0..n {
                values.push(r.get_ref(i).and_then(value).map_err(error)?);
            }
            f(Row {
                columns: columns.clone(),
                values,
            })?;
        }
        Ok(())
    }

    pub(crate) fn execute(&self, sql: &str, params: &[Value]) -> Result<u64> {
        let mut stmt = self.conn.prepare_cached(sql).map_err(error)?;
        let n = stmt
            .execute(rusqlite::params_from_iter(params.iter()))
            .map_err(error)?;
        Ok(n as u64)
    }

    pub(crate) fn batch(&self, sql: &str) -> Result<()> {
        self.conn.execute_batch(sql).map_err(error)
    }
}
