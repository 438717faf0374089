//! The trip's papers: the manifest (*daftar antaran*) the crew carries, one section per stop in visiting
//! order with room for each recipient's name and signature, and the handover record (*berita acara serah
//! terima*) that the front office and the crew sign when the permits leave and come back.

use printpdf::Op;

use super::layout::{mm, Flow};
use super::table::{grid, Column};
use super::text::{Align, Style};
use super::{kop, OfficeHeader, Output};
use crate::{Error, Result};

const BODY: Style = Style::regular(9.5);
const LEFT: f32 = 15.0;
const RIGHT: f32 = 15.0;
const TOP: f32 = 12.0;
const BOTTOM: f32 = 16.0;
/// Blank lines in a signature cell: enough height to sign on a clipboard in a moving van.
const SIGN_LINES: &str = "\n\n\n";

/// One permit on the manifest.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ManifestLine {
    pub permit_number: String,
    pub permit_type: String,
    pub holder: String,
    pub address: String,
    /// What happened, once recorded ("Diterima pemegang", "Kembali: tidak di rumah"); empty before.
    pub outcome: String,
}

/// One stop of the trip.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ManifestStop {
    /// "Pemberhentian 1: Desa Merah Mata, Kecamatan Banyuasin I"
    pub heading: String,
    pub lines: Vec<ManifestLine>,
}

/// The manifest or the handover record of one trip.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TripDoc {
    pub header: OfficeHeader,
    pub title: String,
    /// Trip number, date, vehicle, crew.
    pub rows: Vec<(String, String)>,
    /// The handover record's opening paragraph; unused on the manifest.
    pub intro: String,
    pub stops: Vec<ManifestStop>,
    /// "Pangkalan Balai, 25 November 2026"
    pub place_date_line: String,
    /// Left and right signatories: (role line, names). Each name gets its own room to sign (a trip's
    /// whole crew signs for what it carries).
    pub signatories: [(String, Vec<String>); 2],
}

/// The manifest as a PDF file.
pub fn manifest_pdf(doc: &TripDoc, created: chrono::DateTime<chrono::Utc>) -> Result<Vec<u8>> {
    render(doc, created, true)
}

/// The handover record as a PDF file.
pub fn handover_pdf(doc: &TripDoc, created: chrono::DateTime<chrono::Utc>) -> Result<Vec<u8>> {
    render(doc, created, false)
}

fn render(
    doc: &TripDoc,
    created: chrono::DateTime<chrono::Utc>,
    manifest: bool,
) -> Result<Vec<u8>> {
    if doc.stops.is_empty() {
        return Err(Error::Pdf(
            "a trip without stops has nothing to print".into(),
        ));
    }
    let mut out = Output::new(&doc.title, &doc.header.office_name, created)?;
    let pages = layout(&mut out, doc, manifest)?;
    out.add_pages(pages);
    out.save()
}

fn layout<'d>(out: &mut Output<'d>, doc: &'d TripDoc, manifest: bool) -> Result<Vec<Vec<Op>>> {
    let logo = out.logo(&doc.header)?;
    let mut flow = Flow::new(out.fonts, mm(LEFT), mm(RIGHT), mm(TOP), mm(BOTTOM));
    let header = &doc.header;
    flow.on_page_start(Box::new(move |f: &mut Flow| {
        kop::letterhead(f, header, logo.as_ref())
    }));
    flow.start_page()?;
    flow.underlined_centre(Style::bold(13.0), &doc.title.to_uppercase())?;
    flow.gap(8.0);
    let label_w = flow.label_width(
        BODY,
        doc.rows.iter().map(|(l, _)| l.as_str()),
        flow.width() * 0.3,
    )? + 6.0;
    let left = flow.left;
    flow.label_rows(BODY, left, label_w, &doc.rows)?;
    if !doc.intro.is_empty() {
        flow.gap(6.0);
        flow.paragraph(BODY, Align::Left, &doc.intro)?;
    }
    let mut n = 0;
    for stop in &doc.stops {
        flow.gap(8.0);
        // Keep a stop's heading with at least its table header and first row.
        flow.ensure(Style::bold(10.5).leading() + 70.0)?;
        flow.paragraph(Style::bold(10.5), Align::Left, &stop.heading)?;
        flow.gap(3.0);
        if stop.lines.is_empty() {
            flow.paragraph(
                BODY,
                Align::Left,
                "Tidak ada izin untuk diantar di pemberhentian ini.",
            )?;
            continue;
        }
        let rows: Vec<Vec<String>> = stop
            .lines
            .iter()
            .map(|l| {
                n += 1;
                let last = if manifest {
                    SIGN_LINES.to_string()
                } else {
                    l.outcome.clone()
                };
                vec![
                    format!("{n}."),
                    format!("{}\n{}", l.permit_number, l.permit_type),
                    format!("{}\n{}", l.holder, l.address),
                    if manifest {
                        SIGN_LINES.into()
                    } else {
                        String::new()
                    },
                    last,
                ]
            })
            .collect();
        let columns = if manifest {
            [
                col("No", 9.0, Align::Centre),
                col("Nomor / Jenis Izin", 68.0, Align::Left),
                col("Pemegang Izin / Alamat", 0.0, Align::Left),
                col("Penerima (nama, NIK, hubungan)", 36.0, Align::Left),
                col("Tanda Tangan", 24.0, Align::Left),
            ]
        } else {
            [
                col("No", 9.0, Align::Centre),
                col("Nomor / Jenis Izin", 68.0, Align::Left),
                col("Pemegang Izin / Alamat", 0.0, Align::Left),
                col("Paraf", 14.0, Align::Left),
                col("Keterangan", 44.0, Align::Left),
            ]
        };
        // A permit number is never broken: 9 pt fits the longest catalogue template in its column.
        grid(
            &mut flow,
            &columns,
            &rows,
            Style::bold(9.0),
            Style::regular(9.0),
        )?;
    }
    flow.gap(14.0);
    signatures(&mut flow, doc)?;
    let mut pages = flow.finish();
    kop::page_numbers(out.fonts, &mut pages, mm(RIGHT))?;
    Ok(pages)
}

const fn col(head: &str, width_mm: f32, align: Align) -> Column<'_> {
    Column {
        head,
        width: width_mm * 72.0 / 25.4,
        align,
    }
}

/// Two signatories side by side under the place and date, each name with room to sign.
fn signatures(flow: &mut Flow, doc: &TripDoc) -> Result<()> {
    let space = 48.0;
    let most = doc
        .signatories
        .iter()
        .map(|(_, n)| n.len().max(1))
        .max()
        .unwrap_or(1);
    flow.ensure(3.0 * BODY.leading() + most as f32 * (space + BODY.leading()))?;
    let half = flow.width() / 2.0;
    let columns = [
        (flow.left, flow.left + half),
        (flow.left + half, flow.right),
    ];
    flow.paragraph_in(
        BODY,
        Align::Centre,
        columns[1].0,
        columns[1].1,
        &doc.place_date_line,
    )?;
    let top = flow.y;
    let bold = Style::bold(9.5);
    let mut bottom = top;
    for ((role, names), (x0, x1)) in doc.signatories.iter().zip(columns) {
        flow.y = top;
        flow.paragraph_in(BODY, Align::Centre, x0, x1, role)?;
        for name in names {
            flow.gap(space);
            let baseline = flow.y + BODY.ascent();
            let (x, w) = flow.line_at(bold, Align::Centre, x0, x1, baseline, name)?;
            // A dotted blank for a name written by hand needs no underline.
            if !name.starts_with('(') {
                flow.hrule(x, x + w, baseline + 1.8, 0.6);
            }
            flow.y += BODY.leading();
        }
        bottom = bottom.max(flow.y);
    }
    flow.y = bottom;
    flow.gap(BODY.leading());
    Ok(())
}
