//! The command line takes one case from a fresh database to `delivered` and prints its documents.

use crate::support::{cli_ok, pdf_text};

#[test]
fn the_cli_walks_a_case_to_delivered_and_prints_its_documents() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("office.sqlite");
    let db = db.as_path();
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
    let out = cli_ok(
        db,
        &[
            "--as",
            "rina",
            "--json",
            "case",
            "register",
            "--nik",
            "1607014508900001",
            "--name",
            "Zoë Ñandú O'Neil Nguyễn",
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
        ],
    );
    let case: serde_json::Value = serde_json::from_str(&out).expect("json");
    let reg = case["registration_number"]
        .as_str()
        .expect("reg")
        .to_string();
    assert_eq!(reg, "REG-2026-000001");

    let receipt = dir.path().join("receipt.pdf");
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
        ("joko", "out_for_delivery"),
        ("joko", "delivered"),
    ] {
        cli_ok(db, &["--as", user, "case", "move", &reg, "--to", to]);
    }
    let shown: serde_json::Value =
        serde_json::from_str(&cli_ok(db, &["--json", "case", "show", &reg])).expect("json");
    assert_eq!(shown["case"]["status"], "delivered");
    assert_eq!(shown["events"].as_array().expect("events").len(), 7);
    let number = shown["case"]["permit_number"]
        .as_str()
        .expect("number")
        .to_string();
    assert_eq!(number, "503/0001/SIPD/DPMPTSP/XI/2026");

    let cert = dir.path().join("certificate.pdf");
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

    let backup = dir.path().join("backup.sqlite");
    cli_ok(db, &["backup", "--out", backup.to_str().expect("path")]);
    let copy = rusqlite::Connection::open(&backup).expect("open backup");
    let n: i64 = copy
        .query_row("SELECT count(*) FROM case_events", [], |r| r.get(0))
        .expect("events");
    assert_eq!(n, 8, "seven steps and the logged print of the original");
}

#[test]
fn demo_fills_every_status() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("demo.sqlite");
    cli_ok(&db, &["init", "--admin-password", "kata-sandi-admin"]);
    cli_ok(&db, &["--as", "admin", "demo", "--cases", "22"]);
    let list: serde_json::Value =
        serde_json::from_str(&cli_ok(&db, &["--json", "case", "list", "--limit", "100"]))
            .expect("json");
    let statuses: std::collections::BTreeSet<&str> = list
        .as_array()
        .expect("list")
        .iter()
        .map(|c| c["status"].as_str().expect("status"))
        .collect();
    assert_eq!(statuses.len(), 11, "{statuses:?}");
}
