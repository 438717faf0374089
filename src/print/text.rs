//! Line breaking and alignment: printpdf has neither. Widths come from the embedded font's glyph
//! advances, so a line measured here is exactly as wide as the line printed.

use super::fonts::Face;
use crate::Result;

/// Font weight and size of a run of text.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Style {
    pub(crate) bold: bool,
    pub(crate) size: f32,
}

impl Style {
    pub(crate) const fn regular(size: f32) -> Style {
        Style { bold: false, size }
    }

    pub(crate) const fn bold(size: f32) -> Style {
        Style { bold: true, size }
    }

    /// Distance between baselines; generous enough that accents on capitals (Á, Ñ) clear the
    /// descenders of the line above.
    pub(crate) fn leading(self) -> f32 {
        self.size * 1.28
    }

    /// Where the baseline sits below the top of its line box.
    pub(crate) fn ascent(self) -> f32 {
        self.size * 1.0
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Align {
    Left,
    Centre,
    Right,
}

/// Where a line of `width` starts inside `[x0, x1]`.
pub(crate) fn aligned_x(align: Align, x0: f32, x1: f32, width: f32) -> f32 {
    match align {
        Align::Left => x0,
        Align::Centre => x0 + (x1 - x0 - width) / 2.0,
        Align::Right => x1 - width,
    }
}

/// Greedy word wrap of prepared text to `max_width` points. Explicit line breaks are kept, runs of
/// spaces collapse, and a word wider than the whole line (a long e-mail address, a run of digits) is
/// broken between characters rather than left sticking out past the margin.
pub(crate) fn wrap(face: &Face, size: f32, text: &str, max_width: f32) -> Result<Vec<String>> {
    let space = face.width(" ", size)?;
    let mut lines = Vec::new();
    for hard_line in text.split('\n') {
        let mut line = String::new();
        let mut line_w = 0.0_f32;
        for word in hard_line.split(' ').filter(|w| !w.is_empty()) {
            let word_w = face.width(word, size)?;
            if !line.is_empty() && line_w + space + word_w <= max_width {
                line.push(' ');
                line.push_str(word);
                line_w += space + word_w;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            if word_w <= max_width {
                line.push_str(word);
                line_w = word_w;
                continue;
            }
            line_w = 0.0;
            for ch in word.chars() {
                let ch_w = face.advance(ch)? * size;
                if !line.is_empty() && line_w + ch_w > max_width {
                    lines.push(std::mem::take(&mut line));
                    line_w = 0.0;
                }
                line.push(ch);
                line_w += ch_w;
            }
        }
        lines.push(line);
    }
    Ok(lines)
}

/// Wraps to as few lines as `max_width` allows, then narrows the measure while that count holds, so a
/// centred heading breaks near its middle instead of leaving one word alone on its last line.
pub(crate) fn wrap_balanced(
    face: &Face,
    size: f32,
    text: &str,
    max_width: f32,
) -> Result<Vec<String>> {
    let mut best = wrap(face, size, text, max_width)?;
    if best.len() < 2 {
        return Ok(best);
    }
    let (mut narrow, mut wide) = (0.0, max_width);
    for _ in 0..12 {
        let mid = (narrow + wide) / 2.0;
        let lines = wrap(face, size, text, mid)?;
        if lines.len() <= best.len() {
            best = lines;
            wide = mid;
        } else {
            narrow = mid;
        }
    }
    Ok(best)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::print::fonts::Fonts;

    fn regular() -> Result<&'static Face> {
        Ok(&Fonts::get()?.regular)
    }

    #[test]
    fn wrap_is_greedy_and_fits() -> Result<()> {
        let face = regular()?;
        let text = "Izin ini berlaku selama yang bersangkutan masih menjalankan praktik di tempat tersebut";
        let max = face.width("Izin ini berlaku selama", 10.0)? + 0.01;
        let lines = wrap(face, 10.0, text, max)?;
        assert_eq!(lines[0], "Izin ini berlaku selama");
        assert_eq!(lines.join(" "), text);
        for line in &lines {
            assert!(face.width(line, 10.0)? <= max, "{line}");
        }
        Ok(())
    }

    #[test]
    fn wrap_keeps_hard_breaks_and_collapses_spaces() -> Result<()> {
        let face = regular()?;
        let lines = wrap(face, 10.0, "KEPALA DINAS\nKABUPATEN   BANYUASIN", 500.0)?;
        assert_eq!(lines, vec!["KEPALA DINAS", "KABUPATEN BANYUASIN"]);
        assert_eq!(wrap(face, 10.0, "", 100.0)?, vec![String::new()]);
        Ok(())
    }

    #[test]
    fn wrap_breaks_a_word_longer_than_the_line() -> Result<()> {
        let face = regular()?;
        let long = "x".repeat(300);
        let lines = wrap(face, 10.0, &format!("a {long} b"), 100.0)?;
        assert!(lines.len() > 3);
        assert_eq!(lines[0], "a");
        assert_eq!(lines.concat().replace(['a', 'b', ' '], ""), long);
        for line in &lines {
            assert!(face.width(line, 10.0)? <= 100.0, "{line}");
        }
        Ok(())
    }

    #[test]
    fn balanced_wrap_breaks_near_the_middle() -> Result<()> {
        let face = regular()?;
        let text = "DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU";
        let max = face.width("DINAS PENANAMAN MODAL DAN PELAYANAN", 10.0)? + 1.0;
        assert_eq!(wrap(face, 10.0, text, max)?[1], "TERPADU SATU PINTU");
        let balanced = wrap_balanced(face, 10.0, text, max)?;
        assert_eq!(
            balanced,
            vec!["DINAS PENANAMAN MODAL DAN", "PELAYANAN TERPADU SATU PINTU"]
        );
        Ok(())
    }

    #[test]
    fn alignment() {
        assert_eq!(aligned_x(Align::Left, 10.0, 110.0, 40.0), 10.0);
        assert_eq!(aligned_x(Align::Centre, 10.0, 110.0, 40.0), 40.0);
        assert_eq!(aligned_x(Align::Right, 10.0, 110.0, 40.0), 70.0);
    }
}
