//! Data-safety commands: audit verification and log, restore, the start-up health check, and the hidden
//! crash-loop the crash test kills at random moments.

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, Subcommand};
use petromaks::audit::{self, AuditFilter};
use petromaks::cases::{self, Move, Status};
use petromaks::db::Address;
use petromaks::people::applicants::ApplicantInput;
use petromaks::people::users;
use petromaks::safety::{folder, integrity, restore as rs, FullCheck};
use petromaks::{time, Error, Result};

use crate::Ctx;

#[derive(Subcommand)]
pub enum AuditCmd {
    /// Check the hash chains of the case events and admin changes, and compare them with the witnesses in
    /// the backup folder; fails at the first broken link or disagreeing witness (admin).
    Verify {
        /// The folder whose witnesses (and backups) to compare with; default: the register's backup folder.
        #[arg(long)]
        witness_dir: Option<PathBuf>,
    },
    /// The audit log, newest first.
    Log {
        /// Registration number, permit number or id of a case.
        #[arg(long)]
        case: Option<String>,
        /// Username of the actor whose events to show.
        #[arg(long = "user", id = "log_user")]
        user: Option<String>,
        /// An action or its prefix (e.g. `signin`).
        #[arg(long)]
        action: Option<String>,
        /// First day (YYYY-MM-DD, UTC).
        #[arg(long)]
        from: Option<String>,
        /// Last day (YYYY-MM-DD, UTC).
        #[arg(long)]
        to: Option<String>,
        #[arg(long, default_value_t = 200)]
        limit: u32,
    },
}

pub fn audit(ctx: &Ctx, c: AuditCmd) -> Result<()> {
    let db = ctx.open()?;
    let actor = ctx.actor(&db)?;
    match c {
        AuditCmd::Verify { witness_dir } => {
            let dir = witness_dir.or_else(|| ctx.db.file().map(folder::dir_for));
            let dirs: Vec<&std::path::Path> = dir.iter().map(|d| d.as_path()).collect();
            let v = audit::verify(&db, &actor, &dirs)?;
            ctx.out.show(&v, || {
                let mut s: String = [&v.case_events, &v.admin_events]
                    .iter()
                    .map(|r| match &r.first_broken {
                        None => format!("{}: {} rows, chain intact\n", r.table, r.rows),
                        Some(b) => format!(
                            "{}: {} rows, FIRST BROKEN LINK at id {}: {}\n",
                            r.table, r.rows, b.id, b.reason
                        ),
                    })
                    .collect();
                for w in &v.witnesses {
                    s += &format!(
                        "witness {} ({}): {}\n",
                        w.source,
                        w.taken_at.map(time::stamp).unwrap_or_else(|| "?".into()),
                        w.message
                    );
                }
                s
            });
            if !v.ok {
                return Err(Error::Corrupt(
                    "the audit trail has been altered outside Petromaks".into(),
                ));
            }
        }
        AuditCmd::Log {
            case,
            user,
            action,
            from,
            to,
            limit,
        } => {
            let f = AuditFilter {
                case: case
                    .map(|k| crate::casework::resolve(&db, &k))
                    .transpose()?,
                user,
                action,
                from: from.map(|d| time::parse_day("from", &d)).transpose()?,
                to: to.map(|d| time::parse_day("to", &d)).transpose()?,
                limit,
            };
            let rows = audit::list(&db, &actor, &f)?;
            ctx.out.show(&rows, || {
                rows.iter()
                    .map(|e| {
                        format!(
                            "{}  {:<5} {:<10} {:<22} {}{}\n",
                            time::stamp(e.at),
                            e.chain,
                            e.actor.as_deref().unwrap_or("-"),
                            e.action,
                            e.target.as_deref().unwrap_or(""),
                            e.reason
                                .as_deref()
                                .or(e.detail.as_deref())
                                .map(|s| format!("  ({s})"))
                                .unwrap_or_default()
                        )
                    })
                    .collect()
            });
        }
    }
    Ok(())
}

#[derive(Args)]
pub struct RestoreArgs {
    /// The backup file to restore (checked before anything is replaced).
    #[arg(long)]
    from: PathBuf,
}

/// A damaged register is restored by whoever is at the computer (nobody can sign in to it); a working one
/// only with `--as` an admin.
pub fn restore(ctx: &Ctx, a: RestoreArgs) -> Result<()> {
    let Address::File(path) = &ctx.db else {
        return Err(Error::invalid(
            "db",
            "a server register is restored by `petromaks server move-in` into an empty database",
        ));
    };
    let damaged = path.exists() && rs::health(path, None)?.status == rs::HealthStatus::Damaged;
    let r = if damaged || !path.exists() {
        rs::restore_damaged(&a.from, path, ctx.now)?
    } else {
        let actor = {
            let db = ctx.open()?;
            ctx.actor(&db)?
            // The register is closed here, before it is replaced.
        };
        rs::restore_as(&actor, &a.from, path, ctx.now)?
    };
    ctx.out.show(&r, || {
        let mut s = format!(
            "restored {} into {} (schema {})",
            r.from.display(),
            r.to.display(),
            r.schema_version
        );
        if let Some(p) = &r.replaced_kept_at {
            s += &format!("; the replaced database is kept at {}", p.display());
        }
        s
    });
    Ok(())
}

#[derive(Args)]
pub struct HealthArgs {
    /// The backup folder to search for the latest good backup.
    #[arg(long)]
    backup_dir: Option<PathBuf>,
    /// Only the instant check the app makes at each start (header, schema, application id) and what the
    /// last thorough check found; without it every page is read (minutes for a big register) and the
    /// outcome is kept beside the register.
    #[arg(long)]
    quick: bool,
}

/// Checks the database without opening it for writing; a damaged file exits non-zero.
pub fn health(ctx: &Ctx, a: HealthArgs) -> Result<()> {
    let Address::File(path) = &ctx.db else {
        // The server checks its own pages; what can be checked from here is that it is a register.
        ctx.open()?;
        ctx.out.show(&serde_json::json!({ "status": "ok" }), || {
            format!("{} is a Petromaks register", ctx.db.shown())
        });
        return Ok(());
    };
    let dir = a.backup_dir.unwrap_or_else(|| folder::dir_for(path));
    let h = if a.quick {
        rs::start_up(path, Some(&dir))?
    } else {
        let started = std::time::Instant::now();
        let mut h = rs::health(path, Some(&dir))?;
        if h.status != rs::HealthStatus::Missing {
            let check = FullCheck {
                at: ctx.now,
                ok: h.status == rs::HealthStatus::Ok,
                message: h.message.clone(),
                seconds: started.elapsed().as_secs_f64(),
            };
            integrity::record(path, &check)?;
            h.last_full_check = Some(check);
        }
        h
    };
    ctx.out.show(&h, || {
        let mut s = h.message.clone();
        if let Some(c) = &h.last_full_check {
            s += &format!(
                "\nlast thorough check: {} ({:.1} s): {}",
                time::stamp(c.at),
                c.seconds,
                if c.ok { "intact" } else { "DAMAGED" }
            );
        } else if a.quick {
            s += "\nno thorough check kept yet (run `petromaks health`)";
        }
        s
    });
    if h.status == rs::HealthStatus::Damaged {
        return Err(Error::Corrupt(h.message));
    }
    Ok(())
}

#[derive(Args)]
pub struct CrashLoopArgs {
    #[arg(long, default_value_t = 1000)]
    count: u32,
    #[arg(long, default_value = "rina")]
    clerk: String,
    #[arg(long, default_value = "hendra")]
    verifier: String,
    #[arg(long, default_value = "kadis")]
    signer: String,
}

/// Registers and issues SIPD cases in a loop, printing `ok REG PERMIT` after each issue commits.
pub fn crash_loop(ctx: &Ctx, a: CrashLoopArgs) -> Result<()> {
    let mut db = ctx.open()?;
    let clerk = users::actor(&db, &a.clerk)?;
    let verifier = users::actor(&db, &a.verifier)?;
    let signer = users::actor(&db, &a.signer)?;
    let input = crate::desk::sipd_application(
        ApplicantInput {
            nik: "1607014508900001".into(),
            name: "Siti Aminah".into(),
            birth_place: "Pangkalan Balai".into(),
            address: "Jl. Merdeka No. 7".into(),
            ..Default::default()
        },
        None,
    );
    let mut stdout = std::io::stdout().lock();
    for _ in 0..a.count {
        let id = cases::register(&mut db, &clerk, ctx.now, &input)?.id;
        for (who, to) in [
            (&verifier, Status::Verified),
            (&signer, Status::Approved),
            (&signer, Status::Issued),
        ] {
            cases::move_case(&mut db, who, ctx.now, id, &Move { to, reason: None })?;
        }
        let c = cases::get(&db, id)?;
        writeln!(
            stdout,
            "ok {} {}",
            c.registration_number,
            c.permit_number.as_deref().unwrap_or("-")
        )?;
        stdout.flush()?;
    }
    Ok(())
}
