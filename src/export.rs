//! Taking the register out: cases and applicants as CSV or XLSX for a spreadsheet, a report or another
//! system.
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

fn case_rows(conn: &Connection) -> Result<Vec<Vec<String>>> {
    let mut stmt = conn.prepare(
        "SELECT c.registration_number, c.status, t.code, a.nik, a.name, c.channel, c.service_mode,
                c.registered_on, c.due_date, c.permit_number, c.issued_on, c.valid_until
         FROM cases c
         JOIN applicants a ON a.id = c.applicant_id
         JOIN permit_types t ON t.id = c.permit_type_id
         ORDER BY c.id",
    )?;
    rows(&mut stmt, CASE_COLUMNS.len(), CASE_COLUMNS.len())
}

fn applicant_rows(conn: &Connection) -> Result<Vec<Vec<String>>> {
    let mut stmt = conn.prepare(
        "SELECT nik, name, birth_place, address, village_code, phone, email, npwp
         FROM applicants ORDER BY id",
    )?;
    rows(&mut stmt, 8, import::COLUMNS.len())
}

/// Reads `read` text columns per row (NULL as empty), padded to `width`.
fn rows(stmt: &mut rusqlite::Statement, read: usize, width: usize) -> Result<Vec<Vec<String>>> {
    let mut out = Vec::new();
    let mut rs = stmt.query([])?;
    while let Some(r) = rs.next()? {
        let mut rec = Vec::with_capacity(width);
        for i in 0..read {
            rec.push(r.get::<_, Option<String>>(i)?.unwrap_or_default());
        }
        rec.resize(width, String::new());
        out.push(rec);
    }
    Ok(out)
}

fn write_csv(out: impl Write, header: &[&str], rows: &[Vec<String>]) -> Result<u64> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(header).map_err(csv_err)?;
    for r in rows {
        w.write_record(r).map_err(csv_err)?;
    }
    w.flush()?;
    Ok(rows.len() as u64)
}

fn xlsx(sheet: &str, header: &[&str], rows: &[Vec<String>]) -> Result<Vec<u8>> {
    let x = |e: rust_xlsxwriter::XlsxError| Error::Io(std::io::Error::other(e.to_string()));
    let mut book = rust_xlsxwriter::Workbook::new();
    let bold = rust_xlsxwriter::Format::new().set_bold();
    let ws = book.add_worksheet();
    ws.set_name(sheet).map_err(x)?;
    for (c, h) in header.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *h, &bold)
            .map_err(x)?;
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            // Text cells: a NIK or a permit number must never become a number in a spreadsheet.
            ws.write_string(r as u32 + 1, c as u16, v).map_err(x)?;
        }
    }
    book.save_to_buffer().map_err(x)
}

/// Writes every case, oldest first, as CSV; returns how many.
pub fn cases_csv(conn: &Connection, out: impl Write) -> Result<u64> {
    write_csv(out, CASE_COLUMNS, &case_rows(conn)?)
}

/// Every case, oldest first, as an XLSX workbook.
pub fn cases_xlsx(conn: &Connection) -> Result<Vec<u8>> {
    xlsx("Cases", CASE_COLUMNS, &case_rows(conn)?)
}

/// Writes every applicant as CSV in the import's format (no case columns filled); returns how many.
pub fn applicants_csv(conn: &Connection, out: impl Write) -> Result<u64> {
    write_csv(out, import::COLUMNS, &applicant_rows(conn)?)
}

/// Every applicant as an XLSX workbook (the import's columns).
pub fn applicants_xlsx(conn: &Connection) -> Result<Vec<u8>> {
    xlsx("Applicants", import::COLUMNS, &applicant_rows(conn)?)
}
