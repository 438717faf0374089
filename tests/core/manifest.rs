//! The trip's papers: the manifest lists the stops in trip order with every permit number; the handover
//! record carries the outcomes; both are well-formed PDFs.

use std::process::Command;

use petromaks::cases;
use petromaks::delivery::{self, FailReason, Outcome, Recipient};

use crate::delivery::trip_out;
use crate::support::{self, monday, pdf_text};

fn qpdf_ok(path: &std::path::Path) {
    let out = Command::new("qpdf")
        .arg("--check")
        .arg(path)
        .output()
        .expect("qpdf is installed");
    assert!(
        out.status.success(),
        "qpdf --check: {}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn the_manifest_lists_stops_in_trip_order_with_every_permit_number() {
    let mut o = support::office();
    let (trip, ids) = trip_out(&mut o);
    let numbers: Vec<String> = ids
        .iter()
        .map(|id| {
            cases::get(&o.conn, *id)
                .expect("case")
                .permit_number
                .expect("number")
        })
        .collect();
    let pdf = delivery::manifest(&o.conn, trip, monday()).expect("manifest");
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("manifest.pdf");
    std::fs::write(&path, &pdf).expect("write");
    qpdf_ok(&path);
    let text = pdf_text(&path);
    assert!(text.contains("MANIFES PENGANTARAN IZIN"), "{text}");
    let stops = ["Merah Mata", "Sungai Rebo", "Sungai Gerong"];
    let at: Vec<usize> = stops
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let heading = format!("Pemberhentian {}: Desa/Kel. {v}", i + 1);
            text.find(&heading)
                .unwrap_or_else(|| panic!("{heading} missing:\n{text}"))
        })
        .collect();
    assert!(
        at.windows(2).all(|w| w[0] < w[1]),
        "stops out of order: {at:?}"
    );
    // Each permit is listed under its own stop (the trip_out fixture puts permit i in village i).
    for (i, n) in numbers.iter().enumerate() {
        let pos = text
            .find(n.as_str())
            .unwrap_or_else(|| panic!("{n} missing:\n{text}"));
        assert!(
            pos > at[i] && at.get(i + 1).is_none_or(|next| pos < *next),
            "{n} under the wrong stop"
        );
    }
    assert_eq!(
        delivery::manifest(&o.conn, trip, monday()).expect("again"),
        pdf,
        "same input, same bytes"
    );
    if let Some(keep) = std::env::var_os("PETROMAKS_KEEP_PDF") {
        std::fs::write(std::path::Path::new(&keep).join("manifest.pdf"), &pdf).expect("keep");
    }
}

#[test]
fn the_handover_record_shows_each_outcome() {
    let mut o = support::office();
    let (trip, [a, b, c]) = trip_out(&mut o);
    let courier = o.courier.clone();
    let holder = Outcome::Delivered {
        recipient: Recipient::Holder {
            nik: "1607014508900001".into(),
        },
    };
    delivery::record_outcome(&mut o.conn, &courier, monday(), trip, a, &holder).expect("holder");
    let proxy = Outcome::Delivered {
        recipient: Recipient::Proxy {
            name: "Budi Santoso".into(),
            nik: "1607011203850007".into(),
            relation: "suami".into(),
            authority_letter: "SK/07/XI/2026".into(),
        },
    };
    delivery::record_outcome(&mut o.conn, &courier, monday(), trip, b, &proxy).expect("proxy");
    let fail = Outcome::NotDelivered {
        reason: FailReason::AddressNotFound,
        note: None,
    };
    delivery::record_outcome(&mut o.conn, &courier, monday(), trip, c, &fail).expect("fail");
    let pdf = delivery::handover_record(&o.conn, trip, monday()).expect("handover");
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("handover.pdf");
    std::fs::write(&path, &pdf).expect("write");
    qpdf_ok(&path);
    let text = pdf_text(&path);
    for needle in [
        "BERITA ACARA SERAH TERIMA IZIN",
        "Diterima pemegang izin",
        "Diterima kuasa:",
        "Budi Santoso",
        "Kembali ke kantor:",
        "Joko Susilo",
    ] {
        assert!(text.contains(needle), "{needle} missing:\n{text}");
    }
    if let Some(keep) = std::env::var_os("PETROMAKS_KEEP_PDF") {
        std::fs::write(std::path::Path::new(&keep).join("handover.pdf"), &pdf).expect("keep");
    }
}
