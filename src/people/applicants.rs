//! Applicants: the people permits are issued to, one record per NIK. What the clerk types is always
//! checked, even for a NIK the register knows; when it differs from the registered person the difference
//! is reported (the registered data stays until the clerk updates it, an explicit and audited step).

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::actor::{Actor, Role};
use crate::db::{Db, Tx};
use crate::store::applicants::{self as store, ApplicantRow};
use crate::store::areas;
use crate::{audit, identity, text, Error, Result};

pub use crate::store::applicants::{Applicant, ApplicantId};
pub use crate::store::areas::Village;

/// What the front desk types for an applicant. Birth date and sex come from the NIK.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
pub struct ApplicantInput {
    pub nik: String,
    pub name: String,
    pub birth_place: String,
    pub address: String,
    #[serde(default)]
    pub village_code: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub npwp: Option<String>,
}

/// The roles that may register and edit applicants.
pub const WRITERS: &[Role] = &[Role::Clerk, Role::Courier, Role::Admin];

/// A field where what was typed differs from the registered person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Difference {
    pub field: &'static str,
    pub registered: String,
    pub typed: String,
}

impl std::fmt::Display for Difference {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: the register has {:?}, typed {:?} (the registered value is kept; update the applicant to change it)",
            self.field, self.registered, self.typed
        )
    }
}

/// The applicant a registration uses, and how what was typed compares with them.
#[derive(Debug, Clone, Serialize)]
pub struct Found {
    pub applicant: Applicant,
    /// True when this registration created the applicant.
    pub created: bool,
    /// Where the typed data differs from a registered applicant (empty for a new one).
    pub differences: Vec<Difference>,
}

/// Checks everything typed for an applicant; the NIK's date settles its century against `today`.
pub fn check(db: &Db, a: &ApplicantInput, today: NaiveDate) -> Result<ApplicantRow> {
    let nik = identity::check_nik(db, &a.nik, today)?;
    let village_code = match a
        .village_code
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        Some(code) => {
            if !areas::village_exists(db, code)? {
                return Err(Error::invalid(
                    "village_code",
                    format!("unknown village code {code:?}"),
                ));
            }
            Some(code.to_string())
        }
        None => None,
    };
    let email = match a.email.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(e) if e.contains('@') && !e.contains(char::is_whitespace) && e.len() <= 120 => {
            text::printable("email", e)?;
            Some(e.to_string())
        }
        Some(_) => return Err(Error::invalid("email", "the e-mail address is not valid")),
        None => None,
    };
    Ok(ApplicantRow {
        name: text::person_name("name", &a.name)?,
        sex: nik.parts.sex,
        birth_place: text::line("birth_place", &a.birth_place, 80)?,
        birth_date: nik.parts.birth_date,
        address: text::line("address", &a.address, text::MAX_TEXT)?,
        village_code,
        phone: a
            .phone
            .as_deref()
            .filter(|s| !s.trim().is_empty())
            .map(identity::normalize_phone)
            .transpose()?,
        email,
        npwp: a
            .npwp
            .as_deref()
            .filter(|s| !s.trim().is_empty())
            .map(identity::parse_npwp)
            .transpose()?,
        nik: nik.parts.nik,
    })
}

/// Where checked input differs from a registered applicant; a field left empty is no difference.
pub fn differences(registered: &Applicant, typed: &ApplicantRow) -> Vec<Difference> {
    let mut out = Vec::new();
    let mut cmp = |field: &'static str, reg: Option<&str>, new: Option<&str>| {
        if let Some(new) = new {
            if reg != Some(new) {
                out.push(Difference {
                    field,
                    registered: reg.unwrap_or("").to_string(),
                    typed: new.to_string(),
                });
            }
        }
    };
    cmp("name", Some(&registered.name), Some(&typed.name));
    cmp(
        "birth_place",
        Some(&registered.birth_place),
        Some(&typed.birth_place),
    );
    cmp("address", Some(&registered.address), Some(&typed.address));
    cmp(
        "village_code",
        registered.village_code.as_deref(),
        typed.village_code.as_deref(),
    );
    cmp("phone", registered.phone.as_deref(), typed.phone.as_deref());
    cmp("email", registered.email.as_deref(), typed.email.as_deref());
    cmp("npwp", registered.npwp.as_deref(), typed.npwp.as_deref());
    out
}

/// An applicant by NIK (digits only or with separators).
pub fn by_nik(db: &Db, nik: &str) -> Result<Option<Applicant>> {
    let digits: String = nik.chars().filter(char::is_ascii_digit).collect();
    store::by_nik(db, &digits)
}

/// An applicant by id.
pub fn get(db: &Db, id: ApplicantId) -> Result<Applicant> {
    store::get(db, id)?.ok_or_else(|| Error::not_found("applicant", id))
}

/// Checks the input, then finds the applicant with its NIK or registers a new one, inside the caller's
/// transaction. A known NIK is never duplicated; its differences are reported.
pub fn find_or_create_tx(
    tx: &Tx,
    actor: &Actor,
    now: DateTime<Utc>,
    today: NaiveDate,
    a: &ApplicantInput,
) -> Result<Found> {
    actor.require(WRITERS, "register applicants")?;
    let row = check(tx, a, today)?;
    if let Some(found) = store::by_nik(tx, &row.nik)? {
        let differences = differences(&found, &row);
        return Ok(Found {
            applicant: found,
            created: false,
            differences,
        });
    }
    let id = store::insert(tx, &row, now)?;
    audit::admin_event(tx, Some(actor.id), now, "applicant.create", &row.nik, None)?;
    Ok(Found {
        applicant: get(tx, id)?,
        created: true,
        differences: Vec::new(),
    })
}

/// Registers an applicant, or finds the one with this NIK (reporting how the input differs).
pub fn register(
    db: &mut Db,
    actor: &Actor,
    now: DateTime<Utc>,
    a: &ApplicantInput,
) -> Result<Found> {
    let today = crate::store::office::today(db, now)?;
    db.write(|tx| find_or_create_tx(tx, actor, now, today, a))
}

/// Updates a person's data (moved house, a new phone): the NIK, and so the birth date and sex, never
/// change. Audited with what changed.
pub fn update(
    db: &mut Db,
    actor: &Actor,
    now: DateTime<Utc>,
    id: ApplicantId,
    a: &ApplicantInput,
) -> Result<Applicant> {
    let today = crate::store::office::today(db, now)?;
    db.write(|tx| update_in(tx, actor, now, today, id, a))
}

/// [`update`] inside the caller's transaction (a van conflict resolved with the van's data).
pub(crate) fn update_tx(
    tx: &Tx,
    actor: &Actor,
    now: DateTime<Utc>,
    id: ApplicantId,
    a: &ApplicantInput,
) -> Result<Applicant> {
    let today = crate::store::office::today(tx, now)?;
    update_in(tx, actor, now, today, id, a)
}

fn update_in(
    tx: &Tx,
    actor: &Actor,
    now: DateTime<Utc>,
    today: NaiveDate,
    id: ApplicantId,
    a: &ApplicantInput,
) -> Result<Applicant> {
    actor.require(WRITERS, "edit applicants")?;
    {
        let before = get(tx, id)?;
        let row = check(
            tx,
            &ApplicantInput {
                nik: before.nik.clone(),
                ..a.clone()
            },
            today,
        )?;
        let changed = differences(&before, &row);
        if changed.is_empty() {
            return Ok(before);
        }
        // Fields left empty keep their registered value, as in `differences`.
        let merged = ApplicantRow {
            village_code: row.village_code.clone().or(before.village_code.clone()),
            phone: row.phone.clone().or(before.phone.clone()),
            email: row.email.clone().or(before.email.clone()),
            npwp: row.npwp.clone().or(before.npwp.clone()),
            ..row
        };
        store::update(tx, id, &merged, now)?;
        let detail: Vec<String> = changed
            .iter()
            .map(|d| format!("{}: {} → {}", d.field, d.registered, d.typed))
            .collect();
        audit::admin_event(
            tx,
            Some(actor.id),
            now,
            "applicant.update",
            &before.nik,
            Some(&detail.join("; ")),
        )?;
        get(tx, id)
    }
}

/// Applicants whose name or NIK matches, for the search box.
pub fn search(db: &Db, query: &str, limit: u32) -> Result<Vec<Applicant>> {
    store::search(db, query, limit)
}

/// Villages of the office's own regency whose name (anywhere) or code (from the start) matches `query`,
/// for the register form's village field: the van plans its trips by these codes.
pub fn villages(db: &Db, query: &str, limit: u32) -> Result<Vec<Village>> {
    match crate::store::office::get(db)? {
        Some(o) => areas::find_villages(db, &o.regency_code, query, limit),
        None => Ok(Vec::new()),
    }
}

/// Every village of the office's regency, by district then village name (empty before setup).
pub fn regency_villages(db: &Db) -> Result<Vec<Village>> {
    match crate::store::office::get(db)? {
        Some(o) => areas::regency_villages(db, &o.regency_code),
        None => Ok(Vec::new()),
    }
}
