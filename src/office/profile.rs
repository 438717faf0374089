//! The office profile: the names and people printed in every kop surat and signature block, and the logo.

use chrono::{DateTime, Utc};

use crate::actor::Actor;
use crate::audit;
use crate::db::Db;
use crate::store::office::{self as store, Office};
use crate::{identity, text, time, Error, Result};

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
            work_days: store::WorkDays::MONDAY_TO_FRIDAY,
        }
    }

    /// The profile with every field checked and normalised.
    pub(crate) fn validated(&self) -> Result<Office> {
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
            head_nip: identity::parse_nip(&self.head_nip).map_err(|e| match e {
                Error::Invalid { message, .. } => Error::invalid("head_nip", message),
                other => other,
            })?,
            sign_place: text::line("sign_place", &self.sign_place, 80)?,
            utc_offset_minutes: self.utc_offset_minutes,
            work_days: self.work_days,
        })
    }
}

/// The office profile, or `None` before first-run setup.
pub fn get(db: &Db) -> Result<Option<Office>> {
    store::get(db)
}

/// The office profile, or an error that says setup has not been done.
pub fn require(db: &Db) -> Result<Office> {
    get(db)?
        .ok_or_else(|| Error::not_found("office profile", "run first-run setup (petromaks init)"))
}

/// The office logo as PNG bytes, if one was set.
pub fn logo(db: &Db) -> Result<Option<Vec<u8>>> {
    store::logo(db)
}

/// Changes the profile (admin only). Issued permits keep the signer they were signed by.
pub fn update(db: &mut Db, actor: &Actor, now: DateTime<Utc>, o: &Office) -> Result<Office> {
    actor.require_admin("change the office profile")?;
    let o = o.validated()?;
    db.write(|tx| {
        store::save(tx, &o, now)?;
        let detail = serde_json::to_string(&o).ok();
        audit::admin_event(
            tx,
            Some(actor.id),
            now,
            "office.update",
            &o.name,
            detail.as_deref(),
        )
    })?;
    Ok(o)
}

/// Sets or clears the logo printed in the kop surat (admin only). Must be a PNG under 2 MB.
pub fn set_logo(db: &mut Db, actor: &Actor, now: DateTime<Utc>, png: Option<&[u8]>) -> Result<()> {
    actor.require_admin("change the office logo")?;
    if let Some(bytes) = png {
        if !bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            return Err(Error::invalid("logo", "the logo must be a PNG image"));
        }
        if bytes.len() > 2 * 1024 * 1024 {
            return Err(Error::invalid("logo", "the logo must be smaller than 2 MB"));
        }
    }
    db.write(|tx| {
        if !store::set_logo(tx, png, now)? {
            return Err(Error::not_found("office profile", "run first-run setup"));
        }
        audit::admin_event(tx, Some(actor.id), now, "office.logo", "logo", None)
    })
}
