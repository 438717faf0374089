//! Certificates and receipts as real PDFs: extractable text, any name, deterministic bytes.

use petromaks::{documents, print};

use crate::support::{self, monday, pdf_text, refused};

#[test]
fn certificates_print_any_name_and_the_same_bytes_twice() {
    let mut o = support::office();
    let dir = tempfile::tempdir().expect("dir");
    for (i, name) in [
        "Zoë Ñandú",
        "O'Neil",
        "Nguyễn Thị Minh Khai",
        "dr. Siti Rahmawati Harahap, Sp.OG",
    ]
    .iter()
    .enumerate()
    {
        let id = o.issued_case(&format!("16070145089000{:02}", i + 1), name);
        let doc = documents::certificate_doc(&o.db, id, false).expect("doc");
        let a = print::certificate_pdf(&doc, monday()).expect("pdf");
        let b = print::certificate_pdf(&doc, monday()).expect("pdf");
        assert_eq!(a, b, "same input and clock, same bytes");
        let path = dir.path().join(format!("c{i}.pdf"));
        std::fs::write(&path, &a).expect("write");
        let text = pdf_text(&path);
        assert!(text.contains(name), "{name} missing: {text}");
        assert!(
            text.contains("Izin ini berlaku sampai dengan tanggal 23 November 2031"),
            "{text}"
        );
    }
}

#[test]
fn a_case_before_verification_has_no_certificate() {
    let mut o = support::office();
    let id = o.register(&support::sipd("1607014508900001", "Ayu"));
    let signer = o.signer.clone();
    let before = o.fingerprint();
    refused(
        documents::print_certificate(&mut o.db, &signer, monday(), id, false),
        "transition",
    );
    assert_eq!(o.fingerprint(), before);
    let receipt = documents::receipt(&o.db, id, monday()).expect("the receipt prints again");
    let path = o.dir().join("receipt.pdf");
    std::fs::write(&path, &receipt).expect("write");
    assert!(pdf_text(&path).contains("REG-2026-000001"));
}
