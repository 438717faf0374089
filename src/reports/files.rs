//! A report's tables for a spreadsheet: XLSX with one sheet per table (numbers as numbers, dates and
//! months as dates, a first sheet saying what the report is), CSV with one section per table, and the
//! whole report as JSON for scripts.

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, XlsxError};

use super::table::{Cell, Table};
use super::Report;
use crate::{Error, Result};

fn x(e: XlsxError) -> Error {
    Error::Io(std::io::Error::other(e.to_string()))
}

/// A sheet name Excel accepts (at most 31 characters, none of `[]:*?/\`), unique in the workbook.
fn sheet_name(title: &str, taken: &[String]) -> String {
    let clean: String = title
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { ' ' } else { c })
        .collect();
    let mut name = String::new();
    for word in clean.split_whitespace() {
        let next = if name.is_empty() {
            word.to_string()
        } else {
            format!("{name} {word}")
        };
        if next.chars().count() > 28 {
            break;
        }
        name = next;
    }
    if name.is_empty() {
        name = clean.chars().take(28).collect();
    }
    let mut candidate = name.clone();
    let mut n = 2;
    while taken.iter().any(|t| t.eq_ignore_ascii_case(&candidate)) {
        candidate = format!("{name} {n}");
        n += 1;
    }
    candidate
}

/// The report as an XLSX workbook.
pub(super) fn xlsx(r: &Report) -> Result<Vec<u8>> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let month = Format::new().set_num_format("mmmm yyyy");
    let mut taken = vec!["Keterangan".to_string()];
    {
        let ws = book.add_worksheet();
        ws.set_name("Keterangan").map_err(x)?;
        ws.set_column_width(0, 22).map_err(x)?;
        ws.set_column_width(1, 70).map_err(x)?;
        let mut lines: Vec<(String, String)> = vec![
            ("Laporan".into(), r.title.to_string()),
            ("Periode".into(), r.period_title.clone()),
        ];
        lines.extend(
            r.filters
                .iter()
                .map(|f| (f.label.to_string(), f.value.clone())),
        );
        if let Some(n) = &r.scope_note {
            lines.push(("Cakupan".into(), n.clone()));
        }
        lines.push(("Dibuat".into(), crate::time::stamp(r.made_at)));
        for (i, (k, v)) in lines.iter().enumerate() {
            ws.write_string_with_format(i as u32, 0, k, &bold)
                .map_err(x)?;
            ws.write_string(i as u32, 1, v).map_err(x)?;
        }
    }
    for t in &r.tables {
        let name = sheet_name(&t.title, &taken);
        taken.push(name.clone());
        let ws = book.add_worksheet();
        ws.set_name(&name).map_err(x)?;
        for (c, col) in t.columns.iter().enumerate() {
            let c = c as u16;
            ws.write_string_with_format(0, c, col.title, &bold)
                .map_err(x)?;
            ws.set_column_width(c, if col.numeric { 14 } else { 28 })
                .map_err(x)?;
        }
        ws.set_freeze_panes(1, 0).map_err(x)?;
        for (i, row) in t.rows.iter().enumerate() {
            let rn = i as u32 + 1;
            for (c, cell) in row.cells.iter().enumerate() {
                let c = c as u16;
                match cell {
                    Cell::Text(s) if row.total => {
                        ws.write_string_with_format(rn, c, s, &bold).map_err(x)?;
                    }
                    Cell::Text(s) => {
                        ws.write_string(rn, c, s).map_err(x)?;
                    }
                    Cell::Int(n) => {
                        ws.write_number(rn, c, *n as f64).map_err(x)?;
                    }
                    Cell::Num { value, places } => {
                        let f = Format::new().set_num_format(decimals(*places));
                        ws.write_number_with_format(rn, c, round(*value, *places), &f)
                            .map_err(x)?;
                    }
                    Cell::Pct(Some(p)) => {
                        let f = Format::new().set_num_format("0.0");
                        ws.write_number_with_format(rn, c, round(*p, 1), &f)
                            .map_err(x)?;
                    }
                    Cell::Pct(None) | Cell::Empty => {}
                    Cell::Date(d) => {
                        let dt = excel_date(d.format("%Y-%m-%d").to_string())?;
                        ws.write_datetime_with_format(rn, c, &dt, &date)
                            .map_err(x)?;
                    }
                    Cell::Month(m) => {
                        let dt = excel_date(format!("{m}-01"))?;
                        ws.write_datetime_with_format(rn, c, &dt, &month)
                            .map_err(x)?;
                    }
                }
            }
        }
    }
    book.save_to_buffer().map_err(x)
}

fn excel_date(iso: String) -> Result<ExcelDateTime> {
    ExcelDateTime::parse_from_str(&iso).map_err(x)
}

fn decimals(places: u8) -> &'static str {
    match places {
        0 => "0",
        1 => "0.0",
        2 => "0.00",
        _ => "0.000",
    }
}

/// The value rounded as it is shown, so the spreadsheet holds the number the PDF prints.
fn round(v: f64, places: u8) -> f64 {
    let m = 10f64.powi(i32::from(places));
    (v * m).round() / m
}

/// A cell as CSV writes it: numbers with a decimal point, dates as ISO days, months as `2026-11`.
fn csv_text(c: &Cell) -> String {
    match c {
        Cell::Text(s) => s.clone(),
        Cell::Int(n) => n.to_string(),
        Cell::Num { value, places } => format!("{:.*}", usize::from(*places), value),
        Cell::Pct(Some(p)) => format!("{p:.1}"),
        Cell::Pct(None) | Cell::Empty => String::new(),
        Cell::Date(d) => d.format("%Y-%m-%d").to_string(),
        Cell::Month(m) => m.clone(),
    }
}

fn write_table(w: &mut csv::Writer<Vec<u8>>, t: &Table) -> Result<()> {
    w.write_record([t.title.as_str()]).map_err(csv_err)?;
    w.write_record(t.columns.iter().map(|c| c.title))
        .map_err(csv_err)?;
    for row in &t.rows {
        w.write_record(row.cells.iter().map(csv_text))
            .map_err(csv_err)?;
    }
    w.write_record([""]).map_err(csv_err)
}

fn csv_err(e: csv::Error) -> Error {
    Error::Io(std::io::Error::other(e.to_string()))
}

/// The report as CSV: a few lines saying what it is, then each table under its title, a blank line
/// between tables.
pub(super) fn csv(r: &Report) -> Result<Vec<u8>> {
    let mut w = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::new());
    w.write_record(["Laporan", r.title]).map_err(csv_err)?;
    w.write_record(["Periode", r.period_title.as_str()])
        .map_err(csv_err)?;
    for f in &r.filters {
        w.write_record([f.label, f.value.as_str()])
            .map_err(csv_err)?;
    }
    if let Some(n) = &r.scope_note {
        w.write_record(["Cakupan", n.as_str()]).map_err(csv_err)?;
    }
    w.write_record([""]).map_err(csv_err)?;
    for t in &r.tables {
        write_table(&mut w, t)?;
    }
    w.into_inner()
        .map_err(|e| Error::Io(std::io::Error::other(e.to_string())))
}

/// The report as JSON (the tables and charts with their keys and typed cells).
pub(super) fn json(r: &Report) -> Result<Vec<u8>> {
    serde_json::to_vec_pretty(r).map_err(|e| Error::Io(std::io::Error::other(e)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_fit_excel_and_stay_unique() {
        let long = "Kepatuhan per jenis izin (izin terbit dalam periode)";
        let a = sheet_name(long, &[]);
        assert!(a.chars().count() <= 31, "{a}");
        assert_eq!(a, "Kepatuhan per jenis izin");
        let b = sheet_name(long, std::slice::from_ref(&a));
        assert_eq!(b, "Kepatuhan per jenis izin 2");
        assert_eq!(sheet_name("a/b:c", &[]), "a b c");
    }
}
