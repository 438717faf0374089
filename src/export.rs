//! Taking the register out: cases and applicants as CSV for a spreadsheet, a report or another system.
//! The applicants file has the import's columns, so it can be read back by [`crate::import`].

use std::io::Write;

use rusqlite::Connection;

use crate::{import, Error, Result};

fn csv_err(e: csv::Error) -> Error {
    Error::Io(std::io::Error::other(e.to_string()))
}

/// The columns of the cases export.
pub const CASE_COLUMNS: &[&str] = &[
    "registration_number",
    "status",
    "permit_type",
    "nik",
    "name",
    "channel",
    "service_mode",
    "registered_on",
    "due_date",
    "permit_number",
    "issued_on",
    "valid_until",
];

/// Writes every case, oldest first, as CSV; returns how many.
pub fn cases_csv(conn: &Connection, out: impl Write) -> Result<u64> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(CASE_COLUMNS).map_err(csv_err)?;
    let mut stmt = conn.prepare(
        "SELECT c.registration_number, c.status, t.code, a.nik, a.name, c.channel, c.service_mode,
                c.registered_on, c.due_date, c.permit_number, c.issued_on, c.valid_until
         FROM cases c
         JOIN applicants a ON a.id = c.applicant_id
         JOIN permit_types t ON t.id = c.permit_type_id
         ORDER BY c.id",
    )?;
    let mut rows = stmt.query([])?;
    let mut n = 0;
    while let Some(r) = rows.next()? {
        let mut rec = Vec::with_capacity(CASE_COLUMNS.len());
        for i in 0..CASE_COLUMNS.len() {
            rec.push(r.get::<_, Option<String>>(i)?.unwrap_or_default());
        }
        w.write_record(&rec).map_err(csv_err)?;
        n += 1;
    }
    w.flush()?;
    Ok(n)
}

/// Writes every applicant as CSV in the import's format (no case columns filled); returns how many.
pub fn applicants_csv(conn: &Connection, out: impl Write) -> Result<u64> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(import::COLUMNS).map_err(csv_err)?;
    let mut stmt = conn.prepare(
        "SELECT nik, name, birth_place, address, village_code, phone, email, npwp
         FROM applicants ORDER BY id",
    )?;
    let mut rows = stmt.query([])?;
    let mut n = 0;
    while let Some(r) = rows.next()? {
        let mut rec = Vec::with_capacity(import::COLUMNS.len());
        for i in 0..8 {
            rec.push(r.get::<_, Option<String>>(i)?.unwrap_or_default());
        }
        rec.resize(import::COLUMNS.len(), String::new());
        w.write_record(&rec).map_err(csv_err)?;
        n += 1;
    }
    w.flush()?;
    Ok(n)
}
