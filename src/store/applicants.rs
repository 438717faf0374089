//! The `applicants` table: one person per NIK, with the pas photo printed on their certificates.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use crate::db::{Db, Row, Tx};
use crate::{sql_enum, sql_id, Result};

sql_id! {
    /// Newtype id of an applicant.
    pub struct ApplicantId;
}

sql_enum! {
    /// Sex as the NIK encodes it (and as Indonesian forms write it: L = laki-laki, P = perempuan).
    pub enum Sex {
        Male = "L",
        Female = "P",
    }
}

/// An applicant as stored, with the name of their village.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Applicant {
    pub id: ApplicantId,
    pub nik: String,
    pub name: String,
    pub sex: Sex,
    pub birth_place: String,
    pub birth_date: NaiveDate,
    pub address: String,
    pub village_code: Option<String>,
    pub village: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub npwp: Option<String>,
}

/// A checked applicant, ready to store (the people module's checks made it).
#[derive(Debug, Clone, PartialEq)]
pub struct ApplicantRow {
    pub nik: String,
    pub name: String,
    pub sex: Sex,
    pub birth_place: String,
    pub birth_date: NaiveDate,
    pub address: String,
    pub village_code: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub npwp: Option<String>,
}

const COLUMNS: &str =
    "a.id, a.nik, a.name, a.sex, a.birth_place, a.birth_date, a.address, a.village_code, v.name, \
     a.phone, a.email, a.npwp";
const FROM: &str = "applicants a LEFT JOIN villages v ON v.code = a.village_code";

fn from_row(r: &Row) -> Result<Applicant> {
    Ok(Applicant {
        id: r.get(0)?,
        nik: r.get(1)?,
        name: r.get(2)?,
        sex: r.get(3)?,
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

/// An applicant by NIK (digits only).
pub fn by_nik(db: &Db, nik: &str) -> Result<Option<Applicant>> {
    db.one(
        &format!("SELECT {COLUMNS} FROM {FROM} WHERE a.nik = ?1"),
        &[&nik],
        from_row,
    )
}

/// An applicant by id.
pub fn get(db: &Db, id: ApplicantId) -> Result<Option<Applicant>> {
    db.one(
        &format!("SELECT {COLUMNS} FROM {FROM} WHERE a.id = ?1"),
        &[&id],
        from_row,
    )
}

/// Applicants whose NIK starts with `query` or whose name contains it (any case), by name.
pub fn search(db: &Db, query: &str, limit: u32) -> Result<Vec<Applicant>> {
    let q = query.trim();
    let nik = format!("{q}%");
    let name = format!("%{}%", q.to_lowercase());
    db.map(
        &format!(
            "SELECT {COLUMNS} FROM {FROM} WHERE a.nik LIKE ?1 OR lower(a.name) LIKE ?2
             ORDER BY a.name LIMIT ?3"
        ),
        &[&nik, &name, &limit],
        from_row,
    )
}

/// Stores a new applicant; returns its id.
pub fn insert(tx: &Tx, a: &ApplicantRow, now: DateTime<Utc>) -> Result<ApplicantId> {
    tx.value(
        "INSERT INTO applicants (nik, name, sex, birth_place, birth_date, address, village_code, phone, email, npwp,
                                 created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11) RETURNING id",
        &[
            &a.nik,
            &a.name,
            &a.sex,
            &a.birth_place,
            &a.birth_date,
            &a.address,
            &a.village_code,
            &a.phone,
            &a.email,
            &a.npwp,
            &now,
        ],
    )
}

/// Replaces what can change of a person's data (never the NIK, birth date or sex: they are the NIK's);
/// their cases are found under the new name at once (the search index changes in this transaction).
pub fn update(tx: &Tx, id: ApplicantId, a: &ApplicantRow, now: DateTime<Utc>) -> Result<()> {
    tx.execute(
        "UPDATE applicants SET name = ?1, birth_place = ?2, address = ?3, village_code = ?4, phone = ?5, email = ?6,
                npwp = ?7, updated_at = ?8 WHERE id = ?9",
        &[
            &a.name,
            &a.birth_place,
            &a.address,
            &a.village_code,
            &a.phone,
            &a.email,
            &a.npwp,
            &now,
            &id,
        ],
    )?;
    super::cases::search::rename(tx, id, &a.name)
}

/// The applicant's pas photo; `None` for no photo, an error for no applicant.
pub fn photo(db: &Db, id: ApplicantId) -> Result<Option<Option<Vec<u8>>>> {
    db.value_opt("SELECT photo_png FROM applicants WHERE id = ?1", &[&id])
}

/// Sets or clears the pas photo.
pub fn set_photo(tx: &Tx, id: ApplicantId, png: Option<&[u8]>, now: DateTime<Utc>) -> Result<()> {
    tx.execute(
        "UPDATE applicants SET photo_png = ?1, updated_at = ?2 WHERE id = ?3",
        &[&png, &now, &id],
    )?;
    Ok(())
}

/// Every applicant in id order, as the export writes them (NIK, name, birth place, address, village,
/// phone, e-mail, NPWP), streamed to `f`.
pub fn each_for_export(db: &Db, f: impl FnMut(Vec<String>) -> Result<()>) -> Result<()> {
    let mut f = f;
    db.each(
        "SELECT nik, name, birth_place, address, village_code, phone, email, npwp FROM applicants ORDER BY id",
        &[],
        |r| {
            let mut rec = Vec::with_capacity(8);
            for i in 0..8 {
                rec.push(r.get::<Option<String>>(i)?.unwrap_or_default());
            }
            f(rec)
        },
    )
}

/// How many applicants [`each_for_export`] gives now.
pub fn count_for_export(db: &Db) -> Result<u64> {
    db.value("SELECT count(*) FROM applicants", &[])
}
