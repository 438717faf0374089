//! The register as plain rows, read with plain SQL and nothing of the reports' own code, and the
//! figures of `docs/reports.md` computed from them with loops: office days from the stored instants
//! (UTC + 7 hours), working days from the week and the holiday table. What the reports say is checked
//! against these.

use std::collections::BTreeSet;

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use petromaks::db::Db;

/// The office's day of a stored instant (Banyuasin is UTC+7).
pub fn office_day(at: &str) -> NaiveDate {
    let t: DateTime<Utc> = DateTime::parse_from_rfc3339(at)
        .expect("stamp")
        .with_timezone(&Utc);
    (t + Duration::hours(7)).date_naive()
}

pub fn iso(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("day")
}

#[derive(Debug, Clone)]
pub struct CaseRow {
    pub id: i64,
    pub reg: String,
    pub code: String,
    pub channel: String,
    pub registrar: String,
    pub status: String,
    pub registered_on: NaiveDate,
    pub issued_on: Option<NaiveDate>,
    pub closed_day: Option<NaiveDate>,
    pub due: Option<NaiveDate>,
    pub village: Option<String>,
    pub district: Option<String>,
    pub sla_days: i64,
    pub valid_until: Option<NaiveDate>,
    pub permit_number: Option<String>,
    pub revoked: bool,
}

#[derive(Debug, Clone)]
pub struct Step {
    pub id: i64,
    pub case: i64,
    pub from: Option<String>,
    pub to: Option<String>,
    pub day: NaiveDate,
    pub reason: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Handover {
    pub case: i64,
    pub trip: Option<i64>,
    pub district: Option<String>,
    pub village: Option<String>,
    pub outcome: String,
    pub fail_reason: Option<String>,
    pub day: NaiveDate,
}

#[derive(Debug, Clone)]
pub struct Stop {
    pub trip: i64,
    pub date: NaiveDate,
    pub status: String,
    pub creator: String,
    pub village: String,
    pub district: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Answer {
    pub case: i64,
    pub day: NaiveDate,
    pub scores: [i64; 9],
}

pub struct Raw {
    pub cases: Vec<CaseRow>,
    pub steps: Vec<Step>,
    pub handovers: Vec<Handover>,
    pub stops: Vec<Stop>,
    pub answers: Vec<Answer>,
    pub holidays: BTreeSet<NaiveDate>,
    /// District code → name.
    pub district_names: Vec<(String, String)>,
    /// Village code → name, for the villages applicants live in.
    pub village_names: Vec<(String, String)>,
    /// Permit types: code, name, active, in catalogue order.
    pub types: Vec<(String, String, bool)>,
}

fn text(db: &Db, sql: &str) -> Vec<Vec<Option<String>>> {
    db.query(sql, &[])
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
        .into_iter()
        .map(|r| {
            (0..r.len())
                .map(|i| match r.raw(i) {
                    Some(petromaks::db::Value::Null) | None => None,
                    Some(petromaks::db::Value::Int(n)) => Some(n.to_string()),
                    Some(petromaks::db::Value::Text(s)) => Some(s.clone()),
                    Some(v) => Some(format!("{v:?}")),
                })
                .collect()
        })
        .collect()
}

fn int(s: &Option<String>) -> i64 {
    s.as_deref().expect("number").parse().expect("integer")
}

pub fn read(db: &Db) -> Raw {
    let cases = text(
        db,
        "SELECT c.id, c.registration_number, t.code, c.channel, u.username, c.status, c.registered_on,
                c.issued_on, c.closed_at, c.due_date, a.village_code, v.district_code, c.sla_days,
                c.valid_until, c.permit_number,
                (SELECT count(*) FROM revoked_permits r WHERE r.permit_number = c.permit_number)
         FROM cases c JOIN permit_types t ON t.id = c.permit_type_id JOIN users u ON u.id = c.registered_by
         JOIN applicants a ON a.id = c.applicant_id LEFT JOIN villages v ON v.code = a.village_code
         ORDER BY c.id",
    )
    .into_iter()
    .map(|r| CaseRow {
        id: int(&r[0]),
        reg: r[1].clone().expect("reg"),
        code: r[2].clone().expect("code"),
        channel: r[3].clone().expect("channel"),
        registrar: r[4].clone().expect("user"),
        status: r[5].clone().expect("status"),
        registered_on: iso(r[6].as_deref().expect("day")),
        issued_on: r[7].as_deref().map(iso),
        closed_day: r[8].as_deref().map(office_day),
        due: r[9].as_deref().map(iso),
        village: r[10].clone(),
        district: r[11].clone(),
        sla_days: int(&r[12]),
        valid_until: r[13].as_deref().map(iso),
        permit_number: r[14].clone(),
        revoked: int(&r[15]) > 0,
    })
    .collect();
    let steps = text(
        db,
        "SELECT id, case_id, from_status, to_status, at, reason FROM case_events WHERE action = 'status' ORDER BY id",
    )
    .into_iter()
    .map(|r| Step {
        id: int(&r[0]),
        case: int(&r[1]),
        from: r[2].clone(),
        to: r[3].clone(),
        day: office_day(r[4].as_deref().expect("at")),
        reason: r[5].clone(),
    })
    .collect();
    let handovers = text(
        db,
        "SELECT d.case_id, d.trip_id, v.district_code, d.village_code, d.outcome, d.fail_reason, d.recorded_at
         FROM deliveries d LEFT JOIN villages v ON v.code = d.village_code WHERE d.outcome IS NOT NULL ORDER BY d.id",
    )
    .into_iter()
    .map(|r| Handover {
        case: int(&r[0]),
        trip: r[1].as_deref().map(|s| s.parse().expect("trip")),
        district: r[2].clone(),
        village: r[3].clone(),
        outcome: r[4].clone().expect("outcome"),
        fail_reason: r[5].clone(),
        day: office_day(r[6].as_deref().expect("recorded")),
    })
    .collect();
    let stops = text(
        db,
        "SELECT t.id, t.trip_date, t.status, u.username, s.village_code, v.district_code
         FROM trips t JOIN trip_stops s ON s.trip_id = t.id JOIN users u ON u.id = t.created_by
         LEFT JOIN villages v ON v.code = s.village_code ORDER BY t.id, s.position",
    )
    .into_iter()
    .map(|r| Stop {
        trip: int(&r[0]),
        date: iso(r[1].as_deref().expect("date")),
        status: r[2].clone().expect("status"),
        creator: r[3].clone().expect("creator"),
        village: r[4].clone().expect("village"),
        district: r[5].clone(),
    })
    .collect();
    let answers = text(
        db,
        "SELECT case_id, answered_on, u1, u2, u3, u4, u5, u6, u7, u8, u9 FROM survey_responses ORDER BY case_id",
    )
    .into_iter()
    .map(|r| {
        let mut scores = [0; 9];
        for (i, s) in scores.iter_mut().enumerate() {
            *s = int(&r[2 + i]);
        }
        Answer {
            case: int(&r[0]),
            day: iso(r[1].as_deref().expect("day")),
            scores,
        }
    })
    .collect();
    let holidays = text(db, "SELECT day FROM holidays")
        .into_iter()
        .map(|r| iso(r[0].as_deref().expect("day")))
        .collect();
    let district_names = text(
        db,
        "SELECT code, name FROM districts WHERE regency_code = '16.07'",
    )
    .into_iter()
    .map(|r| (r[0].clone().expect("code"), r[1].clone().expect("name")))
    .collect();
    let village_names = text(
        db,
        "SELECT code, name FROM villages WHERE code IN (SELECT village_code FROM applicants)",
    )
    .into_iter()
    .map(|r| (r[0].clone().expect("code"), r[1].clone().expect("name")))
    .collect();
    let types = text(
        db,
        "SELECT code, name, active FROM permit_types ORDER BY active DESC, code",
    )
    .into_iter()
    .map(|r| {
        (
            r[0].clone().expect("code"),
            r[1].clone().expect("name"),
            int(&r[2]) == 1,
        )
    })
    .collect();
    Raw {
        cases,
        steps,
        handovers,
        stops,
        answers,
        holidays,
        district_names,
        village_names,
        types,
    }
}

impl Raw {
    pub fn case(&self, id: i64) -> &CaseRow {
        self.cases.iter().find(|c| c.id == id).expect("case")
    }

    pub fn district_name(&self, code: &Option<String>) -> String {
        match code {
            Some(c) => self
                .district_names
                .iter()
                .find(|(k, _)| k == c)
                .map(|(_, n)| n.clone())
                .unwrap_or_else(|| c.clone()),
            None => "(tanpa kecamatan)".into(),
        }
    }

    pub fn village_name(&self, code: &Option<String>) -> String {
        match code {
            Some(c) => self
                .village_names
                .iter()
                .find(|(k, _)| k == c)
                .map(|(_, n)| n.clone())
                .unwrap_or_else(|| c.clone()),
            None => "(tanpa desa)".into(),
        }
    }

    /// Monday to Friday, not a holiday.
    pub fn works(&self, d: NaiveDate) -> bool {
        d.weekday().number_from_monday() <= 5 && !self.holidays.contains(&d)
    }

    /// Working days after `a` up to and including `b`.
    pub fn working_days(&self, a: NaiveDate, b: NaiveDate) -> i64 {
        let mut n = 0;
        let mut d = a;
        while d < b {
            d += Duration::days(1);
            if self.works(d) {
                n += 1;
            }
        }
        n
    }
}
