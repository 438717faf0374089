//! Import and export commands: CSV in (dry run first, then `--confirm`), CSV or XLSX out.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use petromaks::exchange::export::{self, What};
use petromaks::exchange::import;
use petromaks::{Error, Result};

use crate::Ctx;

#[derive(Args)]
pub struct ImportArgs {
    /// The CSV file (columns: see `petromaks import --template`).
    #[arg(long, required_unless_present = "template")]
    file: Option<PathBuf>,
    /// Write the rows; without it, only check them and report every bad line (nothing is written).
    #[arg(long)]
    confirm: bool,
    /// Print the header line an import file needs.
    #[arg(long)]
    template: bool,
}

pub fn import(ctx: &Ctx, a: ImportArgs) -> Result<()> {
    if a.template {
        crate::output::line(&import::template_header());
        return Ok(());
    }
    let file = a
        .file
        .ok_or_else(|| Error::invalid("file", "name the CSV file with --file"))?;
    let text = std::fs::read_to_string(&file)?;
    let mut db = ctx.open()?;
    let actor = ctx.actor(&db)?;
    let r = import::import(&mut db, &actor, ctx.now, &text, a.confirm)?;
    ctx.out.show(&r, || {
        let mut s = format!(
            "{} rows: {} bad; {} applicants and {} cases {}\n",
            r.rows,
            r.bad.len(),
            r.applicants_created,
            r.cases_registered,
            if r.written {
                "imported"
            } else {
                "would be imported (dry run: nothing written; add --confirm)"
            }
        );
        for b in &r.bad {
            s += &format!("line {}: {}\n", b.line, b.reason);
        }
        for w in &r.warnings {
            s += &format!("line {} (warning): {}\n", w.line, w.reason);
        }
        s
    });
    Ok(())
}

#[derive(Subcommand)]
pub enum ExportCmd {
    /// Every case as CSV, or XLSX when the file name ends in .xlsx.
    Cases {
        #[arg(long)]
        out: PathBuf,
    },
    /// Every applicant as CSV or XLSX (in the import's columns).
    Applicants {
        #[arg(long)]
        out: PathBuf,
    },
}

fn is_xlsx(out: &std::path::Path) -> bool {
    out.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
}

pub fn export(ctx: &Ctx, c: ExportCmd) -> Result<()> {
    let db = ctx.open()?;
    let actor = ctx.actor(&db)?;
    let (out, what) = match c {
        ExportCmd::Cases { out } => (out, What::Cases),
        ExportCmd::Applicants { out } => (out, What::Applicants),
    };
    // A file that exists is never overwritten: it may not be ours.
    if out.exists() {
        return Err(Error::Conflict(format!(
            "{} already exists; choose a new file name",
            out.display()
        )));
    }
    let quiet = ctx.out.json;
    let mut progress = |n: u64| {
        if !quiet {
            eprint!("\r{n} rows");
        }
        true
    };
    let file = petromaks::private::create_file(&out)?;
    let mut w = std::io::BufWriter::new(file);
    let written = if is_xlsx(&out) {
        export::xlsx_with_progress(&db, &actor, what, &mut w, &mut progress)
    } else {
        export::csv_with_progress(&db, &actor, what, &mut w, &mut progress)
    }
    .and_then(|rows| Ok(std::io::Write::flush(&mut w).map(|()| rows)?));
    if !quiet {
        eprintln!();
    }
    // A half-written file is no export: it goes.
    let rows = written.inspect_err(|_| {
        let _ = std::fs::remove_file(&out);
    })?;
    let v = serde_json::json!({ "out": out, "rows": rows });
    ctx.out
        .show(&v, || format!("{rows} rows written to {}", out.display()));
    Ok(())
}
