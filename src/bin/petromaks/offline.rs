//! `petromaks van …`: the van's day offline — check a trip out to the laptop's own register file, see what
//! waits there, check it back into the office register, and review what the rules could not decide.

use std::path::PathBuf;

use clap::Subcommand;
use petromaks::van::offline::{self, Resolution};
use petromaks::van::TripId;
use petromaks::{time, Error, Result};

use crate::casework::resolve;
use crate::Ctx;

#[derive(Subcommand)]
pub enum VanCmd {
    /// Check TRIP out to a new van register file (the laptop's, or on a USB stick); its permits are
    /// leased to the van. A planned trip leaves now.
    Checkout {
        trip: i64,
        /// The van's name, the prefix of its receipt numbers (e.g. VAN1).
        #[arg(long)]
        van: String,
        #[arg(long)]
        out: PathBuf,
    },
    /// Check the van's file in: every action replayed once, in the van's order (`--finish` ends the day).
    Checkin {
        #[arg(long)]
        from: PathBuf,
        #[arg(long)]
        finish: bool,
    },
    /// On the van's laptop: the trip worked offline and how many actions wait for check-in.
    Status,
    /// What the check-ins could not decide (open ones, or all with --all).
    Conflicts {
        #[arg(long)]
        all: bool,
    },
    /// Resolve a conflict: --apply, --use-van-data, or --dismiss REASON.
    Resolve {
        id: i64,
        #[arg(long, conflicts_with_all = ["use_van_data", "dismiss"])]
        apply: bool,
        #[arg(long, conflicts_with = "dismiss")]
        use_van_data: bool,
        #[arg(long)]
        dismiss: Option<String>,
    },
    /// Take a leased permit back from the van (the holder came to the counter).
    Recall {
        case: String,
        #[arg(long)]
        reason: String,
    },
}

pub fn van(ctx: &Ctx, c: VanCmd) -> Result<()> {
    let mut db = ctx.open()?;
    match c {
        VanCmd::Status => {
            let s = offline::status(&db)?;
            ctx.out.show(&s, || match &s {
                Some(s) => format!(
                    "{} works offline on trip {} (checked out {}); {} of {} actions wait for check-in",
                    s.van,
                    s.trip_id,
                    time::stamp(s.checked_out_at),
                    s.pending,
                    s.recorded
                ),
                None => "this is an office register, not a van's".into(),
            });
            return Ok(());
        }
        VanCmd::Checkout { trip, van, out } => {
            let actor = ctx.actor(&db)?;
            let c = offline::checkout(&mut db, &actor, ctx.now, TripId(trip), &van, &out)?;
            ctx.out.show(&c, || {
                format!(
                    "trip {} checked out to {} in {}: {} permits, {} pick-up requests",
                    c.trip_id, c.van, c.file, c.permits, c.pickups
                )
            });
        }
        VanCmd::Checkin { from, finish } => {
            let actor = ctx.actor(&db)?;
            let quiet = ctx.out.json;
            let r = offline::checkin(
                &mut db,
                &actor,
                ctx.now,
                &from,
                finish,
                &mut |done, total| {
                    if !quiet && (done == total || done % 50 == 0) {
                        eprintln!("  {done}/{total}");
                    }
                },
            )?;
            ctx.out.show(&r, || {
                format!(
                    "{}: {} actions — {} applied, {} already applied, {} conflicts{}",
                    r.van,
                    r.actions,
                    r.applied,
                    r.already_applied,
                    r.conflicts,
                    if r.finished {
                        "; the check-out is finished"
                    } else {
                        ""
                    }
                )
            });
        }
        VanCmd::Conflicts { all } => {
            let actor = ctx.actor(&db)?;
            let list = offline::conflicts(&db, &actor, all)?;
            ctx.out.show(&list, || {
                list.iter()
                    .map(|c| {
                        format!(
                            "{:>4}  {:<8} {:<18} {} #{} by {}: {}\n",
                            c.id, c.status, c.kind, c.action, c.seq, c.van_actor, c.reason
                        )
                    })
                    .collect()
            });
        }
        VanCmd::Resolve {
            id,
            apply,
            use_van_data,
            dismiss,
        } => {
            let actor = ctx.actor(&db)?;
            let r = match (apply, use_van_data, dismiss) {
                (true, _, _) => Resolution::Apply,
                (_, true, _) => Resolution::UseVanData,
                (_, _, Some(reason)) => Resolution::Dismiss { reason },
                _ => {
                    return Err(Error::invalid(
                        "decision",
                        "say how: --apply, --use-van-data or --dismiss REASON",
                    ))
                }
            };
            let c = offline::resolve(&mut db, &actor, ctx.now, id, &r)?;
            ctx.out.show(&c, || {
                format!(
                    "conflict {} {}: {}",
                    c.id,
                    c.status,
                    c.resolution.clone().unwrap_or_default()
                )
            });
        }
        VanCmd::Recall { case, reason } => {
            let actor = ctx.actor(&db)?;
            let id = resolve(&db, &case)?;
            offline::recall(&mut db, &actor, ctx.now, id, &reason)?;
            ctx.out.show(&serde_json::json!({ "recalled": id }), || {
                format!("case {id} recalled from the van: back in the pool")
            });
        }
    }
    Ok(())
}
