//! The `office` table: the one row that names the office on every document, its week and its logo.

use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::db::{Db, FromValue, Param, Tx, Value};
use crate::Result;

/// The ISO weekdays the office works (Monday = 1 … Sunday = 7), stored as digits: `12345`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WorkDays([bool; 7]);

impl WorkDays {
    /// Monday to Friday, the usual civil-service week.
    pub const MONDAY_TO_FRIDAY: WorkDays = WorkDays([true, true, true, true, true, false, false]);

    /// Reads ISO weekday digits; anything else, or no day at all, is refused.
    pub fn parse(s: &str) -> std::result::Result<WorkDays, String> {
        let mut days = [false; 7];
        for c in s.chars().filter(|c| !c.is_whitespace()) {
            match c.to_digit(10) {
                Some(d @ 1..=7) => days[d as usize - 1] = true,
                _ => {
                    return Err(format!(
                        "{c:?} is not an ISO weekday digit (1 = Monday … 7 = Sunday)"
                    ))
                }
            }
        }
        if !days.iter().any(|d| *d) {
            return Err("the office needs at least one working day".into());
        }
        Ok(WorkDays(days))
    }

    /// Whether the office works on ISO weekday `n` (1 = Monday).
    pub fn works(&self, iso_weekday: u32) -> bool {
        (1..=7).contains(&iso_weekday) && self.0[iso_weekday as usize - 1]
    }
}

impl fmt::Display for WorkDays {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, on) in self.0.iter().enumerate() {
            if *on {
                write!(f, "{}", i + 1)?;
            }
        }
        Ok(())
    }
}

impl Serialize for WorkDays {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for WorkDays {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        WorkDays::parse(&s).map_err(serde::de::Error::custom)
    }
}

impl Param for WorkDays {
    fn to_value(&self) -> Value {
        Value::Text(self.to_string())
    }
}

impl FromValue for WorkDays {
    fn from_value(v: &Value) -> std::result::Result<Self, String> {
        WorkDays::parse(&String::from_value(v)?)
    }
}

/// The office as printed on its documents.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Office {
    /// `PEMERINTAH KABUPATEN BANYUASIN`
    pub government: String,
    /// `DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU`
    pub name: String,
    /// The unit token of permit numbers, e.g. `DPMPTSP`.
    pub unit: String,
    /// Kemendagri code of the regency, e.g. `16.07`.
    pub regency_code: String,
    pub address: String,
    pub phone: String,
    pub email: String,
    /// The signer's title as printed, e.g. `KEPALA DINAS PENANAMAN MODAL DAN PTSP`.
    pub head_title: String,
    pub head_name: String,
    /// Pangkat/golongan, e.g. `Pembina Utama Muda (IV/c)`.
    pub head_rank: String,
    /// 18 digits, stored without spaces.
    pub head_nip: String,
    /// Where permits are signed, e.g. `Pangkalan Balai`.
    pub sign_place: String,
    /// The office's offset from UTC in minutes (WIB = 420).
    #[serde(default = "default_offset")]
    pub utc_offset_minutes: i32,
    /// The working week, e.g. `12345` for Monday–Friday.
    #[serde(default = "default_work_days")]
    pub work_days: WorkDays,
}

fn default_offset() -> i32 {
    crate::time::WIB_MINUTES
}

fn default_work_days() -> WorkDays {
    WorkDays::MONDAY_TO_FRIDAY
}

/// The office profile, or `None` before first-run setup.
pub fn get(db: &Db) -> Result<Option<Office>> {
    db.one(
        "SELECT government, name, unit, regency_code, address, phone, email, head_title, head_name, head_rank,
                head_nip, sign_place, utc_offset_minutes, work_days FROM office WHERE id = 1",
        &[],
        |r| {
            Ok(Office {
                government: r.get(0)?,
                name: r.get(1)?,
                unit: r.get(2)?,
                regency_code: r.get(3)?,
                address: r.get(4)?,
                phone: r.get(5)?,
                email: r.get(6)?,
                head_title: r.get(7)?,
                head_name: r.get(8)?,
                head_rank: r.get(9)?,
                head_nip: r.get(10)?,
                sign_place: r.get(11)?,
                utc_offset_minutes: r.get(12)?,
                work_days: r.get(13)?,
            })
        },
    )
}

/// The office's UTC offset in minutes, or `None` before setup (one small read on hot paths).
pub fn utc_offset(db: &Db) -> Result<Option<i32>> {
    db.value_opt("SELECT utc_offset_minutes FROM office WHERE id = 1", &[])
}

/// The office's calendar day at `now`: permits, due dates and reports count in the office's local day (WIB
/// in Banyuasin, and before setup), never the computer's or the browser's.
pub fn today(db: &Db, now: DateTime<Utc>) -> Result<chrono::NaiveDate> {
    let offset = utc_offset(db)?.unwrap_or(crate::time::WIB_MINUTES);
    Ok(crate::time::local_day(now, offset))
}

/// Writes the profile (the one row is created at setup, replaced after).
pub fn save(tx: &Tx, o: &Office, now: DateTime<Utc>) -> Result<()> {
    tx.execute(
        "INSERT INTO office (id, government, name, unit, regency_code, address, phone, email, head_title, head_name,
                             head_rank, head_nip, sign_place, utc_offset_minutes, work_days, updated_at)
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)
         ON CONFLICT (id) DO UPDATE SET government = excluded.government, name = excluded.name, unit = excluded.unit,
           regency_code = excluded.regency_code, address = excluded.address, phone = excluded.phone,
           email = excluded.email, head_title = excluded.head_title, head_name = excluded.head_name,
           head_rank = excluded.head_rank, head_nip = excluded.head_nip, sign_place = excluded.sign_place,
           utc_offset_minutes = excluded.utc_offset_minutes, work_days = excluded.work_days,
           updated_at = excluded.updated_at",
        &[
            &o.government,
            &o.name,
            &o.unit,
            &o.regency_code,
            &o.address,
            &o.phone,
            &o.email,
            &o.head_title,
            &o.head_name,
            &o.head_rank,
            &o.head_nip,
            &o.sign_place,
            &o.utc_offset_minutes,
            &o.work_days,
            &now,
        ],
    )?;
    Ok(())
}

/// The logo printed in the kop surat, as PNG bytes.
pub fn logo(db: &Db) -> Result<Option<Vec<u8>>> {
    Ok(db
        .value_opt::<Option<Vec<u8>>>("SELECT logo_png FROM office WHERE id = 1", &[])?
        .flatten())
}

/// Sets or clears the logo; returns whether the office row exists.
pub fn set_logo(tx: &Tx, png: Option<&[u8]>, now: DateTime<Utc>) -> Result<bool> {
    Ok(tx.execute(
        "UPDATE office SET logo_png = ?1, updated_at = ?2 WHERE id = 1",
        &[&png, &now],
    )? > 0)
}

/// Whether the office counts cuti bersama days as working days (false before setup).
pub fn cuti_bersama_is_working(db: &Db) -> Result<bool> {
    Ok(db
        .value_opt(
            "SELECT cuti_bersama_is_working FROM office WHERE id = 1",
            &[],
        )?
        .unwrap_or(false))
}

/// Sets the cuti bersama choice; returns whether the office row exists.
pub fn set_cuti_bersama_is_working(tx: &Tx, working: bool) -> Result<bool> {
    Ok(tx.execute(
        "UPDATE office SET cuti_bersama_is_working = ?1 WHERE id = 1",
        &[&working],
    )? > 0)
}
