//! Printing through CUPS to the CUPS-PDF virtual printer `PDF` that `make test` sets up
//! (`scripts/ensure-cups-pdf`): ignored in a plain `cargo test`, which may run where there is no CUPS.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use petromaks::documents::verification::{self, Verdict};
use petromaks::documents::{self, printer};

use crate::support::{self, monday};

#[test]
#[ignore = "needs CUPS with the CUPS-PDF printer `PDF`: run by `make test`"]
fn a_certificate_printed_on_the_cups_pdf_printer_comes_out_whole() {
    let printers = printer::list().expect("lpstat");
    assert!(
        printers.names.iter().any(|n| n == "PDF"),
        "{printers:?}: run scripts/ensure-cups-pdf"
    );
    let mut o = support::office();
    let id = o.issued_case("1607014508900001", "Nguyễn Thị Minh Khai");
    let courier = o.courier.clone();
    let printed =
        documents::print_certificate(&mut o.db, &courier, monday(), id, true).expect("print");
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("sertifikat.pdf");
    std::fs::write(&file, &printed.pdf).expect("write");

    let title = format!("petromaks-test-{}", std::process::id());
    let e = printer::print_file(&file, Some("Tidak-Ada"), &title).expect_err("unknown printer");
    assert_eq!(e.code(), "invalid");
    let job = printer::print_file(&file, Some("PDF"), &title).expect("lp");
    assert!(job.contains("PDF-"), "{job}");

    let out_dir = PathBuf::from(std::env::var_os("HOME").expect("HOME")).join("PDF");
    let deadline = Instant::now() + Duration::from_secs(60);
    let found = loop {
        let hit = std::fs::read_dir(&out_dir).ok().and_then(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .find(|p| p.to_string_lossy().contains(&title))
        });
        // CUPS-PDF writes the file in place: wait until it has its end-of-file marker.
        if let Some(p) =
            hit.filter(|p| std::fs::read(p).is_ok_and(|b| b.windows(5).any(|w| w == b"%%EOF")))
        {
            break p;
        }
        assert!(
            Instant::now() < deadline,
            "no output in {}",
            out_dir.display()
        );
        std::thread::sleep(Duration::from_millis(200));
    };
    // CUPS-PDF prints through PostScript, which drops the fonts' Unicode maps: the printed file's text is
    // not extractable, so the page is checked the way a reader would, by scanning its QR code.
    let info = std::process::Command::new("pdfinfo")
        .arg(&found)
        .output()
        .expect("pdfinfo");
    let info = String::from_utf8_lossy(&info.stdout).into_owned();
    assert!(info.contains("Pages:           1"), "{info}");
    assert!(info.contains("595 x 842 pts (A4)"), "{info}");
    let png = dir.path().join("printed");
    let st = std::process::Command::new("pdftoppm")
        .args(["-png", "-r", "200", "-singlefile"])
        .arg(&found)
        .arg(&png)
        .status()
        .expect("pdftoppm");
    assert!(st.success());
    let scanned = std::process::Command::new("zbarimg")
        .args(["--raw", "-q"])
        .arg(png.with_extension("png"))
        .output()
        .expect("zbarimg");
    let scanned = String::from_utf8_lossy(&scanned.stdout).into_owned();
    let v = verification::verify(&o.db, scanned.trim(), monday().date_naive()).expect("verify");
    assert_eq!(v.verdict, Verdict::Genuine, "scanned {scanned:?}");
    let claim = v.claim.expect("claim");
    assert_eq!(claim.holder_name, "Nguyễn Thị Minh Khai");
    std::fs::remove_file(&found).expect("clean up the printed file");
}
