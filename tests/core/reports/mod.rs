//! The reports of issue 15 against the register they read: every figure of every report, for October,
//! November and both, unfiltered and narrowed by type, district, village, channel and a clerk's own
//! counter, equals what the test computes from the register's plain rows (`raw`, `expected`); a few
//! figures are also written down by hand from the scenario. Then who may read them, the refusals, and
//! the PDF, XLSX and CSV outputs.

mod expected;
mod outputs;
mod raw;
mod scenario;

use petromaks::cases::Channel;
use petromaks::reports::{self, Cell, Kind, Query};

use crate::support::refused_on;
use expected::Filter;
use scenario::{day, now, Mix};

fn query(from: chrono::NaiveDate, to: chrono::NaiveDate, f: &Filter) -> Query {
    Query {
        preset: None,
        from: Some(from),
        to: Some(to),
        permit_type: f.code.map(Into::into),
        district: f.district.map(Into::into),
        village: f.village.map(Into::into),
        channel: f.channel.map(|c| {
            if c == "van" {
                Channel::Van
            } else {
                Channel::Counter
            }
        }),
    }
}

fn build(m: &mut Mix, kind: Kind, q: &Query, reader: &petromaks::people::Actor) -> reports::Report {
    reports::build(&mut m.o.db, reader, now(), kind, q)
        .unwrap_or_else(|e| panic!("{kind} {q:?}: {e}"))
}

#[test]
fn every_figure_of_every_report_agrees_with_the_register() {
    let mut m = scenario::build();
    let raw = raw::read(&m.o.db);
    let admin = m.o.admin.clone();
    let sari = m.sari.clone();
    let clerk = m.o.clerk.clone();
    let periods = [
        ("October", day(10, 1), day(10, 31)),
        ("November", day(11, 1), day(11, 30)),
        ("both months", day(10, 1), day(11, 30)),
    ];
    let filters: Vec<(&str, Filter, &petromaks::people::Actor)> = vec![
        ("everything", Filter::default(), &admin),
        (
            "SIPD",
            Filter {
                code: Some("SIPD"),
                ..Filter::default()
            },
            &admin,
        ),
        (
            "Banyuasin II",
            Filter {
                district: Some("16.07.02"),
                ..Filter::default()
            },
            &admin,
        ),
        (
            "Sungai Rebo",
            Filter {
                village: Some(scenario::V1),
                ..Filter::default()
            },
            &admin,
        ),
        (
            "the van",
            Filter {
                channel: Some("van"),
                ..Filter::default()
            },
            &admin,
        ),
        (
            "Rina's counter",
            Filter {
                registrar: Some("rina"),
                ..Filter::default()
            },
            &clerk,
        ),
        (
            "Sari's counter",
            Filter {
                registrar: Some("sari"),
                ..Filter::default()
            },
            &sari,
        ),
    ];
    let today = day(12, 2);
    let mut compared = 0;
    for (pname, from, to) in periods {
        for (fname, f, reader) in &filters {
            let what = |k: &str| format!("{k}, {pname}, {fname}");
            let q = query(from, to, f);
            let r = build(&mut m, Kind::Recap, &q, reader);
            compared += expected::check(&r, &expected::recap(&raw, from, to, f), &what("recap"));
            let r = build(&mut m, Kind::Sla, &q, reader);
            compared += expected::check(&r, &expected::sla(&raw, from, to, today, f), &what("sla"));
            let r = build(&mut m, Kind::Van, &q, reader);
            compared += expected::check(&r, &expected::van(&raw, from, to, f), &what("van"));
            let r = build(&mut m, Kind::Ikm, &q, reader);
            compared += expected::check(&r, &expected::ikm(&raw, from, to, f), &what("ikm"));
        }
    }
    // The permits expiring between May and October 2027 (Q's revoked permit is not among them).
    for (fname, f, reader) in &filters {
        let (from, to) = (
            chrono::NaiveDate::from_ymd_opt(2027, 5, 1).expect("day"),
            chrono::NaiveDate::from_ymd_opt(2027, 10, 31).expect("day"),
        );
        let r = build(&mut m, Kind::Expiring, &query(from, to, f), reader);
        compared += expected::check(
            &r,
            &expected::expiring(&raw, from, to, f),
            &format!("expiring, {fname}"),
        );
    }
    assert!(compared > 2000, "only {compared} cells compared");
}

fn int(r: &reports::Report, table: &str, row: &str, col: &str) -> i64 {
    match r.table(table).and_then(|t| t.cell(row, col)) {
        Some(Cell::Int(n)) => *n,
        other => panic!("{table} / {row} / {col}: {other:?}"),
    }
}

fn num(r: &reports::Report, table: &str, row: &str, col: &str) -> Option<f64> {
    match r.table(table).and_then(|t| t.cell(row, col)) {
        Some(Cell::Num { value, .. }) | Some(Cell::Pct(Some(value))) => Some(*value),
        Some(Cell::Empty | Cell::Pct(None)) => None,
        other => panic!("{table} / {row} / {col}: {other:?}"),
    }
}

#[test]
fn the_scenario_s_figures_written_down_by_hand() {
    let mut m = scenario::build();
    let admin = m.o.admin.clone();
    let all = Filter::default();
    let oct = build(
        &mut m,
        Kind::Recap,
        &query(day(10, 1), day(10, 31), &all),
        &admin,
    );
    // Registered in October: P Q A B C M D E G S (R came in September).
    assert_eq!(int(&oct, "applications", "Jumlah", "received"), 10);
    // Issued in October: R P Q A B M.
    assert_eq!(int(&oct, "applications", "Jumlah", "issued"), 6);
    // B once and C twice: two files, three returns, C came back a second time.
    assert_eq!(int(&oct, "returned", "Jumlah", "returned_files"), 2);
    assert_eq!(int(&oct, "returned", "Jumlah", "returns"), 3);
    assert_eq!(int(&oct, "returned", "Jumlah", "returned_again"), 1);
    // G was withdrawn at 06:00 on 1 November at the office (still 31 October in UTC): November's.
    assert_eq!(int(&oct, "applications", "Jumlah", "withdrawn"), 0);
    assert_eq!(int(&oct, "handover", "Jumlah", "delivered_van"), 2);
    assert_eq!(int(&oct, "handover", "Jumlah", "picked_up"), 2);
    let nov = build(
        &mut m,
        Kind::Recap,
        &query(day(11, 1), day(11, 30), &all),
        &admin,
    );
    assert_eq!(int(&nov, "applications", "Jumlah", "withdrawn"), 1);
    assert_eq!(int(&nov, "applications", "REK", "rejected"), 1);
    assert_eq!(int(&nov, "rejections", "SIPD", "count"), 1);
    // Open on 30 November: C? no (delivered). H I J K L S N Q (issued, not handed over).
    assert_eq!(int(&nov, "handover", "Jumlah", "open_at_end"), 8);

    let sla = build(
        &mut m,
        Kind::Sla,
        &query(day(10, 1), day(10, 31), &all),
        &admin,
    );
    // B: complete 12 Oct, issued 21 Oct, 13 Oct a holiday: six working days against five: late.
    assert_eq!(int(&sla, "compliance", "SIPD", "late"), 1);
    assert_eq!(int(&sla, "compliance", "SIPD", "on_time"), 3);
    let nov_sla = build(
        &mut m,
        Kind::Sla,
        &query(day(11, 1), day(11, 30), &all),
        &admin,
    );
    // C: 1 + 1 working days before its two returns, 1 after: three of three, on time. N: six, late.
    assert_eq!(int(&nov_sla, "compliance", "SKP", "on_time"), 1);
    assert_eq!(int(&nov_sla, "compliance", "SKP", "late"), 1);
    assert_eq!(num(&nov_sla, "compliance", "SKP", "median_days"), Some(4.5));
    // C was returned 9 → 14 October (2 working days, the 13th a holiday) and 16 October → 2 November (11).
    assert_eq!(int(&nov_sla, "returned_time", "SKP", "returned_days"), 13);
    let overdue = nov_sla.table("overdue").expect("overdue");
    assert_eq!(
        overdue.rows.len(),
        4,
        "I, J, K and S are past their due dates on 2 December"
    );

    let van = build(
        &mut m,
        Kind::Van,
        &query(day(11, 1), day(11, 30), &all),
        &admin,
    );
    // T2, T3 and T5 went out in November (T4 never left).
    assert_eq!(int(&van, "districts", "Jumlah", "trips"), 3);
    assert_eq!(int(&van, "districts", "Jumlah", "delivered"), 2);
    assert_eq!(int(&van, "districts", "Jumlah", "to_proxy"), 1);
    assert_eq!(int(&van, "failed", "Jumlah", "address_not_found"), 1);
    assert_eq!(int(&van, "failed", "Jumlah", "not_attempted"), 1);

    let ikm = build(
        &mut m,
        Kind::Ikm,
        &query(day(10, 1), day(11, 30), &all),
        &admin,
    );
    assert_eq!(int(&ikm, "by_type", "Jumlah", "respondents"), 6);
    // 6 respondents × 9 answers = 54 answers summing to 186: 186 / 54 × 25 = 86.11, grade B.
    let v = num(&ikm, "by_type", "Jumlah", "ikm").expect("ikm");
    assert!((v - 186.0 / 54.0 * 25.0).abs() < 1e-9, "{v}");
}

#[test]
fn who_may_read_the_reports_and_what_a_clerk_sees() {
    let mut m = scenario::build();
    let courier = m.o.courier.clone();
    let e = reports::build(&mut m.o.db, &courier, now(), Kind::Recap, &Query::default())
        .expect_err("the van's crew reads no report");
    assert_eq!(e.code(), "forbidden");
    for reader in [
        m.o.signer.clone(),
        m.o.verifier.clone(),
        m.o.admin.clone(),
        m.o.clerk.clone(),
    ] {
        let r = reports::build(&mut m.o.db, &reader, now(), Kind::Recap, &Query::default())
            .expect("a reader");
        assert_eq!(
            r.period_title, "Desember 2026",
            "the current month by default"
        );
        assert_eq!(
            r.scope_note.is_some(),
            reader.role == petromaks::people::Role::Clerk
        );
    }
    let sari = m.sari.clone();
    let q = query(day(11, 1), day(11, 30), &Filter::default());
    let r = reports::build(&mut m.o.db, &sari, now(), Kind::Recap, &q).expect("sari");
    // Sari registered one case (O) and nothing else shows.
    assert_eq!(int(&r, "applications", "Jumlah", "received"), 1);
    assert_eq!(int(&r, "handover", "Jumlah", "picked_up"), 1);
}

#[test]
fn a_bad_filter_or_period_is_refused_beside_its_field() {
    let mut m = scenario::build();
    let admin = m.o.admin.clone();
    let base = query(day(11, 1), day(11, 30), &Filter::default());
    let cases: Vec<(Query, &str)> = vec![
        (
            Query {
                permit_type: Some("XYZ".into()),
                ..base.clone()
            },
            "permit_type",
        ),
        (
            Query {
                district: Some("99.99.99".into()),
                ..base.clone()
            },
            "district",
        ),
        (
            Query {
                village: Some("16.07.01.9999".into()),
                ..base.clone()
            },
            "village",
        ),
        (
            Query {
                district: Some("16.07.02".into()),
                village: Some(scenario::V1.into()),
                ..base.clone()
            },
            "village",
        ),
        (
            Query {
                from: Some(day(11, 30)),
                to: Some(day(11, 1)),
                ..base.clone()
            },
            "to",
        ),
        (
            Query {
                from: None,
                ..base.clone()
            },
            "from",
        ),
        (
            Query {
                from: Some(chrono::NaiveDate::from_ymd_opt(2000, 1, 1).expect("day")),
                ..base.clone()
            },
            "to",
        ),
        (
            Query {
                preset: Some(reports::Preset::Month {
                    year: 2026,
                    month: 13,
                }),
                ..base.clone()
            },
            "month",
        ),
    ];
    let before = m.o.fingerprint();
    for (q, field) in cases {
        refused_on(
            reports::build(&mut m.o.db, &admin, now(), Kind::Recap, &q),
            field,
        );
    }
    assert_eq!(m.o.fingerprint(), before, "a report writes nothing");
    // A preset gives the days, whatever `from` and `to` say.
    let november = Query {
        preset: Some(reports::Preset::Month {
            year: 2026,
            month: 11,
        }),
        from: Some(day(10, 1)),
        to: None,
        ..base.clone()
    };
    let r = reports::build(&mut m.o.db, &admin, now(), Kind::Recap, &november).expect("recap");
    assert_eq!((r.period.from, r.period.to), (day(11, 1), day(11, 30)));
}
