//! A report the head of office signs (*laporan*): the kop surat on every page, the title and the period,
//! the filters, then its tables and charts in order — tables flowing over pages under a repeated header
//! row, each chart kept together — then the place and date and the signature block. The audit chain's
//! witness is printed small at the foot of every page with the page number.

use printpdf::Op;

use super::chart;
use super::fonts::prepare;
use super::layout::{mm, Flow, PAGE_H, PAGE_W};
use super::table::{grid_styled, Column, GridStyle};
use super::text::{wrap, wrap_balanced, Align, Style};
use super::{kop, Output, ReportBlock, ReportDoc, ReportTable};
use crate::Result;

const BODY: Style = Style::regular(9.0);
const CELL: Style = Style::regular(7.5);
const HEAD: Style = Style::bold(7.5);
const PAD: f32 = 2.5;
const LEFT: f32 = 15.0;
const RIGHT: f32 = 15.0;
const TOP: f32 = 12.0;
/// Room at the foot for the witness lines and the page number.
const BOTTOM: f32 = 22.0;
const SIGN_SPACE: f32 = 56.0;

pub(crate) fn layout<'d>(out: &mut Output<'d>, doc: &'d ReportDoc) -> Result<Vec<Vec<Op>>> {
    let logo = out.logo(&doc.header)?;
    let mut flow = Flow::new(out.fonts, mm(LEFT), mm(RIGHT), mm(TOP), mm(BOTTOM));
    let header = &doc.header;
    flow.on_page_start(Box::new(move |f: &mut Flow| {
        kop::letterhead(f, header, logo.as_ref())
    }));
    flow.start_page()?;
    flow.underlined_centre(Style::bold(12.5), &doc.title.to_uppercase())?;
    flow.paragraph(Style::bold(10.5), Align::Centre, &doc.subtitle)?;
    flow.gap(8.0);
    let label_w = flow.label_width(
        BODY,
        doc.rows.iter().map(|(l, _)| l.as_str()),
        flow.width() * 0.3,
    )? + 6.0;
    let left = flow.left;
    flow.label_rows(BODY, left, label_w, &doc.rows)?;
    for note in &doc.notes {
        flow.paragraph(Style::regular(8.5), Align::Left, note)?;
    }
    for block in &doc.blocks {
        flow.gap(10.0);
        match block {
            ReportBlock::Table(t) => table(&mut flow, t)?,
            ReportBlock::Chart(c) => chart::draw(&mut flow, c)?,
        }
    }
    flow.gap(14.0);
    signature(&mut flow, doc)?;
    let mut pages = flow.finish();
    footer(out.fonts, &mut pages, &doc.footer)?;
    kop::page_numbers(out.fonts, &mut pages, mm(RIGHT))?;
    Ok(pages)
}

/// A table with its title and note, its columns sized to what they hold: a number column as wide as
/// its widest figure (or its header's longest word), the text columns sharing the rest.
fn table(flow: &mut Flow, t: &ReportTable) -> Result<()> {
    // Keep the title with the header and the first rows.
    flow.ensure(Style::bold(9.5).leading() * 2.0 + 60.0)?;
    flow.paragraph(Style::bold(9.5), Align::Left, &t.title)?;
    if let Some(note) = &t.note {
        flow.paragraph(Style::regular(7.5), Align::Left, note)?;
    }
    flow.gap(3.0);
    let widths = column_widths(flow, t)?;
    let columns: Vec<Column> = t
        .heads
        .iter()
        .zip(&widths)
        .zip(&t.numeric)
        .map(|((h, w), numeric)| Column {
            head: h.as_str(),
            width: *w,
            align: if *numeric { Align::Right } else { Align::Left },
        })
        .collect();
    if t.rows.is_empty() {
        grid_styled(flow, &columns, &[vec!["—".to_string()]], style(&[]))?;
        return Ok(());
    }
    grid_styled(flow, &columns, &t.rows, style(&t.bold))
}

fn style(bold: &[bool]) -> GridStyle<'_> {
    GridStyle {
        head: HEAD,
        body: CELL,
        pad_x: PAD,
        bold_rows: bold,
    }
}

fn column_widths(flow: &Flow, t: &ReportTable) -> Result<Vec<f32>> {
    let (regular, bold) = (flow.fonts.face(false), flow.fonts.face(true));
    let n = t.heads.len();
    let pad = 2.0 * PAD + 1.0;
    // Per column: its widest cell, its header's longest word, and its whole header on one line.
    let (mut natural, mut word, mut head) = (vec![0.0_f32; n], vec![0.0_f32; n], vec![0.0_f32; n]);
    for (i, h) in t.heads.iter().enumerate() {
        let h = prepare(h);
        head[i] = bold.width(&h, HEAD.size)?;
        for w in h.split_whitespace() {
            word[i] = word[i].max(bold.width(w, HEAD.size)?);
        }
    }
    for (r, row) in t.rows.iter().enumerate() {
        let face = if t.bold.get(r).copied().unwrap_or(false) {
            bold
        } else {
            regular
        };
        for (i, cell) in row.iter().enumerate().take(n) {
            for line in prepare(cell).split('\n') {
                natural[i] = natural[i].max(face.width(line, CELL.size)?);
            }
        }
    }
    let total = flow.width();
    let least: Vec<f32> = (0..n).map(|i| natural[i].max(word[i]) + pad).collect();
    // A figure's column is comfortable when its header wraps to two or three lines at most.
    let comfortable: Vec<f32> = (0..n)
        .map(|i| {
            if t.numeric[i] {
                least[i].max(head[i].min(60.0) + pad)
            } else {
                least[i]
            }
        })
        .collect();
    let sum = |v: &[f32]| v.iter().sum::<f32>();
    let base = if sum(&comfortable) <= total {
        comfortable
    } else {
        least.clone()
    };
    let used = sum(&base);
    if used <= total {
        // Spread what is left over every column by its size, so the table fills the width.
        let k = total / used.max(1.0);
        return Ok(base.iter().map(|w| w * k).collect());
    }
    // Too wide even at the least: figures keep theirs, text columns share the rest and wrap.
    let fixed: f32 = (0..n).filter(|i| t.numeric[*i]).map(|i| least[i]).sum();
    let want: f32 = (0..n).filter(|i| !t.numeric[*i]).map(|i| least[i]).sum();
    let room = (total - fixed).max(0.0);
    Ok((0..n)
        .map(|i| {
            if t.numeric[i] {
                least[i]
            } else {
                (room * least[i] / want.max(1.0)).max(word[i] + pad)
            }
        })
        .collect())
}

/// The place and date, then the head of office's title, room to sign, name, rank and NIP, in the right
/// half, kept whole on one page.
fn signature(flow: &mut Flow, doc: &ReportDoc) -> Result<()> {
    let sig = &doc.signature;
    let bold = Style::bold(9.5);
    let block_w = flow.width() * 0.5;
    let (x0, x1) = (flow.right - block_w, flow.right);
    let title_lines = wrap_balanced(
        flow.fonts.face(true),
        bold.size,
        &prepare(&sig.title),
        block_w,
    )?;
    let h = (3.0 + title_lines.len() as f32) * BODY.leading() + SIGN_SPACE + 3.0 * BODY.leading();
    flow.ensure(h)?;
    flow.paragraph_in(BODY, Align::Centre, x0, x1, &sig.place_line)?;
    if !sig.date_line.is_empty() {
        flow.paragraph_in(BODY, Align::Centre, x0, x1, &sig.date_line)?;
    }
    for line in &title_lines {
        let baseline = flow.y + bold.ascent();
        flow.line_at(bold, Align::Centre, x0, x1, baseline, line)?;
        flow.gap(bold.leading());
    }
    flow.gap(SIGN_SPACE);
    let baseline = flow.y + bold.ascent();
    let (nx, nw) = flow.line_at(bold, Align::Centre, x0, x1, baseline, &sig.name)?;
    flow.hrule(nx, nx + nw, baseline + 1.8, 0.7);
    flow.gap(bold.leading());
    flow.paragraph_in(BODY, Align::Centre, x0, x1, &sig.rank)?;
    flow.paragraph_in(BODY, Align::Centre, x0, x1, &sig.nip_line)?;
    Ok(())
}

/// The footer lines (the audit chain's witness) in small type at the foot of every page, left of the
/// page number, under a hairline.
fn footer(fonts: &super::fonts::Fonts, pages: &mut [Vec<Op>], lines: &[String]) -> Result<()> {
    if lines.is_empty() {
        return Ok(());
    }
    let style = Style::regular(6.0);
    let right = PAGE_W - mm(RIGHT) - mm(32.0);
    for page in pages.iter_mut() {
        let mut overlay = Flow::new(fonts, 0.0, mm(RIGHT), 0.0, 0.0);
        let mut wrapped = Vec::new();
        for l in lines {
            wrapped.extend(wrap(
                fonts.face(false),
                style.size,
                &prepare(l),
                right - mm(LEFT),
            )?);
        }
        let top = PAGE_H - mm(BOTTOM) + mm(4.0);
        overlay.hrule(mm(LEFT), PAGE_W - mm(RIGHT), top, 0.3);
        let mut baseline = top + 2.0 + style.ascent();
        for l in &wrapped {
            overlay.text_at(style, mm(LEFT), baseline, l);
            baseline += style.leading();
        }
        page.extend(overlay.into_ops());
    }
    Ok(())
}
