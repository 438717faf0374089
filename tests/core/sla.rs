//! The service-standard clock: working days from the day the file is complete, paused while returned.

use chrono::{Duration, NaiveDate};
use petromaks::cases::{self, Move, Status};
use petromaks::office::holidays;
use petromaks::office::{SlaState, WorkCalendar};
use petromaks::people::Actor;

use crate::support::{self, monday, sipd};

fn d(m: u32, dd: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, dd).expect("date")
}

#[test]
fn due_date_skips_weekends_and_the_holiday_table() {
    let mut o = support::office();
    let (clerk, verifier, admin) = (o.clerk.clone(), o.verifier.clone(), o.admin.clone());
    // Verified on Monday 21 December 2026: 24 and 25 December are holidays in the seeded table.
    let day = monday() + Duration::days(28);
    let id = cases::register(
        &mut o.db,
        &clerk,
        day,
        &sipd("1607014508900001", "Dewi Lestari"),
    )
    .expect("register")
    .id;
    cases::move_case(
        &mut o.db,
        &verifier,
        day,
        id,
        &Move {
            to: Status::Verified,
            reason: None,
        },
    )
    .expect("verify");
    let c = cases::get(&o.db, id).expect("case");
    let cal = WorkCalendar::load(&o.db).expect("calendar");
    let year = holidays::year(&o.db, &admin, 2026).expect("holidays");
    assert!(
        year.holidays.iter().any(|h| h.day == d(12, 25)),
        "Christmas is seeded"
    );
    let mut expect = d(12, 21);
    let mut n = 0;
    while n < 5 {
        expect += Duration::days(1);
        if cal.is_working_day(expect) {
            n += 1;
        }
    }
    assert_eq!(c.due_date, Some(expect));
    assert!(
        expect >= d(12, 29),
        "five working days past Christmas: {expect}"
    );
    assert_eq!(
        cases::sla(&cal, &c, d(12, 21)),
        SlaState::Running {
            due: expect,
            days_left: 5
        }
    );
    let late = cal.add_working_days(expect, 2);
    assert_eq!(
        cases::sla(&cal, &c, late),
        SlaState::Overdue {
            due: expect,
            days_overdue: 2
        }
    );
}

#[test]
fn a_returned_file_pauses_the_clock_and_resumes_where_it_stopped() {
    let mut o = support::office();
    let (clerk, verifier) = (o.clerk.clone(), o.verifier.clone());
    let mon = monday();
    let id = o.register(&sipd("1607014508900001", "Dewi Lestari"));
    let step = |o: &mut support::Office1,
                who: &Actor,
                at: chrono::DateTime<chrono::Utc>,
                to,
                reason: Option<&str>| {
        cases::move_case(
            &mut o.db,
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
    assert_eq!(cases::get(&o.db, id).expect("c").due_date, Some(d(11, 30)));
    // Two working days later (Wednesday) the review finds a problem: 2 of 5 days used.
    step(
        &mut o,
        &verifier,
        mon + Duration::days(2),
        Status::Returned,
        Some("STR kedaluwarsa"),
    );
    let c = cases::get(&o.db, id).expect("c");
    assert_eq!((c.sla_used_days, c.due_date), (2, None));
    let cal = WorkCalendar::load(&o.db).expect("cal");
    assert_eq!(
        cases::sla(&cal, &c, d(12, 1)),
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
    let c = cases::get(&o.db, id).expect("c");
    assert_eq!(c.due_date, Some(d(12, 3)));
    assert_eq!(c.sla_started_on, Some(d(11, 23)));
    let events = petromaks::audit::case_events(&o.db, id).expect("events");
    assert!(events
        .iter()
        .any(|e| e.detail.as_deref() == Some("SLA paused after 2 of 5 working days")));
}
