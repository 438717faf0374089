//! Taking the register out: cases and applicants as CSV or XLSX for a spreadsheet, a report or another
//! system. Rows are streamed from the register as they are written, never all held at once. The
//! applicants file has the import's columns, so it can be read back by [`super::import`].

use std::io::Write;

use crate::actor::{Actor, Role};
use crate::db::Db;
use crate::{store, Error, Result};

use super::import;

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

/// What is exported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum What {
    Cases,
    Applicants,
}

/// Who may take the register out: the admin and the front office.
pub const EXPORTERS: &[Role] = &[Role::Admin, Role::Clerk];

fn csv_err(e: csv::Error) -> Error {
    Error::Io(std::io::Error::other(e.to_string()))
}

fn header(what: What) -> &'static [&'static str] {
    match what {
        What::Cases => CASE_COLUMNS,
        What::Applicants => import::COLUMNS,
    }
}

/// Streams every row of `what`, padded to its header's width, to `f`.
fn each(db: &Db, what: What, mut f: impl FnMut(&[String]) -> Result<()>) -> Result<()> {
    let width = header(what).len();
    match what {
        What::Cases => store::cases::each_for_export(db, |r| f(&r)),
        What::Applicants => store::applicants::each_for_export(db, |mut r| {
            r.resize(width, String::new());
            f(&r)
        }),
    }
}

/// How many rows an export of `what` writes if it starts now, checked like the export itself: the "of
/// N" of its progress. Rows registered while the export runs are written too, so it may end a little
/// above this.
pub fn count(db: &Db, actor: &Actor, what: What) -> Result<u64> {
    actor.require(EXPORTERS, "export the register")?;
    match what {
        What::Cases => store::cases::count_for_export(db),
        What::Applicants => store::applicants::count_for_export(db),
    }
}

/// How often an export reports its progress: every this many rows.
pub const PROGRESS_EVERY: u64 = 10_000;

/// Told the rows written so far, every [`PROGRESS_EVERY`] rows and once more after the last row (an XLSX
/// is still to be packed then); answering `false` cancels the export (`Error::Cancelled`; the caller
/// removes the half-written file).
pub type Progress<'a> = &'a mut dyn FnMut(u64) -> bool;

/// Counts a row written and reports progress when due.
fn step(n: &mut u64, progress: &mut Progress) -> Result<()> {
    *n += 1;
    if *n % PROGRESS_EVERY == 0 && !progress(*n) {
        return Err(Error::Cancelled);
    }
    Ok(())
}

/// Reports the last row written, unless [`step`] just did.
fn last(n: u64, progress: &mut Progress) -> Result<()> {
    if (n == 0 || n % PROGRESS_EVERY != 0) && !progress(n) {
        return Err(Error::Cancelled);
    }
    Ok(())
}

/// Writes every case or applicant, oldest first, as CSV; returns how many rows.
pub fn csv(db: &Db, actor: &Actor, what: What, out: impl Write) -> Result<u64> {
    csv_with_progress(db, actor, what, out, &mut |_| true)
}

/// [`csv`], reporting progress and cancelled when `progress` answers `false`.
pub fn csv_with_progress(
    db: &Db,
    actor: &Actor,
    what: What,
    out: impl Write,
    mut progress: Progress,
) -> Result<u64> {
    actor.require(EXPORTERS, "export the register")?;
    let mut w = csv::Writer::from_writer(out);
    w.write_record(header(what)).map_err(csv_err)?;
    let mut n = 0u64;
    each(db, what, |r| {
        w.write_record(r).map_err(csv_err)?;
        step(&mut n, &mut progress)
    })?;
    last(n, &mut progress)?;
    w.flush()?;
    Ok(n)
}

/// Writes every case or applicant as an XLSX workbook to `out` (text cells: a NIK or a permit number never
/// becomes a number in a spreadsheet); returns how many rows. The worksheet is written in constant-memory
/// mode: each row goes to a temporary file as it comes from the register (strings inline, not in a shared
/// table), so a million rows take no more memory than ten.
pub fn xlsx(db: &Db, actor: &Actor, what: What, out: impl Write + Send) -> Result<u64> {
    xlsx_with_progress(db, actor, what, out, &mut |_| true)
}

/// [`xlsx`], reporting progress and cancelled when `progress` answers `false`.
pub fn xlsx_with_progress(
    db: &Db,
    actor: &Actor,
    what: What,
    out: impl Write + Send,
    mut progress: Progress,
) -> Result<u64> {
    actor.require(EXPORTERS, "export the register")?;
    let x = |e: rust_xlsxwriter::XlsxError| Error::Io(std::io::Error::other(e.to_string()));
    let mut book = rust_xlsxwriter::Workbook::new();
    let bold = rust_xlsxwriter::Format::new().set_bold();
    let ws = book.add_worksheet_with_constant_memory();
    ws.set_name(match what {
        What::Cases => "Cases",
        What::Applicants => "Applicants",
    })
    .map_err(x)?;
    for (c, h) in header(what).iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *h, &bold)
            .map_err(x)?;
    }
    let mut n = 0u64;
    each(db, what, |r| {
        // A worksheet holds at most 1,048,575 rows below its header; the writer refuses the next.
        let row = u32::try_from(n + 1).unwrap_or(u32::MAX);
        for (c, v) in r.iter().enumerate() {
            ws.write_string(row, c as u16, v).map_err(x)?;
        }
        step(&mut n, &mut progress)
    })?;
    last(n, &mut progress)?;
    book.save_to_writer(out).map_err(x)?;
    Ok(n)
}
