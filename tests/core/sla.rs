//! The service-standard clock: working days from the day the file is complete, paused while returned.

use chrono::{Duration, NaiveDate};
use petromaks::calendar::{SlaState, WorkCalendar};
use petromaks::cases::{self, Move, Status};

use crate::support::{self, monday, sipd};

#[test]
fn due_date_skips_weekends_and_the_holiday_table() {
    let mut o = support::office();
    let (clerk, verifier) = (o.clerk.clone(), o.verifier.clone());
    // Verified on Monday 21 December 2026: 24 and 25 December are holidays in the seeded table.
    let day = monday() + Duration::days(28);
    let id = cases::register(
        &mut o.conn,
        &clerk,
        day,
        &sipd("1607014508900001", "Dewi Lestari"),
    )
    .expect("register");
    cases::move_case(
        &mut o.conn,
        &verifier,
        day,
        id,
        &Move {
            to: Status::Verified,
            reason: None,
        },
    )
    .expect("verify");
    let c = cases::get(&o.conn, id).expect("case");
    let cal = WorkCalendar::load(&o.conn).expect("calendar");
    let holidays = petromaks::calendar::holidays(&o.conn, 2026).expect("holidays");
    assert!(
        holidays.iter().any(|h| h.day == "2026-12-25"),
        "Christmas is seeded"
    );
    let d = |m, dd| NaiveDate::from_ymd_opt(2026, m, dd).expect("date");
    let mut expect = d(12, 21);
    let mut n = 0;
    while n < 5 {
        expect += Duration::days(1);
        if cal.is_working_day(expect) {
            n += 1;
        }
    }
    assert_eq!(
        c.due_date.as_deref(),
        Some(expect.format("%Y-%m-%d").to_string().as_str())
    );
    assert!(
        expect >= d(12, 29),
        "five working days past Christmas: {expect}"
    );
    let today = d(12, 21);
    assert_eq!(
        cases::sla(&cal, &c, today).expect("sla"),
        SlaState::Running {
            due: expect.to_string(),
            days_left: 5
        }
    );
    let late = cal.add_working_days(expect, 2);
    assert_eq!(
        cases::sla(&cal, &c, late).expect("sla"),
        SlaState::Overdue {
            due: expect.to_string(),
            days_overdue: 2
        }
    );
}

#[test]
fn a_returned_file_pauses_the_clock_and_resumes_where_it_stopped() {
    let mut o = support::office();
    let (clerk, verifier) = (o.clerk.clone(), o.verifier.clone());
    let mon = monday();
    let id = cases::register(
        &mut o.conn,
        &clerk,
        mon,
        &sipd("1607014508900001", "Dewi Lestari"),
    )
    .expect("register");
    let step = |o: &mut support::Office1, who, at, to, reason: Option<&str>| {
        cases::move_case(
            &mut o.conn,
            who,
            at,
            id,
            &Move {
                to,
                reason: reason.map(Into::into),
            },
        )
        .expect("step");
    };
    step(&mut o, &verifier, mon, Status::Verified, None);
    assert_eq!(
        cases::get(&o.conn, id).expect("c").due_date.as_deref(),
        Some("2026-11-30")
    );
    // Two working days later (Wednesday) the review finds a problem: 2 of 5 days used.
    step(
        &mut o,
        &verifier,
        mon + Duration::days(2),
        Status::Returned,
        Some("STR kedaluwarsa"),
    );
    let c = cases::get(&o.conn, id).expect("c");
    assert_eq!((c.sla_used_days, c.due_date.clone()), (2, None));
    let cal = WorkCalendar::load(&o.conn).expect("cal");
    assert_eq!(
        cases::sla(&cal, &c, NaiveDate::from_ymd_opt(2026, 12, 1).expect("d")).expect("sla"),
        SlaState::Paused {
            used_days: 2,
            sla_days: 5
        }
    );
    // Back the next Monday: three days remain, so due Thursday 3 December.
    step(
        &mut o,
        &clerk,
        mon + Duration::days(7),
        Status::Received,
        None,
    );
    step(
        &mut o,
        &verifier,
        mon + Duration::days(7),
        Status::Verified,
        None,
    );
    let c = cases::get(&o.conn, id).expect("c");
    assert_eq!(c.due_date.as_deref(), Some("2026-12-03"));
    assert_eq!(c.sla_started_on.as_deref(), Some("2026-11-23"));
    let events = petromaks::audit::case_events(&o.conn, id).expect("events");
    assert!(events
        .iter()
        .any(|e| e.detail.as_deref() == Some("SLA paused after 2 of 5 working days")));
}
