//! `petromaks report recap|sla|van|ikm|expiring`: the office's reports for a period, narrowed by permit
//! type, district, village and channel, written as PDF, XLSX, CSV or JSON (`--out`), or shown as text.
//! Reports are read as the user named by `--as`: the core decides what that user may see.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use petromaks::cases::Channel;
use petromaks::reports::{self, Format, Kind, Preset, Query};
use petromaks::{time, Error, Result};

use crate::Ctx;

#[derive(Clone, Copy, ValueEnum)]
pub enum Which {
    /// Monthly recap per permit type.
    Recap,
    /// Service-standard compliance.
    Sla,
    /// The van's work per district.
    Van,
    /// Satisfaction index (IKM).
    Ikm,
    /// Permits expiring in the period, per village.
    Expiring,
}

#[derive(Args)]
pub struct ReportArgs {
    /// Which report.
    #[arg(value_enum)]
    which: Which,
    /// First day of the period (YYYY-MM-DD).
    #[arg(long)]
    from: Option<String>,
    /// Last day of the period, included.
    #[arg(long)]
    to: Option<String>,
    /// A whole month instead of --from/--to (YYYY-MM).
    #[arg(long, conflicts_with_all = ["from", "to", "quarter", "year", "days"])]
    month: Option<String>,
    /// A quarter (YYYY-Q, e.g. 2026-4).
    #[arg(long, conflicts_with_all = ["from", "to", "year", "days"])]
    quarter: Option<String>,
    /// A whole year (YYYY).
    #[arg(long, conflicts_with_all = ["from", "to", "days"])]
    year: Option<i32>,
    /// The next N days from today (the expiring permits' window).
    #[arg(long, conflicts_with_all = ["from", "to"])]
    days: Option<u64>,
    /// Only this permit type (code, e.g. SIPD).
    #[arg(long = "type")]
    permit_type: Option<String>,
    /// Only applicants of this district (code, e.g. 16.07.01).
    #[arg(long)]
    district: Option<String>,
    /// Only applicants of this village (code, e.g. 16.07.01.2001).
    #[arg(long)]
    village: Option<String>,
    /// Only applications handed in at the counter or in the van.
    #[arg(long)]
    channel: Option<Channel>,
    /// Write the report to this file; without it the tables are shown.
    #[arg(long)]
    out: Option<PathBuf>,
    /// The file's format; by default the one its name ends with.
    #[arg(long)]
    format: Option<String>,
}

fn kind(w: Which) -> Kind {
    match w {
        Which::Recap => Kind::Recap,
        Which::Sla => Kind::Sla,
        Which::Van => Kind::Van,
        Which::Ikm => Kind::Ikm,
        Which::Expiring => Kind::Expiring,
    }
}

fn bad_number(field: &'static str, s: &str) -> Error {
    Error::invalid(field, format!("{s:?} is not a number"))
}

/// The period's days from whichever of the period options was given.
fn days(
    a: &ReportArgs,
    today: chrono::NaiveDate,
) -> Result<(Option<chrono::NaiveDate>, Option<chrono::NaiveDate>)> {
    let preset = if let Some(m) = &a.month {
        let (y, mo) = m
            .split_once('-')
            .ok_or_else(|| Error::invalid("month", format!("{m:?} is not YYYY-MM")))?;
        Some(Preset::Month {
            year: y.parse().map_err(|_| bad_number("month", y))?,
            month: mo.parse().map_err(|_| bad_number("month", mo))?,
        })
    } else if let Some(q) = &a.quarter {
        let (y, n) = q
            .split_once('-')
            .ok_or_else(|| Error::invalid("quarter", format!("{q:?} is not YYYY-Q")))?;
        Some(Preset::Quarter {
            year: y.parse().map_err(|_| bad_number("quarter", y))?,
            quarter: n.parse().map_err(|_| bad_number("quarter", n))?,
        })
    } else {
        a.year.map(|year| Preset::Year { year })
    };
    if let Some(p) = preset {
        let (f, t) = p.days()?;
        return Ok((Some(f), Some(t)));
    }
    if let Some(n) = a.days {
        return Ok((Some(today), Some(today + chrono::Days::new(n))));
    }
    let day =
        |field, s: &Option<String>| s.as_deref().map(|s| time::parse_day(field, s)).transpose();
    Ok((day("from", &a.from)?, day("to", &a.to)?))
}

pub fn report(ctx: &Ctx, a: ReportArgs) -> Result<()> {
    let mut db = ctx.open()?;
    let actor = ctx.actor(&db)?;
    let today = petromaks::office::today(&db, ctx.now)?;
    let (from, to) = days(&a, today)?;
    let q = Query {
        preset: None,
        from,
        to,
        permit_type: a.permit_type.clone(),
        district: a.district.clone(),
        village: a.village.clone(),
        channel: a.channel,
    };
    let kind = kind(a.which);
    let Some(out) = &a.out else {
        let r = reports::build(&mut db, &actor, ctx.now, kind, &q)?;
        ctx.out.show(&r, || text(&r));
        return Ok(());
    };
    let format: Format = match (&a.format, out.extension().and_then(|e| e.to_str())) {
        (Some(f), _) => f.parse()?,
        (None, Some(ext)) => ext.parse().map_err(|_| {
            Error::invalid(
                "format",
                format!(
                    "cannot tell the format from {:?}: add --format pdf|xlsx|csv|json",
                    out.display().to_string()
                ),
            )
        })?,
        (None, None) => Format::Pdf,
    };
    let saved = reports::save(&mut db, &actor, ctx.now, kind, &q, format)?;
    std::fs::write(out, &saved.bytes)?;
    let shown = out.display().to_string();
    ctx.out.show(
        &serde_json::json!({ "file": shown, "bytes": saved.bytes.len(), "period": saved.report.period }),
        || format!("{} ({}) written to {shown}", saved.report.title, saved.report.period_title),
    );
    Ok(())
}

/// The report's tables as aligned text.
fn text(r: &reports::Report) -> String {
    let mut s = format!("{}: {}\n", r.title, r.period_title);
    for f in &r.filters {
        s += &format!("  {}: {}\n", f.label, f.value);
    }
    if let Some(n) = &r.scope_note {
        s += &format!("  {n}\n");
    }
    for t in &r.tables {
        s += &format!("\n{}\n", t.title);
        let rows: Vec<Vec<String>> =
            std::iter::once(t.columns.iter().map(|c| c.title.to_string()).collect())
                .chain(
                    t.rows
                        .iter()
                        .map(|row| row.cells.iter().map(cell).collect()),
                )
                .collect();
        let n = t.columns.len();
        let widths: Vec<usize> = (0..n)
            .map(|i| {
                rows.iter()
                    .map(|r| r.get(i).map_or(0, |c| c.chars().count()))
                    .max()
                    .unwrap_or(0)
                    .min(40)
            })
            .collect();
        for row in &rows {
            let line: Vec<String> = row
                .iter()
                .zip(&widths)
                .zip(&t.columns)
                .map(|((c, w), col)| {
                    if col.numeric {
                        format!("{c:>w$}")
                    } else {
                        format!("{c:<w$}")
                    }
                })
                .collect();
            s += &format!("  {}\n", line.join("  ").trim_end());
        }
    }
    s
}

fn cell(c: &reports::Cell) -> String {
    use reports::Cell;
    match c {
        Cell::Text(s) => s.clone(),
        Cell::Int(n) => n.to_string(),
        Cell::Num { value, places } => format!("{:.*}", usize::from(*places), value),
        Cell::Pct(Some(p)) => format!("{p:.1}"),
        Cell::Pct(None) | Cell::Empty => "-".into(),
        Cell::Date(d) => d.to_string(),
        Cell::Month(m) => m.clone(),
    }
}
