//! QR codes drawn as vector rectangles, so they stay sharp at any print resolution and a phone or a
//! counter barcode scanner reads them off paper.

use std::collections::BTreeMap;

use printpdf::{
    DictItem, ExternalStream, ExternalXObject, Op, PaintMode, Pt, Rect, XObject, XObjectTransform,
};
use qrcode::canvas::{Canvas, MaskPattern};
use qrcode::{bits, ec, Color, EcLevel};

use super::compress::Effort;
use super::layout::PAGE_H;
use crate::{Error, Result};

/// Modules of white border the QR standard asks for around the symbol.
const QUIET_ZONE: usize = 4;

/// A QR symbol ready to draw: which modules are dark, and how many there are on a side.
pub(crate) struct Qr {
    width: usize,
    dark: Vec<bool>,
}

/// One horizontal run of dark modules, in hundredths of a point from the page's lower-left corner.
struct Run {
    x: i64,
    y: i64,
    width: i64,
    height: i64,
}

/// `value` hundredths as a PDF number, the way the shortest `f32` form of `value / 100` reads
/// ("72.4", "3", "-0.05"): the same text the ops would be written as, made without float formatting,
/// which was a fifth of a certificate's time.
fn write_hundredths(out: &mut Vec<u8>, value: i64) {
    if value < 0 {
        out.push(b'-');
    }
    let v = value.unsigned_abs();
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut whole = v / 100;
    loop {
        at -= 1;
        digits[at] = b'0' + (whole % 10) as u8;
        whole /= 10;
        if whole == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[at..]);
    let cents = v % 100;
    if cents != 0 {
        out.push(b'.');
        out.push(b'0' + (cents / 10) as u8);
        if cents % 10 != 0 {
            out.push(b'0' + (cents % 10) as u8);
        }
    }
}

impl Qr {
    /// Encodes `payload` with medium error correction, which survives a crease or a stamp over a corner.
    ///
    /// The mask is fixed instead of chosen by scoring all eight (`QrCode::new` does, and that was nearly a
    /// third of a certificate batch's time): every mask is valid and every reader undoes whichever the
    /// format bits name; scoring only steers clear of patterns that look like finder marks, which random
    /// signature bytes hardly make. A print test scans the result with a real decoder.
    pub(crate) fn new(payload: &str) -> Result<Qr> {
        if payload.is_empty() {
            return Err(Error::Pdf("the QR code payload is empty".into()));
        }
        let failed = |e: qrcode::types::QrError| {
            Error::Pdf(format!(
                "cannot encode the QR code ({} bytes): {e}",
                payload.len()
            ))
        };
        let data = bits::encode_auto(payload.as_bytes(), EcLevel::M).map_err(failed)?;
        let version = data.version();
        let (codewords, correction) =
            ec::construct_codewords(&data.into_bytes(), version, EcLevel::M).map_err(failed)?;
        let mut canvas = Canvas::new(version, EcLevel::M);
        canvas.draw_all_functional_patterns();
        canvas.draw_data(&codewords, &correction);
        canvas.apply_mask(MaskPattern::Checkerboard);
        let dark = canvas
            .into_colors()
            .into_iter()
            .map(|c| c == Color::Dark)
            .collect();
        Ok(Qr {
            width: usize::try_from(version.width()).unwrap_or(0),
            dark,
        })
    }

    /// Modules on a side, including the quiet zone.
    pub(crate) fn modules_with_quiet_zone(&self) -> usize {
        self.width + 2 * QUIET_ZONE
    }

    /// Fill ops for the symbol in a square of `size` points (quiet zone included) whose top-left corner
    /// is (`x`, `y`) in top-down page coordinates: one rectangle per horizontal run of dark modules.
    pub(crate) fn ops(&self, x: f32, y: f32, size: f32) -> Vec<Op> {
        let point = |hundredths: i64| Pt(hundredths as f32 / 100.0);
        self.runs(x, y, size)
            .map(|run| Op::DrawRectangle {
                rectangle: Rect {
                    x: point(run.x),
                    y: point(run.y),
                    width: point(run.width),
                    height: point(run.height),
                    mode: Some(PaintMode::Fill),
                    winding_order: None,
                },
            })
            .collect()
    }

    /// The rectangles of [`Qr::ops`] in hundredths of a point, in PDF coordinates (from the foot of the
    /// page). Every module edge is rounded once and shared by the modules on both sides of it, so
    /// neighbouring runs meet exactly: no hairline between two rows, whatever the module size. A
    /// hundredth of a point is a twentieth of a 1200-dpi printer's dot.
    fn runs(&self, x: f32, y: f32, size: f32) -> impl Iterator<Item = Run> + '_ {
        let module = f64::from(size) / self.modules_with_quiet_zone() as f64;
        let edge = move |origin: f64, i: usize| {
            ((origin + (i + QUIET_ZONE) as f64 * module) * 100.0).round() as i64
        };
        let across = move |col: usize| edge(f64::from(x), col);
        // Down the page from `y`, as a height above its foot.
        let down = move |row: usize| {
            ((f64::from(PAGE_H) * 100.0).round() as i64) - edge(f64::from(y), row)
        };
        (0..self.width).flat_map(move |row| {
            let line = &self.dark[row * self.width..(row + 1) * self.width];
            let mut col = 0;
            std::iter::from_fn(move || {
                while col < line.len() && !line[col] {
                    col += 1;
                }
                if col == line.len() {
                    return None;
                }
                let start = col;
                while col < line.len() && line[col] {
                    col += 1;
                }
                Some(Run {
                    x: across(start),
                    y: down(row + 1),
                    width: across(col) - across(start),
                    height: down(row) - down(row + 1),
                })
            })
        })
    }

    /// The same drawing as [`Qr::ops`] gives, as a form XObject to draw with [`Qr::use_form`]: its content
    /// is exactly the operators those ops are written as (`x y w h re` and a fill per run, in page
    /// coordinates, the form's matrix the identity), so a printer and a scanner see the very same marks.
    /// A page then holds one op for its QR code instead of some 800 (every page of a batch stays in
    /// memory until the PDF is written, and they were over half of a 500-page batch's memory), and a
    /// certificate of two pages writes its symbol once. Deflated here, not when the file is written:
    /// printpdf copies a form's content when it writes it, and until then 500 of them wait. (A form in
    /// module units, scaled by its matrix and filled in one go, rendered differently: zbarimg no longer
    /// read it at 150 dpi.)
    pub(crate) fn form(&self, x: f32, y: f32, size: f32, effort: Effort) -> Result<XObject> {
        let mut content = Vec::with_capacity(self.width * self.width * 8);
        for run in self.runs(x, y, size) {
            for value in [run.x, run.y, run.width, run.height] {
                write_hundredths(&mut content, value);
                content.push(b' ');
            }
            content.extend_from_slice(b"re\nf\n");
        }
        let (w, h) = (super::layout::PAGE_W, PAGE_H);
        let dict = BTreeMap::from([
            ("Type".to_string(), DictItem::Name(b"XObject".to_vec())),
            (
                "Filter".to_string(),
                DictItem::Name(b"FlateDecode".to_vec()),
            ),
            ("Subtype".to_string(), DictItem::Name(b"Form".to_vec())),
            (
                "BBox".to_string(),
                DictItem::Array(vec![
                    DictItem::Real(0.0),
                    DictItem::Real(0.0),
                    DictItem::Real(w),
                    DictItem::Real(h),
                ]),
            ),
        ]);
        Ok(XObject::External(ExternalXObject {
            stream: ExternalStream {
                dict,
                content: super::compress::deflated(&content, effort)?,
                compress: false,
            },
            width: None,
            height: None,
            dpi: None,
        }))
    }

    /// The op that draws a form made by [`Qr::form`] and added to the document under `id`, where its
    /// content says (no scaling to the form's size, which printpdf would add otherwise).
    pub(crate) fn use_form(id: &printpdf::XObjectId) -> Op {
        Op::UseXobject {
            id: id.clone(),
            transform: XObjectTransform {
                no_auto_scale: true,
                ..XObjectTransform::default()
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_rectangle_per_run_inside_the_quiet_zone() -> Result<()> {
        let qr = Qr::new("503/0112/SIPD/DPMPTSP/XI/2026")?;
        let runs: usize = (0..qr.width)
            .map(|r| {
                let row = &qr.dark[r * qr.width..(r + 1) * qr.width];
                row.iter()
                    .enumerate()
                    .filter(|&(i, &d)| d && (i == 0 || !row[i - 1]))
                    .count()
            })
            .sum();
        let ops = qr.ops(100.0, 100.0, 80.0);
        assert_eq!(ops.len(), runs);
        let module = 80.0 / qr.modules_with_quiet_zone() as f32;
        for op in &ops {
            let Op::DrawRectangle { rectangle } = op else {
                panic!("not a rectangle")
            };
            assert!(rectangle.x.0 >= 100.0 + 4.0 * module - 0.01);
            assert!(rectangle.x.0 + rectangle.width.0 <= 180.0 - 4.0 * module + 0.01);
        }
        Ok(())
    }

    #[test]
    fn the_form_holds_the_runs_as_the_page_would_write_them() -> Result<()> {
        let qr = Qr::new("503/0112/SIPD/DPMPTSP/XI/2026")?;
        let XObject::External(form) = qr.form(100.0, 100.0, 80.0, Effort::Quick)? else {
            panic!("not an external form")
        };
        let mut content = String::new();
        std::io::Read::read_to_string(
            &mut flate2::read::ZlibDecoder::new(form.stream.content.as_slice()),
            &mut content,
        )
        .expect("inflate");
        // Exactly what printpdf writes for the ops, float by float, so page and form draw alike.
        let mut written = String::new();
        for op in qr.ops(100.0, 100.0, 80.0) {
            let Op::DrawRectangle { rectangle: r } = op else {
                panic!("not a rectangle")
            };
            written += &format!("{} {} {} {} re\nf\n", r.x.0, r.y.0, r.width.0, r.height.0);
        }
        assert_eq!(content, written);
        Ok(())
    }

    #[test]
    fn neighbouring_rows_meet_exactly() -> Result<()> {
        let qr = Qr::new("503/0112/SIPD/DPMPTSP/XI/2026")?;
        // A module of an odd size (80 / 33 points), so rounding each rectangle on its own would leave
        // gaps or overlaps of a hundredth here and there.
        let runs: Vec<Run> = qr.runs(100.3, 100.7, 80.0).collect();
        let mut rows: Vec<(i64, i64)> = runs.iter().map(|r| (r.y, r.height)).collect();
        rows.dedup();
        assert_eq!(rows.len(), qr.width);
        for pair in rows.windows(2) {
            assert_eq!(pair[1].0 + pair[1].1, pair[0].0, "{pair:?}");
        }
        Ok(())
    }

    #[test]
    fn hundredths_read_as_their_shortest_float() {
        for value in [0, 5, 10, 15, 100, 110, 123_456, 59_528, -5, -120] {
            let mut out = Vec::new();
            write_hundredths(&mut out, value);
            assert_eq!(
                String::from_utf8(out).unwrap_or_default(),
                format!("{}", value as f32 / 100.0),
                "{value}"
            );
        }
    }

    #[test]
    fn empty_payload_is_refused() {
        assert!(Qr::new("").is_err());
    }
}
