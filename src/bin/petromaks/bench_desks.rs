//! `petromaks bench-desks`: registrations per second and the p95 registration latency with 1, 2, 4, 8…
//! desks registering at once on the register given by `--db` (a file or the office server) — each desk
//! its own process (`desk-loop --register-only`), as the counters of an office are. Figures for the
//! closing note, never a test's assertion. It adds bench accounts and cases: run it on a scratch register.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Instant;

use clap::Args;
use petromaks::actor::{Actor, Role};
use petromaks::db::{Address, Db};
use petromaks::people::{users, NewUser};
use petromaks::{Error, Result};

use crate::Ctx;

#[derive(Args)]
pub struct BenchDesksArgs {
    /// How many desks at once, one run each (comma-separated).
    #[arg(long, value_delimiter = ',', default_values_t = [1u32, 2, 4, 8])]
    desks: Vec<u32>,
    /// Registrations per desk in each run.
    #[arg(long, default_value_t = 100)]
    per_desk: u32,
}

/// The password of the accounts the benchmarks add (they are scratch registers' accounts).
pub const BENCH_PASSWORD: &str = "bangku-uji-2026";

/// The account `name` with `role`, added by `admin` when the register lacks it.
pub fn account(db: &mut Db, admin: &Actor, ctx: &Ctx, name: &str, role: Role) -> Result<Actor> {
    match users::actor(db, name) {
        Ok(a) => Ok(a),
        Err(Error::NotFound { .. }) => {
            users::add(
                db,
                admin,
                ctx.now,
                &NewUser {
                    username: name.into(),
                    full_name: format!("Uji {name}"),
                    role,
                    password: BENCH_PASSWORD.into(),
                    nip: None,
                },
            )?;
            users::actor(db, name)
        }
        Err(e) => Err(e),
    }
}

/// The register's address as `--db` (or `PETROMAKS_DB`) takes it.
pub fn db_string(a: &Address) -> String {
    match a {
        Address::File(p) => p.display().to_string(),
        Address::Server(url) => url.clone(),
    }
}

fn percentile(sorted: &[u64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)] as f64 / 1000.0
}

#[derive(serde::Serialize)]
struct Run {
    desks: u32,
    registrations: usize,
    seconds: f64,
    per_second: f64,
    p50_ms: f64,
    p95_ms: f64,
    max_ms: f64,
}

pub fn run(ctx: &Ctx, a: BenchDesksArgs) -> Result<()> {
    let mut db = ctx.open()?;
    let admin = ctx.actor(&db)?;
    admin.require_admin("run the desk benchmark")?;
    let total: u32 = a.desks.iter().sum();
    if total > 28 || a.desks.contains(&0) {
        return Err(Error::invalid(
            "desks",
            "1 to 28 desks in all the runs together (each desk has its own applicants)",
        ));
    }
    account(&mut db, &admin, ctx, "benchkasi", Role::Verifier)?;
    account(&mut db, &admin, ctx, "benchkadis", Role::Signer)?;
    for d in 1..=total {
        account(&mut db, &admin, ctx, &format!("benchloket{d}"), Role::Clerk)?;
    }
    drop(db);
    let exe = std::env::current_exe()?;
    let now = petromaks::time::stamp(ctx.now);
    let mut runs = Vec::new();
    // Each run's desks have numbers of their own, so every run registers new applicants.
    let mut next_desk = 1;
    for &n in &a.desks {
        let started = Instant::now();
        let children: Vec<_> = (next_desk..next_desk + n)
            .map(|d| {
                Command::new(&exe)
                    .env("PETROMAKS_DB", db_string(&ctx.db))
                    .env("PETROMAKS_NOW", &now)
                    .env_remove("PETROMAKS_USER")
                    .args(["desk-loop", "--register-only", "--timings"])
                    .args(["--desk", &d.to_string(), "--count", &a.per_desk.to_string()])
                    .args(["--clerk", &format!("benchloket{d}")])
                    .args(["--verifier", "benchkasi", "--signer", "benchkadis"])
                    .stdout(Stdio::piped())
                    .stderr(Stdio::piped())
                    .spawn()
            })
            .collect::<std::io::Result<_>>()?;
        next_desk += n;
        let readers: Vec<_> = children
            .into_iter()
            .map(|mut c| {
                std::thread::spawn(move || -> std::io::Result<(Vec<u64>, bool, String)> {
                    let mut lat = Vec::new();
                    if let Some(out) = c.stdout.take() {
                        for line in BufReader::new(out).lines() {
                            if let Some(us) = line?.strip_prefix("t ") {
                                lat.push(us.trim().parse().unwrap_or(0));
                            }
                        }
                    }
                    let out = c.wait_with_output()?;
                    Ok((
                        lat,
                        out.status.success(),
                        String::from_utf8_lossy(&out.stderr).to_string(),
                    ))
                })
            })
            .collect();
        let mut lat = Vec::new();
        for r in readers {
            let (l, ok, err) = r
                .join()
                .map_err(|_| Error::Io(std::io::Error::other("a desk's reader stopped")))??;
            if !ok {
                return Err(Error::Io(std::io::Error::other(format!(
                    "a desk failed: {}",
                    err.trim()
                ))));
            }
            lat.extend(l);
        }
        let secs = started.elapsed().as_secs_f64();
        lat.sort_unstable();
        runs.push(Run {
            desks: n,
            registrations: lat.len(),
            seconds: secs,
            per_second: lat.len() as f64 / secs,
            p50_ms: percentile(&lat, 0.50),
            p95_ms: percentile(&lat, 0.95),
            max_ms: percentile(&lat, 1.0),
        });
    }
    let v = serde_json::json!({ "db": ctx.db.shown(), "per_desk": a.per_desk, "runs": runs });
    ctx.out.show(&v, || {
        let mut s = format!(
            "desks on {} ({} registrations per desk; wall time from the desks' start):\n desks  regs   wall s  regs/s   p50 ms   p95 ms   max ms\n",
            ctx.db.shown(),
            a.per_desk
        );
        for r in &runs {
            s += &format!(
                "{:>6} {:>5} {:>8.2} {:>7.1} {:>8.1} {:>8.1} {:>8.1}\n",
                r.desks, r.registrations, r.seconds, r.per_second, r.p50_ms, r.p95_ms, r.max_ms
            );
        }
        s
    });
    Ok(())
}
