//! The holiday calendar editor: each change recomputes (and audits) the due dates of open cases and
//! reports which moved; issued cases never move; a bad CSV line changes nothing.

use chrono::NaiveDate;
use petromaks::cases::{self, Status};
use petromaks::holidays::{self, HolidayInput, HolidayKind};
use petromaks::{audit, audit_chain};

use crate::support::{self, fingerprint, monday};

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
}

#[test]
fn a_holiday_moves_open_due_dates_and_says_which() {
    let mut o = support::office();
    let issued = o.issued_case("1607014508900001", "Siti Aminah");
    let open = cases::register(
        &mut o.conn,
        &o.clerk.clone(),
        monday(),
        &support::sipd("1607014508900002", "Dewi Lestari"),
    )
    .expect("register");
    let v = o.verifier.clone();
    o.step(&v, open, Status::Verified, None).expect("verify");
    let due = |o: &support::Office1, id| cases::get(&o.conn, id).expect("case").due_date;
    let (open_due, issued_due) = (due(&o, open), due(&o, issued));
    let admin = o.admin.clone();

    let tuesday = HolidayInput {
        day: day("2026-11-24"),
        name: "Hari Jadi Kabupaten".into(),
        kind: HolidayKind::National,
    };
    let moved = holidays::add(&mut o.conn, &admin, monday(), &tuesday).expect("add");
    assert_eq!(moved.len(), 1, "{moved:?}");
    assert_eq!(moved[0].case_id, open);
    assert_eq!(Some(moved[0].old_due.clone()), open_due);
    assert!(moved[0].new_due > moved[0].old_due);
    assert_eq!(due(&o, open), Some(moved[0].new_due.clone()));
    assert_eq!(due(&o, issued), issued_due, "an issued case never moves");
    let events = audit::case_events(&o.conn, open).expect("events");
    assert!(events.iter().any(|e| e.action == "due_date.recomputed"));

    // Cuti bersama: a day off by default, a working day when the office says so.
    let wed = HolidayInput {
        day: day("2026-11-25"),
        name: "Cuti bersama".into(),
        kind: HolidayKind::CutiBersama,
    };
    assert_eq!(
        holidays::add(&mut o.conn, &admin, monday(), &wed)
            .expect("add")
            .len(),
        1
    );
    let moved = holidays::set_cuti_bersama_is_working(&mut o.conn, &admin, monday(), true)
        .expect("setting");
    assert_eq!(moved.len(), 1);
    assert!(holidays::cuti_bersama_is_working(&o.conn).expect("read"));

    holidays::remove(&mut o.conn, &admin, monday(), day("2026-11-24")).expect("remove");
    holidays::remove(&mut o.conn, &admin, monday(), day("2026-11-25")).expect("remove");
    assert_eq!(due(&o, open), open_due, "back where it was");
    assert!(audit_chain::verify(&o.conn).expect("verify").ok);

    let e = holidays::add(&mut o.conn, &o.clerk.clone(), monday(), &tuesday).expect_err("clerk");
    assert_eq!(e.code(), "forbidden");
}

#[test]
fn a_year_imports_from_csv_and_a_bad_line_changes_nothing() {
    let mut o = support::office();
    let admin = o.admin.clone();
    let before = fingerprint(&o.path);
    let bad = "day,name,kind\n2027-01-01,Tahun Baru,national\n2027-02-30,Salah,national\n";
    let e = holidays::import_year(&mut o.conn, &admin, monday(), 2027, bad).expect_err("bad");
    assert!(e.to_string().contains("line 3"), "{e}");
    assert_eq!(fingerprint(&o.path), before);
    let good = "day,name,kind\n2027-01-01,Tahun Baru Masehi,national\n2027-12-24,Cuti Bersama Natal,cuti_bersama\n";
    holidays::import_year(&mut o.conn, &admin, monday(), 2027, good).expect("import");
    let year = petromaks::calendar::holidays(&o.conn, 2027).expect("list");
    assert_eq!(year.len(), 2);
    assert_eq!(year[1].kind, "cuti_bersama");
}
