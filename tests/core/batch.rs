//! Printing as a logged act: the original, then copies marked SALINAN; batches chosen by village, issue date
//! or by hand, cancellable with nothing written; the holder's photo on the certificate; valid PDFs.

use std::path::Path;
use std::process::Command;

use chrono::{Datelike, NaiveDate};
use petromaks::catalogue::{self, FieldKind};
use petromaks::documents::batch::{self, Selection};
use petromaks::people::photos;
use petromaks::{audit, documents};

use crate::support::{self, monday, pdf_text, refused};

fn check_pdf(path: &Path) {
    let q = Command::new("qpdf")
        .arg("--check")
        .arg(path)
        .output()
        .expect("qpdf");
    assert!(q.status.success(), "{}", String::from_utf8_lossy(&q.stdout));
    let f = Command::new("pdffonts")
        .arg(path)
        .output()
        .expect("pdffonts");
    let fonts = String::from_utf8(f.stdout).expect("utf-8");
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "{fonts}");
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        // name type [type…] encoding emb sub uni id gen: emb and sub are the 5th and 4th from the end.
        assert_eq!(cols[cols.len() - 5], "yes", "not embedded: {row}");
        assert_eq!(cols[cols.len() - 4], "yes", "not subset: {row}");
    }
}

#[test]
fn the_first_print_is_the_original_and_later_ones_are_logged_copies() {
    let mut o = support::office();
    let id = o.issued_case("1607014508900001", "Ayu Lestari");
    let dir = tempfile::tempdir().expect("dir");
    let clerk = o.clerk.clone();
    for (n, want_mark) in [(0u32, false), (1, true), (2, true)] {
        let p = documents::print_certificate(&mut o.db, &clerk, monday(), id, true).expect("print");
        assert_eq!(p.copy, Some(n));
        let path = dir.path().join(format!("c{n}.pdf"));
        std::fs::write(&path, &p.pdf).expect("write");
        check_pdf(&path);
        let text = pdf_text(&path);
        assert_eq!(text.contains("SALINAN"), want_mark, "print {n}: {text}");
        assert!(!text.contains("DRAF"), "{text}");
    }
    let prints: Vec<_> = audit::case_events(&o.db, id)
        .expect("events")
        .into_iter()
        .filter(|e| e.action == "certificate.print")
        .map(|e| (e.actor, e.detail.unwrap_or_default()))
        .collect();
    assert_eq!(
        prints,
        vec![
            ("rina".to_string(), "asli".to_string()),
            ("rina".to_string(), "salinan ke-1".to_string()),
            ("rina".to_string(), "salinan ke-2".to_string()),
        ]
    );
}

#[test]
fn a_draft_is_watermarked_and_not_counted_as_a_print() {
    let mut o = support::office();
    let id = o.register(&support::sipd("1607014508900001", "Ayu"));
    let v = o.verifier.clone();
    o.step(&v, id, petromaks::cases::Status::Verified, None)
        .expect("verify");
    let before = o.fingerprint();
    let p = documents::print_certificate(&mut o.db, &v, monday(), id, false).expect("draft");
    assert_eq!(p.copy, None);
    assert_eq!(o.fingerprint(), before, "a draft print writes nothing");
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("draft.pdf");
    std::fs::write(&path, &p.pdf).expect("write");
    assert!(pdf_text(&path).contains("DRAF"));
}

#[test]
fn batches_select_by_village_date_or_hand_and_cancel_cleanly() {
    let mut o = support::office();
    let names = ["Ayu Lestari", "Budi Santoso", "Citra Dewi"];
    let ids: Vec<_> = names
        .iter()
        .enumerate()
        .map(|(i, n)| o.issued_case(&format!("16070145089000{:02}", i + 1), n))
        .collect();
    let clerk = o.clerk.clone();

    let by_village = Selection::Village {
        code: "16.07.01.2001".into(),
    };
    assert_eq!(batch::select(&o.db, &by_village).expect("village"), ids);
    let by_date = Selection::IssuedBetween {
        from: NaiveDate::from_ymd_opt(2026, 11, 1).expect("d"),
        to: NaiveDate::from_ymd_opt(2026, 11, 30).expect("d"),
    };
    assert_eq!(batch::select(&o.db, &by_date).expect("dates").len(), 3);
    refused(
        batch::select(
            &o.db,
            &Selection::IssuedBetween {
                from: NaiveDate::from_ymd_opt(2026, 12, 1).expect("d"),
                to: NaiveDate::from_ymd_opt(2026, 12, 31).expect("d"),
            },
        ),
        "invalid",
    );
    refused(
        batch::select(
            &o.db,
            &Selection::Village {
                code: "99.99.99.9999".into(),
            },
        ),
        "not_found",
    );

    let draft = o.register(&support::sipd("1607014508900009", "Dodi"));
    let before = o.fingerprint();
    let picked = Selection::Cases {
        ids: vec![ids[2], draft],
    };
    refused(
        batch::print_batch(&mut o.db, &clerk, monday(), &picked, &mut |_, _| true),
        "transition",
    );
    // Batch printing is for the counter, the head of office, the van and the admin: not the verifier.
    let verifier = o.verifier.clone();
    let e = refused(
        batch::print_batch(&mut o.db, &verifier, monday(), &by_village, &mut |_, _| {
            true
        }),
        "forbidden",
    );
    assert!(e.to_string().contains("hendra"), "{e}");
    let mut seen = Vec::new();
    let cancelled = batch::print_batch(&mut o.db, &clerk, monday(), &by_village, &mut |d, t| {
        seen.push((d, t));
        d < 2
    })
    .expect("cancel is not an error");
    assert!(cancelled.is_none());
    assert_eq!(seen, vec![(1, 3), (2, 3)]);
    assert_eq!(o.fingerprint(), before, "a cancelled batch logs nothing");

    documents::print_certificate(&mut o.db, &clerk, monday(), ids[1], true).expect("single");
    let mut calls = 0;
    let b = batch::print_batch(&mut o.db, &clerk, monday(), &by_village, &mut |_, _| {
        calls += 1;
        true
    })
    .expect("batch")
    .expect("not cancelled");
    // Once per certificate, then once more when the file is assembled (a last chance to cancel).
    assert_eq!((calls, b.cases.len(), b.copies), (4, 3, 1));
    let logged = o.fingerprint();
    let mut asked = Vec::new();
    let late = batch::print_batch(&mut o.db, &clerk, monday(), &by_village, &mut |d, t| {
        asked.push((d, t));
        asked.len() < 4
    })
    .expect("a late cancel is not an error");
    assert!(late.is_none(), "cancelled after the file was assembled");
    assert_eq!(asked, vec![(1, 3), (2, 3), (3, 3), (3, 3)]);
    assert_eq!(o.fingerprint(), logged, "a late cancel logs nothing");
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("batch.pdf");
    std::fs::write(&path, &b.pdf).expect("write");
    check_pdf(&path);
    let text = pdf_text(&path);
    for n in names {
        assert!(text.contains(n), "{n} missing");
    }
    assert_eq!(
        text.matches("SALINAN").count(),
        1,
        "only the reprint is a copy"
    );
    assert!(text.contains("160701******0002"), "NIK masked in a batch");
}

#[test]
fn the_holder_photo_is_printed_and_only_pngs_are_accepted() {
    let mut o = support::office();
    let id = o.issued_case("1607014508900001", "Ayu Lestari");
    let case = petromaks::cases::get(&o.db, id).expect("case");
    let (clerk, courier) = (o.clerk.clone(), o.courier.clone());
    let before = o.fingerprint();
    refused(
        photos::set(
            &mut o.db,
            &clerk,
            monday(),
            case.applicant_id,
            Some(b"GIF89a"),
        ),
        "invalid",
    );
    refused(
        photos::set(&mut o.db, &courier, monday(), case.applicant_id, None),
        "forbidden",
    );
    assert_eq!(o.fingerprint(), before);

    let png = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/core/fixtures/pas-foto.png"
    ))
    .expect("fixture photo");
    photos::set(&mut o.db, &clerk, monday(), case.applicant_id, Some(&png)).expect("set");
    assert_eq!(
        photos::get(&o.db, case.applicant_id).expect("get"),
        Some(png)
    );
    let p = documents::print_certificate(&mut o.db, &clerk, monday(), id, true).expect("print");
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("photo.pdf");
    std::fs::write(&path, &p.pdf).expect("write");
    check_pdf(&path);
    let images = Command::new("pdfimages")
        .arg("-list")
        .arg(&path)
        .output()
        .expect("pdfimages");
    let list = String::from_utf8(images.stdout).expect("utf-8");
    assert_eq!(
        list.lines().skip(2).count(),
        1,
        "the photo is on the page: {list}"
    );
}

#[test]
fn envelope_labels_fit_fourteen_to_a_sheet_and_cut_what_is_too_long() {
    let mut o = support::office();
    let long = "Raden Ayu Siti Nurhaliza Kusumawardhani Putri Mahardhika Ningrum Sekar Arum Wulandari Purnamasari Dewi Kartika Sari";
    let mut regs = Vec::new();
    for i in 0..15 {
        let name = if i == 0 {
            long.to_string()
        } else {
            format!("Pemohon {i}")
        };
        let id = o.issued_case(&format!("16070145089000{:02}", i + 1), &name);
        regs.push(
            petromaks::cases::get(&o.db, id)
                .expect("case")
                .registration_number,
        );
    }
    let sel = Selection::Village {
        code: "16.07.01.2001".into(),
    };
    let before = o.fingerprint();
    let verifier = o.verifier.clone();
    refused(batch::labels(&o.db, &verifier, &sel, monday()), "forbidden");
    let clerk = o.clerk.clone();
    let pdf = batch::labels(&o.db, &clerk, &sel, monday()).expect("labels");
    assert_eq!(o.fingerprint(), before, "labels are not logged");
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("labels.pdf");
    std::fs::write(&path, &pdf).expect("write");
    check_pdf(&path);
    let info = Command::new("pdfinfo")
        .arg(&path)
        .output()
        .expect("pdfinfo");
    assert!(String::from_utf8_lossy(&info.stdout).contains("Pages:           2"));
    let text = pdf_text(&path);
    for reg in &regs {
        assert!(text.contains(reg.as_str()), "{reg} missing");
    }
    assert!(text.contains("Raden Ayu Siti"), "{text}");
    assert!(
        text.contains('…'),
        "the long name is cut with an ellipsis: {text}"
    );
    assert!(!text.contains("Purnamasari Dewi Kartika Sari"), "{text}");
}

#[test]
fn a_certificate_of_every_seeded_permit_type_carries_every_field() {
    let mut o = support::office();
    let types = catalogue::list(&o.db).expect("types");
    assert!(types.len() >= 6, "the seed catalogue");
    let clerk = o.clerk.clone();
    let dir = tempfile::tempdir().expect("dir");
    for (i, t) in types.iter().enumerate() {
        let mut case = support::sipd(
            &format!("16070145089000{:02}", i + 1),
            &format!("Pemegang {}", t.code),
        );
        case.permit_type = t.code.clone();
        case.received = t.requirements.iter().map(|r| r.position).collect();
        case.details = t
            .fields
            .iter()
            .map(|f| {
                let v = match f.kind {
                    FieldKind::Date => "2027-03-15".to_string(),
                    FieldKind::Number => "42".to_string(),
                    FieldKind::Choice => f.choices[0].clone(),
                    FieldKind::Text => format!("Isian {} {}", t.code, f.key),
                };
                (f.key.clone(), v)
            })
            .collect();
        let id = o.register(&case);
        o.issue(id);
        let p = documents::print_certificate(&mut o.db, &clerk, monday(), id, true).expect("print");
        let path = dir.path().join(format!("{}.pdf", t.code));
        std::fs::write(&path, &p.pdf).expect("write");
        check_pdf(&path);
        // Join wrapped lines so a value broken across two lines still matches.
        let text = pdf_text(&path)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let number = petromaks::cases::get(&o.db, id)
            .expect("case")
            .permit_number
            .expect("number");
        let mut want = vec![
            t.title.to_uppercase(),
            number,
            format!("Pemegang {}", t.code),
        ];
        for f in &t.fields {
            want.push(f.label.clone());
            want.push(match f.kind {
                FieldKind::Date => "15 Maret 2027".to_string(),
                FieldKind::Number => "42".to_string(),
                FieldKind::Choice => f.choices[0].clone(),
                FieldKind::Text => format!("Isian {} {}", t.code, f.key),
            });
        }
        want.extend(t.tembusan.iter().cloned());
        want.extend(t.conditions.iter().cloned());
        for w in want {
            let w = w.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(text.contains(&w), "{}: {w:?} missing from {text}", t.code);
        }
    }
}

#[test]
fn a_batch_by_trip_prints_the_trips_permits_in_the_order_of_its_stops() {
    let mut o = support::office();
    let (trip, [a, b, c]) = crate::delivery::trip_out(&mut o);
    // An issued permit in a stop's village that is not on the trip stays out of its batch.
    let other = o.issued_case("1607014508900042", "Eka Putri");
    let by_trip = Selection::Trip { trip };
    let picked = batch::select(&o.db, &by_trip).expect("by trip");
    assert_eq!(picked, vec![a, b, c], "stop order, not village code order");
    assert!(!picked.contains(&other));
    let json = serde_json::to_value(&by_trip).expect("json");
    assert_eq!(json, serde_json::json!({"by": "trip", "trip": trip.0}));
    refused(
        batch::select(
            &o.db,
            &Selection::Trip {
                trip: petromaks::van::TripId(9999),
            },
        ),
        "not_found",
    );
}

#[test]
fn the_batch_screen_starts_on_the_office_day_and_previews_for_the_printing_roles_only() {
    use petromaks::documents::batch_screen;
    let mut o = support::office();
    let id = o.issued_case("1607014508900001", "Ayu Lestari");
    let clerk = o.clerk.clone();
    let verifier = o.verifier.clone();
    let choices = batch_screen::choices(&o.db, &clerk, monday()).expect("choices");
    let today = petromaks::office::today(&o.db, monday()).expect("today");
    assert_eq!(choices.today, today);
    assert_eq!(choices.month_start, today.with_day(1).expect("the first"));
    refused(
        batch_screen::choices(&o.db, &verifier, monday()),
        "forbidden",
    );
    let sel = Selection::Cases { ids: vec![id] };
    let rows = batch_screen::preview(&o.db, &clerk, &sel).expect("preview");
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].holder, "Ayu Lestari");
    assert!(rows[0].permit_number.is_some());
    refused(batch_screen::preview(&o.db, &verifier, &sel), "forbidden");
}
