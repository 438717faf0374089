//! The kop surat every document starts with: the office's names, address and logo.

use crate::db::Db;
use crate::office::{self, Office};
use crate::print::OfficeHeader;
use crate::Result;

/// The office profile and the header drawn from it.
pub fn header(db: &Db) -> Result<(Office, OfficeHeader)> {
    let o = office::require(db)?;
    let h = OfficeHeader {
        government: o.government.clone(),
        office_name: o.name.clone(),
        address_lines: vec![
            o.address.clone(),
            format!("Telp. {}  ·  E-mail: {}", o.phone, o.email),
        ],
        logo_png: office::logo(db)?.map(Into::into),
    };
    Ok((o, h))
}
