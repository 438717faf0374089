//! The trip's papers: the manifest lists the stops in trip order with every permit number; the handover
//! record carries the outcomes; both are well-formed PDFs.

use std::process::Command;

use petromaks::cases;
use petromaks::people::Role;
use petromaks::van::{self as delivery, FailReason, NewTrip, Outcome, Recipient};

use crate::delivery::{issued_in, trip_out, VILLAGES};
use crate::support::{self, monday, pdf_text, pdf_text_raw};

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
            cases::get(&o.db, *id)
                .expect("case")
                .permit_number
                .expect("number")
        })
        .collect();
    let pdf = delivery::manifest(&o.db, trip, monday()).expect("manifest");
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
        delivery::manifest(&o.db, trip, monday()).expect("again"),
        pdf,
        "same input, same bytes"
    );
    if let Some(keep) = std::env::var_os("PETROMAKS_KEEP_PDF") {
        std::fs::write(std::path::Path::new(&keep).join("manifest.pdf"), &pdf).expect("keep");
    }
}

/// Runs of spaces (pdftotext's layout) as one.
fn squeezed(text: &str) -> String {
    text.split(' ')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_handover_record_shows_each_outcome_names_the_whole_crew_and_cites_the_letter() {
    let mut o = support::office();
    let admin = o.admin.clone();
    let second = support::add_user(&mut o.db, &admin, "sari", "Sari Wulandari", Role::Courier);
    let a = issued_in(&mut o, 1, "dr. Siti Rahmawati", VILLAGES[0]);
    let b = issued_in(&mut o, 2, "dr. Nur Aisyah", VILLAGES[1]);
    let c = issued_in(&mut o, 3, "dr. Rina Kartika", VILLAGES[2]);
    let clerk = o.clerk.clone();
    let trip = delivery::create_trip(
        &mut o.db,
        &clerk,
        monday(),
        &NewTrip {
            date: "2026-11-25".into(),
            vehicle: "BG 1234 XY".into(),
            crew: vec!["joko".into(), "sari".into()],
            villages: VILLAGES.iter().map(|v| v.to_string()).collect(),
            note: None,
        },
    )
    .expect("plan");
    delivery::assign(&mut o.db, &clerk, monday(), trip, &[a, b, c]).expect("assign");
    delivery::start_trip(&mut o.db, &second, monday(), trip).expect("start");
    let courier = o.courier.clone();
    let holder = Outcome::Delivered {
        recipient: Recipient::Holder {
            nik: "1607014508900001".into(),
        },
    };
    delivery::record_outcome(&mut o.db, &courier, monday(), trip, a, &holder).expect("holder");
    let proxy = Outcome::Delivered {
        recipient: Recipient::Proxy {
            name: "Budi Santoso".into(),
            nik: "1607011203850007".into(),
            relation: "suami".into(),
            authority_letter: "SK/07/XI/2026".into(),
        },
    };
    delivery::record_outcome(&mut o.db, &second, monday(), trip, b, &proxy).expect("proxy");
    let fail = Outcome::NotDelivered {
        reason: FailReason::AddressNotFound,
        note: None,
    };
    delivery::record_outcome(&mut o.db, &courier, monday(), trip, c, &fail).expect("fail");
    let pdf = delivery::handover_record(&o.db, trip, monday()).expect("handover");
    if let Some(keep) = std::env::var_os("PETROMAKS_KEEP_PDF") {
        std::fs::write(std::path::Path::new(&keep).join("handover.pdf"), &pdf).expect("keep");
    }
    let path = o.dir().join("handover.pdf");
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
        "Sari Wulandari",
    ] {
        assert!(text.contains(needle), "{needle} missing:\n{text}");
    }
    // The characters as drawn: the layout mode guesses columns and may swallow the space before a
    // one-digit value.
    let flat = squeezed(&pdf_text_raw(&path));
    let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.contains("surat kuasa SK/07/XI/2026"),
        "the proxy's letter of authority is cited:\n{text}"
    );
    assert!(
        flat.contains(&format!("Nomor Perjalanan : {}", trip.0)),
        "a space after the colon:\n{text}"
    );
    // Both couriers sign: each name appears in the crew row and under the signatures.
    for name in ["Joko Susilo", "Sari Wulandari"] {
        assert!(text.matches(name).count() >= 2, "{name} signs:\n{text}");
    }
}
