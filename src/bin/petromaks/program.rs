//! The program on this computer: what it is and whose work it ships (`about`), whether the register's files
//! are still the owner's alone (`privacy`), and the manual pages the package installs (`manual`).

use std::path::PathBuf;

use clap::{Args, CommandFactory};
use petromaks::about;
use petromaks::db::Address;
use petromaks::safety::privacy::{self, Privacy};
use petromaks::{Error, Result};

use crate::Ctx;

#[derive(Args)]
pub struct PrivacyArgs {
    /// Make what the check finds owner-only (files 0600, folders 0700); admin.
    #[arg(long)]
    fix: bool,
}

#[derive(Args)]
pub struct ManualArgs {
    /// The folder the pages are written to (created if needed).
    #[arg(long)]
    out: PathBuf,
}

/// The version, the register in use and the licences.
pub fn about(ctx: &Ctx) -> Result<()> {
    let v = serde_json::json!({
        "version": about::VERSION,
        "register": ctx.db.shown(),
        "credits": about::CREDITS,
    });
    ctx.out.show(&v, || {
        let mut s = format!(
            "Petromaks {}\nregister: {}\n\n",
            about::VERSION,
            ctx.db.shown()
        );
        for c in about::CREDITS {
            s.push_str(&format!("{}\n  {} ({})\n", c.what, c.source, c.licence));
        }
        s.push_str("\nThe licences in full: /usr/share/doc/petromaks/copyright\n");
        s
    });
    Ok(())
}

/// Lists the register's files and folders other accounts can read; `--fix` makes them owner-only.
pub fn privacy(ctx: &Ctx, a: PrivacyArgs) -> Result<()> {
    let Address::File(register) = &ctx.db else {
        return Err(Error::invalid(
            "db",
            "a register on the office server has no files on this computer to check",
        ));
    };
    let p: Privacy = if a.fix {
        let db = ctx.open()?;
        let actor = ctx.actor(&db)?;
        drop(db);
        privacy::fix(&actor, register, &[])?
    } else {
        privacy::check(register, &[])?
    };
    ctx.out.show(&p, || {
        let mut s = String::new();
        for e in &p.exposed {
            s.push_str(&format!(
                "readable by others: {} {} ({})\n",
                e.kind,
                e.path.display(),
                e.mode
            ));
        }
        for n in &p.not_fixed {
            s.push_str(&format!("could not fix: {n}\n"));
        }
        if p.exposed.is_empty() {
            s.push_str("the register's files and folders are the owner's alone\n");
        } else if !a.fix {
            s.push_str("make them owner-only with `petromaks --as ADMIN privacy --fix`\n");
        }
        s
    });
    if a.fix && !p.exposed.is_empty() {
        return Err(Error::Forbidden(format!(
            "{} file(s) or folder(s) are still readable by others",
            p.exposed.len()
        )));
    }
    Ok(())
}

/// Writes the manual pages of `petromaks` and each of its commands (`petromaks.1`, `petromaks-case.1`,
/// …) into a folder; `make package` installs them.
pub fn manual(a: ManualArgs) -> Result<()> {
    std::fs::create_dir_all(&a.out)?;
    clap_mangen::generate_to(crate::Cli::command(), &a.out)?;
    Ok(())
}
