//! Each report as the office saves it: the PDF has every figure of every table on its row's line
//! (`pdftotext -layout`), passes `qpdf --check`, embeds its fonts, and renders (the first page is kept
//! under `target/report-pages/` to be looked at); the XLSX, read back by Python's openpyxl, holds the
//! same numbers as numbers and dates as dates, one sheet per table; the CSV has each table's section.

use std::path::Path;
use std::process::Command;

use petromaks::format;
use petromaks::reports::{self, Cell, Format, Kind, Report};

use super::expected::Filter;
use super::scenario::{self, day, now};
use crate::support::pdf_text;

/// A cell as the PDF writes it.
fn shown(c: &Cell) -> Option<String> {
    Some(match c {
        Cell::Int(n) => format::number(*n),
        Cell::Num { value, places } => format::decimal(*value, usize::from(*places)),
        Cell::Pct(Some(p)) => format::decimal(*p, 1),
        _ => return None,
    })
}

/// Whether `want` appears in `tokens` in order (not necessarily next to each other).
fn in_order(tokens: &[&str], want: &[String]) -> bool {
    let mut it = tokens.iter();
    want.iter().all(|w| it.any(|t| t == w))
}

fn check_pdf(path: &Path, r: &Report) {
    let text = pdf_text(path);
    let lines: Vec<Vec<&str>> = text
        .lines()
        .map(|l| l.split_whitespace().collect())
        .collect();
    for t in &r.tables {
        for row in &t.rows {
            let mut want: Vec<String> = Vec::new();
            if let Some(Cell::Text(first)) = row.cells.first() {
                if let Some(w) = first.split_whitespace().next() {
                    want.push(w.to_string());
                }
            }
            want.extend(row.cells.iter().filter_map(shown));
            assert!(
                lines.iter().any(|l| in_order(l, &want)),
                "{}: table {:?}: no line of the PDF holds {want:?}\n{text}",
                r.title,
                t.title
            );
        }
    }
    let q = Command::new("qpdf")
        .arg("--check")
        .arg(path)
        .output()
        .expect("qpdf is installed");
    assert!(
        q.status.success(),
        "qpdf --check {}: {}",
        path.display(),
        String::from_utf8_lossy(&q.stdout)
    );
    let f = Command::new("pdffonts")
        .arg(path)
        .output()
        .expect("pdffonts is installed");
    let fonts = String::from_utf8_lossy(&f.stdout);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "no fonts in {}", path.display());
    for l in rows {
        let cols: Vec<&str> = l.split_whitespace().collect();
        // name type encoding emb sub uni object-id: the "emb" column is the fourth from the end.
        assert_eq!(cols[cols.len() - 5], "yes", "font not embedded: {l}");
    }
    let pages = concat!(env!("CARGO_MANIFEST_DIR"), "/target/report-pages");
    std::fs::create_dir_all(pages).expect("pages folder");
    let stem = format!(
        "{pages}/{}",
        path.file_stem().and_then(|s| s.to_str()).expect("stem")
    );
    let png = Command::new("pdftoppm")
        .args(["-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile"])
        .arg(path)
        .arg(&stem)
        .status()
        .expect("pdftoppm is installed");
    assert!(png.success());
    assert!(
        std::fs::metadata(format!("{stem}.png"))
            .expect("page png")
            .len()
            > 10_000
    );
}

/// The Debian interpreter, where apt's python3-openpyxl lives (a pyenv `python3` first on PATH would
/// not see it).
fn python() -> &'static str {
    if Path::new("/usr/bin/python3").exists() {
        "/usr/bin/python3"
    } else {
        "python3"
    }
}

const READ_XLSX: &str = r#"
import json, sys, datetime, openpyxl
book = openpyxl.load_workbook(sys.argv[1])
out = []
for ws in book.worksheets:
    rows = []
    for row in ws.iter_rows(values_only=True):
        rows.append([v.date().isoformat() if isinstance(v, datetime.datetime) else v for v in row])
    out.append({"name": ws.title, "rows": rows})
print(json.dumps(out))
"#;

fn check_xlsx(path: &Path, r: &Report) {
    let out = Command::new(python())
        .args(["-c", READ_XLSX])
        .arg(path)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "openpyxl could not read {} (make deps-test installs python3-openpyxl): {}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    let book: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let sheets = book.as_array().expect("sheets");
    assert_eq!(
        sheets.len(),
        r.tables.len() + 1,
        "one sheet per table and the cover"
    );
    assert_eq!(sheets[0]["name"], "Keterangan");
    for (t, sheet) in r.tables.iter().zip(&sheets[1..]) {
        let rows = sheet["rows"].as_array().expect("rows");
        let head: Vec<&str> = rows[0]
            .as_array()
            .expect("head")
            .iter()
            .map(|v| v.as_str().unwrap_or(""))
            .collect();
        let titles: Vec<&str> = t.columns.iter().map(|c| c.title).collect();
        assert_eq!(head, titles, "{}", t.title);
        assert_eq!(rows.len(), t.rows.len() + 1, "{}", t.title);
        for (row, got) in t.rows.iter().zip(&rows[1..]) {
            let got = got.as_array().expect("row");
            for (c, cell) in row.cells.iter().enumerate() {
                let v = got.get(c).cloned().unwrap_or(serde_json::Value::Null);
                let ok = match cell {
                    Cell::Int(n) => v.as_f64() == Some(*n as f64),
                    Cell::Num { value, places } => {
                        let m = 10f64.powi(i32::from(*places));
                        v.as_f64()
                            .is_some_and(|x| (x - (value * m).round() / m).abs() < 1e-9)
                    }
                    Cell::Pct(Some(p)) => v
                        .as_f64()
                        .is_some_and(|x| (x - (p * 10.0).round() / 10.0).abs() < 1e-9),
                    Cell::Pct(None) | Cell::Empty => v.is_null(),
                    Cell::Text(s) => v.as_str() == Some(s.as_str()),
                    Cell::Date(d) => v.as_str() == Some(d.to_string().as_str()),
                    Cell::Month(m) => v.as_str() == Some(format!("{m}-01").as_str()),
                };
                assert!(
                    ok,
                    "{} / {:?}: column {c} is {v}, the report says {cell:?}",
                    t.title,
                    row.cells.first()
                );
            }
        }
    }
}

fn check_csv(bytes: &[u8], r: &Report) {
    let text = String::from_utf8(bytes.to_vec()).expect("utf-8");
    let mut rd = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let records: Vec<Vec<String>> = rd
        .records()
        .map(|x| x.expect("record").iter().map(str::to_string).collect())
        .collect();
    for t in &r.tables {
        let at = records
            .iter()
            .position(|rec| rec.len() == 1 && rec[0] == t.title)
            .unwrap_or_else(|| panic!("no section {}", t.title));
        let head = &records[at + 1];
        assert_eq!(head.len(), t.columns.len(), "{}", t.title);
        for (i, row) in t.rows.iter().enumerate() {
            let rec = &records[at + 2 + i];
            for (c, cell) in row.cells.iter().enumerate() {
                if let Cell::Int(n) = cell {
                    assert_eq!(rec[c], n.to_string(), "{} row {i} column {c}", t.title);
                }
            }
        }
    }
}

#[test]
fn each_report_as_pdf_xlsx_and_csv_holds_the_same_figures() {
    let mut m = scenario::build();
    let admin = m.o.admin.clone();
    let dir = m.o.dir().to_path_buf();
    for (kind, f) in [
        (Kind::Recap, Filter::default()),
        (Kind::Sla, Filter::default()),
        (Kind::Van, Filter::default()),
        (Kind::Ikm, Filter::default()),
        (
            Kind::Expiring,
            Filter {
                district: Some("16.07.02"),
                ..Filter::default()
            },
        ),
    ] {
        let q = if kind == Kind::Expiring {
            super::query(
                chrono::NaiveDate::from_ymd_opt(2027, 1, 1).expect("day"),
                chrono::NaiveDate::from_ymd_opt(2027, 12, 31).expect("day"),
                &f,
            )
        } else {
            super::query(day(10, 1), day(11, 30), &f)
        };
        let pdf = reports::save(&mut m.o.db, &admin, now(), kind, &q, Format::Pdf).expect("pdf");
        assert!(
            pdf.name.ends_with(".pdf") && pdf.name.starts_with("laporan-"),
            "{}",
            pdf.name
        );
        let again = reports::save(&mut m.o.db, &admin, now(), kind, &q, Format::Pdf).expect("pdf");
        assert_eq!(
            pdf.bytes, again.bytes,
            "the same register and clock give the same bytes"
        );
        let path = dir.join(&pdf.name);
        std::fs::write(&path, &pdf.bytes).expect("write");
        check_pdf(&path, &pdf.report);
        let text = pdf_text(&path);
        for must in [
            "PEMERINTAH KABUPATEN BANYUASIN",
            "Saksi rantai audit",
            "case_events",
            "NIP.",
        ] {
            assert!(text.contains(must), "{}: {must} missing", pdf.name);
        }

        let xlsx = reports::save(&mut m.o.db, &admin, now(), kind, &q, Format::Xlsx).expect("xlsx");
        let path = dir.join(&xlsx.name);
        std::fs::write(&path, &xlsx.bytes).expect("write");
        check_xlsx(&path, &xlsx.report);

        let csv = reports::save(&mut m.o.db, &admin, now(), kind, &q, Format::Csv).expect("csv");
        check_csv(&csv.bytes, &csv.report);
        let json = reports::save(&mut m.o.db, &admin, now(), kind, &q, Format::Json).expect("json");
        let v: serde_json::Value = serde_json::from_slice(&json.bytes).expect("json parses");
        assert_eq!(v["kind"], kind.as_str());
    }
}
