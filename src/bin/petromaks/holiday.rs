//! Holiday calendar commands; each change prints the open cases whose due date moved.

use std::path::PathBuf;

use clap::Subcommand;
use petromaks::office::holidays::{self, DueDateChange, HolidayInput, HolidayKind};
use petromaks::{time, Result};

use crate::Ctx;

#[derive(Subcommand)]
pub enum HolidayCmd {
    /// The holidays of a year.
    List {
        #[arg(long)]
        year: i32,
    },
    /// Add a holiday.
    Add {
        #[arg(long)]
        day: String,
        #[arg(long)]
        name: String,
        /// national or cuti_bersama.
        #[arg(long, default_value = "national")]
        kind: HolidayKind,
    },
    /// Change the holiday on DAY.
    Edit {
        day: String,
        #[arg(long = "to-day")]
        to_day: Option<String>,
        #[arg(long)]
        name: String,
        #[arg(long, default_value = "national")]
        kind: HolidayKind,
    },
    /// Remove the holiday on DAY.
    Remove { day: String },
    /// Replace a year's holidays with a CSV file (day,name,kind).
    Import {
        #[arg(long)]
        year: i32,
        #[arg(long)]
        file: PathBuf,
    },
    /// Whether cuti bersama counts as a working day: `--working true` or `--working false`.
    CutiBersama {
        #[arg(long, action = clap::ArgAction::Set)]
        working: bool,
    },
}

fn show_moved(ctx: &Ctx, what: &str, moved: &[DueDateChange]) {
    ctx.out.show(&moved, || {
        let mut s = format!("{what}; {} open case(s) moved\n", moved.len());
        for m in moved {
            s += &format!(
                "  {}: due {} -> {}\n",
                m.registration_number, m.old_due, m.new_due
            );
        }
        s
    });
}

pub fn holiday(ctx: &Ctx, c: HolidayCmd) -> Result<()> {
    let mut db = ctx.open()?;
    match c {
        HolidayCmd::List { year } => {
            let list = holidays::list(&db, year)?;
            ctx.out.show(&list, || {
                list.iter()
                    .map(|h| format!("{} {:<13} {}\n", h.day, h.kind, h.name))
                    .collect()
            });
        }
        HolidayCmd::Add { day, name, kind } => {
            let actor = ctx.actor(&db)?;
            let h = HolidayInput {
                day: time::parse_day("day", &day)?,
                name,
                kind,
            };
            let moved = holidays::add(&mut db, &actor, ctx.now, &h)?;
            show_moved(ctx, &format!("added {day}"), &moved);
        }
        HolidayCmd::Edit {
            day,
            to_day,
            name,
            kind,
        } => {
            let actor = ctx.actor(&db)?;
            let from = time::parse_day("day", &day)?;
            let h = HolidayInput {
                day: match to_day {
                    Some(d) => time::parse_day("to_day", &d)?,
                    None => from,
                },
                name,
                kind,
            };
            let moved = holidays::edit(&mut db, &actor, ctx.now, from, &h)?;
            show_moved(ctx, &format!("changed {day}"), &moved);
        }
        HolidayCmd::Remove { day } => {
            let actor = ctx.actor(&db)?;
            let moved = holidays::remove(&mut db, &actor, ctx.now, time::parse_day("day", &day)?)?;
            show_moved(ctx, &format!("removed {day}"), &moved);
        }
        HolidayCmd::Import { year, file } => {
            let actor = ctx.actor(&db)?;
            let text = std::fs::read_to_string(&file)?;
            let moved = holidays::import_year(&mut db, &actor, ctx.now, year, &text)?;
            show_moved(ctx, &format!("imported {year}"), &moved);
        }
        HolidayCmd::CutiBersama { working } => {
            let actor = ctx.actor(&db)?;
            let moved = holidays::set_cuti_bersama_is_working(&mut db, &actor, ctx.now, working)?;
            show_moved(
                ctx,
                &format!(
                    "cuti bersama is now a {}",
                    if working { "working day" } else { "day off" }
                ),
                &moved,
            );
        }
    }
    Ok(())
}
