//! The values that cross the store layer: one small set (SQLite's storage classes) that both engines read
//! and write, so a store module never knows which engine it talks to and the audit chain hashes the same
//! values on both.

use chrono::{DateTime, NaiveDate, Utc};

use crate::{Error, Result};

/// One column value as stored: SQLite's storage classes, mirrored by the PostgreSQL schema's types
/// (BIGINT, DOUBLE PRECISION, TEXT, BYTEA).
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
    Blob(Vec<u8>),
}

impl Value {
    /// The storage class's name, for error messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Null => "NULL",
            Value::Int(_) => "an integer",
            Value::Real(_) => "a real number",
            Value::Text(_) => "text",
            Value::Blob(_) => "a blob",
        }
    }
}

/// A Rust value that can be bound to a statement parameter.
pub trait Param {
    fn to_value(&self) -> Value;
}

/// A Rust value that can be read from a column; a stored value of the wrong kind is an error, never a
/// silent default.
pub trait FromValue: Sized {
    fn from_value(v: &Value) -> std::result::Result<Self, String>;
}

impl<T: Param + ?Sized> Param for &T {
    fn to_value(&self) -> Value {
        (**self).to_value()
    }
}

impl<T: Param> Param for Option<T> {
    fn to_value(&self) -> Value {
        match self {
            Some(v) => v.to_value(),
            None => Value::Null,
        }
    }
}

impl Param for Value {
    fn to_value(&self) -> Value {
        self.clone()
    }
}

impl Param for str {
    fn to_value(&self) -> Value {
        Value::Text(self.to_string())
    }
}

impl Param for String {
    fn to_value(&self) -> Value {
        Value::Text(self.clone())
    }
}

impl Param for [u8] {
    fn to_value(&self) -> Value {
        Value::Blob(self.to_vec())
    }
}

impl Param for Vec<u8> {
    fn to_value(&self) -> Value {
        Value::Blob(self.clone())
    }
}

impl Param for bool {
    fn to_value(&self) -> Value {
        Value::Int(i64::from(*self))
    }
}

impl Param for f64 {
    fn to_value(&self) -> Value {
        Value::Real(*self)
    }
}

macro_rules! int_param {
    ($($t:ty),*) => {$(
        impl Param for $t {
            fn to_value(&self) -> Value {
                Value::Int(i64::from(*self))
            }
        }
    )*};
}
int_param!(i64, i32, i16, u32, u16, u8);

impl Param for usize {
    fn to_value(&self) -> Value {
        Value::Int(i64::try_from(*self).unwrap_or(i64::MAX))
    }
}

impl Param for u64 {
    fn to_value(&self) -> Value {
        Value::Int(i64::try_from(*self).unwrap_or(i64::MAX))
    }
}

/// Days are stored as ISO dates (`2026-11-23`), the office's local day.
impl Param for NaiveDate {
    fn to_value(&self) -> Value {
        Value::Text(crate::time::day(*self))
    }
}

/// Instants are stored as RFC 3339 UTC text (`2026-11-23T02:00:00Z`).
impl Param for DateTime<Utc> {
    fn to_value(&self) -> Value {
        Value::Text(crate::time::stamp(*self))
    }
}

impl FromValue for Value {
    fn from_value(v: &Value) -> std::result::Result<Self, String> {
        Ok(v.clone())
    }
}

impl<T: FromValue> FromValue for Option<T> {
    fn from_value(v: &Value) -> std::result::Result<Self, String> {
        match v {
            Value::Null => Ok(None),
            other => T::from_value(other).map(Some),
        }
    }
}

impl FromValue for String {
    fn from_value(v: &Value) -> std::result::Result<Self, String> {
        match v {
            Value::Text(s) => Ok(s.clone()),
            other => Err(format!("expected text, found {}", other.kind())),
        }
    }
}

impl FromValue for Vec<u8> {
    fn from_value(v: &Value) -> std::result::Result<Self, String> {
        match v {
            Value::Blob(b) => Ok(b.clone()),
            other => Err(format!("expected a blob, found {}", other.kind())),
        }
    }
}

impl FromValue for i64 {
    fn from_value(v: &Value) -> std::result::Result<Self, String> {
        match v {
            Value::Int(i) => Ok(*i),
            other => Err(format!("expected an integer, found {}", other.kind())),
        }
    }
}

impl FromValue for f64 {
    fn from_value(v: &Value) -> std::result::Result<Self, String> {
        match v {
            Value::Real(f) => Ok(*f),
            Value::Int(i) => Ok(*i as f64),
            other => Err(format!("expected a number, found {}", other.kind())),
        }
    }
}

impl FromValue for bool {
    fn from_value(v: &Value) -> std::result::Result<Self, String> {
        match v {
            Value::Int(0) => Ok(false),
            Value::Int(1) => Ok(true),
            other => Err(format!("expected 0 or 1, found {other:?}")),
        }
    }
}

macro_rules! int_from {
    ($($t:ty),*) => {$(
        impl FromValue for $t {
            fn from_value(v: &Value) -> std::result::Result<Self, String> {
                let i = i64::from_value(v)?;
                <$t>::try_from(i).map_err(|_| format!("{i} is out of range for {}", stringify!($t)))
            }
        }
    )*};
}
int_from!(i32, u32, u16, u8, u64, usize);

impl FromValue for NaiveDate {
    fn from_value(v: &Value) -> std::result::Result<Self, String> {
        let s = String::from_value(v)?;
        NaiveDate::parse_from_str(&s, "%Y-%m-%d").map_err(|_| format!("{s:?} is not a date"))
    }
}

impl FromValue for DateTime<Utc> {
    fn from_value(v: &Value) -> std::result::Result<Self, String> {
        let s = String::from_value(v)?;
        DateTime::parse_from_rfc3339(&s)
            .map(|d| d.with_timezone(&Utc))
            .map_err(|_| format!("{s:?} is not a timestamp"))
    }
}

/// JSON stored in a TEXT column, read back into its type; text that does not parse is an error.
pub struct Json<T>(pub T);

impl<T: serde::de::DeserializeOwned> FromValue for Json<T> {
    fn from_value(v: &Value) -> std::result::Result<Self, String> {
        let s = String::from_value(v)?;
        serde_json::from_str(&s)
            .map(Json)
            .map_err(|e| format!("stored JSON does not parse: {e}"))
    }
}

impl<T: serde::Serialize> Param for Json<T> {
    fn to_value(&self) -> Value {
        // Serialising plain data (strings, numbers, vectors, maps with string keys) cannot fail.
        Value::Text(serde_json::to_string(&self.0).unwrap_or_else(|_| "null".into()))
    }
}

/// One row of a result, with its column names for error messages.
#[derive(Debug, Clone)]
pub struct Row {
    pub(crate) columns: std::sync::Arc<[String]>,
    pub(crate) values: Vec<Value>,
}

impl Row {
    /// The value of column `i` converted to `T`; a wrong kind names the column.
    pub fn get<T: FromValue>(&self, i: usize) -> Result<T> {
        let v = self.values.get(i).ok_or_else(|| {
            Error::Corrupt(format!(
                "the query has no column {i} (it has {})",
                self.values.len()
            ))
        })?;
        T::from_value(v).map_err(|e| {
            let name = self.columns.get(i).map(String::as_str).unwrap_or("?");
            Error::Corrupt(format!("column {name}: {e}"))
        })
    }

    /// The raw value of column `i` (the audit chain hashes exactly what is stored).
    pub fn raw(&self, i: usize) -> Option<&Value> {
        self.values.get(i)
    }

    /// How many columns the row has.
    pub fn len(&self) -> usize {
        self.values.len()
    }

    /// Whether the row has no column at all.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// The values, in column order.
    pub fn into_values(self) -> Vec<Value> {
        self.values
    }
}
