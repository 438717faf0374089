//! The envelope label sheet for a delivery batch: one label per permit on a common A4 sheet of 2 × 7
//! labels (99.1 × 38.1 mm, the L7163 layout), so the van crew can match each envelope to its holder.

use printpdf::Op;

use super::layout::{mm, Flow};
use super::text::{wrap, Style};
use super::{EnvelopeLabel, Output};
use crate::Result;

const COLUMNS: usize = 2;
const ROWS: usize = 7;
const SHEET_LEFT: f32 = 4.65;
const SHEET_TOP: f32 = 15.15;
const LABEL_W: f32 = 99.1;
const LABEL_H: f32 = 38.1;
const COLUMN_PITCH: f32 = 101.6;
/// Inner margin: printers feed label sheets a millimetre or two off, so text keeps clear of the edges.
const PAD: f32 = 5.0;
const NAME: Style = Style::bold(11.0);
const BODY: Style = Style::regular(8.5);

/// Lays out the sheet(s); returns the pages.
pub(crate) fn layout(out: &Output, labels: &[EnvelopeLabel]) -> Result<Vec<Vec<Op>>> {
    let mut pages = Vec::new();
    for sheet in labels.chunks(COLUMNS * ROWS) {
        let mut flow = Flow::new(out.fonts, 0.0, 0.0, 0.0, 0.0);
        for (i, label) in sheet.iter().enumerate() {
            let x = mm(SHEET_LEFT + (i % COLUMNS) as f32 * COLUMN_PITCH + PAD);
            let top = mm(SHEET_TOP + (i / COLUMNS) as f32 * LABEL_H + PAD - 1.0);
            draw(&mut flow, label, x, top)?;
        }
        pages.extend(flow.finish());
    }
    Ok(pages)
}

/// At most `max` lines of `text` wrapped to `width`; a cut last line ends with an ellipsis that fits.
fn fit(flow: &Flow, style: Style, text: &str, width: f32, max: usize) -> Result<Vec<String>> {
    let face = flow.fonts.face(style.bold);
    let mut lines = wrap(face, style.size, &super::fonts::prepare(text), width)?;
    if lines.len() > max {
        lines.truncate(max);
        if let Some(last) = lines.last_mut() {
            while !last.is_empty() && face.width(&format!("{last}…"), style.size)? > width {
                last.pop();
            }
            last.push('…');
        }
    }
    Ok(lines)
}

fn draw(flow: &mut Flow, label: &EnvelopeLabel, x: f32, top: f32) -> Result<()> {
    let width = mm(LABEL_W - 2.0 * PAD);
    let mut y = top;
    let name_lines = fit(flow, NAME, &label.name, width, 2)?;
    for line in &name_lines {
        flow.text_at(NAME, x, y + NAME.ascent(), line);
        y += NAME.leading();
    }
    // Two name lines leave room for three more; one name line for four (the address gets two).
    let address_lines = if name_lines.len() > 1 { 1 } else { 2 };
    let mut body = fit(flow, BODY, &label.address, width, address_lines)?;
    for extra in [&label.registration_line, &label.permit_line] {
        body.extend(fit(flow, BODY, extra, width, 1)?);
    }
    for line in &body {
        flow.text_at(BODY, x, y + BODY.ascent(), line);
        y += BODY.leading();
    }
    Ok(())
}
