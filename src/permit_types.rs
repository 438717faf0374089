//! The permit catalogue: what the office issues, what each permit needs, how fast and for how long.
//! It is data an admin edits, seeded from the catalogue of a regency office.

use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};

use crate::{numbering, Error, Result};

/// Newtype id of a permit type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PermitTypeId(pub i64);

/// One of the permit type's own certificate fields (SIP: practice place, STR number; reklame: location...).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct FieldDef {
    pub key: String,
    pub label: String,
    /// `text`, `date`, `number` or `choice`.
    pub kind: String,
    #[serde(default)]
    pub required: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<String>,
}

/// A document the applicant hands in.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Requirement {
    pub position: u32,
    pub label: String,
    pub mandatory: bool,
}

/// A permit type as the office issues it.
#[derive(Debug, Clone, Serialize)]
pub struct PermitType {
    pub id: PermitTypeId,
    pub code: String,
    pub name: String,
    pub title: String,
    pub legal_basis: Vec<String>,
    pub fields: Vec<FieldDef>,
    pub conditions: Vec<String>,
    pub tembusan: Vec<String>,
    pub sla_days: u32,
    pub validity_months: Option<u32>,
    pub classification: String,
    pub number_template: String,
    pub number_reset: String,
    pub fee: i64,
    pub active: bool,
    pub requirements: Vec<Requirement>,
}

/// A permit type as written in the seed catalogue or by the catalogue editor.
#[derive(Debug, Clone, Deserialize)]
pub struct PermitTypeInput {
    pub code: String,
    pub name: String,
    pub title: String,
    #[serde(default)]
    pub legal_basis: Vec<String>,
    /// `(label, mandatory)` pairs, in order.
    pub requirements: Vec<(String, bool)>,
    #[serde(default)]
    pub fields: Vec<FieldDef>,
    #[serde(default)]
    pub conditions: Vec<String>,
    #[serde(default)]
    pub tembusan: Vec<String>,
    pub sla_days: u32,
    pub validity_months: Option<u32>,
    pub classification: String,
    pub number_template: String,
    pub number_reset: String,
    #[serde(default)]
    pub fee: i64,
}

const COLUMNS: &str =
    "id, code, name, title, legal_basis, fields, conditions, tembusan, sla_days, validity_months, \
                       classification, number_template, number_reset, fee, active";

fn json_col<T: serde::de::DeserializeOwned>(r: &Row, i: usize) -> rusqlite::Result<T> {
    let s: String = r.get(i)?;
    serde_json::from_str(&s).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
    })
}

fn from_row(r: &Row) -> rusqlite::Result<PermitType> {
    Ok(PermitType {
        id: PermitTypeId(r.get(0)?),
        code: r.get(1)?,
        name: r.get(2)?,
        title: r.get(3)?,
        legal_basis: json_col(r, 4)?,
        fields: json_col(r, 5)?,
        conditions: json_col(r, 6)?,
        tembusan: json_col(r, 7)?,
        sla_days: r.get(8)?,
        validity_months: r.get(9)?,
        classification: r.get(10)?,
        number_template: r.get(11)?,
        number_reset: r.get(12)?,
        fee: r.get(13)?,
        active: r.get(14)?,
        requirements: Vec::new(),
    })
}

fn with_requirements(conn: &Connection, mut t: PermitType) -> Result<PermitType> {
    let mut stmt = conn.prepare_cached(
        "SELECT position, label, mandatory FROM permit_requirements WHERE permit_type_id = ?1 ORDER BY position",
    )?;
    t.requirements = stmt
        .query_map([t.id.0], |r| {
            Ok(Requirement {
                position: r.get(0)?,
                label: r.get(1)?,
                mandatory: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(t)
}

/// A permit type by its code (e.g. `SIPD`), case-insensitive.
pub fn by_code(conn: &Connection, code: &str) -> Result<PermitType> {
    let t = conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM permit_types WHERE code = ?1"),
            [code.trim().to_uppercase()],
            from_row,
        )
        .optional()?
        .ok_or_else(|| {
            Error::invalid(
                "permit_type",
                format!("unknown permit type {:?}", code.trim()),
            )
        })?;
    with_requirements(conn, t)
}

/// A permit type by id.
pub fn get(conn: &Connection, id: PermitTypeId) -> Result<PermitType> {
    let t = conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM permit_types WHERE id = ?1"),
            [id.0],
            from_row,
        )
        .optional()?
        .ok_or_else(|| Error::not_found("permit type", id.0))?;
    with_requirements(conn, t)
}

/// The catalogue, active types first, by code.
pub fn list(conn: &Connection) -> Result<Vec<PermitType>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM permit_types ORDER BY active DESC, code"
    ))?;
    let types: Vec<PermitType> = stmt
        .query_map([], from_row)?
        .collect::<rusqlite::Result<_>>()?;
    types
        .into_iter()
        .map(|t| with_requirements(conn, t))
        .collect()
}

pub(crate) fn validate(t: &PermitTypeInput) -> Result<()> {
    if t.code.is_empty()
        || t.code.len() > 12
        || !t
            .code
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
    {
        return Err(Error::invalid(
            "code",
            "a permit code is 1–12 capital letters or digits",
        ));
    }
    if t.sla_days == 0 || t.sla_days > 365 {
        return Err(Error::invalid(
            "sla_days",
            "the service standard is 1 to 365 working days",
        ));
    }
    if !matches!(t.number_reset.as_str(), "yearly" | "monthly") {
        return Err(Error::invalid(
            "number_reset",
            "numbers reset yearly or monthly",
        ));
    }
    if t.requirements.is_empty() {
        return Err(Error::invalid(
            "requirements",
            "a permit type needs at least one requirement",
        ));
    }
    for f in &t.fields {
        if !matches!(f.kind.as_str(), "text" | "date" | "number" | "choice") {
            return Err(Error::invalid(
                "fields",
                format!("field {} has unknown kind {}", f.key, f.kind),
            ));
        }
    }
    numbering::check_template(&t.number_template)
}

/// Inserts a permit type with its requirements inside the caller's transaction.
pub fn insert_tx(tx: &Transaction, t: &PermitTypeInput) -> Result<PermitTypeId> {
    validate(t)?;
    tx.execute(
        "INSERT INTO permit_types (code, name, title, legal_basis, fields, conditions, tembusan, sla_days,
                                   validity_months, classification, number_template, number_reset, fee)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        params![
            t.code,
            t.name,
            t.title,
            json(&t.legal_basis)?,
            json(&t.fields)?,
            json(&t.conditions)?,
            json(&t.tembusan)?,
            t.sla_days,
            t.validity_months,
            t.classification,
            t.number_template,
            t.number_reset,
            t.fee
        ],
    )?;
    let id = tx.last_insert_rowid();
    let mut stmt =
        tx.prepare("INSERT INTO permit_requirements (permit_type_id, position, label, mandatory) VALUES (?1, ?2, ?3, ?4)")?;
    for (i, (label, mandatory)) in t.requirements.iter().enumerate() {
        stmt.execute(params![id, i as i64 + 1, label, mandatory])?;
    }
    Ok(PermitTypeId(id))
}

pub(crate) fn json<T: Serialize>(v: &T) -> Result<String> {
    serde_json::to_string(v).map_err(|e| Error::invalid("permit_type", e.to_string()))
}
