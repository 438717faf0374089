//! Hostile input gets a clear message and leaves the database content exactly as it was.

use crate::support::{self, cli_err, cli_ok};

fn register_args<'a>(nik: &'a str, name: &'a str, ty: &'a str) -> Vec<&'a str> {
    vec![
        "--as",
        "rina",
        "case",
        "register",
        "--nik",
        nik,
        "--name",
        name,
        "--birth-place",
        "Palembang",
        "--address",
        "Jl. Merdeka 7",
        "--type",
        ty,
        "--received",
        "all",
        "--field",
        "tempat_praktik=Klinik",
        "--field",
        "alamat_praktik=Jl. A",
        "--field",
        "jam_praktik=16-21",
        "--field",
        "nomor_str=123",
    ]
}

#[test]
fn hostile_input_changes_nothing() {
    let o = support::office();
    let db = o.db_arg();
    let db = db.as_str();
    let ok = cli_ok(
        db,
        &register_args("1607014508900001", "Siti Aminah", "SIPD"),
    );
    assert!(ok.contains("REG-2026-000001"));
    let long_name = "A".repeat(10_000);
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            register_args("160701450890001", "Budi", "SIPD"),
            "16 digits",
        ),
        (
            register_args("1607017208900001", "Budi", "SIPD"),
            "impossible",
        ),
        (
            register_args("1607011513900001", "Budi", "SIPD"),
            "impossible",
        ),
        (
            register_args("1607014508900001", "Budi", "NOPE"),
            "unknown permit type",
        ),
        (
            register_args("1607010508900002", &long_name, "SIPD"),
            "too long",
        ),
        // A NIK the register knows: what was typed is still checked.
        (
            register_args("1607014508900001", &long_name, "SIPD"),
            "too long",
        ),
        (
            register_args("1607010508900005", "王小明", "SIPD"),
            "cannot print",
        ),
        (
            register_args("1607010508900005", "Budi \u{202e}Santoso", "SIPD"),
            "U+202E",
        ),
        (
            vec![
                "--as",
                "rina",
                "case",
                "move",
                "REG-2026-000001",
                "--to",
                "issued",
            ],
            "cannot become issued",
        ),
        (
            vec![
                "--as",
                "rina",
                "case",
                "move",
                "REG-2026-000001",
                "--to",
                "verified",
            ],
            "may not",
        ),
        (
            vec![
                "--as",
                "hendra",
                "case",
                "move",
                "REG-2026-000001",
                "--to",
                "returned",
            ],
            "needs a reason",
        ),
        (
            vec![
                "--as",
                "nobody",
                "case",
                "move",
                "REG-2026-000001",
                "--to",
                "verified",
            ],
            "user not found",
        ),
        (
            vec!["case", "move", "REG-2026-000001", "--to", "verified"],
            "--as",
        ),
    ];
    for (args, message) in cases {
        let before = o.fingerprint();
        let err = cli_err(db, &args);
        assert!(
            err.contains(message),
            "{message:?} not in {err:?} for {:?}",
            &args[..args.len().min(8)]
        );
        assert_eq!(o.fingerprint(), before, "{args:?} changed the database");
    }

    // SQL and HTML in a name are stored and shown as the text that was typed.
    for name in ["\"; DROP TABLE cases; --", "<img src=x onerror=alert(1)>"] {
        let nik = if name.starts_with('"') {
            "1607010508900003"
        } else {
            "1607010508900004"
        };
        cli_ok(db, &register_args(nik, name, "SIPD"));
        let shown: serde_json::Value =
            serde_json::from_str(&cli_ok(db, &["--json", "applicant", "show", nik])).expect("json");
        assert_eq!(shown["applicant"]["name"], name);
    }
    assert_eq!(
        o.count("SELECT count(*) FROM cases", &[]),
        3,
        "the cases table is still there"
    );
}

#[test]
fn the_cli_s_generic_step_refuses_the_delivery_steps_and_changes_nothing() {
    let mut o = support::office();
    o.issued_case("1607014508900001", "Siti Aminah");
    let arg = o.db_arg();
    let before = o.fingerprint();
    for (user, to) in [
        ("rina", "picked_up"),
        ("joko", "out_for_delivery"),
        ("joko", "delivered"),
        ("rina", "out_for_delivery"),
    ] {
        let err = cli_err(
            &arg,
            &["--as", user, "case", "move", "REG-2026-000001", "--to", to],
        );
        assert!(
            err.contains("only through its own step") || err.contains("cannot become"),
            "{to}: {err}"
        );
        assert_eq!(o.fingerprint(), before, "--to {to} changed the register");
    }
    let err = cli_err(
        &arg,
        &[
            "--as",
            "rina",
            "case",
            "move",
            "REG-2026-000001",
            "--to",
            "picked_up",
        ],
    );
    assert!(
        err.contains("at the counter"),
        "names the counter step: {err}"
    );
    let out = cli_ok(
        &arg,
        &[
            "--as",
            "rina",
            "collect",
            "REG-2026-000001",
            "--nik",
            "1607014508900001",
        ],
    );
    assert!(out.contains("picked_up"), "{out}");
}
