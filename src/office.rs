//! The office profile: the names and people printed in every kop surat and signature block.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::users::{Actor, Role};
use crate::{audit, db, identity, text, time, Error, Result};

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
    /// ISO weekdays that are working days, e.g. `12345` for Monday–Friday.
    #[serde(default = "default_work_days")]
    pub work_days: String,
}

fn default_offset() -> i32 {
    time::WIB_MINUTES
}

fn default_work_days() -> String {
    "12345".into()
}

impl Office {
    /// A profile for Kabupaten Banyuasin, the office the app was first built for; setup starts from it.
    pub fn banyuasin_example() -> Self {
        Office {
            government: "PEMERINTAH KABUPATEN BANYUASIN".into(),
            name: "DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU".into(),
            unit: "DPMPTSP".into(),
            regency_code: "16.07".into(),
            address: "Jalan Lingkar Komplek Perkantoran Pemkab Banyuasin, Pangkalan Balai 30911"
                .into(),
            phone: "(0711) 7690001".into(),
            email: "dpmptsp@banyuasinkab.go.id".into(),
            head_title: "KEPALA DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU".into(),
            head_name: "Drs. H. Ahmad Syarifuddin, M.Si".into(),
            head_rank: "Pembina Utama Muda (IV/c)".into(),
            head_nip: "196911112002121002".into(),
            sign_place: "Pangkalan Balai".into(),
            utc_offset_minutes: time::WIB_MINUTES,
            work_days: "12345".into(),
        }
    }

    pub(crate) fn validated(&self) -> Result<Office> {
        let work_days: String = self
            .work_days
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        if work_days.is_empty() || !work_days.chars().all(|c| ('1'..='7').contains(&c)) {
            return Err(Error::invalid(
                "work_days",
                "working days are ISO weekday digits 1 (Monday) to 7 (Sunday)",
            ));
        }
        if !(-12 * 60..=14 * 60).contains(&self.utc_offset_minutes) {
            return Err(Error::invalid(
                "utc_offset_minutes",
                "the UTC offset is between -12:00 and +14:00",
            ));
        }
        Ok(Office {
            government: text::line("government", &self.government, 200)?,
            name: text::line("name", &self.name, 200)?,
            unit: text::line("unit", &self.unit, 30)?,
            regency_code: text::line("regency_code", &self.regency_code, 5)?,
            address: text::line("address", &self.address, text::MAX_TEXT)?,
            phone: text::line("phone", &self.phone, 60)?,
            email: text::line("email", &self.email, 120)?,
            head_title: text::line("head_title", &self.head_title, 200)?,
            head_name: text::person_name("head_name", &self.head_name)?,
            head_rank: text::line("head_rank", &self.head_rank, 120)?,
            head_nip: identity::parse_nip(&self.head_nip)?,
            sign_place: text::line("sign_place", &self.sign_place, 80)?,
            utc_offset_minutes: self.utc_offset_minutes,
            work_days,
        })
    }
}

/// The office profile, or `None` before first-run setup.
pub fn get(conn: &Connection) -> Result<Option<Office>> {
    Ok(conn
        .query_row(
            "SELECT government, name, unit, regency_code, address, phone, email, head_title, head_name, head_rank,
                    head_nip, sign_place, utc_offset_minutes, work_days FROM office WHERE id = 1",
            [],
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
        .optional()?)
}

/// The office profile, or an error that says setup has not been done.
pub fn require(conn: &Connection) -> Result<Office> {
    get(conn)?
        .ok_or_else(|| Error::not_found("office profile", "run first-run setup (petromaks init)"))
}

/// The office logo as PNG bytes, if one was set.
pub fn logo(conn: &Connection) -> Result<Option<Vec<u8>>> {
    Ok(conn
        .query_row("SELECT logo_png FROM office WHERE id = 1", [], |r| r.get(0))
        .optional()?
        .flatten())
}

pub(crate) fn save_tx(tx: &rusqlite::Transaction, o: &Office, now: DateTime<Utc>) -> Result<()> {
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
        params![
            o.government, o.name, o.unit, o.regency_code, o.address, o.phone, o.email, o.head_title, o.head_name,
            o.head_rank, o.head_nip, o.sign_place, o.utc_offset_minutes, o.work_days, time::stamp(now)
        ],
    )?;
    Ok(())
}

/// Changes the profile (admin only). Issued permits keep the signer they were signed by.
pub fn update(
    conn: &mut Connection,
    actor: &Actor,
    now: DateTime<Utc>,
    o: &Office,
) -> Result<Office> {
    actor.require(&[Role::Admin], "change the office profile")?;
    let o = o.validated()?;
    let tx = db::write_tx(conn)?;
    save_tx(&tx, &o, now)?;
    let detail = serde_json::to_string(&o).ok();
    audit::admin_event(
        &tx,
        Some(actor.id),
        now,
        "office.update",
        &o.name,
        detail.as_deref(),
    )?;
    tx.commit()?;
    Ok(o)
}

/// Sets or clears the logo printed in the kop surat (admin only). Must be a PNG.
pub fn set_logo(
    conn: &mut Connection,
    actor: &Actor,
    now: DateTime<Utc>,
    png: Option<&[u8]>,
) -> Result<()> {
    actor.require(&[Role::Admin], "change the office logo")?;
    if let Some(bytes) = png {
        if !bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            return Err(Error::invalid("logo", "the logo must be a PNG image"));
        }
        if bytes.len() > 2 * 1024 * 1024 {
            return Err(Error::invalid("logo", "the logo must be smaller than 2 MB"));
        }
    }
    let tx = db::write_tx(conn)?;
    let n = tx.execute(
        "UPDATE office SET logo_png = ?1, updated_at = ?2 WHERE id = 1",
        params![png, time::stamp(now)],
    )?;
    if n == 0 {
        return Err(Error::not_found("office profile", "run first-run setup"));
    }
    audit::admin_event(&tx, Some(actor.id), now, "office.logo", "logo", None)?;
    tx.commit()?;
    Ok(())
}
