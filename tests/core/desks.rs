//! Six desks on one register at once (one SQLite file, or one PostgreSQL database — the run's engine):
//! six `petromaks desk-loop` processes, each with its own clerk and applicants, each taking 200
//! applications through verification, approval and issue. Then the faults: a desk SIGKILLed in the middle
//! of its writes, and (on the server) the server restarted in the middle of the run. Every case a desk
//! reported (`ok REG PERMIT`, whole lines only) is in the register, nothing is half-written, every series
//! is gap-free, and the audit chain verifies (`support::integrity`).

use std::process::{Child, Output, Stdio};
use std::thread;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use petromaks::db::{server_setup, Address, Db};
use petromaks::people::Role;

use crate::support::integrity::{self, Whole};
use crate::support::private_server::PrivateServer;
use crate::support::{self, Office1, Scratch};

pub const DESKS: u32 = 6;
pub const PER_DESK: u32 = 200;

/// One clerk per desk (`loket1`…), beside the office's verifier and signer.
pub fn desk_clerks(o: &mut Office1, n: u32) -> Vec<String> {
    let admin = o.admin.clone();
    (1..=n)
        .map(|d| {
            let name = format!("loket{d}");
            support::add_user(
                &mut o.db,
                &admin,
                &name,
                &format!("Petugas Loket {d}"),
                Role::Clerk,
            );
            name
        })
        .collect()
}

/// Starts desk `desk` on the register `db`.
pub fn spawn_desk(db: &str, desk: u32, clerk: &str, count: u32, persist: bool) -> Child {
    let mut c = support::cli(db);
    c.args(["desk-loop", "--desk", &desk.to_string()]).args([
        "--count",
        &count.to_string(),
        "--clerk",
        clerk,
    ]);
    if persist {
        c.arg("--persist");
    }
    c.stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start a desk")
}

/// How a desk ended: the cases it reported, what it said on stderr, whether it finished its count.
pub struct DeskEnd {
    pub reported: Vec<(String, String)>,
    pub stderr: String,
    pub success: bool,
    pub finished: bool,
}

fn ended(out: Output) -> DeskEnd {
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    let mut reported = Vec::new();
    let mut finished = false;
    // A line cut by a kill was never fully reported.
    for line in text.split_inclusive('\n').filter(|l| l.ends_with('\n')) {
        let mut p = line.split_whitespace();
        match (p.next(), p.next(), p.next()) {
            (Some("ok"), Some(reg), Some(permit)) => {
                reported.push((reg.to_string(), permit.to_string()))
            }
            (Some("done"), _, _) => finished = true,
            _ => {}
        }
    }
    DeskEnd {
        reported,
        stderr: String::from_utf8_lossy(&out.stderr).to_string(),
        success: out.status.success(),
        finished,
    }
}

/// Waits for every desk, reading their output as they go (so no pipe fills up).
pub fn wait_all(children: Vec<Child>) -> Vec<DeskEnd> {
    let waiting: Vec<_> = children
        .into_iter()
        .map(|c| thread::spawn(move || c.wait_with_output().expect("wait for a desk")))
        .collect();
    waiting
        .into_iter()
        .map(|w| ended(w.join().expect("desk thread")))
        .collect()
}

/// Every reported case is in the register, issued, with the permit number that was printed.
pub fn reported_are_there(db: &Db, reported: &[(String, String)]) {
    for (reg, permit) in reported {
        let (status, number): (String, Option<String>) = db
            .one(
                "SELECT status, permit_number FROM cases WHERE registration_number = ?1",
                &[reg],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .expect("read a case")
            .unwrap_or_else(|| panic!("{reg} was reported done but is not in the register"));
        assert_eq!(status, "issued", "{reg}");
        assert_eq!(number.as_deref(), Some(permit.as_str()), "{reg}");
    }
}

fn seed() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(1607)
        | 1
}

fn next(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

#[test]
fn six_desks_at_once_number_every_case_once() {
    let mut o = support::office();
    let clerks = desk_clerks(&mut o, DESKS);
    let db = o.db_arg();
    let started = Instant::now();
    let desks: Vec<Child> = (1..=DESKS)
        .map(|d| spawn_desk(&db, d, &clerks[d as usize - 1], PER_DESK, false))
        .collect();
    let ends = wait_all(desks);
    let took = started.elapsed();
    let mut reported = Vec::new();
    for (i, e) in ends.iter().enumerate() {
        assert!(
            e.success && e.finished && e.stderr.trim().is_empty(),
            "desk {} saw an error: {}",
            i + 1,
            e.stderr
        );
        assert_eq!(e.reported.len(), PER_DESK as usize, "desk {}", i + 1);
        reported.extend(e.reported.iter().cloned());
    }
    let total = (DESKS * PER_DESK) as usize;
    assert_eq!(
        integrity::whole(&o.db, &o.admin),
        Whole {
            cases: total,
            issued: total
        }
    );
    reported_are_there(&o.db, &reported);
    println!(
        "six desks on {:?}: {total} cases registered and issued in {:.1} s",
        o.db.engine(),
        took.as_secs_f64()
    );
}

#[test]
fn a_desk_killed_in_the_middle_of_its_writes_loses_nothing_it_reported() {
    let mut o = support::office();
    let clerks = desk_clerks(&mut o, DESKS);
    let db = o.db_arg();
    let mut rng = seed();
    let first_seed = rng;
    let others: Vec<Child> = (2..=DESKS)
        .map(|d| spawn_desk(&db, d, &clerks[d as usize - 1], 60, false))
        .collect();
    let mut reported = Vec::new();
    let mut kills = 0;
    for _ in 0..4 {
        let mut victim = spawn_desk(&db, 1, &clerks[0], 1000, false);
        thread::sleep(Duration::from_millis(300 + next(&mut rng) % 1500));
        assert!(
            victim.try_wait().expect("try_wait").is_none(),
            "desk 1 stopped by itself"
        );
        victim.kill().expect("SIGKILL");
        kills += 1;
        let e = ended(victim.wait_with_output().expect("wait"));
        assert!(!e.finished);
        reported.extend(e.reported);
    }
    for (i, e) in wait_all(others).into_iter().enumerate() {
        assert!(
            e.success && e.finished && e.stderr.trim().is_empty(),
            "desk {} beside the killed one saw an error: {}",
            i + 2,
            e.stderr
        );
        reported.extend(e.reported);
    }
    let w = integrity::whole(&o.db, &o.admin);
    reported_are_there(&o.db, &reported);
    // Only the case a kill interrupted may be short of issued; nothing else is left halfway.
    assert!(
        w.cases - w.issued <= kills,
        "{} cases are not issued after {kills} kills",
        w.cases - w.issued
    );
    println!(
        "kill test on {:?} (seed {first_seed}): {kills} SIGKILLs, {} cases, {} issued, {} reported",
        o.db.engine(),
        w.cases,
        w.issued,
        reported.len()
    );
}

#[test]
fn the_server_restarted_in_the_middle_of_six_desks_loses_nothing_they_reported() {
    if !support::on_server() {
        eprintln!(
            "skipped: the server restart runs with PETROMAKS_TEST_PG (scripts/with-postgres)"
        );
        return;
    }
    // A server of this test's own: restarting the run's cluster would cut every other test.
    let Some(server) = PrivateServer::start() else {
        return;
    };
    let url = server.url("petromaks");
    server_setup::init(&url, None).expect("server init");
    let address = Address::Server(url.clone());
    let db = Db::open(&address).expect("open");
    let mut o = support::set_up(db, Scratch::at(address));
    let clerks = desk_clerks(&mut o, DESKS);
    let mut rng = seed();
    let started = Instant::now();
    let desks: Vec<Child> = (1..=DESKS)
        .map(|d| spawn_desk(&url, d, &clerks[d as usize - 1], PER_DESK, true))
        .collect();
    // Two faults at random moments: a restart, then the server away for three seconds.
    thread::sleep(Duration::from_millis(1500 + next(&mut rng) % 3000));
    let down = Instant::now();
    server.restart();
    let restart = down.elapsed();
    thread::sleep(Duration::from_millis(1500 + next(&mut rng) % 3000));
    server.stop();
    thread::sleep(Duration::from_secs(3));
    server.start_again();
    let ends = wait_all(desks);
    let mut reported = Vec::new();
    let mut waits = 0;
    for (i, e) in ends.iter().enumerate() {
        assert!(
            e.success && e.finished,
            "desk {} did not ride out the restart: {}",
            i + 1,
            e.stderr
        );
        waits += e
            .stderr
            .lines()
            .filter(|l| l.starts_with("waiting"))
            .count();
        reported.extend(e.reported.iter().cloned());
    }
    let total = (DESKS * PER_DESK) as usize;
    assert_eq!(reported.len(), total);
    assert_eq!(
        integrity::whole(&o.db, &o.admin),
        Whole {
            cases: total,
            issued: total
        },
        "after the restart (server log in {})",
        server.dir().display()
    );
    reported_are_there(&o.db, &reported);
    println!(
        "server restart ({:.1} s) and a 3 s stop in the middle of six desks: {total} cases in {:.1} s; the desks were told to wait {waits} times",
        restart.as_secs_f64(),
        started.elapsed().as_secs_f64()
    );
}
