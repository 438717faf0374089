//! The van's other commands: pick-up requests, the satisfaction survey and the planning dashboards.

use clap::Subcommand;
use petromaks::van::dashboards;
use petromaks::van::survey::{self, Answers};
use petromaks::van::{self, PickupId, PickupOutcome, Recipient, TripId};
use petromaks::{time, Error, Result};

use crate::casework::resolve;
use crate::Ctx;

#[derive(Subcommand)]
pub enum PickupCmd {
    /// Record a request for the van to come to a village.
    Request {
        #[arg(long)]
        name: String,
        #[arg(long)]
        phone: Option<String>,
        #[arg(long)]
        village: String,
        #[arg(long)]
        purpose: String,
    },
    /// Put a request on a trip that stops in its village.
    Assign { pickup: i64, trip: i64 },
    /// Record how a request ended: collected, not_ready, not_found or cancelled.
    Close {
        pickup: i64,
        outcome: String,
        #[arg(long)]
        note: Option<String>,
    },
    /// Open requests (or every request with --all).
    List {
        #[arg(long)]
        all: bool,
    },
}

pub fn pickup(ctx: &Ctx, c: PickupCmd) -> Result<()> {
    let mut db = ctx.open()?;
    match c {
        PickupCmd::Request {
            name,
            phone,
            village,
            purpose,
        } => {
            let actor = ctx.actor(&db)?;
            let input = van::NewPickup {
                name,
                phone,
                village_code: village,
                purpose,
            };
            let id = van::request_pickup(&mut db, &actor, ctx.now, &input)?;
            ctx.out.show(&serde_json::json!({ "pickup": id }), || {
                format!("recorded pick-up request {}", id.0)
            });
        }
        PickupCmd::Assign { pickup, trip } => {
            let actor = ctx.actor(&db)?;
            van::assign_pickup(&mut db, &actor, ctx.now, PickupId(pickup), TripId(trip))?;
            ctx.out.show(
                &serde_json::json!({ "pickup": pickup, "trip": trip }),
                || format!("pick-up request {pickup} is on trip {trip}"),
            );
        }
        PickupCmd::Close {
            pickup,
            outcome,
            note,
        } => {
            let actor = ctx.actor(&db)?;
            let outcome: PickupOutcome = outcome.parse()?;
            van::close_pickup(
                &mut db,
                &actor,
                ctx.now,
                PickupId(pickup),
                outcome,
                note.as_deref(),
            )?;
            ctx.out.show(
                &serde_json::json!({ "pickup": pickup, "outcome": outcome }),
                || format!("pick-up request {pickup}: {outcome}"),
            );
        }
        PickupCmd::List { all } => {
            let list = van::list_pickups(&db, all)?;
            ctx.out.show(&list, || {
                list.iter()
                    .map(|p| {
                        format!(
                            "{:>4}  {}  {:<24} {:<20} {}  {}",
                            p.id.0,
                            p.requested_at.date_naive(),
                            p.name,
                            p.village,
                            p.purpose,
                            p.outcome
                                .map(|o| o.to_string())
                                .unwrap_or_else(|| "open".into())
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            });
        }
    }
    Ok(())
}

#[derive(Subcommand)]
pub enum SurveyCmd {
    /// Record a handed-over case's nine SKM scores, e.g. 4,4,3,4,3,3,4,3,3.
    Record {
        case: String,
        #[arg(value_delimiter = ',')]
        scores: Vec<u8>,
    },
    /// IKM and grade between two days, overall and per permit type.
    Report {
        #[arg(long)]
        from: String,
        #[arg(long)]
        to: String,
    },
}

pub fn survey(ctx: &Ctx, c: SurveyCmd) -> Result<()> {
    let mut db = ctx.open()?;
    match c {
        SurveyCmd::Record { case, scores } => {
            let actor = ctx.actor(&db)?;
            let id = resolve(&db, &case)?;
            let answers: [u8; 9] = scores.try_into().map_err(|s: Vec<u8>| {
                Error::invalid(
                    "answers",
                    format!("the survey has nine items; {} scores given", s.len()),
                )
            })?;
            survey::record(&mut db, &actor, ctx.now, id, &Answers(answers))?;
            ctx.out.show(&serde_json::json!({ "case": id }), || {
                format!("survey recorded for case {}", id.0)
            });
        }
        SurveyCmd::Report { from, to } => {
            let (all, by_type) = survey::report(
                &db,
                time::parse_day("from", &from)?,
                time::parse_day("to", &to)?,
            )?;
            let grade = |g: Option<char>| g.map(String::from).unwrap_or_else(|| "-".into());
            ctx.out.show(
                &serde_json::json!({ "overall": all, "by_permit_type": by_type }),
                || {
                    let mut s = format!(
                        "IKM {:.2} ({}) from {} responses\n",
                        all.ikm,
                        grade(all.grade),
                        all.responses
                    );
                    for t in &by_type {
                        s += &format!(
                            "  {:<10} {:.2} ({}) {} responses\n",
                            t.permit_type,
                            t.ikm.ikm,
                            grade(t.ikm.grade),
                            t.ikm.responses
                        );
                    }
                    s
                },
            );
        }
    }
    Ok(())
}

#[derive(Subcommand)]
pub enum DashboardCmd {
    /// Issued but not handed over, by village and age.
    Undelivered,
    /// Permits expiring in the next N days, by village.
    Expiring {
        #[arg(long, default_value_t = 60)]
        days: u32,
    },
    /// The whole dashboards screen (undelivered, expiring, the week's trips, the IKM), as the window has it.
    All {
        #[arg(long, default_value_t = 60)]
        days: u32,
    },
}

pub fn dashboard(ctx: &Ctx, c: DashboardCmd) -> Result<()> {
    let db = ctx.open()?;
    let name = |v: &Option<String>| v.clone().unwrap_or_else(|| "(no village)".into());
    match c {
        DashboardCmd::Undelivered => {
            let rows = dashboards::undelivered(&db, ctx.now)?;
            ctx.out.show(&rows, || {
                rows.iter()
                    .map(|r| {
                        format!(
                            "{:<24} {:>3} waiting  ≤7d {:>3}  8–30d {:>3}  >30d {:>3}",
                            name(&r.village),
                            r.total,
                            r.up_to_7_days,
                            r.days_8_to_30,
                            r.over_30_days
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            });
        }
        DashboardCmd::All { days } => {
            let o = dashboards::overview(&db, ctx.now, days)?;
            ctx.out.show(&o, || {
                format!(
                    "on {}: {} permits not yet handed over in {} villages; {} expiring within {} days; {} trips this week; IKM {:.2} from {} surveys ({} to {})",
                    o.today,
                    o.undelivered.iter().map(|r| r.total).sum::<u32>(),
                    o.undelivered.len(),
                    o.expiring.iter().map(|r| r.count).sum::<u32>(),
                    o.days,
                    o.trips.len(),
                    o.ikm.ikm,
                    o.ikm.responses,
                    o.survey_from,
                    o.survey_to
                )
            });
        }
        DashboardCmd::Expiring { days } => {
            let rows = dashboards::expiring(&db, ctx.now, days)?;
            ctx.out.show(&rows, || {
                rows.iter()
                    .map(|r| {
                        format!(
                            "{:<24} {:>3} expiring, first on {}",
                            name(&r.village),
                            r.count,
                            r.first_expiry
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            });
        }
    }
    Ok(())
}

/// `petromaks collect`: the holder, or a proxy with a letter of authority, collects a permit at the counter.
#[derive(clap::Args)]
pub struct CollectArgs {
    case: String,
    /// The recipient's NIK (the holder's, or the proxy's with --name, --relation and --letter).
    #[arg(long)]
    nik: String,
    /// The proxy's name; omit when the holder collects in person.
    #[arg(long)]
    name: Option<String>,
    #[arg(long)]
    relation: Option<String>,
    /// The number of the letter of authority (surat kuasa).
    #[arg(long)]
    letter: Option<String>,
}

pub fn collect(ctx: &Ctx, a: CollectArgs) -> Result<()> {
    let mut db = ctx.open()?;
    let actor = ctx.actor(&db)?;
    let id = resolve(&db, &a.case)?;
    let recipient = match a.name {
        None => Recipient::Holder { nik: a.nik },
        Some(name) => Recipient::Proxy {
            name,
            nik: a.nik,
            relation: a
                .relation
                .ok_or_else(|| Error::invalid("relation", "--relation is needed for a proxy"))?,
            authority_letter: a.letter.ok_or_else(|| {
                Error::invalid("authority_letter", "--letter is needed for a proxy")
            })?,
        },
    };
    let status = van::collect_at_counter(&mut db, &actor, ctx.now, id, &recipient)?;
    ctx.out
        .show(&serde_json::json!({ "case": id, "status": status }), || {
            format!("case {} is now {status}", id.0)
        });
    Ok(())
}
