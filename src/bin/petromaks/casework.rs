//! Front-desk and back-office commands: applicants, cases and their steps, printing.

use std::collections::BTreeMap;
use std::path::PathBuf;

use clap::{Args, Subcommand};
use petromaks::applicants::{self, ApplicantInput};
use petromaks::cases::{self, CaseFilter, CaseId, Channel, Move, NewCase, ServiceMode, Status};
use petromaks::{identity, Error, Result};
use rusqlite::Connection;

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
    fn input(self) -> ApplicantInput {
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
    /// Register an applicant (a known NIK finds that person instead).
    Add(ApplicantArgs),
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

pub fn applicant(ctx: &Ctx, c: ApplicantCmd) -> Result<()> {
    let mut conn = ctx.open()?;
    match c {
        ApplicantCmd::Add(a) => {
            let actor = ctx.actor(&conn)?;
            let (ap, created) = applicants::register(&mut conn, &actor, ctx.now, &a.input())?;
            let v = serde_json::json!({ "applicant": ap, "created": created });
            ctx.out.show(&v, || {
                format!(
                    "{} applicant {} ({}), NIK {}",
                    if created {
                        "registered"
                    } else {
                        "found existing"
                    },
                    ap.name,
                    ap.id.0,
                    ap.nik
                )
            });
        }
        ApplicantCmd::Photo { nik, file } => {
            return crate::papers::applicant_photo(ctx, &nik, file)
        }
        ApplicantCmd::Show { nik } => {
            let ap = applicants::by_nik(&conn, &nik)?
                .ok_or_else(|| Error::not_found("applicant with NIK", &nik))?;
            let list = cases::list(
                &conn,
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
                    ap.sex.code(),
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
            let today = cases::office_today(&conn, ctx.now)?;
            let info = identity::check_nik(&conn, &nik, today)?;
            ctx.out.show(&info, || {
                let mut s = format!(
                    "NIK {} ok: born {}, {}, issued in {} / {} / {}\n",
                    info.parts.nik,
                    info.parts.birth_date,
                    info.parts.sex.code(),
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

#[derive(Subcommand)]
#[allow(clippy::large_enum_variant)] // parsed once per run
pub enum CaseCmd {
    /// Register an application (with its applicant).
    Register {
        #[command(flatten)]
        applicant: ApplicantArgs,
        /// Permit type code, e.g. SIPD.
        #[arg(long = "type")]
        permit_type: String,
        #[arg(long, default_value = "counter")]
        channel: Channel,
        #[arg(long, default_value = "baru")]
        mode: ServiceMode,
        /// Checklist items received: positions like 1,2,5 or `all`.
        #[arg(long, default_value = "")]
        received: String,
        /// A permit-type field, KEY=VALUE (repeatable).
        #[arg(long = "field", value_parser = parse_kv)]
        fields: Vec<(String, String)>,
    },
    /// Show a case: data, checklist, timeline, SLA.
    Show { case: String },
    /// List cases.
    List {
        #[arg(long)]
        status: Option<Status>,
        /// Name, NIK, registration or permit number.
        #[arg(long, short)]
        query: Option<String>,
        #[arg(long = "type")]
        permit_type: Option<String>,
        #[arg(long, default_value_t = 50)]
        limit: u32,
    },
    /// Take one step: `--to STATUS` with the acting user (`--as`) and a reason where required.
    Move {
        case: String,
        #[arg(long)]
        to: Status,
        #[arg(long)]
        reason: Option<String>,
    },
    /// Tick (or with --missing untick) a checklist document.
    Check {
        case: String,
        /// Checklist position.
        #[arg(long)]
        doc: u32,
        #[arg(long)]
        missing: bool,
    },
}

fn parse_kv(s: &str) -> std::result::Result<(String, String), String> {
    s.split_once('=')
        .map(|(k, v)| (k.trim().to_string(), v.to_string()))
        .ok_or_else(|| "expected KEY=VALUE".into())
}

/// Finds a case by id, registration number or permit number.
pub fn resolve(conn: &Connection, key: &str) -> Result<CaseId> {
    if let Some(id) = cases::find_by_number(conn, key)? {
        return Ok(id);
    }
    match key.trim().parse::<i64>() {
        Ok(n) => cases::get(conn, CaseId(n)).map(|c| c.id),
        Err(_) => Err(Error::not_found("case", key)),
    }
}

fn positions(spec: &str, conn: &Connection, permit_type: &str) -> Result<Vec<u32>> {
    let spec = spec.trim();
    if spec.eq_ignore_ascii_case("all") {
        let t = petromaks::permit_types::by_code(conn, permit_type)?;
        return Ok(t.requirements.iter().map(|r| r.position).collect());
    }
    spec.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| {
            s.parse().map_err(|_| {
                Error::invalid("received", format!("{s:?} is not a checklist position"))
            })
        })
        .collect()
}

pub fn case(ctx: &Ctx, c: CaseCmd) -> Result<()> {
    let mut conn = ctx.open()?;
    match c {
        CaseCmd::Register {
            applicant,
            permit_type,
            channel,
            mode,
            received,
            fields,
        } => {
            let actor = ctx.actor(&conn)?;
            let input = NewCase {
                applicant: applicant.input(),
                received: positions(&received, &conn, &permit_type)?,
                permit_type,
                channel,
                service_mode: mode,
                details: fields.into_iter().collect::<BTreeMap<_, _>>(),
            };
            let id = cases::register(&mut conn, &actor, ctx.now, &input)?;
            let case = cases::get(&conn, id)?;
            ctx.out.show(&case, || {
                format!(
                    "registered {} (case {}), {}",
                    case.registration_number, id.0, case.permit_type_name
                )
            });
        }
        CaseCmd::Show { case } => {
            let id = resolve(&conn, &case)?;
            let viewer = match ctx.user {
                Some(_) => Some(ctx.actor(&conn)?),
                None => None,
            };
            let d = cases::detail(&conn, viewer.as_ref(), ctx.now, id)?;
            ctx.out.show(&d, || show_text(&d));
        }
        CaseCmd::List {
            status,
            query,
            permit_type,
            limit,
        } => {
            let list = cases::list(
                &conn,
                &CaseFilter {
                    status,
                    query,
                    permit_type,
                    due_by: None,
                    limit: Some(limit),
                },
            )?;
            ctx.out.show(&list, || {
                list.iter()
                    .map(|c| {
                        format!(
                            "{:<16} {:<5} {:<17} {:<30} {}\n",
                            c.registration_number,
                            c.permit_type_code,
                            c.status.as_str(),
                            c.applicant_name.chars().take(30).collect::<String>(),
                            c.permit_number
                                .as_deref()
                                .or(c.due_date.as_deref())
                                .unwrap_or("")
                        )
                    })
                    .collect()
            });
        }
        CaseCmd::Move { case, to, reason } => {
            let actor = ctx.actor(&conn)?;
            let id = resolve(&conn, &case)?;
            cases::move_case(&mut conn, &actor, ctx.now, id, &Move { to, reason })?;
            let c = cases::get(&conn, id)?;
            ctx.out.show(&c, || {
                let mut s = format!("{} is now {}", c.registration_number, c.status);
                if let (Status::Issued, Some(n)) = (c.status, &c.permit_number) {
                    s += &format!(
                        ": permit {n}, valid until {}",
                        c.valid_until.as_deref().unwrap_or("-")
                    );
                }
                if let (Status::Verified, Some(d)) = (c.status, &c.due_date) {
                    s += &format!(": due {d}");
                }
                s
            });
        }
        CaseCmd::Check { case, doc, missing } => {
            let actor = ctx.actor(&conn)?;
            let id = resolve(&conn, &case)?;
            cases::set_document(&mut conn, &actor, ctx.now, id, doc, !missing)?;
            let docs = cases::documents(&conn, id)?;
            ctx.out.show(&docs, || {
                docs.iter()
                    .map(|d| {
                        format!(
                            "[{}] {}. {}\n",
                            if d.received { "x" } else { " " },
                            d.position,
                            d.label
                        )
                    })
                    .collect()
            });
        }
    }
    Ok(())
}

fn show_text(d: &cases::CaseDetail) -> String {
    let c = &d.case;
    let mut s = format!(
        "{}  {}  [{}]\n{} — NIK {}\n{} ({}), {} via {}\n",
        c.registration_number,
        c.permit_type_code,
        c.status,
        d.applicant.name,
        d.applicant.nik,
        c.permit_type_name,
        c.service_mode,
        c.registered_at,
        c.channel
    );
    if let Some(n) = &c.permit_number {
        s += &format!(
            "permit {n}, issued {}, valid until {}\n",
            c.issued_on.as_deref().unwrap_or("-"),
            c.valid_until.as_deref().unwrap_or("-")
        );
    }
    s += &format!(
        "SLA: {}\n",
        serde_json::to_string(&d.sla).unwrap_or_default()
    );
    for (k, v) in &c.details {
        s += &format!("  {k}: {v}\n");
    }
    s += "checklist:\n";
    for doc in &d.documents {
        s += &format!(
            "  [{}] {}. {}{}\n",
            if doc.received { "x" } else { " " },
            doc.position,
            doc.label,
            if doc.mandatory { " *" } else { "" }
        );
    }
    s += "timeline:\n";
    for e in &d.events {
        let step = match (e.from_status, e.to_status) {
            (Some(f), Some(t)) => format!("{f} → {t}"),
            (None, Some(t)) => format!("→ {t}"),
            _ => e.action.clone(),
        };
        s += &format!("  {}  {:<10} {}", e.at, e.actor, step);
        if let Some(r) = &e.reason {
            s += &format!("  ({r})");
        }
        if let Some(dt) = &e.detail {
            s += &format!("  [{dt}]");
        }
        s.push('\n');
    }
    s
}

#[derive(Subcommand)]
pub enum PrintCmd {
    /// The permit certificate of a case (needs --as): a draft before issue; the first print of an issued
    /// permit is the original, later prints are marked SALINAN and logged.
    Certificate {
        case: String,
        #[arg(long)]
        out: PathBuf,
        /// Mask the middle of the NIK on the certificate.
        #[arg(long)]
        mask_nik: bool,
    },
    /// One PDF with the certificates of many issued permits (for a van trip or the counter).
    Batch(crate::papers::BatchArgs),
    /// Envelope labels (name, village, registration and permit numbers) for the same choice of permits.
    Labels(crate::papers::BatchArgs),
    /// The receipt (tanda terima) of a registered case.
    Receipt {
        case: String,
        #[arg(long)]
        out: PathBuf,
    },
}

pub fn print(ctx: &Ctx, c: PrintCmd) -> Result<()> {
    let mut conn = ctx.open()?;
    let (bytes, out) = match c {
        PrintCmd::Batch(a) => return crate::papers::print_batch(ctx, a),
        PrintCmd::Labels(a) => return crate::papers::print_labels(ctx, a),
        PrintCmd::Certificate {
            case,
            out,
            mask_nik,
        } => {
            let id = resolve(&conn, &case)?;
            let actor = ctx.actor(&conn)?;
            let printed =
                petromaks::documents::print_certificate(&mut conn, &actor, ctx.now, id, mask_nik)?;
            (printed.pdf, out)
        }
        PrintCmd::Receipt { case, out } => {
            let id = resolve(&conn, &case)?;
            (petromaks::documents::receipt(&conn, id, ctx.now)?, out)
        }
    };
    std::fs::write(&out, &bytes)?;
    let v = serde_json::json!({ "out": out, "bytes": bytes.len() });
    ctx.out.show(&v, || {
        format!("wrote {} ({} bytes)", out.display(), bytes.len())
    });
    Ok(())
}
