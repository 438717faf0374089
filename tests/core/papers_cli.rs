//! The document commands of the CLI: verify, key export, revoke, print batch and labels, photo, logo; a
//! refused command exits non-zero and changes nothing.

use petromaks::documents;

use crate::support::{self, cli_err, cli_ok, pdf_text};

#[test]
fn the_cli_verifies_revokes_and_prints_batches() {
    let mut o = support::office();
    let id = o.issued_case("1607014508900001", "Ayu Lestari");
    o.issued_case("1607014508900002", "Budi Santoso");
    let payload = documents::certificate_doc(&o.db, id, true)
        .expect("doc")
        .qr_payload;
    let number = petromaks::cases::get(&o.db, id)
        .expect("case")
        .permit_number
        .expect("number");
    let db = o.db_arg();
    let db = db.as_str();
    let dir = tempfile::tempdir().expect("dir");
    let file = |name: &str| dir.path().join(name).to_string_lossy().into_owned();

    let v: serde_json::Value =
        serde_json::from_str(&cli_ok(db, &["--json", "verify", &payload])).expect("json");
    assert_eq!(v["verdict"], "genuine");
    assert_eq!(v["claim"]["holder_name"], "Ayu Lestari");
    let edited = payload.replacen("PMK1.", "PMK1.A", 1);
    assert!(cli_ok(db, &["verify", &edited]).starts_with("TAMPERED"));

    let key = file("kantor.pub");
    cli_ok(db, &["key", "export", "--out", &key]);
    // Another office's register, with its own key.
    let other = support::office_own_key();
    let other_db = other.db_arg();
    assert!(cli_ok(&other_db, &["verify", &payload]).starts_with("UNKNOWN_KEY"));
    assert!(cli_ok(&other_db, &["verify", &payload, "--key", &key]).starts_with("GENUINE"));

    let before = o.fingerprint();
    let err = cli_err(
        db,
        &["--as", "rina", "permit", "revoke", &number, "--reason", "x"],
    );
    assert!(err.contains("may not revoke"), "{err}");
    let err = cli_err(
        db,
        &["--as", "rina", "print", "batch", "--out", &file("b.pdf")],
    );
    assert!(err.contains("--village"), "{err}");
    let err = cli_err(
        db,
        &[
            "--as",
            "hendra",
            "print",
            "batch",
            "--village",
            "16.07.01.2001",
            "--out",
            &file("v.pdf"),
        ],
    );
    assert!(
        err.contains("may not print certificates in a batch"),
        "{err}"
    );
    let err = cli_err(
        db,
        &[
            "--as",
            "rina",
            "applicant",
            "photo",
            "1607014508900001",
            "--file",
            &key,
        ],
    );
    assert!(err.contains("PNG"), "{err}");
    let err = cli_err(
        db,
        &[
            "print",
            "certificate",
            "REG-2026-000001",
            "--out",
            &file("c.pdf"),
        ],
    );
    assert!(err.contains("--as"), "{err}");
    assert_eq!(o.fingerprint(), before, "refused commands changed nothing");

    let batch = file("batch.pdf");
    let out: serde_json::Value = serde_json::from_str(&cli_ok(
        db,
        &[
            "--json",
            "--as",
            "joko",
            "print",
            "batch",
            "--village",
            "16.07.01.2001",
            "--out",
            &batch,
        ],
    ))
    .expect("json");
    assert_eq!(out["certificates"], 2);
    let text = pdf_text(std::path::Path::new(&batch));
    assert!(
        text.contains("Ayu Lestari") && text.contains("Budi Santoso"),
        "{text}"
    );
    let labels = file("labels.pdf");
    cli_ok(
        db,
        &[
            "--as",
            "kadis",
            "print",
            "labels",
            "--from",
            "2026-11-01",
            "--to",
            "2026-11-30",
            "--out",
            &labels,
        ],
    );
    assert!(pdf_text(std::path::Path::new(&labels)).contains(&number));

    cli_ok(
        db,
        &[
            "--as",
            "kadis",
            "permit",
            "revoke",
            &number,
            "--reason",
            "Praktik pindah",
        ],
    );
    assert!(cli_ok(db, &["verify", &payload]).starts_with("REVOKED"));
}
