//! Hostile input gets a clear message and leaves the database content exactly as it was.

use crate::support::{self, cli_err, cli_ok, fingerprint};

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
    let db = o.path.clone();
    drop(o.conn);
    let ok = cli_ok(
        &db,
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
        let before = fingerprint(&db);
        let err = cli_err(&db, &args);
        assert!(
            err.contains(message),
            "{message:?} not in {err:?} for {:?}",
            &args[..args.len().min(8)]
        );
        assert_eq!(fingerprint(&db), before, "{args:?} changed the database");
    }

    // SQL and HTML in a name are stored and shown as the text that was typed.
    for name in ["\"; DROP TABLE cases; --", "<img src=x onerror=alert(1)>"] {
        let nik = if name.starts_with('"') {
            "1607010508900003"
        } else {
            "1607010508900004"
        };
        cli_ok(&db, &register_args(nik, name, "SIPD"));
        let shown: serde_json::Value =
            serde_json::from_str(&cli_ok(&db, &["--json", "applicant", "show", nik]))
                .expect("json");
        assert_eq!(shown["applicant"]["name"], name);
    }
    let conn = rusqlite::Connection::open(&db).expect("open");
    let n: i64 = conn
        .query_row("SELECT count(*) FROM cases", [], |r| r.get(0))
        .expect("cases table still there");
    assert_eq!(n, 3);
}
