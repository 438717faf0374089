//! The office server engine: one register on PostgreSQL shared by every desk (the synchronous `postgres`
//! crate, so the core stays synchronous). Statements are written once with `?N` placeholders and
//! translated here; values travel as SQLite's storage classes, which the server schema mirrors.

use std::cell::RefCell;
use std::collections::HashMap;
use std::error::Error as StdError;
use std::sync::Arc;

use postgres::fallible_iterator::FallibleIterator;
use postgres::types::{FromSql, IsNull, ToSql, Type};
use postgres::{Client, Statement};

use super::value::{Row, Value};
use crate::{Error, Result};

type BoxError = Box<dyn StdError + Sync + Send>;

impl ToSql for Value {
    fn to_sql(
        &self,
        ty: &Type,
        out: &mut postgres::types::private::BytesMut,
    ) -> std::result::Result<IsNull, BoxError> {
        let mismatch = || -> BoxError {
            format!(
                "{} cannot be bound to a parameter of type {ty}",
                self.kind()
            )
            .into()
        };
        match self {
            Value::Null => Ok(IsNull::Yes),
            Value::Int(i) => match *ty {
                Type::INT8 => i.to_sql(ty, out),
                Type::INT4 => i32::try_from(*i)?.to_sql(ty, out),
                Type::INT2 => i16::try_from(*i)?.to_sql(ty, out),
                Type::FLOAT8 => (*i as f64).to_sql(ty, out),
                Type::FLOAT4 => (*i as f32).to_sql(ty, out),
                Type::BOOL => (*i != 0).to_sql(ty, out),
                _ => Err(mismatch()),
            },
            Value::Real(f) => match *ty {
                Type::FLOAT8 => f.to_sql(ty, out),
                Type::FLOAT4 => (*f as f32).to_sql(ty, out),
                _ => Err(mismatch()),
            },
            Value::Text(s) => match *ty {
                // The server stores no NUL character, and the core never writes one (typed text refuses
                // control characters): a NUL in a lookup (a scanned or pasted code) can match nothing, as
                // on a file register, instead of failing the statement.
                Type::TEXT | Type::VARCHAR | Type::BPCHAR | Type::NAME | Type::UNKNOWN => {
                    if s.contains('\0') {
                        s.replace('\0', "\u{fffd}").as_str().to_sql(ty, out)
                    } else {
                        s.as_str().to_sql(ty, out)
                    }
                }
                _ => Err(mismatch()),
            },
            Value::Blob(b) => match *ty {
                Type::BYTEA => b.as_slice().to_sql(ty, out),
                _ => Err(mismatch()),
            },
        }
    }

    fn accepts(_ty: &Type) -> bool {
        true
    }

    postgres::types::to_sql_checked!();
}

/// A column read from the server, as one of the storage classes.
struct PgValue(Value);

impl<'a> FromSql<'a> for PgValue {
    fn from_sql(ty: &Type, raw: &'a [u8]) -> std::result::Result<Self, BoxError> {
        Ok(PgValue(match *ty {
            Type::INT8 => Value::Int(i64::from_sql(ty, raw)?),
            Type::INT4 => Value::Int(i64::from(i32::from_sql(ty, raw)?)),
            Type::INT2 => Value::Int(i64::from(i16::from_sql(ty, raw)?)),
            Type::OID => Value::Int(i64::from(u32::from_sql(ty, raw)?)),
            Type::BOOL => Value::Int(i64::from(bool::from_sql(ty, raw)?)),
            Type::FLOAT8 => Value::Real(f64::from_sql(ty, raw)?),
            Type::FLOAT4 => Value::Real(f64::from(f32::from_sql(ty, raw)?)),
            Type::NUMERIC => numeric(raw)?,
            Type::TEXT | Type::VARCHAR | Type::BPCHAR | Type::NAME | Type::UNKNOWN => {
                Value::Text(<&str>::from_sql(ty, raw)?.to_string())
            }
            Type::BYTEA => Value::Blob(<&[u8]>::from_sql(ty, raw)?.to_vec()),
            _ => return Err(format!("a column of type {ty} is not read by Petromaks").into()),
        }))
    }

    fn from_sql_null(_ty: &Type) -> std::result::Result<Self, BoxError> {
        Ok(PgValue(Value::Null))
    }

    fn accepts(_ty: &Type) -> bool {
        true
    }
}

/// PostgreSQL's binary NUMERIC (what `sum` of integers gives): an integer when it has no fraction.
fn numeric(raw: &[u8]) -> std::result::Result<Value, BoxError> {
    let word = |i: usize| -> std::result::Result<u16, BoxError> {
        raw.get(i..i + 2)
            .map(|b| u16::from_be_bytes([b[0], b[1]]))
            .ok_or_else(|| "a truncated NUMERIC".into())
    };
    let ndigits = word(0)? as usize;
    let weight = word(2)? as i16;
    let sign = word(4)?;
    let dscale = word(6)?;
    if sign == 0xC000 {
        return Ok(Value::Real(f64::NAN));
    }
    let mut int: i128 = 0;
    let mut real = 0.0f64;
    let mut exact = dscale == 0;
    for i in 0..ndigits {
        let d = i128::from(word(8 + 2 * i)?);
        let power = i32::from(weight) - i as i32;
        real += d as f64 * 10000f64.powi(power);
        if power >= 0 {
            int = int
                .checked_add(d * 10000i128.checked_pow(power as u32).unwrap_or(i128::MAX))
                .unwrap_or(i128::MAX);
        } else if d != 0 {
            exact = false;
        }
    }
    let negative = sign == 0x4000;
    if exact {
        if let Ok(i) = i64::try_from(if negative { -int } else { int }) {
            return Ok(Value::Int(i));
        }
    }
    Ok(Value::Real(if negative { -real } else { real }))
}

/// Rewrites `?N` (and bare `?`) placeholders as PostgreSQL's `$N`, leaving quoted text alone.
pub(crate) fn placeholders(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len() + 8);
    let mut chars = sql.chars().peekable();
    let mut quote: Option<char> = None;
    let mut next = 1;
    while let Some(c) = chars.next() {
        match (quote, c) {
            (Some(q), c) if c == q => {
                quote = None;
                out.push(c);
            }
            (Some(_), c) => out.push(c),
            (None, '\'' | '"') => {
                quote = Some(c);
                out.push(c);
            }
            (None, '?') => {
                let mut digits = String::new();
                while let Some(d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                    digits.push(*d);
                    chars.next();
                }
                out.push('$');
                if digits.is_empty() {
                    out.push_str(&next.to_string());
                    next += 1;
                } else {
                    out.push_str(&digits);
                }
            }
            (None, c) => out.push(c),
        }
    }
    out
}

/// A server error as the core reports it: lost connections and serialisation failures are told apart,
/// because the first is "check the network" and the second is retried.
pub(crate) fn error(e: postgres::Error) -> Error {
    use postgres::error::SqlState;
    if let Some(db) = e.as_db_error() {
        let code = db.code();
        if *code == SqlState::T_R_SERIALIZATION_FAILURE
            || *code == SqlState::T_R_DEADLOCK_DETECTED
            || *code == SqlState::LOCK_NOT_AVAILABLE
        {
            return Error::Busy(format!("the office server was busy ({})", db.message()));
        }
        if *code == SqlState::ADMIN_SHUTDOWN
            || *code == SqlState::CRASH_SHUTDOWN
            || *code == SqlState::CANNOT_CONNECT_NOW
        {
            return Error::Unavailable(format!(
                "the office server is restarting ({}); the window retries on its own",
                db.message()
            ));
        }
        let mut message = db.message().to_string();
        if let Some(d) = db.detail() {
            message.push_str(": ");
            message.push_str(d);
        }
        return Error::Db(message);
    }
    if e.is_closed() || e.source().is_some_and(|s| s.is::<std::io::Error>()) {
        return Error::Unavailable(format!(
            "the connection to the office server was lost ({e})"
        ));
    }
    Error::Db(e.to_string())
}

/// An open connection to the office server with its statement cache.
pub(crate) struct Postgres {
    client: RefCell<Client>,
    statements: RefCell<HashMap<String, Statement>>,
}

impl Postgres {
    pub(crate) fn new(client: Client) -> Postgres {
        Postgres {
            client: RefCell::new(client),
            statements: RefCell::new(HashMap::new()),
        }
    }

    fn client(&self) -> Result<std::cell::RefMut<'_, Client>> {
        self.client.try_borrow_mut().map_err(|_| {
            Error::Db("a query was started while a streaming read was still open".into())
        })
    }

    fn statement(&self, client: &mut Client, sql: &str) -> Result<Statement> {
        if let Some(s) = self.statements.borrow().get(sql) {
            return Ok(s.clone());
        }
        let stmt = client.prepare(&placeholders(sql)).map_err(error)?;
        self.statements
            .borrow_mut()
            .insert(sql.to_string(), stmt.clone());
        Ok(stmt)
    }

    fn params(params: &[Value]) -> Vec<&(dyn ToSql + Sync)> {
        params.iter().map(|v| v as &(dyn ToSql + Sync)).collect()
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
        let mut client = self.client()?;
        let stmt = self.statement(&mut client, sql)?;
        let columns: Arc<[String]> = stmt
            .columns()
            .iter()
            .map(|c| c.name().to_string())
            .collect();
        let n = columns.len();
        let mut rows = client
            .query_raw(&stmt, Self::params(params))
            .map_err(error)?;
        while let Some(r) = rows.next().map_err(error)? {
            let mut values = Vec::with_capacity(n);
            for i in 0..n {
                values.push(r.try_get::<_, PgValue>(i).map_err(error)?.0);
            }
            f(Row {
                columns: columns.clone(),
                values,
            })?;
        }
        Ok(())
    }

    pub(crate) fn execute(&self, sql: &str, params: &[Value]) -> Result<u64> {
        let mut client = self.client()?;
        let stmt = self.statement(&mut client, sql)?;
        client.execute(&stmt, &Self::params(params)).map_err(error)
    }

    pub(crate) fn batch(&self, sql: &str) -> Result<()> {
        self.client()?.batch_execute(sql).map_err(error)
    }

    /// Puts a new connection in place of a lost one (its prepared statements go with the old one).
    pub(crate) fn replace(&self, client: Client) -> Result<()> {
        *self.client()? = client;
        self.statements.borrow_mut().clear();
        Ok(())
    }

    /// Whether the connection is known to be gone (then the next command reconnects).
    pub(crate) fn is_closed(&self) -> bool {
        self.client
            .try_borrow()
            .map(|c| c.is_closed())
            .unwrap_or(false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_numbered_outside_quotes() {
        assert_eq!(
            placeholders("SELECT a FROM t WHERE b = ?1 AND c = '?2' AND d = ?12 OR e = ?"),
            "SELECT a FROM t WHERE b = $1 AND c = '?2' AND d = $12 OR e = $1"
        );
    }

    #[test]
    fn numeric_decodes_integers_and_fractions() {
        // 12345678 = [1234, 5678] weight 1
        let raw = [0u8, 2, 0, 1, 0, 0, 0, 0, 0x04, 0xD2, 0x16, 0x2E];
        assert_eq!(numeric(&raw).expect("numeric"), Value::Int(12_345_678));
        // -1.5 = [1, 5000] weight 0, dscale 1
        let raw = [0u8, 2, 0, 0, 0x40, 0, 0, 1, 0, 1, 0x13, 0x88];
        assert_eq!(numeric(&raw).expect("numeric"), Value::Real(-1.5));
    }
}
