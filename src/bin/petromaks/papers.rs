//! Commands for the documents an office signs and hands out: batch printing, the QR verification key,
//! revocation, the photo and logo printed on certificates, and sending a PDF to a CUPS printer.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use petromaks::db::Db;
use petromaks::documents::batch::{self, Selection};
use petromaks::documents::{printer, verification};
use petromaks::people::{applicants, photos};
use petromaks::van::TripId;
use petromaks::{office, time, Error, Result};

use crate::casework::resolve;
use crate::Ctx;

#[derive(Args)]
pub struct BatchArgs {
    /// Permits not yet handed over to holders in this village (area code, e.g. 16.07.01.2001).
    #[arg(long, conflicts_with_all = ["from", "case", "trip"])]
    village: Option<String>,
    /// The permits assigned to this van trip (its id), in the order of its stops.
    #[arg(long, conflicts_with_all = ["from", "case"])]
    trip: Option<i64>,
    /// Permits issued on or after this day (YYYY-MM-DD); needs --to.
    #[arg(long, requires = "to", conflicts_with = "case")]
    from: Option<chrono::NaiveDate>,
    /// Permits issued on or before this day (YYYY-MM-DD).
    #[arg(long, requires = "from")]
    to: Option<chrono::NaiveDate>,
    /// A hand-picked case (registration number, permit number or id); repeat for more.
    #[arg(long)]
    case: Vec<String>,
    #[arg(long)]
    out: PathBuf,
}

fn selection(db: &Db, a: &BatchArgs) -> Result<Selection> {
    Ok(
        match (
            a.village.clone(),
            a.from.zip(a.to),
            a.case.is_empty(),
            a.trip,
        ) {
            (Some(code), None, true, None) => Selection::Village { code },
            (None, None, true, Some(trip)) => Selection::Trip { trip: TripId(trip) },
            (None, Some((from, to)), true, None) => Selection::IssuedBetween { from, to },
            (None, None, false, None) => Selection::Cases {
                ids: a
                    .case
                    .iter()
                    .map(|c| resolve(db, c))
                    .collect::<Result<_>>()?,
            },
            _ => {
                return Err(Error::invalid(
                    "selection",
                    "choose the permits with one of --village, --trip, --from/--to or --case",
                ))
            }
        },
    )
}

/// `print labels …`: the envelope label sheet for the same selection as a batch.
pub fn print_labels(ctx: &Ctx, a: BatchArgs) -> Result<()> {
    let db = ctx.open()?;
    let actor = ctx.actor(&db)?;
    let sel = selection(&db, &a)?;
    let pdf = batch::labels(&db, &actor, &sel, ctx.now)?;
    petromaks::private::write(&a.out, &pdf)?;
    let v = serde_json::json!({ "out": a.out, "bytes": pdf.len() });
    ctx.out.show(&v, || {
        format!("wrote {} ({} bytes)", a.out.display(), pdf.len())
    });
    Ok(())
}

pub fn print_batch(ctx: &Ctx, a: BatchArgs) -> Result<()> {
    let mut db = ctx.open()?;
    let actor = ctx.actor(&db)?;
    let sel = selection(&db, &a)?;
    let printed = batch::print_batch(&mut db, &actor, ctx.now, &sel, &mut |_, _| true)?
        .ok_or_else(|| Error::invalid("selection", "the batch was cancelled"))?;
    petromaks::private::write(&a.out, &printed.pdf)?;
    let v = serde_json::json!({
        "out": a.out, "bytes": printed.pdf.len(), "certificates": printed.cases.len(), "copies": printed.copies,
    });
    ctx.out.show(&v, || {
        format!(
            "wrote {} ({} certificates, {} of them copies)",
            a.out.display(),
            printed.cases.len(),
            printed.copies
        )
    });
    Ok(())
}

#[derive(Args)]
pub struct VerifyArgs {
    /// The text the certificate's QR code carries (PMK1.…).
    payload: String,
    /// Verify with this exported public key only (another office's), instead of this register.
    #[arg(long)]
    key: Option<PathBuf>,
}

pub fn verify(ctx: &Ctx, a: VerifyArgs) -> Result<()> {
    let v = match a.key {
        // Another office's key alone: no register needed (the day is WIB's).
        Some(path) => {
            let key = verification::parse_public_key(&std::fs::read_to_string(path)?)?;
            let today = time::local_day(ctx.now, time::WIB_MINUTES);
            verification::verify_with(&a.payload, &[key], today, &|_| None)
        }
        None => {
            let db = ctx.open()?;
            let today = office::today(&db, ctx.now)?;
            verification::verify(&db, &a.payload, today)?
        }
    };
    ctx.out.show(&v, || {
        let verdict = serde_json::to_value(v.verdict)
            .ok()
            .and_then(|s| s.as_str().map(str::to_uppercase))
            .unwrap_or_default();
        format!("{verdict}: {}", v.message)
    });
    Ok(())
}

#[derive(Subcommand)]
pub enum KeyCmd {
    /// Write the office's public verification key to a file another office or a phone app can load.
    Export {
        #[arg(long)]
        out: PathBuf,
    },
}

pub fn key(ctx: &Ctx, c: KeyCmd) -> Result<()> {
    let db = ctx.open()?;
    let KeyCmd::Export { out } = c;
    let text = verification::export_public_key(&db)?;
    petromaks::private::write(&out, text.as_bytes())?;
    let key = verification::parse_public_key(&text)?;
    ctx.out.show(&key, || {
        format!("wrote key {} to {}", key.key_id, out.display())
    });
    Ok(())
}

#[derive(Subcommand)]
pub enum PermitCmd {
    /// Revoke an issued permit: its QR code then verifies as revoked.
    Revoke {
        /// The permit number, e.g. 503/0001/SIPD/DPMPTSP/XI/2026.
        number: String,
        #[arg(long)]
        reason: String,
    },
}

pub fn permit(ctx: &Ctx, c: PermitCmd) -> Result<()> {
    let mut db = ctx.open()?;
    let actor = ctx.actor(&db)?;
    let PermitCmd::Revoke { number, reason } = c;
    verification::revoke(&mut db, &actor, ctx.now, &number, &reason)?;
    let v = serde_json::json!({ "revoked": number, "reason": reason });
    ctx.out.show(&v, || format!("revoked {number}"));
    Ok(())
}

#[derive(Subcommand)]
pub enum OfficeCmd {
    /// Set (or with --clear remove) the logo printed in the kop surat; a PNG file.
    Logo {
        #[arg(long, required_unless_present = "clear")]
        file: Option<PathBuf>,
        #[arg(long)]
        clear: bool,
    },
}

pub fn office(ctx: &Ctx, c: OfficeCmd) -> Result<()> {
    let mut db = ctx.open()?;
    let actor = ctx.actor(&db)?;
    let OfficeCmd::Logo { file, clear } = c;
    let png = if clear {
        None
    } else {
        file.map(std::fs::read).transpose()?
    };
    office::set_logo(&mut db, &actor, ctx.now, png.as_deref())?;
    let v = serde_json::json!({ "logo": png.is_some() });
    ctx.out.show(&v, || {
        if png.is_some() {
            "logo set"
        } else {
            "logo cleared"
        }
        .to_string()
    });
    Ok(())
}

/// `applicant photo NIK --file x.png`: the holder's pas photo printed on their certificates.
pub fn applicant_photo(ctx: &Ctx, nik: &str, file: Option<PathBuf>) -> Result<()> {
    let mut db = ctx.open()?;
    let actor = ctx.actor(&db)?;
    let ap = applicants::by_nik(&db, nik)?.ok_or_else(|| Error::not_found("applicant", nik))?;
    let png = file.map(std::fs::read).transpose()?;
    photos::set(&mut db, &actor, ctx.now, ap.id, png.as_deref())?;
    let v = serde_json::json!({ "applicant": ap.id, "photo": png.is_some() });
    ctx.out.show(&v, || {
        format!(
            "{} for {}",
            if png.is_some() {
                "photo set"
            } else {
                "photo cleared"
            },
            ap.name
        )
    });
    Ok(())
}

#[derive(Subcommand)]
pub enum PrinterCmd {
    /// The printers CUPS offers, and the default.
    List,
    /// Print a PDF file on a printer (the default unless --printer).
    Send {
        file: PathBuf,
        #[arg(long)]
        printer: Option<String>,
        #[arg(long, default_value = "Petromaks")]
        title: String,
    },
}

pub fn printers(ctx: &Ctx, c: PrinterCmd) -> Result<()> {
    match c {
        PrinterCmd::List => {
            let p = printer::list()?;
            ctx.out.show(&p, || {
                p.names
                    .iter()
                    .map(|n| {
                        let mark = if p.default.as_deref() == Some(n) {
                            " (default)"
                        } else {
                            ""
                        };
                        format!("{n}{mark}")
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            });
        }
        PrinterCmd::Send {
            file,
            printer: name,
            title,
        } => {
            let job = printer::print_file(&file, name.as_deref(), &title)?;
            let v = serde_json::json!({ "job": job });
            ctx.out.show(&v, || job.clone());
        }
    }
    Ok(())
}
