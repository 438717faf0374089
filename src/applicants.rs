//! Applicants: the people permits are issued to, one record per NIK.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};

use crate::identity::{self, Sex};
use crate::users::{Actor, Role};
use crate::{db, text, time, Error, Result};

/// Newtype id of an applicant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ApplicantId(pub i64);

/// An applicant as stored.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Applicant {
    pub id: ApplicantId,
    pub nik: String,
    pub name: String,
    pub sex: Sex,
    pub birth_place: String,
    pub birth_date: String,
    pub address: String,
    pub village_code: Option<String>,
    pub village: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub npwp: Option<String>,
}

/// What the front desk types for a new applicant. Birth date and sex come from the NIK.
#[derive(Debug, Clone, Default, Deserialize)]
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

/// The clerk's roles that may register and edit applicants.
pub const WRITERS: &[Role] = &[Role::Clerk, Role::Courier, Role::Admin];

const COLUMNS: &str =
    "a.id, a.nik, a.name, a.sex, a.birth_place, a.birth_date, a.address, a.village_code, v.name, \
                       a.phone, a.email, a.npwp";
const FROM: &str = "applicants a LEFT JOIN villages v ON v.code = a.village_code";

fn from_row(r: &Row) -> rusqlite::Result<Applicant> {
    let sex: String = r.get(3)?;
    Ok(Applicant {
        id: ApplicantId(r.get(0)?),
        nik: r.get(1)?,
        name: r.get(2)?,
        sex: Sex::from_code(&sex).ok_or_else(|| {
            rusqlite::Error::FromSqlConversionFailure(
                3,
                rusqlite::types::Type::Text,
                format!("bad sex {sex:?}").into(),
            )
        })?,
        birth_place: r.get(4)?,
        birth_date: r.get(5)?,
        address: r.get(6)?,
        village_code: r.get(7)?,
        village: r.get(8)?,
        phone: r.get(9)?,
        email: r.get(10)?,
        npwp: r.get(11)?,
    })
}

struct Checked {
    nik: String,
    name: String,
    sex: Sex,
    birth_place: String,
    birth_date: NaiveDate,
    address: String,
    village_code: Option<String>,
    phone: Option<String>,
    email: Option<String>,
    npwp: Option<String>,
}

fn check(conn: &Connection, a: &ApplicantInput, today: NaiveDate) -> Result<Checked> {
    let nik = identity::check_nik(conn, &a.nik, today)?;
    let village_code = match a
        .village_code
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        Some(code) => {
            let known: bool = conn.query_row(
                "SELECT EXISTS (SELECT 1 FROM villages WHERE code = ?1)",
                [code],
                |r| r.get(0),
            )?;
            if !known {
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
            Some(e.to_string())
        }
        Some(_) => return Err(Error::invalid("email", "the e-mail address is not valid")),
        None => None,
    };
    Ok(Checked {
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

/// An applicant by NIK (digits only or with separators).
pub fn by_nik(conn: &Connection, nik: &str) -> Result<Option<Applicant>> {
    let digits: String = nik.chars().filter(char::is_ascii_digit).collect();
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM {FROM} WHERE a.nik = ?1"),
            [digits],
            from_row,
        )
        .optional()?)
}

/// An applicant by id.
pub fn get(conn: &Connection, id: ApplicantId) -> Result<Applicant> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM {FROM} WHERE a.id = ?1"),
        [id.0],
        from_row,
    )
    .optional()?
    .ok_or_else(|| Error::not_found("applicant", id.0))
}

/// Finds the applicant with this NIK, or registers a new one, inside the caller's transaction.
/// Returns the applicant and whether it was created. A known NIK is never duplicated.
pub fn find_or_create_tx(
    tx: &Transaction,
    actor: &Actor,
    now: DateTime<Utc>,
    today: NaiveDate,
    a: &ApplicantInput,
) -> Result<(Applicant, bool)> {
    actor.require(WRITERS, "register applicants")?;
    if let Some(found) = by_nik(tx, &a.nik)? {
        return Ok((found, false));
    }
    let c = check(tx, a, today)?;
    let stamp = time::stamp(now);
    tx.execute(
        "INSERT INTO applicants (nik, name, sex, birth_place, birth_date, address, village_code, phone, email, npwp,
                                 created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)",
        params![
            c.nik,
            c.name,
            c.sex.code(),
            c.birth_place,
            time::day(c.birth_date),
            c.address,
            c.village_code,
            c.phone,
            c.email,
            c.npwp,
            stamp
        ],
    )?;
    let id = ApplicantId(tx.last_insert_rowid());
    crate::audit::admin_event(tx, Some(actor.id), now, "applicant.create", &c.nik, None)?;
    Ok((get(tx, id)?, true))
}

/// Registers an applicant, or finds the one with this NIK.
pub fn register(
    conn: &mut Connection,
    actor: &Actor,
    now: DateTime<Utc>,
    a: &ApplicantInput,
) -> Result<(Applicant, bool)> {
    let today = crate::cases::office_today(conn, now)?;
    let tx = db::write_tx(conn)?;
    let out = find_or_create_tx(&tx, actor, now, today, a)?;
    tx.commit()?;
    Ok(out)
}

/// Corrects an applicant's data (the NIK itself cannot change: it is who the person is).
pub fn update(
    conn: &mut Connection,
    actor: &Actor,
    now: DateTime<Utc>,
    id: ApplicantId,
    a: &ApplicantInput,
) -> Result<Applicant> {
    actor.require(WRITERS, "edit applicants")?;
    let today = crate::cases::office_today(conn, now)?;
    let tx = db::write_tx(conn)?;
    let before = get(&tx, id)?;
    let c = check(
        &tx,
        &ApplicantInput {
            nik: before.nik.clone(),
            ..a.clone()
        },
        today,
    )?;
    tx.execute(
        "UPDATE applicants SET name = ?1, birth_place = ?2, address = ?3, village_code = ?4, phone = ?5, email = ?6,
                npwp = ?7, updated_at = ?8 WHERE id = ?9",
        params![c.name, c.birth_place, c.address, c.village_code, c.phone, c.email, c.npwp, time::stamp(now), id.0],
    )?;
    let detail = format!(
        "name: {} → {}; address: {} → {}",
        before.name, c.name, before.address, c.address
    );
    crate::audit::admin_event(
        &tx,
        Some(actor.id),
        now,
        "applicant.update",
        &before.nik,
        Some(&detail),
    )?;
    let after = get(&tx, id)?;
    tx.commit()?;
    Ok(after)
}

/// Applicants whose name or NIK matches, for the search box.
pub fn search(conn: &Connection, query: &str, limit: u32) -> Result<Vec<Applicant>> {
    let q = query.trim();
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM {FROM} WHERE a.nik LIKE ?1 || '%' OR a.name LIKE '%' || ?1 || '%' ORDER BY a.name LIMIT ?2"
    ))?;
    let rows = stmt
        .query_map(params![q, limit], from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// A village (desa/kelurahan) an applicant can live in, with its district for telling namesakes apart.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Village {
    /// Kemendagri code, e.g. `16.07.01.2001`.
    pub code: String,
    pub name: String,
    pub district: String,
}

/// Villages of the office's own regency whose name (anywhere) or code (from the start) matches `query`,
/// for the register form's village field: the van plans its trips by these codes.
pub fn villages(conn: &Connection, query: &str, limit: u32) -> Result<Vec<Village>> {
    regency_villages_where(conn, Some(query.trim()), limit)
}

/// Every village of the office's regency, by district then village name (empty before setup).
pub fn regency_villages(conn: &Connection) -> Result<Vec<Village>> {
    regency_villages_where(conn, None, u32::MAX)
}

fn regency_villages_where(
    conn: &Connection,
    query: Option<&str>,
    limit: u32,
) -> Result<Vec<Village>> {
    let Some(office) = crate::office::get(conn)? else {
        return Ok(Vec::new());
    };
    // A village's code starts with its regency's: the range on the primary key reads ~300 rows, not the
    // whole country's 83 000 (110 ms → under 1 ms per keystroke).
    let (filter, order) = match query {
        Some(_) => (
            "AND (v.name LIKE '%' || ?2 || '%' OR v.code LIKE ?2 || '%')",
            "v.name, d.name",
        ),
        // ?2 is bound either way (rusqlite checks the count); without a query it is NULL.
        None => ("AND ?2 IS NULL", "d.name, v.name, v.code"),
    };
    let mut stmt = conn.prepare(&format!(
        "SELECT v.code, v.name, d.name FROM villages v JOIN districts d ON d.code = v.district_code
         WHERE v.code > ?1 || '.' AND v.code < ?1 || '/' AND d.regency_code = ?1 {filter}
         ORDER BY {order} LIMIT ?3"
    ))?;
    let rows = stmt
        .query_map(params![office.regency_code, query, limit], |r| {
            Ok(Village {
                code: r.get(0)?,
                name: r.get(1)?,
                district: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}
