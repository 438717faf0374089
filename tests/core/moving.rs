//! Moving between the engines (runs with `PETROMAKS_TEST_PG`): a one-computer register of 10,000 demo
//! cases moved onto a server register (`server move-in`), and a server register's backup file (`petromaks
//! backup`) that opens as a register, verifies, and loads back into a fresh server register. After each
//! move every table holds the same rows (counted and hashed row by row, across engines), the audit chain
//! verifies, and the next registration and permit numbers continue where the old register stopped.

use std::collections::BTreeMap;
use std::time::Instant;

use chrono::Datelike;
use petromaks::audit;
use petromaks::db::{server_setup, Address, Db};
use petromaks::exchange::demo;
use petromaks::people::users;
use petromaks::safety::server as moving;

use crate::support::fingerprint::per_table;
use crate::support::{self, monday, register, Scratch};

/// A folder for a big scratch register: in memory (`/dev/shm`) where there is one, so 10,000 cases do
/// not wait on the disk's fsyncs; the register is the same file either way.
fn fast_dir() -> tempfile::TempDir {
    match tempfile::tempdir_in("/dev/shm") {
        Ok(d) => d,
        Err(_) => tempfile::tempdir().expect("temp dir"),
    }
}

/// An empty server database made into a register by `server init`, as the office's IT person does.
fn server_register() -> Scratch {
    let s = register::empty();
    let url = s.db_arg();
    server_setup::init(&url, None).expect("server init");
    s
}

fn counters(db: &Db) -> BTreeMap<String, i64> {
    db.map("SELECT key, last FROM number_series", &[], |r| {
        Ok((r.get(0)?, r.get(1)?))
    })
    .expect("number series")
    .into_iter()
    .collect()
}

fn same_rows(from: &Db, to: &Db) {
    let (a, b) = (per_table(from), per_table(to));
    assert_eq!(
        a.keys().collect::<Vec<_>>(),
        b.keys().collect::<Vec<_>>(),
        "the same tables"
    );
    for (t, (n, h)) in &a {
        let (m, g) = &b[t];
        assert_eq!(n, m, "{t}: rows counted");
        assert_eq!(h, g, "{t}: the rows themselves differ");
    }
}

/// Registers one more case on `db` and issues it; its numbers must follow `before`'s counters.
fn next_numbers_continue(db: &mut Db, before: &BTreeMap<String, i64>) {
    let year = monday().year();
    let input = support::sipd("1607014508990001", "dr. Setelah Pindah");
    let clerk = users::actor(db, "rina").expect("clerk");
    let reg = petromaks::cases::register(db, &clerk, monday(), &input).expect("register");
    let last = before.get(&format!("reg/{year}")).copied().unwrap_or(0);
    assert_eq!(
        reg.registration_number,
        format!("REG-{year}-{:06}", last + 1),
        "the registration number continues"
    );
    for (who, to) in [
        ("hendra", petromaks::cases::Status::Verified),
        ("kadis", petromaks::cases::Status::Approved),
        ("kadis", petromaks::cases::Status::Issued),
    ] {
        let a = users::actor(db, who).expect("actor");
        petromaks::cases::move_case(
            db,
            &a,
            monday(),
            reg.id,
            &petromaks::cases::Move { to, reason: None },
        )
        .expect("step");
    }
    let after = counters(db);
    let permit = petromaks::cases::get(db, reg.id)
        .expect("case")
        .permit_number
        .expect("issued");
    let seq: i64 = permit.split('/').nth(1).expect("seq").parse().expect("n");
    // The one permit series this issue counted on: it went on from where the old register stopped.
    let moved: Vec<(&String, &i64)> = after
        .iter()
        .filter(|(k, v)| k.starts_with("permit/") && before.get(*k) != Some(*v))
        .collect();
    assert_eq!(moved.len(), 1, "one permit series moved: {moved:?}");
    let (key, last) = moved[0];
    assert_eq!(*last, seq, "{permit} is the series' last number");
    assert_eq!(
        seq,
        before.get(key).copied().unwrap_or(0) + 1,
        "{permit} continues {key}"
    );
    assert!(seq > 1 || !before.contains_key(key));
}

#[test]
fn ten_thousand_cases_move_onto_the_server_with_every_row_and_number() {
    if !support::on_server() {
        eprintln!("skipped: move-in needs PETROMAKS_TEST_PG (scripts/with-postgres)");
        return;
    }
    let dir = fast_dir();
    let path = dir.path().join("kantor.sqlite");
    let file = Db::create(&Address::File(path.clone())).expect("create the file");
    let mut o = support::set_up(file, Scratch::at(Address::File(path.clone())));
    let admin = o.admin.clone();
    let t = Instant::now();
    let ids = demo::generate(&mut o.db, &admin, monday(), 10_000, 1607).expect("demo");
    let built = t.elapsed();
    assert_eq!(ids.len(), 10_000);
    let before = counters(&o.db);
    drop(o);

    let to = server_register();
    let t = Instant::now();
    let mut tables = 0;
    let moved = moving::move_in(&path, &to.address, &mut |_, _| tables += 1).expect("move in");
    let took = t.elapsed();
    assert!(moved.chain_ok && tables > 10);
    let src = Db::open_read_only(&path).expect("the file, untouched");
    let mut dst = Db::open(&to.address).expect("the server register");
    same_rows(&src, &dst);
    assert_eq!(
        petromaks::store::tables::count(&dst, "cases").expect("count"),
        10_000
    );
    // The search index was made again on the server: every moved case is found by its name there.
    let first: (i64, String) = src
        .one(
            "SELECT c.id, a.name FROM cases c JOIN applicants a ON a.id = c.applicant_id ORDER BY c.id DESC LIMIT 1",
            &[],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("read")
        .expect("a moved case");
    let found = petromaks::cases::list(
        &dst,
        &petromaks::cases::CaseFilter {
            query: Some(first.1.clone()),
            ..Default::default()
        },
    )
    .expect("search on the server");
    assert!(
        found.iter().any(|c| c.id.0 == first.0),
        "{} not found on the server",
        first.1
    );
    assert!(audit::verify(&dst, &admin, &[]).expect("verify").ok);
    assert_eq!(counters(&dst), before);
    next_numbers_continue(&mut dst, &before);
    assert!(audit::verify(&dst, &admin, &[]).expect("verify").ok);
    println!(
        "move-in: 10,000 demo cases built in {:.1} s (core, in memory), moved onto the server in {:.1} s",
        built.as_secs_f64(),
        took.as_secs_f64()
    );
}

#[test]
fn a_server_backup_opens_as_a_file_verifies_and_moves_back_in() {
    if !support::on_server() {
        eprintln!("skipped: a server backup needs PETROMAKS_TEST_PG (scripts/with-postgres)");
        return;
    }
    let mut o = support::office();
    let admin = o.admin.clone();
    demo::generate(&mut o.db, &admin, monday(), 60, 7).expect("demo");
    let out = o.dir().join("kantor-backup.sqlite");
    let said = support::cli_ok(
        &o.db_arg(),
        &[
            "--as",
            "admin",
            "backup",
            "--out",
            out.to_str().expect("path"),
        ],
    );
    assert!(said.contains("integrity ok"), "{said}");
    let file = Db::open_file(&out).expect("the backup opens as a register");
    assert!(audit::verify(&file, &admin, &[]).expect("verify").ok);
    same_rows(&o.db, &file);
    drop(file);

    let back = server_register();
    let said = support::cli_ok(
        &back.db_arg(),
        &[
            "server",
            "move-in",
            "--from",
            out.to_str().expect("path"),
            &back.db_arg(),
        ],
    );
    assert!(said.contains("audit chain intact"), "{said}");
    let mut again = Db::open(&back.address).expect("the new server register");
    same_rows(&o.db, &again);
    next_numbers_continue(&mut again, &counters(&o.db));
}
