//! The permit certificate (*surat izin*) on A4 portrait, laid out the way a regency office letter is:
//! kop, title and number, legal basis, the grant to the holder, the holder's data, conditions and
//! validity, the signature block at the right, copies, and a verification QR code in the footer.

use printpdf::{Op, XObject};

use super::compress::Effort;
use super::fonts::prepare;
use super::layout::{mm, Flow, PAGE_H};
use super::qr::Qr;
use super::text::{wrap, wrap_balanced, Align, Style};
use super::{kop, CertificateDoc, ImageRef, Output};
use crate::Result;

const BODY: Style = Style::regular(10.0);
const LEFT: f32 = 25.0;
const RIGHT: f32 = 20.0;
const TOP: f32 = 12.0;
const BOTTOM: f32 = 8.0;
/// Space kept at the foot of every page for the QR code and its caption.
const FOOTER: f32 = 27.0;
const QR_SIZE: f32 = 22.0;
/// A pas photo is 4 × 6 cm.
const PHOTO_W: f32 = 40.0;
const PHOTO_H: f32 = 60.0;
/// Room for the wet signature and the stamp between the title and the name.
const SIGN_SPACE: f32 = 58.0;

/// A certificate's verification QR code, drawn for its place in the footer. It needs nothing else of the
/// layout, so a batch makes the next ones on another core while this one is laid out (a third of a
/// certificate's time was its QR code: encoding, a rectangle per run, deflating them).
pub(crate) struct QrSymbol {
    form: XObject,
    /// Where the symbol's quiet zone starts, so its dark modules line up with the left margin.
    x: f32,
}

/// Encodes and draws `doc`'s QR code (see [`QrSymbol`]), deflated with `effort`.
pub(crate) fn qr_symbol(doc: &CertificateDoc, effort: Effort) -> Result<QrSymbol> {
    let qr = Qr::new(&doc.qr_payload)?;
    let size = mm(QR_SIZE);
    let x = mm(LEFT) - size / qr.modules_with_quiet_zone() as f32 * 4.0;
    Ok(QrSymbol {
        form: qr.form(x, qr_top(), size, effort)?,
        x,
    })
}

/// The top of the QR code, above the bottom margin.
fn qr_top() -> f32 {
    PAGE_H - mm(BOTTOM) - mm(QR_SIZE)
}

/// Lays out one certificate with its QR code (made by [`qr_symbol`]); returns its pages.
pub(crate) fn layout<'d>(
    out: &mut Output<'d>,
    doc: &'d CertificateDoc,
    qr: QrSymbol,
) -> Result<Vec<Vec<Op>>> {
    let logo = out.logo(&doc.header)?;
    let photo = doc
        .photo_png
        .as_deref()
        .map(|png| out.image(png, "pas photo"))
        .transpose()?;

    let mut flow = Flow::new(out.fonts, mm(LEFT), mm(RIGHT), mm(TOP), mm(BOTTOM + FOOTER));
    let header = &doc.header;
    let mark = doc.mark.as_deref();
    flow.on_page_start(Box::new(move |f: &mut Flow| {
        if let Some(mark) = mark {
            kop::mark(f, mark)?;
        }
        kop::letterhead(f, header, logo.as_ref())
    }));
    flow.start_page()?;

    flow.underlined_centre(Style::bold(13.0), &doc.title.to_uppercase())?;
    flow.paragraph(BODY, Align::Centre, &format!("Nomor : {}", doc.number))?;
    flow.gap(10.0);

    let label_w = flow.label_width(
        BODY,
        doc.rows
            .iter()
            .map(|(label, _)| label.as_str())
            .chain(["Dasar"]),
        flow.width() * 0.36,
    )? + 6.0;
    if !doc.legal_basis.is_empty() {
        flow.ensure(BODY.leading() * 2.0)?;
        let colon_w = flow.fonts.regular.width(" : ", BODY.size)?;
        let baseline = flow.y + BODY.ascent();
        let left = flow.left;
        flow.text_at(BODY, left, baseline, "Dasar");
        flow.text_at(BODY, left + label_w + colon_w * 0.25, baseline, ": ");
        flow.numbered(BODY, left + label_w + colon_w, &doc.legal_basis)?;
        flow.gap(8.0);
    }

    flow.paragraph(BODY, Align::Left, &doc.intro)?;
    flow.gap(4.0);
    flow.paragraph(Style::bold(12.5), Align::Centre, &doc.holder_name)?;
    flow.gap(5.0);
    let left = flow.left;
    flow.label_rows(BODY, left, label_w, &doc.rows)?;

    if !doc.conditions.is_empty() {
        flow.gap(5.0);
        flow.ensure(BODY.leading() * 2.0)?;
        flow.paragraph(BODY, Align::Left, "Dengan ketentuan sebagai berikut:")?;
        flow.numbered(BODY, left, &doc.conditions)?;
    }
    if !doc.validity_line.is_empty() {
        flow.gap(5.0);
        flow.paragraph(BODY, Align::Left, &doc.validity_line)?;
    }

    flow.gap(12.0);
    signature(&mut flow, doc, photo.as_ref())?;

    if !doc.tembusan.is_empty() {
        let small = Style::regular(9.0);
        flow.gap(10.0);
        flow.ensure(small.leading() * 2.0)?;
        flow.paragraph(small, Align::Left, "Tembusan:")?;
        flow.numbered(small, left, &doc.tembusan)?;
    }

    let mut pages = flow.finish();
    footer(out, &mut pages, qr, &doc.qr_caption)?;
    Ok(pages)
}

/// The signature block in the right half, kept whole on one page, with the holder's photo (if any)
/// to its left.
fn signature(flow: &mut Flow, doc: &CertificateDoc, photo: Option<&ImageRef>) -> Result<()> {
    let sig = &doc.signature;
    let title_style = Style::bold(10.0);
    let name_style = Style::bold(10.0);
    let (regular, bold) = (&flow.fonts.regular, &flow.fonts.bold);
    // As wide as its longest line, so a long office title stays on one line, within bounds that keep
    // it in the right half and clear of the photo.
    let mut widest = bold.width(&prepare(&sig.name), name_style.size)?;
    for line in prepare(&sig.title).split('\n') {
        widest = widest.max(bold.width(line, title_style.size)?);
    }
    for line in [&sig.place_line, &sig.date_line, &sig.rank, &sig.nip_line] {
        widest = widest.max(regular.width(&prepare(line), BODY.size)?);
    }
    let block_w = (widest + 8.0).clamp(flow.width() * 0.42, flow.width() * 0.6);
    let (x0, x1) = (flow.right - block_w, flow.right);
    let title_lines = wrap_balanced(bold, title_style.size, &prepare(&sig.title), block_w)?;
    let head_h = 2.0 * BODY.leading() + 6.0;
    let sig_h = head_h
        + title_lines.len() as f32 * title_style.leading()
        + SIGN_SPACE
        + 3.0 * BODY.leading();
    let photo_h = if photo.is_some() { mm(PHOTO_H) } else { 0.0 };
    flow.ensure(sig_h.max(photo_h))?;
    let top = flow.y;

    flow.paragraph_in(BODY, Align::Left, x0, x1, &sig.place_line)?;
    flow.paragraph_in(BODY, Align::Left, x0, x1, &sig.date_line)?;
    let rule_w = {
        let place = flow
            .fonts
            .regular
            .width(&prepare(&sig.place_line), BODY.size)?;
        let date = flow
            .fonts
            .regular
            .width(&prepare(&sig.date_line), BODY.size)?;
        place.max(date).min(x1 - x0)
    };
    flow.hrule(x0, x0 + rule_w, flow.y + 1.5, 0.6);
    flow.gap(6.0);
    for line in &title_lines {
        let baseline = flow.y + title_style.ascent();
        flow.line_at(title_style, Align::Centre, x0, x1, baseline, line)?;
        flow.gap(title_style.leading());
    }
    flow.gap(SIGN_SPACE);
    let baseline = flow.y + name_style.ascent();
    let (nx, nw) = flow.line_at(name_style, Align::Centre, x0, x1, baseline, &sig.name)?;
    flow.hrule(nx, nx + nw, baseline + 1.8, 0.7);
    flow.gap(name_style.leading());
    flow.paragraph_in(BODY, Align::Centre, x0, x1, &sig.rank)?;
    flow.paragraph_in(BODY, Align::Centre, x0, x1, &sig.nip_line)?;

    if let Some(photo) = photo {
        let (bw, bh) = (mm(PHOTO_W), mm(PHOTO_H));
        let bx = flow.left + mm(15.0);
        let by = top + 2.0;
        // Fit inside the 4×6 box without stretching a photo of another shape.
        let scale = (bw / photo.width).min(bh / photo.height);
        let (w, h) = (photo.width * scale, photo.height * scale);
        flow.image(&photo.id, bx + (bw - w) / 2.0, by + (bh - h) / 2.0, w, h);
        flow.stroke_rect(bx, by, bw, bh, 0.5);
        flow.y = flow.y.max(by + bh);
    }
    Ok(())
}

/// The verification QR code and its caption at the foot of every page.
fn footer(out: &mut Output<'_>, pages: &mut [Vec<Op>], qr: QrSymbol, caption: &str) -> Result<()> {
    let fonts = out.fonts;
    let size = mm(QR_SIZE);
    let (x, y) = (qr.x, qr_top());
    let symbol = Qr::use_form(&out.form(qr.form));
    for page in pages.iter_mut() {
        let mut overlay = Flow::new(fonts, 0.0, mm(RIGHT), 0.0, 0.0);
        overlay.hrule(mm(LEFT), overlay.right, y - 4.0, 0.4);
        let style = Style::regular(8.0);
        let text_x = x + size + 4.0;
        let lines = wrap(
            fonts.face(false),
            style.size,
            &prepare(caption),
            overlay.right - text_x,
        )?;
        let block_h = lines.len() as f32 * style.leading();
        let mut baseline = y + (size - block_h) / 2.0 + style.ascent();
        for line in &lines {
            overlay.text_at(style, text_x, baseline, line);
            baseline += style.leading();
        }
        page.push(symbol.clone());
        page.extend(overlay.into_ops());
    }
    kop::page_numbers(fonts, pages, mm(RIGHT))
}
