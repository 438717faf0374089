//! Every screen reads only what it shows (issue 14): each statement the screens' core functions run is
//! recorded and its plan asked of the engine. On SQLite (which keeps no statistics here, so a small
//! register gets the plan a big one gets) no plan may scan `cases`, `applicants` or `case_events` whole,
//! but a page that walks them newest first in the order it shows and stops at its limit; nor read every
//! closed case (the statuses that pile up over the years) through the status index. On PostgreSQL, whose
//! plans follow its statistics, sequential scans are discouraged and every plan over those tables must
//! still use an index: a `Seq Scan` left means no index could serve.

use chrono::Days;
use petromaks::audit::{self, AuditFilter};
use petromaks::cases::{self, CaseFilter, Status};
use petromaks::db::{Db, Engine, Statement};
use petromaks::documents::batch::{self, Selection};
use petromaks::exchange::demo;
use petromaks::van::{self, dashboards, survey};
use petromaks::{office, Result};

use crate::support::{self, monday};

/// The tables that grow with the years.
const BIG: &[&str] = &["cases", "applicants", "case_events"];

/// The names a statement gives the big tables (the table itself and its aliases).
fn names_of_big_tables(sql: &str) -> Vec<String> {
    let words: Vec<&str> = sql
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .collect();
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        if BIG.contains(w) {
            out.push(w.to_string());
            let next = words.get(i + 1).copied().unwrap_or("");
            let keyword = [
                "JOIN", "WHERE", "ON", "LEFT", "ORDER", "GROUP", "LIMIT", "SET", "VALUES", "AS",
                "UNION",
            ]
            .contains(&next.to_uppercase().as_str());
            if !keyword && !next.is_empty() && (words.get(i.wrapping_sub(1)) != Some(&"INTO")) {
                out.push(next.to_string());
            }
        }
    }
    out
}

/// The statuses that pile up over the years: reading all of one is reading most of the register.
const CLOSED: &[&str] = &["delivered", "picked_up", "rejected", "withdrawn"];

/// Whether the statement names a closed status (in its text or its parameters).
fn names_closed(s: &Statement) -> bool {
    CLOSED.iter().any(|c| {
        s.sql.contains(&format!("'{c}'"))
            || s.params
                .iter()
                .any(|p| *p == petromaks::db::Value::Text(c.to_string()))
    })
}

/// Why a plan reads a big table whole, if it does.
fn full_scan(db: &Db, s: &Statement, plan: &[String]) -> Option<String> {
    let names = names_of_big_tables(&s.sql);
    // A walk in the order shown that stops at the page's limit reads only the page.
    let bounded = s.sql.contains(" DESC LIMIT ")
        && !s.sql.contains("GROUP BY")
        && !plan.iter().any(|l| l.contains("TEMP B-TREE"));
    // On SQLite only: the server's planner weighs its statistics, and on a small test database it sorts a
    // few rows where on a big one it walks the index in order.
    if db.engine() == Engine::Sqlite && names_closed(s) && !bounded {
        if let Some(line) = plan.iter().find(|l| l.contains("cases_status")) {
            return Some(format!(
                "every closed case through the status index: {line}"
            ));
        }
    }
    match db.engine() {
        Engine::Sqlite => plan.iter().find_map(|line| {
            let rest = line.trim().strip_prefix("SCAN ")?;
            let name = rest.split_whitespace().next()?;
            if !names.iter().any(|n| n == name) {
                return None;
            }
            (!bounded).then(|| line.clone())
        }),
        Engine::Postgres => plan.iter().find_map(|line| {
            let table = line
                .split("Seq Scan on ")
                .nth(1)?
                .split_whitespace()
                .next()?;
            BIG.contains(&table).then(|| line.clone())
        }),
    }
}

/// Runs `work` and fails on any full scan of a big table in the statements it ran.
fn check<T>(db: &Db, screen: &str, work: impl FnOnce(&Db) -> Result<T>) {
    let (_, statements) = db
        .recording(work)
        .unwrap_or_else(|e| panic!("{screen}: {e}"));
    assert!(!statements.is_empty(), "{screen} ran no statement");
    for s in statements
        .iter()
        .filter(|s| s.sql.trim_start().to_uppercase().starts_with("SELECT"))
    {
        let plan = db
            .plan(s)
            .unwrap_or_else(|e| panic!("{screen}: {e}: {}", s.sql));
        if std::env::var_os("SHOW_PLANS").is_some() {
            eprintln!("-- {screen}\n{}\n   {}", s.sql, plan.join("\n   "));
        }
        if let Some(line) = full_scan(db, s, &plan) {
            panic!(
                "{screen} reads a big table whole ({line}):\n{}\nplan:\n{}",
                s.sql,
                plan.join("\n")
            );
        }
    }
}

#[test]
fn no_screen_scans_the_big_tables_whole() {
    let mut o = support::office();
    let admin = o.admin.clone();
    demo::bulk::generate_large(&mut o.db, &admin, monday(), 2500, 7, &mut |_| true).expect("demo");
    let db = &o.db;
    let now = monday();
    let today = office::today(db, now).expect("today");
    let any = |sql: &str| -> String { db.value(sql, &[]).expect(sql) };
    let reg = any("SELECT registration_number FROM cases ORDER BY id LIMIT 1");
    let permit = any("SELECT permit_number FROM cases WHERE permit_number IS NOT NULL LIMIT 1");
    let nik = any("SELECT nik FROM applicants LIMIT 1");
    let village = any("SELECT village_code FROM applicants LIMIT 1");
    let case: i64 = db.value("SELECT max(id) FROM cases", &[]).expect("case");
    let trip: i64 = db.value("SELECT max(id) FROM trips", &[]).expect("trip");
    let list = |f: CaseFilter| move |db: &Db| cases::list(db, &f);

    check(db, "case list", list(CaseFilter::default()));
    check(
        db,
        "case list, next page",
        list(CaseFilter {
            before: Some(cases::CaseId(case - 50)),
            ..Default::default()
        }),
    );
    for s in Status::ALL {
        check(
            db,
            &format!("case list of {s}"),
            list(CaseFilter {
                status: Some(*s),
                ..Default::default()
            }),
        );
    }
    for who in [&o.clerk, &o.verifier, &o.signer, &o.courier, &o.admin] {
        check(db, &format!("today strip of {}", who.role), |db| {
            let tiles = cases::today(db, who, now)?;
            for t in &tiles {
                cases::list(db, &t.filter)?;
            }
            Ok(tiles)
        });
    }
    for q in [
        "sri",
        "sri sap",
        "yu r",
        "de",
        &nik,
        &nik[..8],
        &reg,
        &permit,
        "tidak-ada",
    ] {
        check(
            db,
            &format!("search {q:?}"),
            list(CaseFilter {
                query: Some(q.to_string()),
                ..Default::default()
            }),
        );
        check(db, &format!("count of {q:?}"), |db| {
            cases::count(
                db,
                &CaseFilter {
                    query: Some(q.to_string()),
                    ..Default::default()
                },
            )
        });
    }
    check(db, "scanner", |db| cases::find_by_number(db, &reg));
    check(db, "case screen", |db| {
        cases::detail(db, Some(&admin), now, cases::CaseId(case))
    });
    check(db, "dashboard undelivered", |db| {
        dashboards::undelivered(db, now)
    });
    check(db, "dashboard expiring", |db| {
        dashboards::expiring(db, now, 60)
    });
    check(db, "dashboard trips", |db| {
        dashboards::trips_of_week(db, now)
    });
    check(db, "dashboard survey", |db| {
        survey::report(db, today - Days::new(62), today)
    });
    check(db, "batch by village", |db| {
        batch::select(
            db,
            &Selection::Village {
                code: village.clone(),
            },
        )
    });
    check(db, "batch by issue days", |db| {
        batch::select(
            db,
            &Selection::IssuedBetween {
                from: today - Days::new(14),
                to: today,
            },
        )
    });
    check(db, "trips", |db| {
        van::list_trips(db, today - Days::new(7), today)
    });
    check(db, "trip screen", |db| van::detail(db, van::TripId(trip)));
    check(db, "van pool", |db| van::pool(db, None));
    check(db, "van suggestions", |db| van::suggest_villages(db, now));
    check(db, "audit log", |db| {
        audit::list(db, &admin, &AuditFilter::default())
    });
    check(db, "audit log of a case", |db| {
        audit::list(
            db,
            &admin,
            &AuditFilter {
                case: Some(cases::CaseId(case)),
                ..Default::default()
            },
        )
    });
}
