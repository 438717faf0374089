//! `petromaks desk-loop` (hidden): one office desk's work in a loop — register an application, verify,
//! approve and issue it — for the many-desk tests and the desk benchmark, which start several at once on
//! one register. Each desk has its own applicants (NIKs by desk number) and may have its own accounts. It
//! prints `ok REG PERMIT` once an issue has committed, so a test that kills it knows what was reported.
//! With `--persist` it rides out a server restart as a person would: it waits, looks at the case, and
//! does only the step that is still missing (a registration carries a submission id, so it never doubles).

use std::io::Write;
use std::time::{Duration, Instant};

use clap::Args;
use petromaks::cases::{self, CaseId, Channel, Move, NewCase, ServiceMode, Status};
use petromaks::db::Db;
use petromaks::people::applicants::ApplicantInput;
use petromaks::people::users;
use petromaks::{Error, Result};

use crate::Ctx;

#[derive(Args)]
pub struct DeskLoopArgs {
    /// The desk's number (1–28): its applicants' NIKs are its own.
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=28))]
    desk: u32,
    /// How many applications to take through.
    #[arg(long, default_value_t = 200)]
    count: u32,
    #[arg(long, default_value = "rina")]
    clerk: String,
    #[arg(long, default_value = "hendra")]
    verifier: String,
    #[arg(long, default_value = "kadis")]
    signer: String,
    /// Only register (the benchmark's counter rush); print `reg REG` after each.
    #[arg(long)]
    register_only: bool,
    /// Print `t MICROSECONDS` after each registration (its latency).
    #[arg(long)]
    timings: bool,
    /// Wait out a lost server (up to two minutes a step) instead of stopping at the first error.
    #[arg(long)]
    persist: bool,
}

/// A valid NIK of desk `desk`, applicant `i`: a woman of Banyuasin's first district born on the desk's day
/// of August 1990, serial `i`.
fn nik(desk: u32, i: u32) -> String {
    format!("160701{:02}0890{:04}", 40 + desk, i % 10_000)
}

fn application(desk: u32, i: u32, submission: String) -> NewCase {
    sipd_application(
        ApplicantInput {
            nik: nik(desk, i),
            name: format!("Pemohon Loket {desk}"),
            birth_place: "Pangkalan Balai".into(),
            address: format!("Jl. Merdeka No. {}", i % 200 + 1),
            ..Default::default()
        },
        Some(submission),
    )
}

/// A complete SIPD application at the counter for `applicant`: the benchmarks' and the desk loop's.
pub fn sipd_application(applicant: ApplicantInput, submission_id: Option<String>) -> NewCase {
    NewCase {
        applicant,
        permit_type: "SIPD".into(),
        channel: Channel::Counter,
        service_mode: ServiceMode::New,
        received: (1..=7).collect(),
        details: [
            ("tempat_praktik", "Klinik Pratama"),
            ("alamat_praktik", "Jl. Lintas Timur KM 18"),
            ("jam_praktik", "16.00–21.00"),
            ("nomor_str", "3321100223145678"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect(),
        submission_id,
    }
}

/// How far along the walk a status is (a step already taken is not taken again).
fn rank(s: Status) -> u8 {
    match s {
        Status::Received => 0,
        Status::Verified => 1,
        Status::Approved => 2,
        _ => 3,
    }
}

/// Runs `f`, and with `persist` runs it again while the server is away or busy (it looks first).
fn patiently<T>(persist: bool, db: &mut Db, mut f: impl FnMut(&mut Db) -> Result<T>) -> Result<T> {
    let started = Instant::now();
    loop {
        match f(db) {
            Err(e)
                if persist
                    && matches!(e.code(), "db_unavailable" | "busy")
                    && started.elapsed() < Duration::from_secs(120) =>
            {
                eprintln!("waiting: {e}");
                std::thread::sleep(Duration::from_millis(500));
                // A reconnect that fails is tried again on the next turn.
                let _ = db.reconnect();
            }
            other => return other,
        }
    }
}

/// Opens the register; with `persist`, waits for a server that is away.
fn open(ctx: &Ctx, persist: bool) -> Result<Db> {
    let started = Instant::now();
    loop {
        match ctx.open() {
            Err(e)
                if persist
                    && e.code() == "db_unavailable"
                    && started.elapsed() < Duration::from_secs(120) =>
            {
                eprintln!("waiting: {e}");
                std::thread::sleep(Duration::from_millis(500));
            }
            other => return other,
        }
    }
}

pub fn desk_loop(ctx: &Ctx, a: DeskLoopArgs) -> Result<()> {
    let mut db = open(ctx, a.persist)?;
    let clerk = users::actor(&db, &a.clerk)?;
    let verifier = users::actor(&db, &a.verifier)?;
    let signer = users::actor(&db, &a.signer)?;
    // Submission ids are this process's own: a desk started again registers new applications.
    let run = format!("desk{}-{}", a.desk, std::process::id());
    let mut stdout = std::io::stdout().lock();
    for i in 1..=a.count {
        let input = application(a.desk, i, format!("{run}-{i}"));
        let t = Instant::now();
        let reg = patiently(a.persist, &mut db, |db| {
            cases::register(db, &clerk, ctx.now, &input)
        })?;
        let took = t.elapsed();
        if a.timings {
            writeln!(stdout, "t {}", took.as_micros())?;
        }
        if a.register_only {
            writeln!(stdout, "reg {}", reg.registration_number)?;
            continue;
        }
        walk(&mut db, a.persist, ctx, reg.id, &verifier, &signer)?;
        let c = patiently(a.persist, &mut db, |db| cases::get(db, reg.id))?;
        writeln!(
            stdout,
            "ok {} {}",
            c.registration_number,
            c.permit_number.as_deref().unwrap_or("-")
        )?;
        stdout.flush()?;
    }
    writeln!(stdout, "done {}", a.count)?;
    Ok(())
}

fn walk(
    db: &mut Db,
    persist: bool,
    ctx: &Ctx,
    id: CaseId,
    verifier: &petromaks::actor::Actor,
    signer: &petromaks::actor::Actor,
) -> Result<()> {
    for (who, to) in [
        (verifier, Status::Verified),
        (signer, Status::Approved),
        (signer, Status::Issued),
    ] {
        patiently(persist, db, |db| {
            let now = cases::get(db, id)?.status;
            if rank(now) >= rank(to) {
                return Ok(());
            }
            cases::move_case(db, who, ctx.now, id, &Move { to, reason: None }).map(|_| ())
        })
        .map_err(|e| match e {
            Error::Transition(m) => Error::Transition(format!("case {id}: {m}")),
            other => other,
        })?;
    }
    Ok(())
}
