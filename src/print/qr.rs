//! QR codes drawn as vector rectangles, so they stay sharp at any print resolution and a phone or a
//! counter barcode scanner reads them off paper.

use printpdf::{Op, PaintMode, Pt, Rect};
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
    fn empty_payload_is_refused() {
        assert!(Qr::new("").is_err());
    }
}
