//! The `permit_types` and `permit_requirements` tables: the permit catalogue, one column list and one
//! reader for both.

use serde::{Deserialize, Serialize};

use crate::db::{Db, Json, Row, Tx};
use crate::{sql_enum, sql_id, Result};

sql_id! {
    /// Newtype id of a permit type.
    pub struct PermitTypeId;
}

sql_enum! {
    /// What a certificate field holds.
    pub enum FieldKind {
        Text = "text",
        Date = "date",
        Number = "number",
        Choice = "choice",
    }
}

sql_enum! {
    /// When a permit type's number series starts again at 1.
    pub enum NumberReset {
        Yearly = "yearly",
        Monthly = "monthly",
    }
}

/// One of the permit type's own certificate fields (SIP: practice place, STR number; reklame: location…).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct FieldDef {
    pub key: String,
    pub label: String,
    pub kind: FieldKind,
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
    pub number_reset: NumberReset,
    pub fee: i64,
    pub active: bool,
    pub requirements: Vec<Requirement>,
}

/// A checked permit type, ready to store (the catalogue's validation made it).
pub struct PermitTypeRow<'a> {
    pub code: &'a str,
    pub name: &'a str,
    pub title: &'a str,
    pub legal_basis: &'a [String],
    pub fields: &'a [FieldDef],
    pub conditions: &'a [String],
    pub tembusan: &'a [String],
    pub sla_days: u32,
    pub validity_months: Option<u32>,
    pub classification: &'a str,
    pub number_template: &'a str,
    pub number_reset: NumberReset,
    pub fee: i64,
    /// `(label, mandatory)` in checklist order.
    pub requirements: &'a [(String, bool)],
}

const COLUMNS: &str =
    "id, code, name, title, legal_basis, fields, conditions, tembusan, sla_days, \
     validity_months, classification, number_template, number_reset, fee, active";

fn from_row(r: &Row) -> Result<PermitType> {
    Ok(PermitType {
        id: r.get(0)?,
        code: r.get(1)?,
        name: r.get(2)?,
        title: r.get(3)?,
        legal_basis: r.get::<Json<_>>(4)?.0,
        fields: r.get::<Json<_>>(5)?.0,
        conditions: r.get::<Json<_>>(6)?.0,
        tembusan: r.get::<Json<_>>(7)?.0,
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

fn with_requirements(db: &Db, mut t: PermitType) -> Result<PermitType> {
    t.requirements = db.map(
        "SELECT position, label, mandatory FROM permit_requirements WHERE permit_type_id = ?1 ORDER BY position",
        &[&t.id],
        |r| {
            Ok(Requirement {
                position: r.get(0)?,
                label: r.get(1)?,
                mandatory: r.get(2)?,
            })
        },
    )?;
    Ok(t)
}

/// A permit type by its code (stored in capitals).
pub fn by_code(db: &Db, code: &str) -> Result<Option<PermitType>> {
    db.one(
        &format!("SELECT {COLUMNS} FROM permit_types WHERE code = ?1"),
        &[&code],
        from_row,
    )?
    .map(|t| with_requirements(db, t))
    .transpose()
}

/// A permit type by id.
pub fn get(db: &Db, id: PermitTypeId) -> Result<Option<PermitType>> {
    db.one(
        &format!("SELECT {COLUMNS} FROM permit_types WHERE id = ?1"),
        &[&id],
        from_row,
    )?
    .map(|t| with_requirements(db, t))
    .transpose()
}

/// The catalogue, active types first, by code.
pub fn list(db: &Db) -> Result<Vec<PermitType>> {
    db.map(
        &format!("SELECT {COLUMNS} FROM permit_types ORDER BY active DESC, code"),
        &[],
        from_row,
    )?
    .into_iter()
    .map(|t| with_requirements(db, t))
    .collect()
}

/// The id of the type with `code`, if any.
pub fn id_of(db: &Db, code: &str) -> Result<Option<PermitTypeId>> {
    db.value_opt("SELECT id FROM permit_types WHERE code = ?1", &[&code])
}

fn insert_requirements(tx: &Tx, id: PermitTypeId, reqs: &[(String, bool)]) -> Result<()> {
    for (i, (label, mandatory)) in reqs.iter().enumerate() {
        tx.execute(
            "INSERT INTO permit_requirements (permit_type_id, position, label, mandatory) VALUES (?1, ?2, ?3, ?4)",
            &[&id, &(i as i64 + 1), label, mandatory],
        )?;
    }
    Ok(())
}

/// Stores a new permit type with its checklist; returns its id.
pub fn insert(tx: &Tx, t: &PermitTypeRow) -> Result<PermitTypeId> {
    let id: PermitTypeId = tx.value(
        "INSERT INTO permit_types (code, name, title, legal_basis, fields, conditions, tembusan, sla_days,
                                   validity_months, classification, number_template, number_reset, fee)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) RETURNING id",
        &[
            &t.code,
            &t.name,
            &t.title,
            &Json(t.legal_basis),
            &Json(t.fields),
            &Json(t.conditions),
            &Json(t.tembusan),
            &t.sla_days,
            &t.validity_months,
            &t.classification,
            &t.number_template,
            &t.number_reset,
            &t.fee,
        ],
    )?;
    insert_requirements(tx, id, t.requirements)?;
    Ok(id)
}

/// Replaces a permit type's definition and checklist (cases keep the checklist they were registered with).
pub fn update(tx: &Tx, id: PermitTypeId, t: &PermitTypeRow) -> Result<()> {
    tx.execute(
        "UPDATE permit_types SET code = ?2, name = ?3, title = ?4, legal_basis = ?5, fields = ?6, conditions = ?7,
                tembusan = ?8, sla_days = ?9, validity_months = ?10, classification = ?11, number_template = ?12,
                number_reset = ?13, fee = ?14
         WHERE id = ?1",
        &[
            &id,
            &t.code,
            &t.name,
            &t.title,
            &Json(t.legal_basis),
            &Json(t.fields),
            &Json(t.conditions),
            &Json(t.tembusan),
            &t.sla_days,
            &t.validity_months,
            &t.classification,
            &t.number_template,
            &t.number_reset,
            &t.fee,
        ],
    )?;
    tx.execute(
        "DELETE FROM permit_requirements WHERE permit_type_id = ?1",
        &[&id],
    )?;
    insert_requirements(tx, id, t.requirements)
}

/// Retires or reactivates a permit type.
pub fn set_active(tx: &Tx, id: PermitTypeId, active: bool) -> Result<()> {
    tx.execute(
        "UPDATE permit_types SET active = ?2 WHERE id = ?1",
        &[&id, &active],
    )?;
    Ok(())
}

/// Deletes a permit type and its checklist (only one no case ever used).
pub fn delete(tx: &Tx, id: PermitTypeId) -> Result<()> {
    tx.execute(
        "DELETE FROM permit_requirements WHERE permit_type_id = ?1",
        &[&id],
    )?;
    tx.execute("DELETE FROM permit_types WHERE id = ?1", &[&id])?;
    Ok(())
}
