//! Front-desk and back-office commands: cases and their steps, printing.

use std::collections::BTreeMap;
use std::path::PathBuf;

use clap::Subcommand;
use petromaks::cases::{self, CaseFilter, CaseId, Channel, Move, NewCase, ServiceMode, Status};
use petromaks::db::Db;
use petromaks::{catalogue, documents, Error, Result};

use crate::applicant::{warn_differences, ApplicantArgs};
use crate::Ctx;

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
        /// An id for this submission: running the same command again with it gives the first case.
        #[arg(long)]
        submission: Option<String>,
        /// Also write the receipt (tanda terima) to this PDF file, made in the same transaction.
        #[arg(long)]
        receipt: Option<PathBuf>,
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
pub fn resolve(db: &Db, key: &str) -> Result<CaseId> {
    if let Some(id) = cases::find_by_number(db, key)? {
        return Ok(id);
    }
    match key.trim().parse::<i64>() {
        Ok(n) => cases::get(db, CaseId(n)).map(|c| c.id),
        Err(_) => Err(Error::not_found("case", key)),
    }
}

fn positions(spec: &str, db: &Db, permit_type: &str) -> Result<Vec<u32>> {
    let spec = spec.trim();
    if spec.eq_ignore_ascii_case("all") {
        let t = catalogue::by_code(db, permit_type)?;
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
    let mut db = ctx.open()?;
    match c {
        CaseCmd::Register {
            applicant,
            permit_type,
            channel,
            mode,
            received,
            fields,
            submission,
            receipt,
        } => {
            let actor = ctx.actor(&db)?;
            let input = NewCase {
                applicant: applicant.input(),
                received: positions(&received, &db, &permit_type)?,
                permit_type,
                channel,
                service_mode: mode,
                details: fields.into_iter().collect::<BTreeMap<_, _>>(),
                submission_id: submission,
            };
            let r = match &receipt {
                Some(out) => {
                    let r = documents::register_with_receipt(&mut db, &actor, ctx.now, &input)?;
                    petromaks::private::write(out, &r.receipt_pdf)?;
                    r.registered
                }
                None => cases::register(&mut db, &actor, ctx.now, &input)?,
            };
            let case = cases::get(&db, r.id)?;
            warn_differences(ctx, &r.differences);
            let v = serde_json::json!({
                "case": case, "created": r.created, "warnings": r.differences, "receipt": receipt,
            });
            ctx.out.show(&v, || {
                format!(
                    "{} {} (case {}), {}",
                    if r.created {
                        "registered"
                    } else {
                        "already registered as"
                    },
                    case.registration_number,
                    r.id,
                    case.permit_type_name
                )
            });
        }
        CaseCmd::Show { case } => {
            let id = resolve(&db, &case)?;
            let viewer = match ctx.user {
                Some(_) => Some(ctx.actor(&db)?),
                None => None,
            };
            let d = cases::detail(&db, viewer.as_ref(), ctx.now, id)?;
            ctx.out.show(&d, || show_text(&d));
        }
        CaseCmd::List {
            status,
            query,
            permit_type,
            limit,
        } => {
            let list = cases::list(
                &db,
                &CaseFilter {
                    status,
                    query,
                    permit_type,
                    limit: Some(limit),
                    ..Default::default()
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
                                .clone()
                                .or(c.due_date.map(|d| d.to_string()))
                                .unwrap_or_default()
                        )
                    })
                    .collect()
            });
        }
        CaseCmd::Move { case, to, reason } => {
            let actor = ctx.actor(&db)?;
            let id = resolve(&db, &case)?;
            cases::move_case(&mut db, &actor, ctx.now, id, &Move { to, reason })?;
            let c = cases::get(&db, id)?;
            ctx.out.show(&c, || {
                let mut s = format!("{} is now {}", c.registration_number, c.status);
                if let (Status::Issued, Some(n)) = (c.status, &c.permit_number) {
                    s += &format!(
                        ": permit {n}, valid until {}",
                        c.valid_until
                            .map(|d| d.to_string())
                            .unwrap_or_else(|| "-".into())
                    );
                }
                if let (Status::Verified, Some(d)) = (c.status, &c.due_date) {
                    s += &format!(": due {d}");
                }
                s
            });
        }
        CaseCmd::Check { case, doc, missing } => {
            let actor = ctx.actor(&db)?;
            let id = resolve(&db, &case)?;
            cases::set_document(&mut db, &actor, ctx.now, id, doc, !missing)?;
            let docs = cases::documents(&db, id)?;
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
        petromaks::time::stamp(c.registered_at),
        c.channel
    );
    if let Some(n) = &c.permit_number {
        s += &format!(
            "permit {n}, issued {}, valid until {}\n",
            c.issued_on
                .map(|d| d.to_string())
                .unwrap_or_else(|| "-".into()),
            c.valid_until
                .map(|d| d.to_string())
                .unwrap_or_else(|| "-".into())
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
        s += &format!(
            "  {}  {:<10} {}",
            petromaks::time::stamp(e.at),
            e.actor,
            step
        );
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
    let mut db = ctx.open()?;
    let (bytes, out) = match c {
        PrintCmd::Batch(a) => return crate::papers::print_batch(ctx, a),
        PrintCmd::Labels(a) => return crate::papers::print_labels(ctx, a),
        PrintCmd::Certificate {
            case,
            out,
            mask_nik,
        } => {
            let id = resolve(&db, &case)?;
            let actor = ctx.actor(&db)?;
            let printed = documents::print_certificate(&mut db, &actor, ctx.now, id, mask_nik)?;
            (printed.pdf, out)
        }
        PrintCmd::Receipt { case, out } => {
            let id = resolve(&db, &case)?;
            (documents::receipt(&db, id, ctx.now)?, out)
        }
    };
    petromaks::private::write(&out, &bytes)?;
    let v = serde_json::json!({ "out": out, "bytes": bytes.len() });
    ctx.out.show(&v, || {
        format!("wrote {} ({} bytes)", out.display(), bytes.len())
    });
    Ok(())
}
