//! A report as the office sends it: its tables and charts written out the Indonesian way (dots between
//! thousands, a decimal comma, dates and months in words) on the office's letterhead, signed by the
//! head of office, with the audit chain's witness at the foot of every page.

use super::table::{Cell, Chart, ChartKind, Table};
use super::Report;
use crate::audit::witness;
use crate::db::Db;
use crate::print::{
    self, ChartDoc, ChartSeries, ReportBlock, ReportDoc, ReportTable, SignatureBlock,
};
use crate::{documents, format, identity, Result};

/// A cell as the PDF prints it.
pub(super) fn cell_text(c: &Cell) -> String {
    match c {
        Cell::Text(s) => s.clone(),
        Cell::Int(n) => format::number(*n),
        Cell::Num { value, places } => format::decimal(*value, usize::from(*places)),
        Cell::Pct(Some(p)) => format::decimal(*p, 1),
        Cell::Pct(None) | Cell::Empty => "–".into(),
        Cell::Date(d) => format::tanggal(*d),
        Cell::Month(m) => month_title(m),
    }
}

/// `November 2026` for a month key `2026-11`.
pub(super) fn month_title(key: &str) -> String {
    let (y, m) = key.split_once('-').unwrap_or((key, ""));
    match (y.parse::<i32>(), m.parse::<u32>()) {
        (Ok(y), Ok(m)) => format::bulan(y, m),
        _ => key.to_string(),
    }
}

fn table_doc(t: &Table) -> ReportTable {
    ReportTable {
        title: t.title.clone(),
        note: t.note.clone(),
        heads: t.columns.iter().map(|c| c.title.to_string()).collect(),
        numeric: t.columns.iter().map(|c| c.numeric).collect(),
        rows: t
            .rows
            .iter()
            .map(|r| r.cells.iter().map(cell_text).collect())
            .collect(),
        bold: t.rows.iter().map(|r| r.total).collect(),
    }
}

fn chart_doc(c: &Chart) -> ChartDoc {
    let unit = c.unit.unwrap_or("");
    ChartDoc {
        title: c.title.clone(),
        line: c.kind == ChartKind::Line,
        categories: c.categories.iter().map(cell_text).collect(),
        series: c
            .series
            .iter()
            .map(|s| ChartSeries {
                title: s.title.to_string(),
                values: s.values.clone(),
                labels: s
                    .values
                    .iter()
                    .map(|v| match v {
                        Some(v) if c.places == 0 && unit.is_empty() => {
                            format::number(v.round() as i64)
                        }
                        Some(v) => format!("{}{unit}", format::decimal(*v, usize::from(c.places))),
                        None => "–".into(),
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// The report as a PDF, with the office's header and head of office from the register and a witness
/// of the audit chain as it stands in the same snapshot.
pub(super) fn render(db: &Db, r: &Report) -> Result<Vec<u8>> {
    let (office, header) = documents::header(db)?;
    let w = witness::current(db, r.made_at)?;
    let offset = office.utc_offset_minutes;
    let made = crate::time::local_day(r.made_at, offset);
    let local = r.made_at + chrono::Duration::minutes(i64::from(offset));
    let made_line = format!(
        "{} pukul {} {}",
        format::tanggal(made),
        local.format("%H.%M"),
        format::zone(offset)
    );
    let mut rows: Vec<(String, String)> = r
        .filters
        .iter()
        .map(|f| (f.label.to_string(), f.value.clone()))
        .collect();
    rows.push(("Dibuat".into(), made_line.clone()));
    let mut blocks = Vec::new();
    for t in &r.tables {
        blocks.push(ReportBlock::Table(table_doc(t)));
        for c in r.charts.iter().filter(|c| c.table == t.key) {
            blocks.push(ReportBlock::Chart(chart_doc(c)));
        }
    }
    let heads: Vec<String> = w
        .heads
        .iter()
        .map(|h| {
            format!(
                "{} {} baris, terakhir #{} {}",
                h.table,
                format::number(i64::try_from(h.rows).unwrap_or(i64::MAX)),
                h.head_id
                    .map(|i| i.to_string())
                    .unwrap_or_else(|| "-".into()),
                h.head_hash.as_deref().unwrap_or("-")
            )
        })
        .collect();
    let footer = vec![
        format!("Saksi rantai audit per {made_line}: {}.", heads.join("; ")),
        format!(
            "Ditandatangani dengan kunci kantor {}: {}. Dibuat dengan Petromaks.",
            w.key_id, w.signature
        ),
    ];
    let subtitle = match r.kind {
        super::Kind::Expiring => format!("Masa berlaku berakhir: {}", r.period_title),
        _ => format!("Periode: {}", r.period_title),
    };
    let doc = ReportDoc {
        header,
        title: r.title.to_string(),
        subtitle,
        rows,
        notes: r.scope_note.iter().cloned().collect(),
        blocks,
        signature: SignatureBlock {
            place_line: format!("{}, {}", office.sign_place, format::tanggal(r.as_of)),
            date_line: String::new(),
            title: office.head_title.clone(),
            name: office.head_name.clone(),
            rank: office.head_rank.clone(),
            nip_line: format!("NIP. {}", identity::format_nip(&office.head_nip)),
        },
        footer,
    };
    print::report_pdf(&doc, r.made_at)
}
