//! What the office server refuses (runs with `PETROMAKS_TEST_PG`): a wrong password, an unreachable host,
//! a register of a newer schema, a database of another program, an empty database — each with its code and
//! a message that says what to do, through the core and the CLI, and nothing written. And the desks' role
//! that `server init --app-password` makes: it works the register, but cannot rewrite the audit trail or
//! change the schema.

use petromaks::db::probe::{probe, Verdict};
use petromaks::db::{latest_version, Address, Db};

use crate::support::{self, cli_err, cli_ok, refused, register};

/// `url` with its password replaced by `password`.
fn with_password(url: &str, user: &str, password: &str) -> String {
    let rest = url.split_once("://").expect("a URL").1;
    let host = rest.rsplit_once('@').map(|(_, h)| h).unwrap_or(rest);
    format!("postgres://{user}:{password}@{host}")
}

fn user_of(url: &str) -> String {
    let rest = url.split_once("://").expect("a URL").1;
    let auth = rest.rsplit_once('@').expect("a user").0;
    auth.split(':').next().expect("user").to_string()
}

/// The table names of a server database, read with the owner's own client.
fn tables(url: &str) -> Vec<String> {
    let mut c = postgres::Client::connect(url, postgres::NoTls).expect("connect as the owner");
    c.query(
        "SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
        &[],
    )
    .expect("tables")
    .iter()
    .map(|r| r.get(0))
    .collect()
}

fn skip() -> bool {
    if support::on_server() {
        return false;
    }
    eprintln!("skipped: the server's refusals run with PETROMAKS_TEST_PG (scripts/with-postgres)");
    true
}

/// A command that would write: registering an application.
const REGISTER: &[&str] = &[
    "--as",
    "rina",
    "case",
    "register",
    "--nik",
    "1607014508900001",
    "--name",
    "Siti Aminah",
    "--birth-place",
    "Palembang",
    "--address",
    "Jl. Uji",
    "--type",
    "SKP",
    "--received",
    "all",
    "--field",
    "judul=Uji",
    "--field",
    "instansi=Unsri",
    "--field",
    "lokasi=Betung",
    "--field",
    "waktu=1 bulan",
];

#[test]
fn a_wrong_password_is_refused_as_auth_and_writes_nothing() {
    if skip() {
        return;
    }
    let o = support::office();
    let before = o.fingerprint();
    let url = o.db_arg();
    let wrong = with_password(&url, &user_of(&url), "bukan-sandinya");
    let e = refused(Db::open(&Address::Server(wrong.clone())), "auth");
    // The window's connection test says the same, and names no password either.
    let p = probe(&Address::Server(wrong.clone()));
    assert_eq!(p.verdict, Verdict::WrongPassword, "{}", p.detail);
    assert!(!p.detail.contains("bukan-sandinya"), "{}", p.detail);
    let m = e.to_string();
    assert!(
        m.contains("refused the password") && !m.contains("bukan-sandinya"),
        "{m}"
    );
    let err = cli_err(&wrong, REGISTER);
    assert!(
        err.contains("refused the password of its database account"),
        "{err}"
    );
    assert!(
        !err.contains("bukan-sandinya"),
        "the password is never shown: {err}"
    );
    assert_eq!(o.fingerprint(), before);
}

#[test]
fn an_unreachable_server_is_refused_as_db_unavailable() {
    if skip() {
        return;
    }
    // Port 1 on this computer: nothing listens, so the connection is refused at once.
    let url = "postgres://petromaks:sandi@127.0.0.1:1/petromaks";
    let started = std::time::Instant::now();
    let e = refused(Db::open(&Address::Server(url.into())), "db_unavailable");
    assert_eq!(
        probe(&Address::Server(url.into())).verdict,
        Verdict::Unreachable
    );
    assert!(e.to_string().contains("cannot be reached"), "{e}");
    assert!(!e.to_string().contains("sandi"), "{e}");
    let err = cli_err(url, &["case", "list"]);
    assert!(err.contains("cannot be reached"), "{err}");
    println!(
        "an unreachable server is reported in {:.1} s",
        started.elapsed().as_secs_f64()
    );
}

#[test]
fn a_register_of_a_newer_schema_is_refused_as_corrupt_and_left_alone() {
    if skip() {
        return;
    }
    let o = support::office();
    let before = o.fingerprint();
    let newer = latest_version() as i64 + 1;
    o.db.execute("UPDATE petromaks_schema SET version = ?1", &[&newer])
        .expect("raise the version as the owner");
    let e = refused(Db::open(&o.scratch.address), "corrupt");
    assert!(e.to_string().contains("newer Petromaks"), "{e}");
    assert_eq!(probe(&o.scratch.address).verdict, Verdict::Newer);
    let err = cli_err(&o.db_arg(), REGISTER);
    assert!(err.contains("newer Petromaks"), "{err}");
    let err = cli_err(&o.db_arg(), &["server", "init", &o.db_arg()]);
    assert!(
        err.contains("newer Petromaks"),
        "server init never downgrades: {err}"
    );
    let v: i64 =
        o.db.value("SELECT version FROM petromaks_schema", &[])
            .expect("v");
    assert_eq!(v, newer, "nothing was migrated back");
    o.db.execute(
        "UPDATE petromaks_schema SET version = ?1",
        &[&(latest_version() as i64)],
    )
    .expect("lower it again");
    assert_eq!(o.fingerprint(), before);
}

#[test]
fn a_database_of_another_program_is_refused_as_corrupt_and_left_alone() {
    if skip() {
        return;
    }
    let s = register::empty();
    let url = s.db_arg();
    let mut c = postgres::Client::connect(&url, postgres::NoTls).expect("connect");
    c.batch_execute(
        "CREATE TABLE invoices (id BIGINT PRIMARY KEY, total NUMERIC NOT NULL);
         INSERT INTO invoices VALUES (1, 125000.50);",
    )
    .expect("another program's table");
    let e = refused(Db::open(&s.address), "corrupt");
    assert!(e.to_string().contains("not a Petromaks register"), "{e}");
    assert_eq!(probe(&s.address).verdict, Verdict::NotRegister);
    refused(Db::create(&s.address), "conflict");
    let err = cli_err(&url, REGISTER);
    assert!(err.contains("not a Petromaks register"), "{err}");
    let err = cli_err(&url, &["server", "init", &url]);
    assert!(err.contains("not a Petromaks register"), "{err}");
    let err = cli_err(&url, &["init", "--admin-password", "rahasia-kantor-1"]);
    assert!(err.contains("not a Petromaks register"), "{err}");
    assert_eq!(
        tables(&url),
        vec!["invoices".to_string()],
        "nothing was added"
    );
    let total: String = c
        .query_one("SELECT total::text FROM invoices WHERE id = 1", &[])
        .expect("row")
        .get(0);
    assert_eq!(total, "125000.50");
}

#[test]
fn an_empty_database_is_not_found_and_names_server_init() {
    if skip() {
        return;
    }
    let s = register::empty();
    let url = s.db_arg();
    let e = refused(Db::open(&s.address), "not_found");
    assert!(e.to_string().contains("petromaks server init"), "{e}");
    assert_eq!(probe(&s.address).verdict, Verdict::Empty);
    let err = cli_err(&url, &["case", "list"]);
    assert!(err.contains("petromaks server init"), "{err}");
    let err = cli_err(&url, REGISTER);
    assert!(err.contains("petromaks server init"), "{err}");
    assert!(tables(&url).is_empty(), "nothing was created");
}

#[test]
fn the_desks_role_works_the_register_but_cannot_rewrite_history_or_the_schema() {
    if skip() {
        return;
    }
    let s = register::empty();
    let owner = s.db_arg();
    let role = format!("petromaks_app_{}", std::process::id());
    let password = "sandi-loket-2026";
    let said = cli_ok(
        &owner,
        &[
            "server",
            "init",
            &owner,
            "--app-role",
            &role,
            "--app-password",
            password,
        ],
    );
    assert!(said.contains(&format!("desks connect as {role}")), "{said}");
    // The office is set up and worked by the desks' role itself.
    let app = with_password(&owner, &role, password);
    let db = Db::open(&Address::Server(app.clone())).expect("the desks' role opens the register");
    let mut o = support::set_up(db, support::Scratch::at(Address::Server(app.clone())));
    let id = o.register(&support::sipd("1607014508900001", "dr. Siti Rahmawati"));
    o.issue(id);
    let before = o.fingerprint();

    let mut c =
        postgres::Client::connect(&app, postgres::NoTls).expect("connect as the desks' role");
    for sql in [
        "UPDATE case_events SET reason = 'rewritten'",
        "DELETE FROM case_events",
        "UPDATE admin_events SET detail = 'rewritten'",
        "DELETE FROM admin_events",
        "TRUNCATE case_events",
        "CREATE TABLE notes (x TEXT)",
        "ALTER TABLE cases ADD COLUMN secret TEXT",
        "DROP TABLE trips",
        "UPDATE petromaks_schema SET version = 99",
        "DELETE FROM villages",
    ] {
        let e = c
            .batch_execute(sql)
            .expect_err(&format!("the desks' role may not: {sql}"));
        let code = e.code().map(|c| c.code().to_string());
        assert!(
            code.as_deref() == Some("42501"),
            "{sql}: expected insufficient privilege, got {code:?}: {e}"
        );
    }
    drop(c);
    assert_eq!(o.fingerprint(), before, "nothing was changed");
    let v = petromaks::audit::verify(&o.db, &o.admin, &[]).expect("verify");
    assert!(v.ok);
    drop(o);
    // The owner can still read the new tables' absence.
    assert!(!tables(&owner).contains(&"notes".to_string()));
}
