//! The intake receipt (*tanda terima berkas*): proof for the applicant of what the office took in, with
//! the registration number large and as a QR code so the counter's scanner finds the case at once.

use printpdf::Op;

use super::layout::{mm, Flow};
use super::qr::Qr;
use super::table::{grid, Column};
use super::text::{Align, Style};
use super::{kop, Output, ReceiptDoc};
use crate::Result;

const BODY: Style = Style::regular(10.0);
const LEFT: f32 = 22.0;
const RIGHT: f32 = 20.0;
const TOP: f32 = 12.0;
const BOTTOM: f32 = 16.0;
/// Large enough for a counter scanner held at arm's length.
const QR_SIZE: f32 = 26.0;
/// Tick and dash as DejaVu Serif has them (it has no ✓): "√" is the mark Indonesian forms use for a tick.
const RECEIVED: &str = "√";
const MISSING: &str = "—";

/// Lays out the receipt; returns its pages.
pub(crate) fn layout<'d>(out: &mut Output<'d>, doc: &'d ReceiptDoc) -> Result<Vec<Vec<Op>>> {
    let logo = out.logo(&doc.header)?;
    let qr = Qr::new(&doc.registration_number)?;

    let mut flow = Flow::new(out.fonts, mm(LEFT), mm(RIGHT), mm(TOP), mm(BOTTOM));
    let header = &doc.header;
    flow.on_page_start(Box::new(move |f: &mut Flow| {
        kop::letterhead(f, header, logo.as_ref())
    }));
    flow.start_page()?;

    flow.underlined_centre(Style::bold(13.0), &doc.title.to_uppercase())?;
    flow.gap(8.0);
    registration_box(&mut flow, &qr, &doc.registration_number)?;
    flow.gap(10.0);

    let label_w = flow.label_width(
        BODY,
        doc.rows.iter().map(|(label, _)| label.as_str()),
        flow.width() * 0.34,
    )? + 6.0;
    let left = flow.left;
    flow.label_rows(BODY, left, label_w, &doc.rows)?;

    if !doc.checklist.is_empty() {
        flow.gap(8.0);
        flow.ensure(Style::bold(10.5).leading() + 60.0)?;
        flow.paragraph(Style::bold(10.5), Align::Left, &doc.checklist_heading)?;
        flow.gap(3.0);
        let columns = [
            Column {
                head: "No",
                width: mm(11.0),
                align: Align::Centre,
            },
            Column {
                head: "Dokumen",
                width: 0.0,
                align: Align::Left,
            },
            Column {
                head: "Wajib",
                width: mm(20.0),
                align: Align::Centre,
            },
            Column {
                head: "Diterima",
                width: mm(22.0),
                align: Align::Centre,
            },
        ];
        let rows: Vec<Vec<String>> = doc
            .checklist
            .iter()
            .enumerate()
            .map(|(i, line)| {
                vec![
                    format!("{}.", i + 1),
                    line.label.clone(),
                    if line.mandatory { "Wajib" } else { "Tidak" }.to_string(),
                    if line.received { RECEIVED } else { MISSING }.to_string(),
                ]
            })
            .collect();
        grid(
            &mut flow,
            &columns,
            &rows,
            Style::bold(9.5),
            Style::regular(9.5),
        )?;
    }

    if !doc.notes.is_empty() {
        let small = Style::regular(9.0);
        flow.gap(8.0);
        flow.ensure(small.leading() * 2.0)?;
        flow.paragraph(Style::bold(9.0), Align::Left, "Catatan:")?;
        flow.numbered(small, left, &doc.notes)?;
    }

    flow.gap(14.0);
    signatures(&mut flow, doc)?;

    let mut pages = flow.finish();
    kop::page_numbers(out.fonts, &mut pages, mm(RIGHT))?;
    Ok(pages)
}

/// A ruled box with the registration number in large type at the left and its QR code at the right.
fn registration_box(flow: &mut Flow, qr: &Qr, number: &str) -> Result<()> {
    let size = mm(QR_SIZE);
    let h = size + 8.0;
    flow.ensure(h)?;
    let (x0, x1, top) = (flow.left, flow.right, flow.y);
    flow.stroke_rect(x0, top, x1 - x0, h, 0.8);
    flow.push_ops(qr.ops(x1 - size - 4.0, top + 4.0, size));
    let text_x1 = x1 - size - 12.0;
    let label = Style::regular(9.5);
    flow.line_at(
        label,
        Align::Left,
        x0 + 10.0,
        text_x1,
        top + h / 2.0 - 10.0,
        "Nomor Pendaftaran",
    )?;
    // Shrink a long number rather than let it run under the QR code.
    let mut big = Style::bold(20.0);
    let avail = text_x1 - x0 - 10.0;
    let width = flow
        .fonts
        .bold
        .width(&super::fonts::prepare(number), big.size)?;
    if width > avail {
        big.size *= avail / width;
    }
    flow.line_at(
        big,
        Align::Left,
        x0 + 10.0,
        text_x1,
        top + h / 2.0 + big.size * 0.9,
        number,
    )?;
    flow.y = top + h;
    Ok(())
}

/// Applicant at the left, the clerk at the right, each with room to sign.
fn signatures(flow: &mut Flow, doc: &ReceiptDoc) -> Result<()> {
    let space = 52.0;
    let height = 3.0 * BODY.leading() + space;
    flow.ensure(height)?;
    let top = flow.y;
    let mid = flow.left + flow.width() * 0.55;
    let (left, right) = (flow.left, flow.right);

    flow.paragraph_in(BODY, Align::Centre, mid, right, &doc.place_date_line)?;
    flow.paragraph_in(BODY, Align::Centre, mid, right, &doc.clerk_line)?;
    let applicant_baseline = flow.y - BODY.leading() + BODY.ascent();
    flow.line_at(
        BODY,
        Align::Centre,
        left,
        left + flow.width() * 0.4,
        applicant_baseline,
        "Pemohon,",
    )?;
    flow.gap(space);
    let baseline = flow.y + BODY.ascent();
    let name = Style::bold(10.0);
    let (x, w) = flow.line_at(name, Align::Centre, mid, right, baseline, &doc.clerk_name)?;
    flow.hrule(x, x + w, baseline + 1.8, 0.6);
    flow.line_at(
        BODY,
        Align::Centre,
        left,
        left + flow.width() * 0.4,
        baseline,
        "(..............................)",
    )?;
    flow.gap(BODY.leading());
    flow.y = flow.y.max(top + height);
    Ok(())
}
