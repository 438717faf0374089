//! The embedded typefaces and text measuring: printpdf draws glyphs but cannot tell how wide a string is,
//! and silently prints an empty box for a character its font lacks.
//!
//! DejaVu Serif Condensed (regular and bold) ships inside the binary so a permit looks the same on every
//! office computer, whatever fonts it has installed: a serif reads as an official letter, and the
//! condensed cut keeps a permit with photo, conditions and copies on one A4 page. Its licence sits beside
//! it in `assets/fonts/`.

use std::sync::OnceLock;

use printpdf::{FontId, ParsedFont, PdfDocument, PdfFont, PdfFontHandle};
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use crate::{Error, Result};

const SERIF: &[u8] = include_bytes!("../../assets/fonts/DejaVuSerifCondensed.ttf");
const SERIF_BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSerifCondensed-Bold.ttf");

/// The font files every document embeds, by their file names: for a tool that must draw with the very
/// same fonts (the bench's ReportLab comparison), without a second copy in the binary.
pub fn files() -> [(&'static str, &'static [u8]); 2] {
    [
        ("DejaVuSerifCondensed.ttf", SERIF),
        ("DejaVuSerifCondensed-Bold.ttf", SERIF_BOLD),
    ]
}

/// One typeface, with the resource id it has in every document we write.
pub(crate) struct Face {
    name: &'static str,
    parsed: ParsedFont,
    /// Fixed rather than printpdf's random ids, so the same input gives the same bytes. Its first six
    /// letters become the subset tag (`PTRMKR+DejaVuSerifCondensed`), which PDF wants as six capitals.
    id: FontId,
    units_per_em: f32,
}

impl Face {
    fn load(name: &'static str, bytes: &[u8], id: &str) -> Result<Face> {
        let mut warnings = Vec::new();
        let trimmed = super::font_names::trimmed(bytes);
        let parsed = ParsedFont::from_bytes(trimmed.as_deref().unwrap_or(bytes), 0, &mut warnings)
            .ok_or_else(|| Error::Pdf(format!("cannot read the embedded font {name}")))?;
        let units_per_em = f32::from(parsed.pdf_font_metrics.units_per_em);
        if units_per_em <= 0.0 {
            return Err(Error::Pdf(format!(
                "the embedded font {name} has no units per em"
            )));
        }
        Ok(Face {
            name,
            parsed,
            id: FontId(id.to_string()),
            units_per_em,
        })
    }

    pub(crate) fn handle(&self) -> PdfFontHandle {
        PdfFontHandle::External(self.id.clone())
    }

    /// Advance width of `ch` in em, or an error naming the character: a missing glyph would print as an
    /// empty box and vanish from the extracted text, which on a permit is a wrong name nobody notices.
    pub(crate) fn advance(&self, ch: char) -> Result<f32> {
        match self.parsed.lookup_glyph_index(u32::from(ch)) {
            Some(gid) if gid != 0 => Ok(f32::from(self.parsed.get_horizontal_advance(gid)) / self.units_per_em),
            _ => Err(Error::Pdf(format!(
                "the font {} has no glyph for {:?} (U+{:04X}); the text cannot be printed as written",
                self.name, ch, u32::from(ch)
            ))),
        }
    }

    /// Width in points of one line of prepared text (see [`prepare`]).
    pub(crate) fn width(&self, text: &str, size: f32) -> Result<f32> {
        let mut em = 0.0;
        for ch in text.chars() {
            em += self.advance(ch)?;
        }
        Ok(em * size)
    }
}

/// The regular and bold faces every document uses.
pub(crate) struct Fonts {
    pub(crate) regular: Face,
    pub(crate) bold: Face,
}

impl Fonts {
    /// The faces, parsed once per process: parsing costs more than laying out a whole certificate.
    pub(crate) fn get() -> Result<&'static Fonts> {
        static FONTS: OnceLock<std::result::Result<Fonts, String>> = OnceLock::new();
        FONTS
            .get_or_init(|| {
                Ok(Fonts {
                    regular: Face::load("DejaVu Serif Condensed", SERIF, "PTRMKR")
                        .map_err(|e| e.to_string())?,
                    bold: Face::load("DejaVu Serif Condensed Bold", SERIF_BOLD, "PTRMKB")
                        .map_err(|e| e.to_string())?,
                })
            })
            .as_ref()
            .map_err(|e| Error::Pdf(e.clone()))
    }

    pub(crate) fn face(&self, bold: bool) -> &Face {
        if bold {
            &self.bold
        } else {
            &self.regular
        }
    }

    /// Puts both faces into `doc` under their fixed ids; printpdf subsets them when it saves.
    pub(crate) fn add_to(&self, doc: &mut PdfDocument) {
        for face in [&self.regular, &self.bold] {
            doc.resources
                .fonts
                .map
                .insert(face.id.clone(), PdfFont::new(face.parsed.clone()));
        }
    }
}

/// Text as it will be measured and drawn: NFC, because printpdf does no shaping and a decomposed
/// "e + combining tilde" would print as two glyphs side by side; every kind of whitespace but the line
/// break becomes a plain space; carriage returns go.
pub(crate) fn prepare(text: &str) -> String {
    let clean = |ch: char| match ch {
        '\r' => None,
        '\n' => Some('\n'),
        c if c.is_whitespace() => Some(' '),
        c => Some(c),
    };
    if is_nfc_quick(text.chars()) == IsNormalized::Yes {
        text.chars().filter_map(clean).collect()
    } else {
        text.nfc().filter_map(clean).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nfc_before_measuring() {
        let decomposed = "Nguye\u{302}\u{303}n";
        assert_eq!(prepare(decomposed), "Nguyễn");
        assert_eq!(prepare("a\tb\r\nc\u{a0}d"), "a b\nc d");
    }

    #[test]
    fn width_is_additive_and_scales() -> Result<()> {
        let fonts = Fonts::get()?;
        let f = &fonts.regular;
        let ab = f.width("AB", 10.0)?;
        let sum = f.width("A", 10.0)? + f.width("B", 10.0)?;
        assert!((ab - sum).abs() < 1e-4);
        assert!((f.width("AB", 20.0)? - 2.0 * ab).abs() < 1e-3);
        assert!(fonts.bold.width("MMMM", 10.0)? > f.width("MMMM", 10.0)?);
        assert_eq!(f.width("", 10.0)?, 0.0);
        Ok(())
    }

    #[test]
    fn missing_glyph_is_a_clear_error() -> Result<()> {
        let fonts = Fonts::get()?;
        let err = fonts
            .regular
            .width("Kim 김", 10.0)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.contains("U+AE40"), "{err}");
        // Indonesian, European and Vietnamese names all print.
        fonts
            .regular
            .width(&prepare("Zoë Ñandú O'Neil Nguyễn Văn Ánh √ —"), 10.0)?;
        fonts
            .bold
            .width(&prepare("Zoë Ñandú O'Neil Nguyễn Văn Ánh"), 10.0)?;
        Ok(())
    }
}
