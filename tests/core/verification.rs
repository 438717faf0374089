//! The certificate's QR code verified offline: genuine, tampered, unknown key, expired, revoked; the key
//! every database is created with, its export, and revocation rules.

use chrono::NaiveDate;
use petromaks::documents::verification::{self, Verdict};
use petromaks::{documents, print};

use crate::support::{self, monday, refused};

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
}

#[test]
fn every_database_gets_its_own_signing_key() {
    // Each made from nothing, as an office's register is (the server's test copies share one key).
    let a = support::office_own_key();
    let b = support::office_own_key();
    let ka = verification::known_keys(&a.db).expect("keys");
    let kb = verification::known_keys(&b.db).expect("keys");
    assert_eq!(ka.len(), 1);
    assert_eq!(ka[0].key_id.len(), 8);
    assert_ne!(ka, kb, "two offices never share a key");
    let exported = verification::export_public_key(&a.db).expect("export");
    assert_eq!(
        verification::parse_public_key(&exported).expect("parse"),
        ka[0]
    );
    assert!(!exported.contains("secret"), "{exported}");
}

#[test]
fn the_qr_payload_tells_genuine_from_tampered_foreign_expired_and_revoked() {
    let mut o = support::office();
    let id = o.issued_case("1607014508900001", "dr. Siti Rahmawati");
    let doc = documents::certificate_doc(&o.db, id, false).expect("doc");
    let payload = doc.qr_payload.clone();
    assert!(payload.starts_with("PMK1."), "{payload}");
    assert!(payload.len() < 300, "fits a small QR: {}", payload.len());
    let today = day("2026-11-23");

    let v = verification::verify(&o.db, &payload, today).expect("verify");
    assert_eq!(v.verdict, Verdict::Genuine, "{}", v.message);
    let claim = v.claim.expect("claim");
    assert_eq!(claim.holder_name, "dr. Siti Rahmawati");
    assert_eq!(claim.masked_nik, "160701******0001");
    assert_eq!(claim.permit_type, "SIPD");
    assert_eq!(claim.valid_until.as_deref(), Some("2031-11-23"));

    // One character changed anywhere: in the signed content, in the signature, or in the tag.
    for at in [8, payload.len() / 2, payload.len() - 3, 1] {
        let mut bytes = payload.clone().into_bytes();
        bytes[at] = if bytes[at] == b'A' { b'B' } else { b'A' };
        let edited = String::from_utf8(bytes).expect("ascii");
        let v = verification::verify(&o.db, &edited, today).expect("verify");
        assert!(
            matches!(v.verdict, Verdict::Tampered | Verdict::UnknownKey),
            "edit at {at}: {:?}",
            v.verdict
        );
    }
    let mut bytes = payload.clone().into_bytes();
    bytes[8] = if bytes[8] == b'A' { b'B' } else { b'A' };
    let v = verification::verify(&o.db, &String::from_utf8(bytes).expect("ascii"), today)
        .expect("verify");
    assert_eq!(v.verdict, Verdict::Tampered);
    assert_eq!(
        verification::verify(&o.db, "hello", today)
            .expect("verify")
            .verdict,
        Verdict::Tampered
    );

    // The same permit data signed by another office's key.
    let mut other = support::office_own_key();
    let foreign_id = other.issued_case("1607014508900001", "dr. Siti Rahmawati");
    let foreign = documents::certificate_doc(&other.db, foreign_id, false)
        .expect("doc")
        .qr_payload;
    let v = verification::verify(&o.db, &foreign, today).expect("verify");
    assert_eq!(v.verdict, Verdict::UnknownKey, "{}", v.message);

    // With the other office's exported key, and nothing else, its permit verifies.
    let key = verification::parse_public_key(
        &verification::export_public_key(&other.db).expect("export"),
    )
    .expect("parse");
    let v = verification::verify_with(&foreign, &[key], today, &|_| None);
    assert_eq!(v.verdict, Verdict::Genuine);

    let v = verification::verify(&o.db, &payload, day("2031-11-24")).expect("verify");
    assert_eq!(v.verdict, Verdict::Expired, "{}", v.message);
    let v = verification::verify(&o.db, &payload, day("2031-11-23")).expect("verify");
    assert_eq!(v.verdict, Verdict::Genuine, "valid through its last day");

    let number = claim.permit_number.clone();
    let signer = o.signer.clone();
    verification::revoke(&mut o.db, &signer, monday(), &number, "Praktik dipindahkan")
        .expect("revoke");
    let v = verification::verify(&o.db, &payload, today).expect("verify");
    assert_eq!(v.verdict, Verdict::Revoked);
    assert!(v.message.contains("Praktik dipindahkan"), "{}", v.message);
    let events = petromaks::audit::case_events(&o.db, id).expect("events");
    let last = events.last().expect("event");
    assert_eq!(last.action, "permit.revoke");
    assert_eq!(last.actor, "kadis");
}

#[test]
fn revocation_is_refused_cleanly() {
    let mut o = support::office();
    let id = o.issued_case("1607014508900001", "Ayu");
    let number = petromaks::cases::get(&o.db, id)
        .expect("case")
        .permit_number
        .expect("number");
    let before = o.fingerprint();
    let (clerk, signer) = (o.clerk.clone(), o.signer.clone());
    refused(
        verification::revoke(&mut o.db, &clerk, monday(), &number, "x"),
        "forbidden",
    );
    let e = refused(
        verification::revoke(&mut o.db, &signer, monday(), &number, "  "),
        "invalid",
    );
    assert_eq!(e.field(), Some("reason"));
    refused(
        verification::revoke(&mut o.db, &signer, monday(), "503/9999/X", "salah"),
        "not_found",
    );
    assert_eq!(o.fingerprint(), before, "nothing changed");
    verification::revoke(&mut o.db, &signer, monday(), &number, "salah cetak").expect("revoke");
    refused(
        verification::revoke(&mut o.db, &signer, monday(), &number, "lagi"),
        "conflict",
    );
}

#[test]
fn the_printed_qr_code_scans_to_the_signed_payload() {
    let mut o = support::office();
    let id = o.issued_case("1607014508900001", "Nguyễn Thị Minh Khai");
    let doc = documents::certificate_doc(&o.db, id, true).expect("doc");
    let dir = tempfile::tempdir().expect("dir");
    let pdf = dir.path().join("c.pdf");
    std::fs::write(&pdf, print::certificate_pdf(&doc, monday()).expect("pdf")).expect("write");
    let png = dir.path().join("page");
    let st = std::process::Command::new("pdftoppm")
        .args(["-png", "-r", "200", "-f", "1", "-l", "1", "-singlefile"])
        .arg(&pdf)
        .arg(&png)
        .status()
        .expect("pdftoppm");
    assert!(st.success());
    let out = std::process::Command::new("zbarimg")
        .args(["--raw", "-q"])
        .arg(png.with_extension("png"))
        .output()
        .expect("zbarimg (zbar-tools) is installed");
    let scanned = String::from_utf8(out.stdout).expect("utf-8");
    assert!(
        scanned.lines().any(|l| l == doc.qr_payload),
        "scanned {scanned:?}, printed {}",
        doc.qr_payload
    );
    let v = verification::verify(
        &o.db,
        scanned.lines().next().expect("line"),
        monday().date_naive(),
    )
    .expect("verify");
    assert_eq!(v.verdict, Verdict::Genuine);
}
