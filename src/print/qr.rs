//! QR codes drawn as vector rectangles, so they stay sharp at any print resolution and a phone or a
//! counter barcode scanner reads them off paper.

use std::collections::BTreeMap;
use std::fmt::Write;

use printpdf::{
    DictItem, ExternalStream, ExternalXObject, Op, PaintMode, Pt, Rect, XObject, XObjectTransform,
};
use qrcode::canvas::{Canvas, MaskPattern};
use qrcode::{bits, ec, Color, EcLevel};

use super::layout::PAGE_H;
use crate::{Error, Result};

/// Modules of white border the QR standard asks for around the symbol.
const QUIET_ZONE: usize = 4;

/// A QR symbol ready to draw: which modules are dark, and how many there are on a side.
pub(crate) struct Qr {
    width: usize,
    dark: Vec<bool>,
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
        let module = size / self.modules_with_quiet_zone() as f32;
        let mut ops = Vec::new();
        for row in 0..self.width {
            let mut col = 0;
            while col < self.width {
                if !self.dark[row * self.width + col] {
                    col += 1;
                    continue;
                }
                let start = col;
                while col < self.width && self.dark[row * self.width + col] {
                    col += 1;
                }
                let top = y + (row + QUIET_ZONE) as f32 * module;
                ops.push(Op::DrawRectangle {
                    rectangle: Rect {
                        x: Pt(x + (start + QUIET_ZONE) as f32 * module),
                        y: Pt(PAGE_H - top - module),
                        width: Pt((col - start) as f32 * module),
                        height: Pt(module),
                        mode: Some(PaintMode::Fill),
                        winding_order: None,
                    },
                });
            }
        }
        ops
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
    pub(crate) fn form(&self, x: f32, y: f32, size: f32) -> Result<XObject> {
        let mut content = String::with_capacity(self.width * self.width * 4);
        for op in self.ops(x, y, size) {
            if let Op::DrawRectangle { rectangle: r } = op {
                // Writing into a String cannot fail.
                let _ = writeln!(
                    content,
                    "{} {} {} {} re\nf",
                    r.x.0, r.y.0, r.width.0, r.height.0
                );
            }
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
                content: super::deflated(content.as_bytes())?,
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
        let XObject::External(form) = qr.form(100.0, 100.0, 80.0)? else {
            panic!("not an external form")
        };
        let mut content = String::new();
        std::io::Read::read_to_string(
            &mut flate2::read::ZlibDecoder::new(form.stream.content.as_slice()),
            &mut content,
        )
        .expect("inflate");
        let ops = qr.ops(100.0, 100.0, 80.0);
        assert_eq!(
            content.lines().filter(|l| l.ends_with(" re")).count(),
            ops.len()
        );
        assert_eq!(content.lines().filter(|l| *l == "f").count(), ops.len());
        let Op::DrawRectangle { rectangle: first } = &ops[0] else {
            panic!("not a rectangle")
        };
        let line: Vec<f32> = content
            .lines()
            .next()
            .expect("a line")
            .split(' ')
            .take(4)
            .map(|n| n.parse().expect("a number"))
            .collect();
        assert_eq!(
            line,
            vec![first.x.0, first.y.0, first.width.0, first.height.0]
        );
        Ok(())
    }

    #[test]
    fn empty_payload_is_refused() {
        assert!(Qr::new("").is_err());
    }
}
