//! Page furniture shared by every document: the letterhead (*kop surat*) with its double rule, the
//! DRAF/SALINAN marking, and page numbers. An Indonesian office letter is recognised by its kop, so it
//! is repeated on every page.

use std::collections::BTreeMap;

use printpdf::{DictItem, Op};

use super::fonts::prepare;
use super::layout::{mm, Flow, PAGE_H, PAGE_W};
use super::text::{Align, Style};
use super::{ImageRef, OfficeHeader};
use crate::Result;

/// Height of the logo in the letterhead.
const LOGO_H: f32 = 25.0 * 72.0 / 25.4;

/// Draws the letterhead at the cursor: logo at the left, the government, office and address lines
/// centred in the space beside it, then a thick and a thin rule. Leaves the cursor below the rules.
pub(crate) fn letterhead(
    flow: &mut Flow,
    header: &OfficeHeader,
    logo: Option<&ImageRef>,
) -> Result<()> {
    let top = flow.y;
    let mut reserve = 0.0;
    if let Some(logo) = logo {
        let w = (LOGO_H * logo.width / logo.height).min(mm(30.0));
        let h = w * logo.height / logo.width;
        flow.image(&logo.id, flow.left, top + (LOGO_H - h) / 2.0, w, h);
        reserve = w + mm(3.0);
    }
    // Centred beside the logo rather than on the page: a long address line then still fits on one line.
    let (x0, x1) = (flow.left + reserve, flow.right);
    flow.paragraph_in(Style::bold(13.0), Align::Centre, x0, x1, &header.government)?;
    flow.paragraph_in(
        Style::bold(14.5),
        Align::Centre,
        x0,
        x1,
        &header.office_name,
    )?;
    flow.gap(1.5);
    for line in &header.address_lines {
        flow.paragraph_in(Style::regular(8.0), Align::Centre, x0, x1, line)?;
    }
    flow.y = flow.y.max(top + if logo.is_some() { LOGO_H } else { 0.0 }) + 3.0;
    flow.hrule(flow.left, flow.right, flow.y, 2.2);
    flow.hrule(flow.left, flow.right, flow.y + 3.2, 0.7);
    flow.gap(3.2 + 12.0);
    Ok(())
}

/// Marks a page that is not the signed original: a large light-grey diagonal word across the page,
/// drawn first so the content prints over it, and the same word boxed in the top-right margin, where it
/// survives a photocopy that washes out the grey and is what a text search finds.
pub(crate) fn mark(flow: &mut Flow, text: &str) -> Result<()> {
    let text = prepare(text).replace('\n', " ");
    let text = text.trim();
    if text.is_empty() {
        return Ok(());
    }
    let face = flow.fonts.face(true);
    let unit = face.width(text, 1.0)?;
    // As large as fits along the diagonal, but no larger than a few letters' worth.
    let size = (PAGE_H * 0.62 / unit).min(150.0);
    let (cx, cy) = (PAGE_W / 2.0, PAGE_H / 2.0);
    let angle = 45.0_f32;
    let (sin, cos) = angle.to_radians().sin_cos();
    let half = unit * size / 2.0;
    let lift = size * 0.36;
    // Start point such that the middle of the word's x-height sits on the page centre.
    let x = cx - half * cos + lift * sin;
    let baseline_from_top = cy + half * sin + lift * cos;
    // An empty /ActualText keeps the diagonal letters out of copied and extracted text: scattered across
    // the page they would land between the words of the content.
    let silent = DictItem::Dict {
        map: BTreeMap::from([(
            "ActualText".to_string(),
            DictItem::String {
                data: Vec::new(),
                literal: true,
            },
        )]),
    };
    flow.push_ops([Op::BeginMarkedContentWithProperties {
        tag: "Span".into(),
        properties: silent,
    }]);
    flow.fill_grey(0.9);
    flow.rotated_text(Style::bold(size), x, baseline_from_top, angle, text);
    flow.fill_grey(0.0);
    flow.push_ops([Op::EndMarkedContent]);

    let style = Style::bold(10.0);
    let w = face.width(text, style.size)? + 12.0;
    let (bx, by, bh) = (flow.right - w, mm(5.0), 17.0);
    flow.stroke_rect(bx, by, w, bh, 1.0);
    flow.line_at(style, Align::Centre, bx, bx + w, by + 12.0, text)?;
    Ok(())
}

/// "Halaman i dari n" at the bottom right of every page, when there is more than one.
pub(crate) fn page_numbers(
    flow_fonts: &super::fonts::Fonts,
    pages: &mut [Vec<Op>],
    right: f32,
) -> Result<()> {
    let n = pages.len();
    if n < 2 {
        return Ok(());
    }
    for (i, page) in pages.iter_mut().enumerate() {
        let mut overlay = Flow::new(flow_fonts, 0.0, right, 0.0, 0.0);
        overlay.line_at(
            Style::regular(8.0),
            Align::Right,
            0.0,
            PAGE_W - right,
            PAGE_H - mm(8.0),
            &format!("Halaman {} dari {}", i + 1, n),
        )?;
        page.extend(overlay.into_ops());
    }
    Ok(())
}
