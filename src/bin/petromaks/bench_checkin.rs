//! `petromaks bench-checkin`: how long the check-in of a van's day of 360 actions takes on the register
//! given by `--db` (an office file or the office server) — 200 registrations, 100 handovers (70 to the
//! holder, 30 to a proxy), 20 failures, 30 surveys and 10 pick-up outcomes. It issues the trip's 120
//! permits, checks the trip out to a van file in the temp folder, works the day there, and times the
//! check-in (and, for comparison, the check-out, the day's work and a repeated check-in). Figures for the
//! closing note, never a test's assertion; it adds bench accounts and cases: run it on a scratch register.

use std::time::Instant;

use chrono::Duration;
use clap::Args;
use petromaks::actor::Role;
use petromaks::cases::{self, Move, NewCase, Status};
use petromaks::db::Db;
use petromaks::people::applicants::ApplicantInput;
use petromaks::store::areas;
use petromaks::van::offline;
use petromaks::van::survey::{self, Answers};
use petromaks::van::{self, FailReason, NewPickup, NewTrip, Outcome, PickupOutcome, Recipient};
use petromaks::{documents, office, time, Error, Result};

use crate::bench_desks::account;
use crate::Ctx;

#[derive(Args)]
pub struct BenchCheckinArgs {
    /// Keep the van file here instead of a temporary one (it must not exist).
    #[arg(long)]
    van_file: Option<std::path::PathBuf>,
}

fn application(nik: String, name: String, village: &str) -> NewCase {
    crate::desk::sipd_application(
        ApplicantInput {
            nik,
            name,
            birth_place: "Pangkalan Balai".into(),
            address: "Jl. Merdeka No. 7".into(),
            village_code: Some(village.into()),
            ..Default::default()
        },
        None,
    )
}

pub fn run(ctx: &Ctx, a: BenchCheckinArgs) -> Result<()> {
    let mut db = ctx.open()?;
    let admin = ctx.actor(&db)?;
    admin.require_admin("run the check-in benchmark")?;
    let clerk = account(&mut db, &admin, ctx, "benchloket1", Role::Clerk)?;
    let kasi = account(&mut db, &admin, ctx, "benchkasi", Role::Verifier)?;
    let kadis = account(&mut db, &admin, ctx, "benchkadis", Role::Signer)?;
    account(&mut db, &admin, ctx, "benchkurir", Role::Courier)?;
    let regency = office::require(&db)?.regency_code;
    let villages: Vec<String> = areas::regency_villages(&db, &regency)?
        .into_iter()
        .take(3)
        .map(|v| v.code)
        .collect();
    if villages.len() < 3 {
        return Err(Error::invalid(
            "regency",
            "the office's regency needs three villages",
        ));
    }
    // Each run has applicants of its own (a birth month and year of its own), so a second run on the
    // same register is not a second van with the same applicants.
    let r = std::process::id() % 240;
    let born = |day: u32| format!("{:02}{:02}{:02}", 40 + day, r % 12 + 1, 80 + r / 12);
    let now = ctx.now;
    let today = office::today(&db, now)?;

    let t = Instant::now();
    let mut permits = Vec::new();
    for k in 0..120u32 {
        let nik = format!("160701{}{:04}", born(3), k + 1);
        let input = application(
            nik.clone(),
            format!("Pemegang Uji {k}"),
            &villages[k as usize % 3],
        );
        let id = cases::register(&mut db, &clerk, now, &input)?.id;
        for (who, to) in [
            (&kasi, Status::Verified),
            (&kadis, Status::Approved),
            (&kadis, Status::Issued),
        ] {
            cases::move_case(&mut db, who, now, id, &Move { to, reason: None })?;
        }
        permits.push((id, nik));
    }
    let trip = van::create_trip(
        &mut db,
        &clerk,
        now,
        &NewTrip {
            date: today.to_string(),
            vehicle: "BG 9999 UJ".into(),
            crew: vec!["benchkurir".into()],
            villages: villages.clone(),
            note: Some("bench-checkin".into()),
        },
    )?;
    let ids: Vec<_> = permits.iter().map(|p| p.0).collect();
    van::assign(&mut db, &clerk, now, trip, &ids)?;
    let mut pickups = Vec::new();
    for k in 0..10 {
        let p = NewPickup {
            name: format!("Pemohon Jemput {k}"),
            phone: None,
            village_code: villages[k % 3].clone(),
            purpose: "SIPD baru".into(),
        };
        pickups.push(van::request_pickup(&mut db, &clerk, now, &p)?);
    }
    let prepared = t.elapsed().as_secs_f64();

    let dir = std::env::temp_dir().join(format!("petromaks-bench-checkin-{}", std::process::id()));
    petromaks::private::create_dir(&dir)?;
    let file = a.van_file.clone().unwrap_or_else(|| dir.join("van.sqlite"));
    let name = format!("B{}", std::process::id() % 10_000_000);
    let t = Instant::now();
    offline::checkout(&mut db, &clerk, now, trip, &name, &file)?;
    let checkout = t.elapsed().as_secs_f64();

    let t = Instant::now();
    let mut vdb = Db::open_file(&file)?;
    let crew = petromaks::people::users::actor(&vdb, "benchkurir")?;
    let mut minute = 0;
    let mut at = || {
        minute += 1;
        now + Duration::minutes(minute)
    };
    for k in 0..200u32 {
        let nik = format!("160701{}{:04}", born(4), k + 1);
        let input = application(nik, format!("Pemohon Desa {k}"), &villages[k as usize % 3]);
        documents::register_with_receipt(&mut vdb, &crew, at(), &input)?;
    }
    for (k, (case, nik)) in permits.iter().enumerate() {
        let outcome = match k {
            0..=69 => Outcome::Delivered {
                recipient: Recipient::Holder { nik: nik.clone() },
            },
            70..=99 => Outcome::Delivered {
                recipient: Recipient::Proxy {
                    name: "Budi Santoso".into(),
                    nik: format!("160701120385{:04}", k + 1),
                    relation: "suami".into(),
                    authority_letter: format!("SK/{k}/2026"),
                },
            },
            _ => Outcome::NotDelivered {
                reason: FailReason::NotHome,
                note: None,
            },
        };
        van::record_outcome(&mut vdb, &crew, at(), trip, *case, &outcome)?;
    }
    for (case, _) in permits.iter().take(30) {
        survey::record(
            &mut vdb,
            &crew,
            at(),
            *case,
            &Answers([4, 4, 3, 4, 3, 3, 4, 3, 3]),
        )?;
    }
    for p in &pickups {
        van::close_pickup(&mut vdb, &crew, at(), *p, PickupOutcome::Collected, None)?;
    }
    let actions = offline::status(&vdb)?.map(|s| s.pending).unwrap_or(0);
    drop(vdb);
    let field = t.elapsed().as_secs_f64();

    let t = Instant::now();
    let report = offline::checkin(
        &mut db,
        &clerk,
        now + Duration::hours(8),
        &file,
        true,
        &mut |_, _| {},
    )?;
    let checkin = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let again = offline::checkin(
        &mut db,
        &clerk,
        now + Duration::hours(8),
        &file,
        true,
        &mut |_, _| {},
    )?;
    let repeat = t.elapsed().as_secs_f64();
    if a.van_file.is_none() {
        let _ = std::fs::remove_dir_all(&dir);
    }
    let v = serde_json::json!({
        "db": ctx.db.shown(), "actions": actions, "applied": report.applied, "conflicts": report.conflicts,
        "prepare_seconds": prepared, "checkout_seconds": checkout, "field_seconds": field,
        "checkin_seconds": checkin, "checkin_ms_per_action": checkin * 1000.0 / actions.max(1) as f64,
        "repeat_seconds": repeat, "repeat_already_applied": again.already_applied,
        "at": time::stamp(now),
    });
    ctx.out.show(&v, || {
        format!(
            "check-in of a {actions}-action day on {}: {checkin:.2} s ({:.1} ms an action; {} applied, {} conflicts)\n  \
             for comparison: 120 permits issued in {prepared:.1} s, check-out {checkout:.2} s, the day's work on the van file {field:.1} s, \
             a repeated check-in {repeat:.2} s ({} already applied)",
            ctx.db.shown(),
            checkin * 1000.0 / actions.max(1) as f64,
            report.applied,
            report.conflicts,
            again.already_applied
        )
    });
    Ok(())
}
