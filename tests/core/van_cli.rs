//! `petromaks trip|pickup|survey|dashboard`: the van from the command line, and refusals that change nothing.

use crate::delivery::{issued_in, VILLAGES};
use crate::support::{self, cli_err, cli_ok, pdf_text};

#[test]
fn a_trip_from_the_command_line() {
    let mut o = support::office();
    let a = issued_in(&mut o, 1, "dr. Siti Rahmawati", VILLAGES[0]);
    let b = issued_in(&mut o, 2, "dr. Nur Aisyah", VILLAGES[1]);
    let c = issued_in(&mut o, 3, "dr. Rina Kartika", VILLAGES[2]);
    let db = o.db_arg();
    let db = db.as_str();
    let villages = VILLAGES.join(",");
    let out = cli_ok(
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
            &villages,
        ],
    );
    let trip: serde_json::Value = serde_json::from_str(&out).expect("json");
    let trip = trip["trip"].to_string();
    let (a, b, c) = (a.0.to_string(), b.0.to_string(), c.0.to_string());
    cli_ok(db, &["--as", "rina", "trip", "add", &trip, &a, &b]);
    cli_ok(
        db,
        &[
            "--as",
            "rina",
            "trip",
            "add",
            &trip,
            "--village",
            VILLAGES[2],
        ],
    );
    let demand = cli_ok(db, &["trip", "suggest"]);
    assert!(
        demand.trim().is_empty(),
        "every waiting permit is on the trip: {demand}"
    );
    cli_ok(db, &["--as", "joko", "trip", "start", &trip]);

    let dir = tempfile::tempdir().expect("dir");
    let pdf = dir.path().join("manifest.pdf");
    cli_ok(
        db,
        &[
            "trip",
            "manifest",
            &trip,
            "--out",
            pdf.to_str().expect("path"),
        ],
    );
    assert!(pdf_text(&pdf).contains("Pemberhentian 3: Desa/Kel. Sungai Gerong"));

    cli_ok(
        db,
        &[
            "--as",
            "joko",
            "trip",
            "record",
            &trip,
            &a,
            "--outcome",
            "holder",
            "--nik",
            "1607014508900001",
        ],
    );
    let before = o.fingerprint();
    let err = cli_err(
        db,
        &[
            "--as",
            "joko",
            "trip",
            "record",
            &trip,
            &b,
            "--outcome",
            "proxy",
            "--name",
            "Budi Santoso",
            "--nik",
            "1234",
            "--relation",
            "suami",
            "--letter",
            "SK/07",
        ],
    );
    assert!(err.contains("the proxy's NIK is not valid"), "{err}");
    let err = cli_err(
        db,
        &[
            "--as",
            "joko",
            "trip",
            "record",
            &trip,
            &b,
            "--outcome",
            "lost",
        ],
    );
    let err2 = cli_err(
        db,
        &["--as", "joko", "case", "move", &b, "--to", "delivered"],
    );
    assert!(err2.contains("only through its own step"), "{err2}");
    assert!(
        err.contains("expected one of not_home, address_not_found, refused"),
        "{err}"
    );
    assert_eq!(o.fingerprint(), before);
    cli_ok(
        db,
        &[
            "--as",
            "joko",
            "trip",
            "record",
            &trip,
            &b,
            "--outcome",
            "proxy",
            "--name",
            "Budi Santoso",
            "--nik",
            "1607011203850007",
            "--relation",
            "suami",
            "--letter",
            "SK/07",
        ],
    );
    cli_ok(
        db,
        &[
            "--as",
            "joko",
            "trip",
            "record",
            &trip,
            &c,
            "--outcome",
            "refused",
            "--note",
            "izin salah nama",
        ],
    );
    cli_ok(db, &["--as", "joko", "trip", "close", &trip]);
    let before = o.fingerprint();
    let err = cli_err(
        db,
        &[
            "--as",
            "joko",
            "trip",
            "record",
            &trip,
            &c,
            "--outcome",
            "holder",
            "--nik",
            "1607014508900003",
        ],
    );
    assert!(err.contains("is closed"), "{err}");
    assert_eq!(o.fingerprint(), before);

    let show: serde_json::Value =
        serde_json::from_str(&cli_ok(db, &["--json", "trip", "show", &trip])).expect("json");
    assert_eq!(show["stops"][0]["permits"][0]["outcome"], "holder");
    assert_eq!(show["stops"][1]["permits"][0]["relation"], "suami");
    assert_eq!(show["stops"][2]["permits"][0]["fail_reason"], "refused");
    assert!(cli_ok(db, &["trip", "list"]).contains("closed"));
    assert!(cli_ok(db, &["trip", "list", "--around"]).contains("closed"));
    assert!(cli_ok(db, &["dashboard", "undelivered"]).contains("Sungai Gerong"));
    // The window's whole screen from the same core call, with its limits decided there.
    let all: serde_json::Value =
        serde_json::from_str(&cli_ok(db, &["--json", "dashboard", "all", "--days", "90"]))
            .expect("json");
    assert_eq!(all["days"], 90);
    assert!(
        all["trips"].as_array().is_some_and(|t| !t.is_empty()),
        "{all}"
    );
    for days in ["0", "3661", "4000000000"] {
        let err = cli_err(db, &["--json", "dashboard", "expiring", "--days", days]);
        assert!(err.contains("\"invalid\""), "{days}: {err}");
    }

    assert!(cli_ok(db, &["trip", "pool"]).contains("1 failed attempt(s)"));
    let err = cli_err(
        db,
        &["--as", "rina", "collect", &c, "--nik", "1607014508900001"],
    );
    assert!(err.contains("does not match the permit holder"), "{err}");
    assert!(cli_ok(
        db,
        &["--as", "rina", "collect", &c, "--nik", "1607014508900003"]
    )
    .contains("picked_up"));
    cli_ok(
        db,
        &["--as", "joko", "survey", "record", &a, "4,4,3,4,3,3,4,3,3"],
    );
    let report = cli_ok(
        db,
        &[
            "survey",
            "report",
            "--from",
            "2026-11-01",
            "--to",
            "2026-11-30",
        ],
    );
    assert!(
        report.contains("IKM 86.11 (B) from 1 responses"),
        "{report}"
    );

    cli_ok(
        db,
        &[
            "--as",
            "rina",
            "pickup",
            "request",
            "--name",
            "Sukarman",
            "--village",
            VILLAGES[0],
            "--purpose",
            "SIUP baru",
        ],
    );
    assert!(cli_ok(db, &["pickup", "list"]).contains("Sukarman"));
    assert!(cli_ok(db, &["trip", "suggest"]).contains("1 requests"));
}
