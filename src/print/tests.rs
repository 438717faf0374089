//! End-to-end checks of the written PDFs with the tools a reader would use: poppler's pdftotext,
//! pdfinfo and pdffonts, and qpdf. What a clerk sees must be real, extractable text.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use chrono::{TimeZone, Utc};

use super::samples;
use super::*;

fn created() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 28, 3, 42, 0)
        .single()
        .unwrap_or_default()
}

fn write(bytes: &[u8]) -> tempfile::NamedTempFile {
    let file = tempfile::Builder::new()
        .suffix(".pdf")
        .tempfile()
        .expect("temp file");
    std::fs::write(file.path(), bytes).expect("write pdf");
    file
}

fn tool(name: &str, args: &[&str], file: &Path) -> String {
    let out = Command::new(name)
        .args(args)
        .arg(file)
        .args(if name == "pdftotext" {
            &["-"][..]
        } else {
            &[][..]
        })
        .output()
        .unwrap_or_else(|e| {
            panic!("{name} not runnable ({e}); apt-get install -y poppler-utils qpdf")
        });
    assert!(
        out.status.success(),
        "{name} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// pdftotext -layout output with every run of whitespace made one space, so wrapped values read on.
fn text(file: &Path) -> String {
    tool("pdftotext", &["-layout"], file)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn pages(file: &Path) -> usize {
    let info = tool("pdfinfo", &[], file);
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("page count")
}

fn assert_fonts_embedded(file: &Path) {
    let fonts = tool("pdffonts", &[], file);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "no fonts:\n{fonts}");
    for row in rows {
        // name type encoding emb sub uni object ID
        let cols: Vec<&str> = row.split_whitespace().collect();
        let emb = cols.len().checked_sub(5).map(|i| cols[i]);
        assert_eq!(emb, Some("yes"), "font not embedded:\n{fonts}");
    }
}

fn assert_qpdf_ok(file: &Path) {
    let out = tool("qpdf", &["--check"], file);
    assert!(out.contains("No syntax or stream encoding errors"), "{out}");
}

/// Every word's box, from `pdftotext -bbox`, lies on the page.
fn assert_nothing_off_the_page(file: &Path) {
    let html = tool("pdftotext", &["-bbox"], file);
    let num = |tag: &str, key: &str| -> f32 {
        let start = tag
            .find(&format!("{key}=\""))
            .map(|i| i + key.len() + 2)
            .expect("attribute");
        tag[start..]
            .split('"')
            .next()
            .and_then(|v| v.parse().ok())
            .expect("number")
    };
    let mut words = 0;
    for tag in html.split("<word ").skip(1) {
        words += 1;
        let (x0, y0, x1, y1) = (
            num(tag, "xMin"),
            num(tag, "yMin"),
            num(tag, "xMax"),
            num(tag, "yMax"),
        );
        assert!(
            x0 >= 0.0 && y0 >= 0.0 && x1 <= PAGE_W_PT && y1 <= PAGE_H_PT,
            "off the page: {tag}"
        );
        assert!(x1 <= PAGE_W_PT - 40.0, "into the right margin: {tag}");
    }
    assert!(words > 50);
}

const PAGE_W_PT: f32 = 595.3;
const PAGE_H_PT: f32 = 841.9;

#[test]
fn certificate_text_round_trips() {
    let mut names = Vec::new();
    for name in ["Zoë Ñandú", "O'Neil", "Nguyễn Văn Ánh"] {
        let mut doc = samples::certificate();
        doc.holder_name = format!("dr. {name}");
        names.push(doc);
    }
    let file = write(&certificates_pdf(&names, created()).expect("pdf"));
    let text = text(file.path());
    for name in ["Zoë Ñandú", "O'Neil", "Nguyễn Văn Ánh"] {
        assert!(
            text.contains(&format!("dr. {name}")),
            "{name} missing in:\n{text}"
        );
    }
    let doc = samples::certificate();
    for expected in [
        "SURAT IZIN PRAKTIK DOKTER",
        "Nomor : 503/0112/SIPD/DPMPTSP/XI/2026",
        "Izin ini berlaku sampai dengan tanggal 28 November 2031.",
        "NIP. 19691111 200212 1 002",
        "Drs. H. AHMAD O'NEIL SAPUTRA, M.Si.",
        "Tembusan:",
        "PEMERINTAH KABUPATEN BANYUASIN",
    ] {
        assert!(text.contains(expected), "{expected:?} missing in:\n{text}");
    }
    for (label, value) in &doc.rows {
        assert!(
            text.contains(&format!("{label} : {value}")),
            "row {label:?} missing in:\n{text}"
        );
    }
    assert_eq!(pages(file.path()), 3);
    assert_fonts_embedded(file.path());
    assert_qpdf_ok(file.path());
    assert_nothing_off_the_page(file.path());
}

#[test]
fn decomposed_input_prints_precomposed() {
    let mut doc = samples::certificate();
    doc.holder_name = "Nguye\u{302}\u{303}n Va\u{306}n A\u{301}nh".into();
    let file = write(&certificate_pdf(&doc, created()).expect("pdf"));
    assert!(text(file.path()).contains("Nguyễn Văn Ánh"));
}

#[test]
fn output_is_deterministic() {
    let cert = samples::certificate();
    let a = certificate_pdf(&cert, created()).expect("pdf");
    let b = certificate_pdf(&cert, created()).expect("pdf");
    assert!(a == b, "two runs differ");
    let later = certificate_pdf(&cert, created() + chrono::Duration::days(1)).expect("pdf");
    assert!(a != later, "the creation date is not in the file");
    assert!(String::from_utf8_lossy(&a).contains("D:20261128034200"));

    let receipt = samples::receipt();
    assert!(
        receipt_pdf(&receipt, created()).expect("pdf")
            == receipt_pdf(&receipt, created()).expect("pdf")
    );
    let batch = [cert.clone(), cert];
    assert!(
        certificates_pdf(&batch, created()).expect("pdf")
            == certificates_pdf(&batch, created()).expect("pdf")
    );
}

#[test]
fn long_value_wraps_onto_a_second_page() {
    let mut doc = samples::certificate();
    let words = "sepanjang jalan lintas timur Sumatra menuju dermaga penyeberangan Sungsang ";
    let long: String = words
        .repeat(2000 / words.len() + 1)
        .chars()
        .take(2000)
        .collect();
    doc.rows
        .insert(3, ("Keterangan".into(), long.trim().to_string()));
    let file = write(&certificate_pdf(&doc, created()).expect("pdf"));
    assert_eq!(pages(file.path()), 2);
    let text = text(file.path());
    assert!(text.contains("Halaman 2 dari 2"));
    // The letterhead is repeated on the second page.
    assert_eq!(
        text.matches("PEMERINTAH KABUPATEN BANYUASIN").count(),
        2,
        "{text}"
    );
    assert!(text.contains("NIP. 19691111 200212 1 002"));
    assert_nothing_off_the_page(file.path());
    assert_qpdf_ok(file.path());
}

#[test]
fn unbroken_long_word_stays_inside_the_margins() {
    let mut doc = samples::certificate();
    doc.rows
        .push(("Surel".into(), "x".repeat(400) + "@banyuasinkab.go.id"));
    let file = write(&certificate_pdf(&doc, created()).expect("pdf"));
    assert_nothing_off_the_page(file.path());
}

#[test]
fn receipt_text_round_trips() {
    let doc = samples::receipt();
    let file = write(&receipt_pdf(&doc, created()).expect("pdf"));
    let text = text(file.path());
    assert!(text.contains("TANDA TERIMA BERKAS PERMOHONAN"), "{text}");
    assert!(text.contains(&doc.registration_number));
    for (label, value) in &doc.rows {
        assert!(
            text.contains(&format!("{label} : {value}")),
            "row {label:?} missing in:\n{text}"
        );
    }
    for line in &doc.checklist {
        assert!(
            text.contains(&line.label),
            "{:?} missing in:\n{text}",
            line.label
        );
    }
    for head in [
        "No",
        "Dokumen",
        "Wajib",
        "Diterima",
        "√",
        "—",
        "Siti Rahmawati",
        "Catatan:",
    ] {
        assert!(text.contains(head), "{head:?} missing in:\n{text}");
    }
    assert_eq!(pages(file.path()), 1);
    assert_fonts_embedded(file.path());
    assert_qpdf_ok(file.path());
    assert_nothing_off_the_page(file.path());
}

#[test]
fn long_checklist_repeats_the_table_head() {
    let mut doc = samples::receipt();
    let base = doc.checklist.clone();
    for i in 0..8 {
        doc.checklist.extend(base.iter().cloned().map(|mut l| {
            l.label = format!("{} (salinan {i})", l.label);
            l
        }));
    }
    let file = write(&receipt_pdf(&doc, created()).expect("pdf"));
    let n = pages(file.path());
    assert!(n >= 2);
    assert_eq!(
        text(file.path()).matches("Dokumen Wajib Diterima").count(),
        n
    );
    assert_nothing_off_the_page(file.path());
}

#[test]
fn watermarked_copy_keeps_its_content_readable() {
    let mut doc = samples::certificate();
    doc.mark = Some("DRAF".into());
    let file = write(&certificate_pdf(&doc, created()).expect("pdf"));
    let text = text(file.path());
    // Once, from the boxed label: the diagonal letters stay out of the text.
    assert_eq!(text.matches("DRAF").count(), 1, "{text}");
    assert!(text.contains("dr. Nguyễn Văn Ánh"), "{text}");
    for (label, value) in &doc.rows {
        assert!(
            text.contains(&format!("{label} : {value}")),
            "row {label:?} missing in:\n{text}"
        );
    }
}

#[test]
fn a_character_the_font_lacks_is_an_error_not_a_box() {
    let mut doc = samples::certificate();
    doc.holder_name = "김민준".into();
    let err = certificate_pdf(&doc, created()).expect_err("must fail");
    assert_eq!(err.code(), "pdf");
    assert!(err.to_string().contains("U+AE40"), "{err}");
}

#[test]
fn bad_images_and_empty_batches_are_errors() {
    let mut doc = samples::certificate();
    doc.photo_png = Some(b"not a png".to_vec());
    let err = certificate_pdf(&doc, created()).expect_err("must fail");
    assert!(err.to_string().contains("pas photo"), "{err}");
    assert!(certificates_pdf(&[], created()).is_err());
}

#[test]
fn without_logo_photo_or_optional_parts() {
    let mut doc = samples::certificate();
    doc.header.logo_png = None;
    doc.photo_png = None;
    doc.tembusan.clear();
    doc.legal_basis.clear();
    doc.conditions.clear();
    let file = write(&certificate_pdf(&doc, created()).expect("pdf"));
    let text = text(file.path());
    assert!(!text.contains("Tembusan"));
    assert!(text.contains("dr. Nguyễn Văn Ánh"));
    assert_qpdf_ok(file.path());
}

#[test]
fn qr_codes_scan_back() {
    if Command::new("zbarimg").arg("--version").output().is_err() {
        eprintln!("zbarimg not installed; skipping the scan check");
        return;
    }
    let doc = samples::receipt();
    let file = write(&receipt_pdf(&doc, created()).expect("pdf"));
    let dir = tempfile::tempdir().expect("dir");
    let prefix = dir.path().join("page");
    let status = Command::new("pdftoppm")
        .args(["-png", "-r", "150", "-f", "1", "-l", "1", "-singlefile"])
        .arg(file.path())
        .arg(&prefix)
        .status()
        .expect("pdftoppm");
    assert!(status.success());
    let out = Command::new("zbarimg")
        .args(["-q", "--raw"])
        .arg(prefix.with_extension("png"))
        .output()
        .expect("zbarimg");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        doc.registration_number
    );
}

/// Writes the sample documents for a look: `cargo test -- --ignored write_samples`, then
/// `pdftoppm -png -r 80 -f 1 -l 1 $DIR/certificate.pdf out`.
#[test]
#[ignore]
fn write_samples() {
    let dir = std::env::var("PETROMAKS_SAMPLES").unwrap_or_else(|_| "/tmp/petromaks-print".into());
    std::fs::create_dir_all(&dir).expect("dir");
    let mut draft = samples::certificate();
    draft.mark = Some("DRAF".into());
    let mut long = samples::certificate();
    long.rows
        .insert(3, ("Keterangan".into(), "jalan lintas timur ".repeat(110)));
    let files = [
        (
            "certificate.pdf",
            certificate_pdf(&samples::certificate(), created()),
        ),
        ("certificate-draft.pdf", certificate_pdf(&draft, created())),
        ("certificate-long.pdf", certificate_pdf(&long, created())),
        ("receipt.pdf", receipt_pdf(&samples::receipt(), created())),
    ];
    for (name, bytes) in files {
        let bytes = bytes.expect("pdf");
        println!("{name}: {} bytes", bytes.len());
        std::fs::write(Path::new(&dir).join(name), bytes).expect("write");
    }
}

/// `cargo test --release -- --ignored --nocapture bench_certificates`
#[test]
#[ignore]
fn bench_certificates() {
    let docs: Vec<CertificateDoc> = (0..500)
        .map(|i| {
            let mut doc = samples::certificate();
            doc.number = format!("503/{:04}/SIPD/DPMPTSP/XI/2026", i + 1);
            doc.holder_name = format!("dr. Pemegang Izin {i}");
            doc
        })
        .collect();
    let _warm = certificate_pdf(&docs[0], created()).expect("pdf");
    let start = Instant::now();
    let batch = certificates_pdf(&docs, created()).expect("pdf");
    let per = start.elapsed().as_secs_f64() * 1000.0 / docs.len() as f64;
    println!(
        "batch of 500: {per:.2} ms per certificate, {} bytes",
        batch.len()
    );
    let start = Instant::now();
    let mut size = 0;
    for doc in docs.iter().take(20) {
        size = certificate_pdf(doc, created()).expect("pdf").len();
    }
    println!(
        "single file: {:.2} ms each, {size} bytes",
        start.elapsed().as_secs_f64() * 1000.0 / 20.0
    );
    let start = Instant::now();
    let receipt = receipt_pdf(&samples::receipt(), created()).expect("pdf");
    println!(
        "receipt: {:.2} ms, {} bytes",
        start.elapsed().as_secs_f64() * 1000.0,
        receipt.len()
    );
}

#[test]
fn streams_deflated_one_after_another_inflate_back() {
    use std::io::Read;
    // One compressor serves every stream in turn: each must come out whole and alone, an empty one and
    // one far larger than the first guess at its room included.
    let big: Vec<u8> = (0..400_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    for bytes in [
        b"0 0 10 10 re\nf\n".to_vec(),
        Vec::new(),
        big,
        b"BT /F1 10 Tf ET".repeat(900),
    ] {
        for effort in [compress::Effort::Quick, compress::Effort::Compact] {
            let packed = compress::deflated(&bytes, effort).expect("deflate");
            let mut back = Vec::new();
            flate2::read::ZlibDecoder::new(packed.as_slice())
                .read_to_end(&mut back)
                .expect("inflate");
            assert_eq!(back, bytes);
        }
    }
}

#[test]
fn a_large_batch_keeps_its_order_its_bytes_and_its_errors() {
    // Enough certificates for their QR codes to be made on a thread of their own, and enough pages for
    // the streams to be deflated on several.
    let docs: Vec<CertificateDoc> = (0..60)
        .map(|i| {
            let mut doc = samples::certificate();
            doc.number = format!("503/{:04}/SIPD/DPMPTSP/XI/2026", i + 1);
            doc.qr_payload = format!("{}-{i}", doc.qr_payload);
            doc
        })
        .collect();
    let batch = certificates_pdf(&docs, created()).expect("pdf");
    assert!(
        batch == certificates_pdf(&docs, created()).expect("pdf"),
        "two runs differ"
    );
    let file = write(&batch);
    assert_qpdf_ok(file.path());
    let text = text(file.path());
    let mut from = 0;
    for i in 1..=60 {
        let number = format!("503/{i:04}/SIPD/DPMPTSP/XI/2026");
        let at = text[from..]
            .find(&number)
            .unwrap_or_else(|| panic!("{number} missing or out of order"));
        from += at + number.len();
    }

    // A certificate the QR encoder refuses stops the batch with its error, wherever it is.
    let mut bad = docs;
    bad[41].qr_payload = String::new();
    let err = certificates_pdf(&bad, created()).expect_err("must fail");
    assert_eq!(err.code(), "pdf");
    assert!(err.to_string().contains("QR"), "{err}");
    // And so does one the layout refuses, while the QR codes of those after it are being made.
    bad[41] = samples::certificate();
    bad[30].holder_name = "김민준".into();
    let err = certificates_pdf(&bad, created()).expect_err("must fail");
    assert!(err.to_string().contains("U+AE40"), "{err}");
}
