//! Applicant commands: register or find a person by NIK, show them with their cases, update their data
//! (an explicit, audited step), check a NIK, set the pas photo.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use petromaks::cases::{self, CaseFilter};
use petromaks::people::applicants::{self, ApplicantInput, Difference};
use petromaks::{identity, office, Error, Result};

use crate::Ctx;

#[derive(Args, Clone)]
pub struct ApplicantArgs {
    /// NIK, 16 digits.
    #[arg(long)]
    nik: String,
    #[arg(long)]
    name: Option<String>,
    #[arg(long)]
    birth_place: Option<String>,
    #[arg(long)]
    address: Option<String>,
    /// Village code, e.g. 16.07.01.2001.
    #[arg(long)]
    village: Option<String>,
    #[arg(long)]
    phone: Option<String>,
    #[arg(long)]
    email: Option<String>,
    #[arg(long)]
    npwp: Option<String>,
}

impl ApplicantArgs {
    pub fn input(self) -> ApplicantInput {
        ApplicantInput {
            nik: self.nik,
            name: self.name.unwrap_or_default(),
            birth_place: self.birth_place.unwrap_or_default(),
            address: self.address.unwrap_or_default(),
            village_code: self.village,
            phone: self.phone,
            email: self.email,
            npwp: self.npwp,
        }
    }
}

#[derive(Subcommand)]
pub enum ApplicantCmd {
    /// Register an applicant (a known NIK finds that person; what differs is reported, not stored).
    Add(ApplicantArgs),
    /// Update a registered person's data (moved house, a new phone): audited. The NIK never changes.
    Update(ApplicantArgs),
    /// Show an applicant by NIK, with their cases.
    Show { nik: String },
    /// Check a NIK and decode it (birth date, sex, district of issue).
    CheckNik { nik: String },
    /// Set the pas photo (PNG) printed on the applicant's certificates; without --file it is removed.
    Photo {
        nik: String,
        #[arg(long)]
        file: Option<PathBuf>,
    },
}

/// Prints one warning line per difference between what was typed and the registered person (stderr, so a
/// script reading stdout is not confused; `--json` carries them as a list instead).
pub fn warn_differences(ctx: &Ctx, differences: &[Difference]) {
    if !ctx.out.json {
        for d in differences {
            eprintln!("warning: {d}");
        }
    }
}

pub fn applicant(ctx: &Ctx, c: ApplicantCmd) -> Result<()> {
    let mut db = ctx.open()?;
    match c {
        ApplicantCmd::Add(a) => {
            let actor = ctx.actor(&db)?;
            let f = applicants::register(&mut db, &actor, ctx.now, &a.input())?;
            let v = serde_json::json!({ "applicant": f.applicant, "created": f.created, "warnings": f.differences });
            warn_differences(ctx, &f.differences);
            ctx.out.show(&v, || {
                format!(
                    "{} applicant {} ({}), NIK {}",
                    if f.created {
                        "registered"
                    } else {
                        "found existing"
                    },
                    f.applicant.name,
                    f.applicant.id,
                    f.applicant.nik
                )
            });
        }
        ApplicantCmd::Update(a) => {
            let actor = ctx.actor(&db)?;
            let input = a.input();
            let ap = applicants::by_nik(&db, &input.nik)?
                .ok_or_else(|| Error::not_found("applicant with NIK", &input.nik))?;
            let after = applicants::update(&mut db, &actor, ctx.now, ap.id, &input)?;
            ctx.out.show(&after, || {
                if after == ap {
                    format!("nothing to change for {} (NIK {})", ap.name, ap.nik)
                } else {
                    format!("updated {} (NIK {})", after.name, after.nik)
                }
            });
        }
        ApplicantCmd::Photo { nik, file } => {
            return crate::papers::applicant_photo(ctx, &nik, file)
        }
        ApplicantCmd::Show { nik } => {
            let ap = applicants::by_nik(&db, &nik)?
                .ok_or_else(|| Error::not_found("applicant with NIK", &nik))?;
            let list = cases::list(
                &db,
                &CaseFilter {
                    query: Some(ap.nik.clone()),
                    ..Default::default()
                },
            )?;
            let v = serde_json::json!({ "applicant": ap, "cases": list });
            ctx.out.show(&v, || {
                let mut s = format!(
                    "{}\nNIK {}  {}  born {}, {}\n{}{}\n",
                    ap.name,
                    ap.nik,
                    ap.sex,
                    ap.birth_place,
                    ap.birth_date,
                    ap.address,
                    ap.village
                        .as_deref()
                        .map(|v| format!(", {v}"))
                        .unwrap_or_default()
                );
                for c in &list {
                    s += &format!(
                        "  {}  {:<5} {}\n",
                        c.registration_number, c.permit_type_code, c.status
                    );
                }
                s
            });
        }
        ApplicantCmd::CheckNik { nik } => {
            let today = office::today(&db, ctx.now)?;
            let info = identity::check_nik(&db, &nik, today)?;
            ctx.out.show(&info, || {
                let mut s = format!(
                    "NIK {} ok: born {}, {}, issued in {} / {} / {}\n",
                    info.parts.nik,
                    info.parts.birth_date,
                    info.parts.sex,
                    info.province,
                    info.regency.as_deref().unwrap_or("?"),
                    info.district.as_deref().unwrap_or("?")
                );
                for w in &info.warnings {
                    s += &format!("warning: {w}\n");
                }
                s
            });
        }
    }
    Ok(())
}
