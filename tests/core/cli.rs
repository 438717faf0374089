//! The command line takes one case from a new register to `delivered` (through the van: the generic step
//! refuses the delivery steps) and prints its documents; demo data fills every status.

use petromaks::db::Db;

use crate::support::{self, cli_err, cli_ok, pdf_text};

fn register_args(nik: &str, name: &str) -> Vec<String> {
    [
        "--as",
        "rina",
        "--json",
        "case",
        "register",
        "--nik",
        nik,
        "--name",
        name,
        "--birth-place",
        "Palembang",
        "--address",
        "Jl. Merdeka No. 7",
        "--village",
        "16.07.01.2001",
        "--type",
        "SIPD",
        "--received",
        "all",
        "--field",
        "tempat_praktik=Klinik Mitra Sehat",
        "--field",
        "alamat_praktik=Jl. Lintas Timur KM 18",
        "--field",
        "jam_praktik=16.00–21.00 WIB",
        "--field",
        "nomor_str=3321100223145678",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

#[test]
fn the_cli_walks_a_case_to_delivered_and_prints_its_documents() {
    let scratch = support::register::for_init();
    let arg = scratch.db_arg();
    let db = arg.as_str();
    let dir = scratch.dir.path();
    cli_ok(db, &["init", "--admin-password", "kata-sandi-admin"]);
    for (user, role) in [
        ("rina", "clerk"),
        ("hendra", "verifier"),
        ("kadis", "signer"),
        ("joko", "courier"),
    ] {
        cli_ok(
            db,
            &[
                "--as",
                "admin",
                "user",
                "add",
                user,
                "--name",
                user,
                "--role",
                role,
                "--password",
                "kata-sandi-staf",
            ],
        );
    }
    let args = register_args("1607014508900001", "Zoë Ñandú O'Neil Nguyễn");
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = cli_ok(db, &args);
    let registered: serde_json::Value = serde_json::from_str(&out).expect("json");
    let reg = registered["case"]["registration_number"]
        .as_str()
        .expect("reg")
        .to_string();
    assert_eq!(reg, "REG-2026-000001");
    assert_eq!(registered["created"], true);

    let receipt = dir.join("receipt.pdf");
    cli_ok(
        db,
        &[
            "print",
            "receipt",
            &reg,
            "--out",
            receipt.to_str().expect("path"),
        ],
    );
    let text = pdf_text(&receipt);
    assert!(text.contains(&reg), "{text}");
    for item in [
        "Surat permohonan",
        "Fotokopi KTP",
        "Pas foto 4x6",
        "Fotokopi STR yang masih berlaku",
        "Rekomendasi organisasi profesi (IDI)",
        "Surat pernyataan tempat praktik",
        "Surat keterangan sehat",
    ] {
        assert!(text.contains(item), "receipt lacks {item}: {text}");
    }

    for (user, to) in [
        ("hendra", "verified"),
        ("hendra", "in_review"),
        ("kadis", "approved"),
        ("kadis", "issued"),
    ] {
        cli_ok(db, &["--as", user, "case", "move", &reg, "--to", to]);
    }
    // The generic step refuses the delivery steps, naming the right one.
    let err = cli_err(
        db,
        &[
            "--as",
            "joko",
            "case",
            "move",
            &reg,
            "--to",
            "out_for_delivery",
        ],
    );
    assert!(err.contains("only through its own step"), "{err}");
    let trip: serde_json::Value = serde_json::from_str(&cli_ok(
        db,
        &[
            "--as",
            "rina",
            "--json",
            "trip",
            "create",
            "--date",
            "2026-11-25",
            "--vehicle",
            "BG 1234 XY",
            "--crew",
            "joko",
            "--villages",
            "16.07.01.2001",
        ],
    ))
    .expect("json");
    let trip = trip["trip"].to_string();
    cli_ok(db, &["--as", "rina", "trip", "add", &trip, &reg]);
    cli_ok(db, &["--as", "joko", "trip", "start", &trip]);
    cli_ok(
        db,
        &[
            "--as",
            "joko",
            "trip",
            "record",
            &trip,
            &reg,
            "--outcome",
            "holder",
            "--nik",
            "1607014508900001",
        ],
    );
    let shown: serde_json::Value =
        serde_json::from_str(&cli_ok(db, &["--json", "case", "show", &reg])).expect("json");
    assert_eq!(shown["case"]["status"], "delivered");
    let actions: Vec<&str> = shown["events"]
        .as_array()
        .expect("events")
        .iter()
        .map(|e| e["action"].as_str().expect("action"))
        .collect();
    assert_eq!(
        actions,
        [
            "registered",
            "status",
            "status",
            "status",
            "status",
            "trip_assigned",
            "status",
            "status",
            "handed_over"
        ]
    );
    let number = shown["case"]["permit_number"]
        .as_str()
        .expect("number")
        .to_string();
    assert_eq!(number, "503/0001/SIPD/DPMPTSP/XI/2026");

    let cert = dir.join("certificate.pdf");
    cli_ok(
        db,
        &[
            "--as",
            "joko",
            "print",
            "certificate",
            &reg,
            "--out",
            cert.to_str().expect("path"),
        ],
    );
    let text = pdf_text(&cert);
    for want in [
        "Zoë Ñandú O'Neil Nguyễn",
        number.as_str(),
        "23 November 2031",
        "SURAT IZIN PRAKTIK DOKTER",
        "19691111 200212 1 002",
        "Klinik Mitra Sehat",
    ] {
        assert!(text.contains(want), "certificate lacks {want:?}: {text}");
    }
    let list: serde_json::Value =
        serde_json::from_str(&cli_ok(db, &["--json", "case", "list"])).expect("json");
    assert_eq!(list.as_array().expect("list").len(), 1);

    let backup = dir.join("backup.sqlite");
    cli_ok(
        db,
        &[
            "--as",
            "admin",
            "backup",
            "--out",
            backup.to_str().expect("path"),
        ],
    );
    // A backup is a register file on either engine (a server's is its SQLite snapshot).
    let copy = Db::open_read_only(&backup).expect("open backup");
    assert_eq!(
        support::count(&copy, "SELECT count(*) FROM case_events", &[]),
        10,
        "nine steps and the logged print of the original"
    );
}

#[test]
fn demo_fills_every_status() {
    let scratch = support::register::for_init();
    let arg = scratch.db_arg();
    let db = arg.as_str();
    cli_ok(db, &["init", "--admin-password", "kata-sandi-admin"]);
    let err = cli_err(db, &["demo", "--cases", "22"]);
    assert!(err.contains("--as"), "demo is the admin's: {err}");
    cli_ok(db, &["--as", "admin", "demo", "--cases", "22"]);
    let list: serde_json::Value =
        serde_json::from_str(&cli_ok(db, &["--json", "case", "list", "--limit", "100"]))
            .expect("json");
    let statuses: std::collections::BTreeSet<&str> = list
        .as_array()
        .expect("list")
        .iter()
        .map(|c| c["status"].as_str().expect("status"))
        .collect();
    assert_eq!(statuses.len(), 11, "{statuses:?}");
}
