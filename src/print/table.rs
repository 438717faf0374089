//! Ruled tables with a header row, for checklists and manifests: cells wrap, a row that does not fit
//! moves to the next page under a repeated header, and a row taller than a page is split between pages.

use super::fonts::prepare;
use super::layout::Flow;
use super::text::{aligned_x, wrap, Align, Style};
use crate::Result;

/// One column; a `width` of zero takes whatever the other columns leave.
pub(crate) struct Column<'c> {
    pub(crate) head: &'c str,
    pub(crate) width: f32,
    pub(crate) align: Align,
}

pub(crate) const PAD_X: f32 = 4.0;
const PAD_Y: f32 = 3.0;
const RULE: f32 = 0.5;

/// How a table is set: the header's and the body's type, the cell padding, and the rows set in bold
/// (a total row).
#[derive(Clone, Copy)]
pub(crate) struct GridStyle<'r> {
    pub(crate) head: Style,
    pub(crate) body: Style,
    pub(crate) pad_x: f32,
    pub(crate) bold_rows: &'r [bool],
}

/// Draws `rows` (one string per column) as a ruled table across the flow's width.
pub(crate) fn grid(
    flow: &mut Flow,
    columns: &[Column],
    rows: &[Vec<String>],
    head: Style,
    body: Style,
) -> Result<()> {
    grid_styled(
        flow,
        columns,
        rows,
        GridStyle {
            head,
            body,
            pad_x: PAD_X,
            bold_rows: &[],
        },
    )
}

/// [`grid`] with its own padding and bold rows.
pub(crate) fn grid_styled(
    flow: &mut Flow,
    columns: &[Column],
    rows: &[Vec<String>],
    style: GridStyle,
) -> Result<()> {
    let (head, pad_x) = (style.head, style.pad_x);
    let fixed: f32 = columns.iter().map(|c| c.width).sum();
    let flexible = columns.iter().filter(|c| c.width == 0.0).count().max(1) as f32;
    let rest = ((flow.width() - fixed) / flexible).max(0.0);
    let widths: Vec<f32> = columns
        .iter()
        .map(|c| if c.width == 0.0 { rest } else { c.width })
        .collect();

    let heads: Vec<Vec<String>> = columns
        .iter()
        .zip(&widths)
        .map(|(c, w)| {
            wrap(
                flow.fonts.face(head.bold),
                head.size,
                &prepare(c.head),
                w - 2.0 * pad_x,
            )
        })
        .collect::<Result<_>>()?;
    let head_h = row_height(&heads, head);

    let mut head_on_page = None;
    for (r, row) in rows.iter().enumerate() {
        let body = if style.bold_rows.get(r).copied().unwrap_or(false) {
            Style::bold(style.body.size)
        } else {
            style.body
        };
        let cells: Vec<Vec<String>> = widths
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let text = row.get(i).map(String::as_str).unwrap_or("");
                wrap(
                    flow.fonts.face(body.bold),
                    body.size,
                    &prepare(text),
                    w - 2.0 * pad_x,
                )
            })
            .collect::<Result<_>>()?;
        let total = cells.iter().map(Vec::len).max().unwrap_or(1);
        let mut from = 0;
        while from < total {
            let head_needed = if head_on_page == Some(flow.page_index()) {
                0.0
            } else {
                head_h
            };
            let rest_h = (total - from) as f32 * body.leading() + 2.0 * PAD_Y;
            if head_needed + rest_h > flow.remaining() && !flow.at_page_top() {
                // A row that fits on a fresh page moves there whole; a longer one fills this page first.
                let fits_fresh = head_h + rest_h <= flow.page_capacity();
                let lines_here = (flow.remaining() - head_needed - 2.0 * PAD_Y) / body.leading();
                if (from == 0 && fits_fresh) || lines_here < 1.0 {
                    flow.start_page()?;
                    continue;
                }
            }
            if head_on_page != Some(flow.page_index()) {
                draw_row(
                    flow,
                    &widths,
                    columns,
                    &heads,
                    (0, usize::MAX),
                    head,
                    true,
                    pad_x,
                )?;
                head_on_page = Some(flow.page_index());
            }
            let room = ((flow.remaining() - 2.0 * PAD_Y) / body.leading())
                .floor()
                .max(1.0) as usize;
            let to = (from + room).min(total);
            draw_row(
                flow,
                &widths,
                columns,
                &cells,
                (from, to),
                body,
                false,
                pad_x,
            )?;
            from = to;
        }
    }
    Ok(())
}

fn row_height(cells: &[Vec<String>], style: Style) -> f32 {
    let lines = cells.iter().map(Vec::len).max().unwrap_or(1);
    lines as f32 * style.leading() + 2.0 * PAD_Y
}

/// Draws lines `from..to` of each cell as one ruled row at the cursor and moves below it.
#[allow(clippy::too_many_arguments)]
fn draw_row(
    flow: &mut Flow,
    widths: &[f32],
    columns: &[Column],
    cells: &[Vec<String>],
    (from, to): (usize, usize),
    style: Style,
    shaded: bool,
    pad_x: f32,
) -> Result<()> {
    let lines = cells
        .iter()
        .map(|c| c.len().min(to).saturating_sub(from))
        .max()
        .unwrap_or(0)
        .max(1);
    let h = lines as f32 * style.leading() + 2.0 * PAD_Y;
    let top = flow.y;
    let mut x = flow.left;
    if shaded {
        flow.fill_grey(0.88);
        flow.fill_rect(x, top, widths.iter().sum(), h);
        flow.fill_grey(0.0);
    }
    for ((w, column), cell) in widths.iter().zip(columns).zip(cells) {
        let align = if shaded { Align::Centre } else { column.align };
        let mut baseline = top + PAD_Y + style.ascent();
        for line in cell.iter().take(to).skip(from) {
            let width = flow.fonts.face(style.bold).width(line, style.size)?;
            flow.text_at(
                style,
                aligned_x(align, x + pad_x, x + w - pad_x, width),
                baseline,
                line,
            );
            baseline += style.leading();
        }
        flow.stroke_rect(x, top, *w, h, RULE);
        x += w;
    }
    flow.y = top + h;
    Ok(())
}
