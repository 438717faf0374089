//! A check-in killed (SIGKILL) at 20 random moments, each followed by another check-in, ends in the same
//! office register as a clean run of the same check-in: the office register is copied before either run,
//! the clean run checks in once, the other is killed again and again and then finished, and the two
//! registers are compared as `support::dump` defines it (every row, only sequence-numbered ids, the chain
//! hashes over them and the finishing counts taken out). The van files end the same too. Checking in
//! again changes nothing (fingerprint).

use std::process::Stdio;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use petromaks::db::Db;
use petromaks::van::{self, offline, Outcome, Recipient};

use crate::support::dump::{assert_same, dump};
use crate::support::van::{at, checkout, crew, trip_with, work, Plan, TRIP_DAY};
use crate::support::{self, cli, fingerprint, integrity, register, Office1};

/// The check-in's clock: the afternoon of the trip's day.
const CHECKIN_NOW: &str = "2026-11-23T09:30:00Z";

fn checkin_args(van: &std::path::Path) -> Vec<String> {
    [
        "--as",
        "rina",
        "van",
        "checkin",
        "--from",
        van.to_str().expect("path"),
        "--finish",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

fn checkin_ok(db: &str, van: &std::path::Path) -> String {
    let out = cli(db)
        .env("PETROMAKS_NOW", CHECKIN_NOW)
        .args(checkin_args(van))
        .output()
        .expect("run check-in");
    assert!(
        out.status.success(),
        "check-in failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).to_string()
}

fn next(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

/// A small day (76 actions, one of them a conflict), checked out and worked; returns the office's scratch
/// register (closed) and the van file.
fn a_worked_day() -> (
    support::Scratch,
    std::path::PathBuf,
    petromaks::people::Actor,
) {
    let mut o = support::office();
    let trip = trip_with(&mut o, 24, 4, TRIP_DAY, 1);
    let path = checkout(&mut o, trip.id, "VAN1", "van.sqlite");
    let mut van = Db::open_file(&path).expect("van");
    work(
        &mut van,
        &trip,
        &Plan {
            registrations: 40,
            first_applicant: 1,
            holders: 10,
            proxies: 6,
            failures: 6,
            surveys: 6,
            pickups: 4,
            bags: 3,
        },
    );
    // The last permit is recalled at the office; the van hands it over all the same: a conflict.
    let last = *trip.permits.last().expect("permits");
    let clerk = o.clerk.clone();
    offline::recall(&mut o.db, &clerk, at(90), last, "diambil di loket").expect("recall");
    let joko = crew(&van);
    van::record_outcome(
        &mut van,
        &joko,
        at(300),
        trip.id,
        last,
        &Outcome::Delivered {
            recipient: Recipient::Holder {
                nik: trip.holders.last().expect("holder").clone(),
            },
        },
    )
    .expect("handover on the van");
    let admin = o.admin.clone();
    let Office1 { db, scratch, .. } = o;
    drop(db);
    drop(van);
    (scratch, path, admin)
}

#[test]
fn a_check_in_killed_at_twenty_random_moments_ends_as_a_clean_one() {
    let (clean, van_clean, admin) = a_worked_day();
    let killed = register::copy(&clean);
    let van_killed = killed.dir.path().join("van-killed.sqlite");
    std::fs::copy(&van_clean, &van_killed).expect("copy the van file");

    // The clean run, timed; then the same check-in again changes nothing.
    let started = Instant::now();
    let said = checkin_ok(&clean.db_arg(), &van_clean);
    let took = started.elapsed();
    assert!(
        said.contains("75 applied, 0 already applied, 1 conflicts"),
        "{said}"
    );
    let a = Db::open(&clean.address).expect("clean register");
    let clean_dump = dump(&a);
    let fp = fingerprint(&a);
    let started = Instant::now();
    let again = checkin_ok(&clean.db_arg(), &van_clean);
    let repeat = started.elapsed();
    assert!(
        again.contains("0 applied, 76 already applied, 0 conflicts"),
        "{again}"
    );
    assert_eq!(
        fingerprint(&a),
        fp,
        "checking in twice changed the register"
    );

    // The killed runs: each at a random moment of a clean run's time, so the kills fall all through it
    // (the start, the file's checks, the actions, the finish, the van's marks).
    let mut rng = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(1607)
        | 1;
    let seed = rng;
    // A killed check-in keeps what it committed, so the next one has less to do: when a check-in ends
    // before its kill, the next kill comes sooner (halving the window), and kills keep landing mid-work.
    let mut span = took.as_millis() as u64;
    let (mut interrupted, mut finished_first) = (0, 0);
    for _ in 0..20 {
        let wait = next(&mut rng) % span.max(1);
        let mut child = cli(&killed.db_arg())
            .env("PETROMAKS_NOW", CHECKIN_NOW)
            .args(checkin_args(&van_killed))
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start a check-in");
        std::thread::sleep(Duration::from_millis(wait));
        match child.try_wait().expect("try_wait") {
            Some(status) => {
                let out = child.wait_with_output().expect("wait");
                assert!(
                    status.success(),
                    "a check-in after a kill failed: {}",
                    String::from_utf8_lossy(&out.stderr)
                );
                finished_first += 1;
                span = (span / 2).max(20);
            }
            None => {
                child.kill().expect("SIGKILL");
                child.wait().expect("wait");
                interrupted += 1;
            }
        }
    }
    assert!(
        interrupted >= 5,
        "only {interrupted} of 20 kills interrupted a check-in"
    );
    checkin_ok(&killed.db_arg(), &van_killed);
    let b = Db::open(&killed.address).expect("killed register");
    assert_same(
        &clean_dump,
        &dump(&b),
        "the killed-and-repeated check-in differs from the clean one",
    );
    integrity::whole(&a, &admin);
    integrity::whole(&b, &admin);
    let (va, vb) = (
        Db::open_file(&van_clean).expect("van"),
        Db::open_file(&van_killed).expect("van"),
    );
    assert_same(&dump(&va), &dump(&vb), "the van files differ");
    assert_eq!(
        offline::status(&vb).expect("status").expect("van").pending,
        0
    );
    println!(
        "check-in kill test on {:?} (seed {seed}): a clean check-in of 76 actions took {:.2} s, a repeat {:.2} s; {interrupted} kills interrupted it, {finished_first} runs had finished first",
        a.engine(),
        took.as_secs_f64(),
        repeat.as_secs_f64()
    );
}
