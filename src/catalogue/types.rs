//! A permit type as typed by the catalogue editor or written in the seed catalogue, and every check on it:
//! the window and the CLI refuse exactly the same things, beside the field at fault.

use serde::Deserialize;

use super::numbering;
use crate::db::Db;
use crate::store::permit_types::{
    self as store, FieldDef, FieldKind, NumberReset, PermitType, PermitTypeId, PermitTypeRow,
};
use crate::{text, Error, Result};

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
    pub number_reset: NumberReset,
    #[serde(default)]
    pub fee: i64,
}

/// A permit type's input with every text trimmed and checked.
pub(crate) struct Checked {
    code: String,
    name: String,
    title: String,
    legal_basis: Vec<String>,
    requirements: Vec<(String, bool)>,
    fields: Vec<FieldDef>,
    conditions: Vec<String>,
    tembusan: Vec<String>,
    classification: String,
    number_template: String,
    t: PermitTypeInput,
}

impl Checked {
    pub(crate) fn code(&self) -> &str {
        &self.code
    }

    pub(crate) fn row(&self) -> PermitTypeRow<'_> {
        PermitTypeRow {
            code: &self.code,
            name: &self.name,
            title: &self.title,
            legal_basis: &self.legal_basis,
            fields: &self.fields,
            conditions: &self.conditions,
            tembusan: &self.tembusan,
            sla_days: self.t.sla_days,
            validity_months: self.t.validity_months,
            classification: &self.classification,
            number_template: &self.number_template,
            number_reset: self.t.number_reset,
            fee: self.t.fee,
            requirements: &self.requirements,
        }
    }
}

fn lines(field: &'static str, items: &[String]) -> Result<Vec<String>> {
    items
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .map(|s| text::line(field, s, text::MAX_TEXT))
        .collect()
}

/// Every rule of a permit type: code, names, service standard, validity, checklist, certificate fields
/// (keys unique and well formed, labels present, a choice with at least two choices), number template.
pub(crate) fn check(t: &PermitTypeInput) -> Result<Checked> {
    let code = t.code.trim().to_string();
    if code.is_empty()
        || code.len() > 12
        || !code
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
    {
        return Err(Error::invalid(
            "code",
            "a permit code is 1–12 capital letters or digits",
        ));
    }
    let name = text::line("name", &t.name, 200)?;
    let title = text::line("title", &t.title, 200)?;
    if t.sla_days == 0 || t.sla_days > 365 {
        return Err(Error::invalid(
            "sla_days",
            "the service standard is 1 to 365 working days",
        ));
    }
    if let Some(m) = t.validity_months {
        if !(1..=1200).contains(&m) {
            return Err(Error::invalid(
                "validity_months",
                "the validity is 1 to 1200 months, or empty for a permit that does not expire",
            ));
        }
    }
    if t.fee < 0 {
        return Err(Error::invalid("fee", "the fee cannot be negative"));
    }
    let mut requirements = Vec::new();
    for (label, mandatory) in &t.requirements {
        if !label.trim().is_empty() {
            requirements.push((text::line("requirements", label, 200)?, *mandatory));
        }
    }
    if requirements.is_empty() {
        return Err(Error::invalid(
            "requirements",
            "a permit type needs at least one requirement",
        ));
    }
    let mut fields: Vec<FieldDef> = Vec::with_capacity(t.fields.len());
    for (i, f) in t.fields.iter().enumerate() {
        let key = f.key.trim().to_string();
        let mut k = key.chars();
        if !(k.next().is_some_and(|c| c.is_ascii_lowercase())
            && k.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'))
        {
            return Err(Error::invalid(
                format!("field_key_{i}"),
                format!("field key {key:?} must start with a small letter and hold only small letters, digits and _"),
            ));
        }
        if fields.iter().any(|g| g.key == key) {
            return Err(Error::invalid(
                format!("field_key_{i}"),
                format!("the field key {key} is used twice"),
            ));
        }
        let label = text::line("label", &f.label, 120).map_err(|_| {
            Error::invalid(
                format!("field_label_{i}"),
                format!("field {key} needs a label"),
            )
        })?;
        let choices: Vec<String> = f
            .choices
            .iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .map(|c| text::line("choices", c, 120))
            .collect::<Result<_>>()?;
        if f.kind == FieldKind::Choice && choices.len() < 2 {
            return Err(Error::invalid(
                format!("field_choices_{i}"),
                format!("the choice field {key} needs at least two choices"),
            ));
        }
        fields.push(FieldDef {
            key,
            label,
            kind: f.kind,
            required: f.required,
            choices: if f.kind == FieldKind::Choice {
                choices
            } else {
                Vec::new()
            },
        });
    }
    let number_template = t.number_template.trim().to_string();
    numbering::check_template(&number_template)?;
    Ok(Checked {
        code,
        name,
        title,
        legal_basis: lines("legal_basis", &t.legal_basis)?,
        requirements,
        fields,
        conditions: lines("conditions", &t.conditions)?,
        tembusan: lines("tembusan", &t.tembusan)?,
        classification: text::line("classification", &t.classification, 60)?,
        number_template,
        t: t.clone(),
    })
}

/// A permit type by its code (e.g. `SIPD`), any case.
pub fn by_code(db: &Db, code: &str) -> Result<PermitType> {
    store::by_code(db, &code.trim().to_uppercase())?.ok_or_else(|| {
        Error::invalid(
            "permit_type",
            format!("unknown permit type {:?}", code.trim()),
        )
    })
}

/// A permit type by id.
pub fn get(db: &Db, id: PermitTypeId) -> Result<PermitType> {
    store::get(db, id)?.ok_or_else(|| Error::not_found("permit type", id))
}

/// The whole catalogue, active types first, by code.
pub fn list(db: &Db) -> Result<Vec<PermitType>> {
    store::list(db)
}

/// The types that take new applications (what the register form offers).
pub fn active(db: &Db) -> Result<Vec<PermitType>> {
    Ok(list(db)?.into_iter().filter(|t| t.active).collect())
}
