//! Charts as vector drawings on the page: horizontal bars per category (a permit type, a district, an
//! element of service) and a line over the months. At most two series, told apart by shape — solid and
//! outlined bars, a solid line with diamonds and a dashed line with squares — named in a legend, and
//! every value printed beside its bar or point, so nothing is read from a shade alone and a photocopy
//! keeps it all.

use super::fonts::prepare;
use super::layout::Flow;
use super::text::{wrap, Align, Style};
use super::ChartDoc;
use crate::Result;

const TITLE: Style = Style::bold(9.5);
const LABEL: Style = Style::regular(7.5);
const BAR_H: f32 = 7.5;
const GROUP_GAP: f32 = 5.0;
const SOLID: f32 = 0.3;
const LINE_H: f32 = 130.0;

/// Draws a chart at the cursor, its title first; moves the cursor below it.
pub(crate) fn draw(flow: &mut Flow, chart: &ChartDoc) -> Result<()> {
    if chart.categories.is_empty() || chart.series.is_empty() {
        return Ok(());
    }
    if chart.line {
        line(flow, chart)
    } else {
        bars(flow, chart)
    }
}

fn title_and_legend(flow: &mut Flow, chart: &ChartDoc, line: bool) -> Result<()> {
    flow.paragraph(TITLE, Align::Left, &chart.title)?;
    flow.gap(2.0);
    let baseline = flow.y + LABEL.ascent();
    let mut x = flow.left;
    for (i, s) in chart.series.iter().enumerate() {
        let mid = baseline - LABEL.size * 0.35;
        if line {
            let dash = (i == 1).then_some(&[3.0, 2.0][..]);
            flow.polyline(1.2, 0.0, &[(x, mid), (x + 16.0, mid)], dash);
            marker(flow, i, x + 8.0, mid);
            x += 20.0;
        } else {
            swatch(flow, i, x, mid - 3.5, 10.0, 7.0);
            x += 13.0;
        }
        let (_, w) = flow.line_at(LABEL, Align::Left, x, flow.right, baseline, &s.title)?;
        x += w + 14.0;
    }
    flow.gap(LABEL.leading() + 3.0);
    Ok(())
}

/// A bar or legend box of series `i`: the first solid dark grey, the second white with a black edge.
fn swatch(flow: &mut Flow, i: usize, x: f32, y: f32, w: f32, h: f32) {
    if w <= 0.0 {
        return;
    }
    if i == 0 {
        flow.fill_grey(SOLID);
        flow.fill_rect(x, y, w, h);
        flow.fill_grey(0.0);
    } else {
        flow.stroke_rect(x, y, w, h, 0.8);
    }
}

/// A point of series `i`: a filled diamond for the first, an open square for the second.
fn marker(flow: &mut Flow, i: usize, x: f32, y: f32) {
    let r = 2.6;
    if i == 0 {
        flow.fill_grey(0.0);
        flow.fill_polygon(&[(x, y - r), (x + r, y), (x, y + r), (x - r, y)]);
    } else {
        flow.fill_grey(1.0);
        flow.fill_rect(x - r, y - r, 2.0 * r, 2.0 * r);
        flow.fill_grey(0.0);
        flow.stroke_rect(x - r, y - r, 2.0 * r, 2.0 * r, 0.8);
    }
}

fn max_value(chart: &ChartDoc) -> f64 {
    chart
        .series
        .iter()
        .flat_map(|s| s.values.iter().flatten())
        .fold(0.0_f64, |a, b| a.max(*b))
}

fn bars(flow: &mut Flow, chart: &ChartDoc) -> Result<()> {
    let n = chart.series.len().min(2);
    let group_h = n as f32 * BAR_H + GROUP_GAP;
    // Keep the title and legend with the first bars.
    flow.ensure(
        TITLE.leading() + LABEL.leading() + 8.0 + group_h * chart.categories.len().min(4) as f32,
    )?;
    title_and_legend(flow, chart, false)?;
    let face = flow.fonts.face(false);
    let mut label_w = 0.0_f32;
    for c in &chart.categories {
        label_w = label_w.max(face.width(&prepare(c), LABEL.size)?);
    }
    let label_w = label_w.min(flow.width() * 0.3) + 6.0;
    let mut value_w = 0.0_f32;
    for s in chart.series.iter().take(n) {
        for l in &s.labels {
            value_w = value_w.max(face.width(&prepare(l), LABEL.size)?);
        }
    }
    let x0 = flow.left + label_w;
    let span = (flow.right - x0 - value_w - 6.0).max(20.0);
    let max = max_value(chart);
    let scale = if max > 0.0 { span as f64 / max } else { 0.0 };
    for (ci, cat) in chart.categories.iter().enumerate() {
        flow.ensure(group_h)?;
        let y = flow.y;
        let lines = wrap(face, LABEL.size, &prepare(cat), label_w - 6.0)?;
        let label_top = y + (n as f32 * BAR_H - lines.len().min(2) as f32 * LABEL.leading()) / 2.0;
        for (li, l) in lines.iter().take(2).enumerate() {
            let baseline = label_top + LABEL.ascent() + li as f32 * LABEL.leading() - 1.5;
            flow.text_at(LABEL, flow.left, baseline, l);
        }
        for (si, s) in chart.series.iter().take(n).enumerate() {
            let by = y + si as f32 * BAR_H;
            let v = s.values.get(ci).copied().flatten();
            let w = v.map(|v| (v * scale) as f32).unwrap_or(0.0);
            swatch(flow, si, x0, by + 0.8, w, BAR_H - 1.6);
            let label = s.labels.get(ci).map(String::as_str).unwrap_or("");
            flow.line_at(
                LABEL,
                Align::Left,
                x0 + w + 3.0,
                flow.right,
                by + BAR_H - 1.6,
                label,
            )?;
        }
        // The axis the bars start from, drawn along each group so it follows them over a page break.
        flow.polyline(0.6, 0.0, &[(x0, y), (x0, y + group_h)], None);
        flow.y = y + group_h;
    }
    flow.gap(6.0);
    Ok(())
}

/// A round step for the value axis: 1, 2 or 5 times a power of ten, giving about five lines; whole
/// numbers once the values reach five.
fn nice_step(max: f64) -> f64 {
    if max <= 0.0 {
        return 1.0;
    }
    let raw = max / 5.0;
    let pow = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * pow)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * pow);
    if max >= 5.0 {
        step.max(1.0)
    } else {
        step
    }
}

fn line(flow: &mut Flow, chart: &ChartDoc) -> Result<()> {
    let needed = TITLE.leading() + LABEL.leading() * 3.0 + LINE_H + 12.0;
    flow.ensure(needed)?;
    title_and_legend(flow, chart, true)?;
    let face = flow.fonts.face(false);
    let step = nice_step(max_value(chart));
    let top_value = (max_value(chart) / step).ceil().max(1.0) * step;
    let ticks = (top_value / step).round() as usize;
    let mut axis_w = 0.0_f32;
    for t in 0..=ticks {
        axis_w = axis_w.max(face.width(&axis_label(t as f64 * step), LABEL.size)?);
    }
    let (x0, x1) = (flow.left + axis_w + 6.0, flow.right - 10.0);
    let (y0, y1) = (flow.y + LABEL.leading(), flow.y + LABEL.leading() + LINE_H);
    let y_of = |v: f64| y1 - (v / top_value) as f32 * (y1 - y0);
    for t in 0..=ticks {
        let v = t as f64 * step;
        let y = y_of(v);
        let level = if t == 0 { 0.0 } else { 0.8 };
        flow.polyline(
            if t == 0 { 0.6 } else { 0.4 },
            level,
            &[(x0, y), (x1, y)],
            None,
        );
        flow.line_at(
            LABEL,
            Align::Right,
            flow.left,
            x0 - 4.0,
            y + LABEL.size * 0.35,
            &axis_label(v),
        )?;
    }
    let n = chart.categories.len();
    let x_of = |i: usize| {
        if n == 1 {
            (x0 + x1) / 2.0
        } else {
            x0 + 8.0 + (x1 - x0 - 16.0) * i as f32 / (n - 1) as f32
        }
    };
    let every = n.div_ceil(12).max(1);
    for (i, cat) in chart.categories.iter().enumerate() {
        if i % every == 0 || i + 1 == n {
            flow.line_at(
                LABEL,
                Align::Centre,
                x_of(i) - 30.0,
                x_of(i) + 30.0,
                y1 + LABEL.leading(),
                cat,
            )?;
        }
    }
    for (si, s) in chart.series.iter().take(2).enumerate() {
        let dash = (si == 1).then_some(&[3.0, 2.0][..]);
        // A month without a value breaks the line rather than dropping it to zero.
        let mut run: Vec<(f32, f32)> = Vec::new();
        for (i, v) in s.values.iter().enumerate() {
            match v {
                Some(v) => run.push((x_of(i), y_of(*v))),
                None => {
                    flow.polyline(1.2, 0.0, &run, dash);
                    run.clear();
                }
            }
        }
        flow.polyline(1.2, 0.0, &run, dash);
        for (i, v) in s.values.iter().enumerate() {
            if let Some(v) = v {
                let (x, y) = (x_of(i), y_of(*v));
                marker(flow, si, x, y);
                if i % every == 0 || i + 1 == n {
                    // The first series' labels above its points, the second's below.
                    let by = if si == 0 {
                        y - 4.5
                    } else {
                        y + 4.5 + LABEL.size
                    };
                    let label = s.labels.get(i).map(String::as_str).unwrap_or("");
                    flow.line_at(LABEL, Align::Centre, x - 30.0, x + 30.0, by, label)?;
                }
            }
        }
    }
    flow.y = y1 + LABEL.leading() * 1.6;
    flow.gap(6.0);
    Ok(())
}

/// An axis value as the office writes numbers: dots between thousands, a decimal comma.
fn axis_label(v: f64) -> String {
    let fixed = if (v - v.round()).abs() < 1e-9 {
        format!("{}", v.round() as i64)
    } else {
        format!("{v:.1}")
    };
    let (whole, frac) = fixed.split_once('.').unwrap_or((&fixed, ""));
    let mut out = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(',');
        out.push_str(frac);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_axes_step_in_round_numbers() {
        assert_eq!(nice_step(100.0), 20.0);
        assert_eq!(nice_step(87.5), 20.0);
        assert_eq!(nice_step(12.0), 5.0);
        assert_eq!(nice_step(4.0), 1.0);
        assert_eq!(nice_step(3.2), 1.0);
        assert_eq!(nice_step(6.0), 2.0);
        assert_eq!(nice_step(0.0), 1.0);
        assert_eq!(axis_label(2500.0), "2.500");
        assert_eq!(axis_label(0.5), "0,5");
    }
}
