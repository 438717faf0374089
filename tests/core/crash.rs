//! The crash test: a process registering and issuing cases is killed with SIGKILL at random moments, many
//! times. Every case it reported is there, numbers have no gap or duplicate, and the file is intact.

use std::collections::BTreeSet;
use std::io::Read;
use std::process::Stdio;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use petromaks::audit;
use petromaks::db::Db;

use crate::support;

fn xorshift(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

#[test]
fn sigkill_at_random_moments_loses_nothing_that_was_reported() {
    if support::file_only(
        "SIGKILL of a process writing a register file (the server's crash safety is its own)",
    ) {
        return;
    }
    let o = support::office();
    let admin = o.admin.clone();
    let support::Office1 { db, scratch, .. } = o;
    drop(db);
    let path = scratch.db_arg();
    let mut seed = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(1607)
        | 1;
    let first_seed = seed;
    let started = Instant::now();
    let (mut runs, mut kills) = (0u32, 0u32);
    let mut reported: Vec<(String, String)> = Vec::new();
    while runs < 60 && started.elapsed() < Duration::from_secs(40) {
        runs += 1;
        let mut child = support::cli(&path)
            .args(["crash-loop", "--count", "1000000"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        std::thread::sleep(Duration::from_millis(30 + xorshift(&mut seed) % 400));
        if let Some(status) = child.try_wait().expect("try_wait") {
            let mut err = String::new();
            if let Some(mut e) = child.stderr.take() {
                e.read_to_string(&mut err).expect("read stderr");
            }
            panic!("crash-loop stopped by itself: {status}: {err}");
        }
        child.kill().expect("SIGKILL");
        kills += 1;
        let mut out = String::new();
        if let Some(mut so) = child.stdout.take() {
            so.read_to_string(&mut out).expect("read stdout");
        }
        child.wait().expect("wait");
        // Only whole lines count: a line cut by the kill was never fully reported.
        for line in out.split_inclusive('\n').filter(|l| l.ends_with('\n')) {
            let mut parts = line.split_whitespace();
            if let (Some("ok"), Some(reg), Some(permit)) =
                (parts.next(), parts.next(), parts.next())
            {
                reported.push((reg.to_string(), permit.to_string()));
            }
        }
    }

    let db = Db::open_file(scratch.file()).expect("open after the kills");
    let check: String = db.value("PRAGMA integrity_check", &[]).expect("integrity");
    assert_eq!(check, "ok");
    for (reg, permit) in &reported {
        let (status, number): (String, Option<String>) = db
            .one(
                "SELECT status, permit_number FROM cases WHERE registration_number = ?1",
                &[reg],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .expect("read")
            .unwrap_or_else(|| panic!("{reg} was reported but is missing"));
        assert_eq!(status, "issued", "{reg}");
        assert_eq!(number.as_deref(), Some(permit.as_str()), "{reg}");
    }
    let regs: Vec<String> = db
        .map(
            "SELECT registration_number FROM cases ORDER BY id",
            &[],
            |r| r.get(0),
        )
        .expect("regs");
    let want: Vec<String> = (1..=regs.len())
        .map(|i| format!("REG-2026-{i:06}"))
        .collect();
    assert_eq!(regs, want, "registration numbers have a gap or a duplicate");
    let numbers: Vec<String> = db
        .map(
            "SELECT permit_number FROM cases WHERE permit_number IS NOT NULL",
            &[],
            |r| r.get(0),
        )
        .expect("permits");
    let seqs: Vec<u32> = numbers
        .iter()
        .map(|n| {
            n.split('/')
                .nth(1)
                .and_then(|s| s.parse().ok())
                .unwrap_or_else(|| panic!("unexpected permit number {n}"))
        })
        .collect();
    let distinct: BTreeSet<u32> = seqs.iter().copied().collect();
    assert_eq!(distinct.len(), seqs.len(), "a permit number is duplicated");
    assert_eq!(
        distinct,
        (1..=seqs.len() as u32).collect::<BTreeSet<_>>(),
        "permit numbers have a gap"
    );
    assert!(audit::verify(&db, &admin, &[]).expect("verify").ok);
    println!(
        "crash test (seed {first_seed}): {runs} runs, {kills} SIGKILLs, {} cases registered, {} issued, {} reported before the kill, {:.1} s",
        regs.len(),
        seqs.len(),
        reported.len(),
        started.elapsed().as_secs_f64()
    );
    assert!(!reported.is_empty(), "no case was ever reported");
}
