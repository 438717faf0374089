//! The holiday calendar editor: each change recomputes (and audits) the due dates of open cases and
//! reports which moved; issued cases never move; a bad CSV line changes nothing; a file as Indonesian
//! Excel saves it imports like a comma file.

use chrono::NaiveDate;
use petromaks::audit;
use petromaks::cases::{self, CaseId, Status};
use petromaks::office::holidays::{self, HolidayInput, HolidayKind};

use crate::support::{self, monday, refused, refused_on, Office1};

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
}

fn due(o: &Office1, id: CaseId) -> Option<NaiveDate> {
    cases::get(&o.db, id).expect("case").due_date
}

#[test]
fn a_holiday_moves_open_due_dates_and_says_which() {
    let mut o = support::office();
    let issued = o.issued_case("1607014508900001", "Siti Aminah");
    let open = o.register(&support::sipd("1607014508900002", "Dewi Lestari"));
    let v = o.verifier.clone();
    o.step(&v, open, Status::Verified, None).expect("verify");
    let (open_due, issued_due) = (due(&o, open), due(&o, issued));
    let admin = o.admin.clone();

    let tuesday = HolidayInput {
        day: day("2026-11-24"),
        name: "Hari Jadi Kabupaten".into(),
        kind: HolidayKind::National,
    };
    let moved = holidays::add(&mut o.db, &admin, monday(), &tuesday).expect("add");
    assert_eq!(moved.len(), 1, "{moved:?}");
    assert_eq!(moved[0].case_id, open);
    assert_eq!(Some(moved[0].old_due), open_due);
    assert!(moved[0].new_due > moved[0].old_due);
    assert_eq!(due(&o, open), Some(moved[0].new_due));
    assert_eq!(due(&o, issued), issued_due, "an issued case never moves");
    let events = audit::case_events(&o.db, open).expect("events");
    assert!(events.iter().any(|e| e.action == "due_date.recomputed"));

    let before = o.fingerprint();
    let e = refused(
        holidays::add(&mut o.db, &admin, monday(), &tuesday),
        "conflict",
    );
    assert!(e.to_string().contains("already in the calendar"), "{e}");
    refused(
        holidays::remove(&mut o.db, &admin, monday(), day("2026-11-26")),
        "not_found",
    );
    assert_eq!(o.fingerprint(), before);

    // Cuti bersama: a day off by default, a working day when the office says so.
    let wed = HolidayInput {
        day: day("2026-11-25"),
        name: "Cuti bersama".into(),
        kind: HolidayKind::CutiBersama,
    };
    assert_eq!(
        holidays::add(&mut o.db, &admin, monday(), &wed)
            .expect("add")
            .len(),
        1
    );
    let moved =
        holidays::set_cuti_bersama_is_working(&mut o.db, &admin, monday(), true).expect("setting");
    assert_eq!(moved.len(), 1);
    assert!(
        holidays::year(&o.db, &admin, 2026)
            .expect("year")
            .cuti_bersama_is_working
    );

    holidays::remove(&mut o.db, &admin, monday(), day("2026-11-24")).expect("remove");
    holidays::remove(&mut o.db, &admin, monday(), day("2026-11-25")).expect("remove");
    assert_eq!(due(&o, open), open_due, "back where it was");
    assert!(audit::verify(&o.db, &admin, &[]).expect("verify").ok);

    let clerk = o.clerk.clone();
    refused(
        holidays::add(&mut o.db, &clerk, monday(), &tuesday),
        "forbidden",
    );
}

#[test]
fn a_year_imports_from_csv_and_a_bad_line_changes_nothing() {
    let mut o = support::office();
    let admin = o.admin.clone();
    let before = o.fingerprint();
    let bad = "day,name,kind\n2027-01-01,Tahun Baru,national\n2027-02-30,Salah,national\n";
    let e = refused_on(
        holidays::import_year(&mut o.db, &admin, monday(), 2027, bad),
        "file",
    );
    assert!(e.to_string().contains("line 3"), "{e}");
    let twice = "day,name,kind\n2027-01-01,Tahun Baru,national\n2027-01-01,Lagi,national\n";
    let e = refused_on(
        holidays::import_year(&mut o.db, &admin, monday(), 2027, twice),
        "file",
    );
    assert!(e.to_string().contains("twice"), "{e}");
    let other_year = "day,name,kind\n2028-01-01,Tahun Baru,national\n";
    refused_on(
        holidays::import_year(&mut o.db, &admin, monday(), 2027, other_year),
        "file",
    );
    assert_eq!(o.fingerprint(), before);

    let good = "day,name,kind\n2027-01-01,Tahun Baru Masehi,national\n2027-12-24,Cuti Bersama Natal,cuti_bersama\n";
    holidays::import_year(&mut o.db, &admin, monday(), 2027, good).expect("import");
    let year = holidays::year(&o.db, &admin, 2027).expect("list");
    assert_eq!(year.holidays.len(), 2);
    assert_eq!(year.holidays[1].kind, HolidayKind::CutiBersama);

    // The same year as Excel saves it on an Indonesian-locale computer: a BOM, `;` between columns.
    let excel = "\u{feff}day;name;kind\r\n2027-01-01;Tahun Baru Masehi;national\r\n2027-12-24;Cuti Bersama Natal;cuti_bersama\r\n";
    holidays::import_year(&mut o.db, &admin, monday(), 2027, excel).expect("excel import");
    let again = holidays::year(&o.db, &admin, 2027).expect("list");
    assert_eq!(again.holidays, year.holidays);
}
