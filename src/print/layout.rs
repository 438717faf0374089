//! A small layout kit over printpdf's ops API, which places everything absolutely and knows nothing of
//! alignment, line breaking or pages: a [`Flow`] keeps a cursor down an A4 page, wraps text to a width,
//! starts a new page (redrawing the letterhead) when the next block does not fit, and records the ops.
//!
//! Coordinates here are points measured from the top-left corner, the way a page is read; they are
//! flipped to PDF's bottom-left origin only when an op is emitted.

use printpdf::{
    Color, Greyscale, Line, LineDashPattern, LinePoint, Op, PaintMode, Point, Polygon, PolygonRing,
    Pt, Rect, TextItem, TextMatrix, WindingOrder, XObjectId, XObjectTransform,
};

use super::fonts::{prepare, Fonts};
use super::text::{aligned_x, wrap, wrap_balanced, Align, Style};
use crate::Result;

/// A4 in points.
pub(crate) const PAGE_W: f32 = 595.276;
pub(crate) const PAGE_H: f32 = 841.89;

/// Millimetres to points, since page furniture is specified in millimetres.
pub(crate) fn mm(v: f32) -> f32 {
    v * 72.0 / 25.4
}

/// Runs at the top of every new page, e.g. to draw the letterhead again.
pub(crate) type PageStart<'a> = Box<dyn Fn(&mut Flow<'a>) -> Result<()> + 'a>;

/// The cursor and the ops of a document being laid out, one page after another.
pub(crate) struct Flow<'a> {
    pub(crate) fonts: &'a Fonts,
    pages: Vec<Vec<Op>>,
    ops: Vec<Op>,
    /// Distance from the top edge to the top of the next block.
    pub(crate) y: f32,
    pub(crate) left: f32,
    pub(crate) right: f32,
    top: f32,
    /// Nothing may be drawn below this distance from the top edge (the footer lives there).
    bottom: f32,
    page_start: Option<PageStart<'a>>,
    /// Where the cursor stood after the page-start hook: a block taller than a whole page is drawn
    /// anyway from here rather than breaking page after page.
    fresh_y: f32,
}

impl<'a> Flow<'a> {
    /// A flow over A4 with the given margins in points; call [`Flow::start_page`] to begin.
    pub(crate) fn new(fonts: &'a Fonts, left: f32, right: f32, top: f32, bottom: f32) -> Flow<'a> {
        Flow {
            fonts,
            pages: Vec::new(),
            ops: Vec::new(),
            y: top,
            left,
            right: PAGE_W - right,
            top,
            bottom: PAGE_H - bottom,
            page_start: None,
            fresh_y: top,
        }
    }

    pub(crate) fn on_page_start(&mut self, hook: PageStart<'a>) {
        self.page_start = Some(hook);
    }

    pub(crate) fn width(&self) -> f32 {
        self.right - self.left
    }

    /// Which page the cursor is on, counting from 0.
    pub(crate) fn page_index(&self) -> usize {
        self.pages.len()
    }

    /// Whether nothing has been placed on this page below its letterhead yet.
    pub(crate) fn at_page_top(&self) -> bool {
        self.y <= self.fresh_y
    }

    /// Room on a fresh page below its letterhead.
    pub(crate) fn page_capacity(&self) -> f32 {
        self.bottom - self.fresh_y
    }

    /// Room left on this page.
    pub(crate) fn remaining(&self) -> f32 {
        self.bottom - self.y
    }

    /// Closes the current page (if any) and opens a new one, running the page-start hook.
    pub(crate) fn start_page(&mut self) -> Result<()> {
        if !self.ops.is_empty() || !self.pages.is_empty() {
            self.pages.push(std::mem::take(&mut self.ops));
        }
        self.y = self.top;
        if let Some(hook) = self.page_start.take() {
            let result = hook(self);
            self.page_start = Some(hook);
            result?;
        }
        self.fresh_y = self.y;
        Ok(())
    }

    /// Makes sure a block of `height` fits below the cursor, starting a new page if not.
    pub(crate) fn ensure(&mut self, height: f32) -> Result<()> {
        if self.y + height > self.bottom && !self.at_page_top() {
            self.start_page()?;
        }
        Ok(())
    }

    pub(crate) fn gap(&mut self, height: f32) {
        self.y += height;
    }

    /// The ops of a flow used as an overlay, drawn onto finished pages (footers, page numbers).
    pub(crate) fn into_ops(self) -> Vec<Op> {
        self.ops
    }

    /// The finished pages, each a list of ops.
    pub(crate) fn finish(mut self) -> Vec<Vec<Op>> {
        self.pages.push(std::mem::take(&mut self.ops));
        self.pages
    }

    // --- primitives at absolute positions (top-down coordinates) ---

    /// Draws one line of prepared text with its baseline `baseline` points below the top edge.
    pub(crate) fn text_at(&mut self, style: Style, x: f32, baseline: f32, text: &str) {
        if text.is_empty() {
            return;
        }
        let face = self.fonts.face(style.bold);
        self.ops.extend([
            Op::StartTextSection,
            Op::SetFont {
                font: face.handle(),
                size: Pt(style.size),
            },
            Op::SetTextMatrix {
                matrix: TextMatrix::Translate(Pt(x), Pt(PAGE_H - baseline)),
            },
            Op::ShowText {
                items: vec![TextItem::Text(text.to_string())],
            },
            Op::EndTextSection,
        ]);
    }

    /// Prepares, measures and draws one line aligned inside `[x0, x1]`; returns its left x and width.
    pub(crate) fn line_at(
        &mut self,
        style: Style,
        align: Align,
        x0: f32,
        x1: f32,
        baseline: f32,
        text: &str,
    ) -> Result<(f32, f32)> {
        let text = prepare(text).replace('\n', " ");
        let width = self.fonts.face(style.bold).width(&text, style.size)?;
        let x = aligned_x(align, x0, x1, width);
        self.text_at(style, x, baseline, &text);
        Ok((x, width))
    }

    /// Text rotated `degrees` counter-clockwise about its start point (`x`, `baseline`).
    pub(crate) fn rotated_text(
        &mut self,
        style: Style,
        x: f32,
        baseline: f32,
        degrees: f32,
        text: &str,
    ) {
        let face = self.fonts.face(style.bold);
        self.ops.extend([
            Op::StartTextSection,
            Op::SetFont {
                font: face.handle(),
                size: Pt(style.size),
            },
            Op::SetTextMatrix {
                matrix: TextMatrix::TranslateRotate(Pt(x), Pt(PAGE_H - baseline), degrees),
            },
            Op::ShowText {
                items: vec![TextItem::Text(text.to_string())],
            },
            Op::EndTextSection,
        ]);
    }

    /// Grey level for text and filled shapes from here on (0 black, 1 white).
    pub(crate) fn fill_grey(&mut self, level: f32) {
        self.ops.push(Op::SetFillColor {
            col: Color::Greyscale(Greyscale::new(level, None)),
        });
    }

    /// A horizontal rule from `x0` to `x1` whose centre line is `y` below the top edge.
    pub(crate) fn hrule(&mut self, x0: f32, x1: f32, y: f32, thickness: f32) {
        self.stroke(thickness, vec![(x0, y), (x1, y)], false);
    }

    pub(crate) fn stroke_rect(&mut self, x: f32, y: f32, w: f32, h: f32, thickness: f32) {
        self.stroke(
            thickness,
            vec![(x, y), (x + w, y), (x + w, y + h), (x, y + h)],
            true,
        );
    }

    fn stroke(&mut self, thickness: f32, points: Vec<(f32, f32)>, closed: bool) {
        let points = points
            .into_iter()
            .map(|(x, y)| LinePoint {
                p: Point {
                    x: Pt(x),
                    y: Pt(PAGE_H - y),
                },
                bezier: false,
            })
            .collect();
        self.ops.extend([
            Op::SetOutlineColor {
                col: Color::Greyscale(Greyscale::new(0.0, None)),
            },
            Op::SetOutlineThickness { pt: Pt(thickness) },
            Op::DrawLine {
                line: Line {
                    points,
                    is_closed: closed,
                },
            },
        ]);
    }

    /// An open line through `points` in grey `level` (0 black), solid or dashed (`dash`: on and off
    /// lengths): a chart's series and grid lines.
    pub(crate) fn polyline(
        &mut self,
        thickness: f32,
        level: f32,
        points: &[(f32, f32)],
        dash: Option<&[f32]>,
    ) {
        if points.len() < 2 {
            return;
        }
        if let Some(d) = dash {
            self.ops.push(Op::SetLineDashPattern {
                dash: LineDashPattern::new(0.0, d),
            });
        }
        self.ops.extend([
            Op::SetOutlineColor {
                col: Color::Greyscale(Greyscale::new(level, None)),
            },
            Op::SetOutlineThickness { pt: Pt(thickness) },
            Op::DrawLine {
                line: Line {
                    points: points
                        .iter()
                        .map(|(x, y)| LinePoint {
                            p: Point {
                                x: Pt(*x),
                                y: Pt(PAGE_H - y),
                            },
                            bezier: false,
                        })
                        .collect(),
                    is_closed: false,
                },
            },
        ]);
        if dash.is_some() {
            self.ops.push(Op::SetLineDashPattern {
                dash: LineDashPattern::solid(),
            });
        }
    }

    /// A filled polygon through `points` (a chart's marker), in the current fill grey.
    pub(crate) fn fill_polygon(&mut self, points: &[(f32, f32)]) {
        self.ops.push(Op::DrawPolygon {
            polygon: Polygon {
                rings: vec![PolygonRing {
                    points: points
                        .iter()
                        .map(|(x, y)| LinePoint {
                            p: Point {
                                x: Pt(*x),
                                y: Pt(PAGE_H - y),
                            },
                            bezier: false,
                        })
                        .collect(),
                }],
                mode: PaintMode::Fill,
                winding_order: WindingOrder::NonZero,
            },
        });
    }

    /// A filled rectangle whose top-left corner is (`x`, `y`).
    pub(crate) fn fill_rect(&mut self, x: f32, y: f32, w: f32, h: f32) {
        self.ops.push(Op::DrawRectangle {
            rectangle: Rect {
                x: Pt(x),
                y: Pt(PAGE_H - y - h),
                width: Pt(w),
                height: Pt(h),
                mode: Some(PaintMode::Fill),
                winding_order: None,
            },
        });
    }

    /// Places an image added to the document under `id`, stretched to the box at (`x`, `y`) `w` × `h`.
    pub(crate) fn image(&mut self, id: &XObjectId, x: f32, y: f32, w: f32, h: f32) {
        self.ops.push(Op::UseXobject {
            id: id.clone(),
            transform: XObjectTransform {
                translate_x: Some(Pt(x)),
                translate_y: Some(Pt(PAGE_H - y - h)),
                scale_x: Some(w),
                scale_y: Some(h),
                // The image is a unit square; the scale above is its size in points.
                no_auto_scale: true,
                ..Default::default()
            },
        });
    }

    pub(crate) fn push_ops(&mut self, ops: impl IntoIterator<Item = Op>) {
        self.ops.extend(ops);
    }

    // --- flowing blocks, which move the cursor and break pages ---

    /// A wrapped paragraph between `x0` and `x1`; returns the number of lines drawn.
    pub(crate) fn paragraph_in(
        &mut self,
        style: Style,
        align: Align,
        x0: f32,
        x1: f32,
        text: &str,
    ) -> Result<usize> {
        let text = prepare(text);
        let face = self.fonts.face(style.bold);
        let lines = if align == Align::Centre {
            wrap_balanced(face, style.size, &text, x1 - x0)?
        } else {
            wrap(face, style.size, &text, x1 - x0)?
        };
        for line in &lines {
            self.ensure(style.leading())?;
            let width = self.fonts.face(style.bold).width(line, style.size)?;
            let baseline = self.y + style.ascent();
            self.text_at(style, aligned_x(align, x0, x1, width), baseline, line);
            self.y += style.leading();
        }
        Ok(lines.len())
    }

    /// A wrapped paragraph across the full text width.
    pub(crate) fn paragraph(&mut self, style: Style, align: Align, text: &str) -> Result<usize> {
        self.paragraph_in(style, align, self.left, self.right, text)
    }

    /// A centred line with a rule under it, as titles are set on Indonesian letters.
    pub(crate) fn underlined_centre(&mut self, style: Style, text: &str) -> Result<()> {
        let text = prepare(text);
        let face = self.fonts.face(style.bold);
        let lines = wrap_balanced(face, style.size, &text, self.width())?;
        for line in &lines {
            self.ensure(style.leading())?;
            let baseline = self.y + style.ascent();
            let (x, w) =
                self.line_at(style, Align::Centre, self.left, self.right, baseline, line)?;
            self.hrule(x, x + w, baseline + style.size * 0.16, style.size * 0.07);
            self.y += style.leading();
        }
        Ok(())
    }

    /// Items numbered "1.", "2.", … with a hanging indent, starting at `x0`.
    pub(crate) fn numbered(&mut self, style: Style, x0: f32, items: &[String]) -> Result<()> {
        let face = self.fonts.face(style.bold);
        let mark_w = face.width(&format!("{}. ", items.len().max(1)), style.size)?;
        for (i, item) in items.iter().enumerate() {
            let lines = wrap(face, style.size, &prepare(item), self.right - x0 - mark_w)?;
            for (j, line) in lines.iter().enumerate() {
                self.ensure(style.leading())?;
                let baseline = self.y + style.ascent();
                if j == 0 {
                    self.text_at(style, x0, baseline, &format!("{}.", i + 1));
                }
                self.text_at(style, x0 + mark_w, baseline, line);
                self.y += style.leading();
            }
        }
        Ok(())
    }

    /// "label : value" rows: labels in a column `label_w` wide from `x0`, a colon, and values wrapping
    /// in what is left. A long value continues on the next page, one line at a time.
    pub(crate) fn label_rows(
        &mut self,
        style: Style,
        x0: f32,
        label_w: f32,
        rows: &[(String, String)],
    ) -> Result<()> {
        let face = self.fonts.face(style.bold);
        let colon_w = face.width(" : ", style.size)?;
        let lead = face.width(": ", style.size)?;
        let value_x = x0 + label_w + colon_w;
        for (label, value) in rows {
            let label_lines = wrap(face, style.size, &prepare(label), label_w)?;
            let value_lines = wrap(face, style.size, &prepare(value), self.right - value_x)?;
            let n = label_lines.len().max(value_lines.len());
            for i in 0..n {
                self.ensure(style.leading())?;
                let baseline = self.y + style.ascent();
                if let Some(l) = label_lines.get(i) {
                    self.text_at(style, x0, baseline, l);
                }
                // The colon and the first line are one run of text, so a reader of the PDF (pdftotext,
                // a screen reader) gets "label : value" with its space, and the value still starts at
                // `value_x`.
                if i == 0 {
                    let first = value_lines.first().map(String::as_str).unwrap_or("");
                    self.text_at(style, value_x - lead, baseline, &format!(": {first}"));
                } else if let Some(v) = value_lines.get(i) {
                    self.text_at(style, value_x, baseline, v);
                }
                self.y += style.leading();
            }
            self.y += style.size * 0.15;
        }
        Ok(())
    }

    /// Width of the label column for `labels`: the widest label, but never more than `max`.
    pub(crate) fn label_width<'s>(
        &self,
        style: Style,
        labels: impl IntoIterator<Item = &'s str>,
        max: f32,
    ) -> Result<f32> {
        let face = self.fonts.face(style.bold);
        let mut widest = 0.0_f32;
        for label in labels {
            widest = widest.max(face.width(&prepare(label).replace('\n', " "), style.size)?);
        }
        Ok(widest.min(max))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flow_breaks_pages_and_reruns_the_page_start() -> Result<()> {
        let fonts = Fonts::get()?;
        let mut flow = Flow::new(fonts, mm(25.0), mm(20.0), mm(15.0), mm(20.0));
        flow.on_page_start(Box::new(|f: &mut Flow| {
            f.gap(100.0);
            Ok(())
        }));
        flow.start_page()?;
        assert_eq!(flow.y, mm(15.0) + 100.0);
        let style = Style::regular(10.0);
        for _ in 0..80 {
            flow.paragraph(style, Align::Left, "baris")?;
            assert!(flow.y <= PAGE_H - mm(20.0) + 0.01);
        }
        let pages = flow.finish();
        assert_eq!(pages.len(), 2);
        Ok(())
    }
}
