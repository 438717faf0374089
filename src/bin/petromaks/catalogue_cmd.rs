//! Catalogue editor commands: a permit type is written as JSON (the seed catalogue's format).

use std::path::PathBuf;

use clap::Subcommand;
use petromaks::catalogue::editor::{self, CatalogueEntry, NumberPreview};
use petromaks::catalogue::{self, PermitTypeInput};
use petromaks::{office, time, Error, Result};

use crate::Ctx;

#[derive(Subcommand)]
pub enum CatalogueCmd {
    /// Add a permit type from a JSON file.
    Create {
        #[arg(long)]
        file: PathBuf,
    },
    /// Replace the definition of CODE with a JSON file.
    Update {
        code: String,
        #[arg(long)]
        file: PathBuf,
    },
    /// Take no new applications for CODE.
    Retire { code: String },
    /// Take applications for CODE again.
    Reactivate { code: String },
    /// Delete CODE (only if no case ever used it).
    Delete { code: String },
    /// The next permit number of CODE, without taking it.
    Preview {
        code: String,
        /// Preview this template instead of the stored one.
        #[arg(long)]
        template: Option<String>,
        /// Issue day (YYYY-MM-DD); default today.
        #[arg(long)]
        day: Option<String>,
    },
}

fn read_input(file: &PathBuf) -> Result<PermitTypeInput> {
    let text = std::fs::read_to_string(file)?;
    serde_json::from_str(&text).map_err(|e| {
        Error::invalid(
            "file",
            format!("{} is not a permit type: {e}", file.display()),
        )
    })
}

fn show(ctx: &Ctx, e: &CatalogueEntry) {
    let t = &e.permit_type;
    ctx.out.show(e, || {
        format!(
            "{} — {} ({}; {} requirements)",
            t.code,
            t.name,
            if t.active { "active" } else { "retired" },
            t.requirements.len()
        )
    });
}

pub fn catalogue(ctx: &Ctx, c: CatalogueCmd) -> Result<()> {
    let mut db = ctx.open()?;
    let actor = ctx.actor(&db)?;
    match c {
        CatalogueCmd::Preview {
            code,
            template,
            day,
        } => {
            let t = catalogue::by_code(&db, &code)?;
            let day = match day {
                Some(d) => time::parse_day("day", &d)?,
                None => office::today(&db, ctx.now)?,
            };
            let p = NumberPreview {
                id: Some(t.id),
                template: template.unwrap_or(t.number_template),
                code: t.code,
                classification: t.classification,
            };
            let n = editor::preview_next_number(&db, &actor, &p, day)?;
            ctx.out.show(&serde_json::json!({ "next": n }), || {
                format!("next number: {n}")
            });
        }
        CatalogueCmd::Create { file } => {
            let t = editor::create(&mut db, &actor, ctx.now, &read_input(&file)?)?;
            show(ctx, &t);
        }
        CatalogueCmd::Update { code, file } => {
            let id = catalogue::by_code(&db, &code)?.id;
            let t = editor::update(&mut db, &actor, ctx.now, id, &read_input(&file)?)?;
            show(ctx, &t);
        }
        CatalogueCmd::Retire { code } => {
            let id = catalogue::by_code(&db, &code)?.id;
            let t = editor::set_active(&mut db, &actor, ctx.now, id, false)?;
            show(ctx, &t);
        }
        CatalogueCmd::Reactivate { code } => {
            let id = catalogue::by_code(&db, &code)?.id;
            let t = editor::set_active(&mut db, &actor, ctx.now, id, true)?;
            show(ctx, &t);
        }
        CatalogueCmd::Delete { code } => {
            let id = catalogue::by_code(&db, &code)?.id;
            editor::delete(&mut db, &actor, ctx.now, id)?;
            ctx.out.show(&serde_json::json!({ "deleted": code }), || {
                format!("deleted {code}")
            });
        }
    }
    Ok(())
}
