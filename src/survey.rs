//! The satisfaction survey (SKM, PermenPANRB 14/2017) taken when a permit is handed over, and the index
//! (IKM) the office reports per period and per permit type.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::audit::{self, Change};
use crate::cases::{office_today, CaseId, Status};
use crate::users::{Actor, Role};
use crate::{db, time, Error, Result};

/// The nine SKM items, in the regulation's order.
pub const ITEMS: [&str; 9] = [
    "Persyaratan",
    "Sistem, mekanisme dan prosedur",
    "Waktu penyelesaian",
    "Biaya/tarif",
    "Produk spesifikasi jenis pelayanan",
    "Kompetensi pelaksana",
    "Perilaku pelaksana",
    "Sarana dan prasarana",
    "Penanganan pengaduan, saran dan masukan",
];

/// One respondent's nine scores, each 1 (poor) to 4 (very good).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answers(pub [u8; 9]);

/// The index over a set of responses.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ikm {
    pub responses: u32,
    /// Mean of every answer, 1–4.
    pub mean: f64,
    /// Mean × 25, 25–100 (0 when there is no response).
    pub ikm: f64,
    /// A, B, C or D; `None` without responses.
    pub grade: Option<char>,
    /// Mean per item, in [`ITEMS`] order.
    pub item_means: Vec<f64>,
}

/// IKM per permit type.
#[derive(Debug, Clone, Serialize)]
pub struct IkmByType {
    pub permit_type: String,
    #[serde(flatten)]
    pub ikm: Ikm,
}

/// The grade of an IKM value (PermenPANRB 14/2017): A 88.31–100, B 76.61–88.30, C 65.00–76.60, D below.
pub fn grade(ikm: f64) -> char {
    // The table is in two decimals: compare the rounded value so 88.305 is not lost between two bands.
    let v = (ikm * 100.0).round() / 100.0;
    if v >= 88.31 {
        'A'
    } else if v >= 76.61 {
        'B'
    } else if v >= 65.0 {
        'C'
    } else {
        'D'
    }
}

/// IKM = mean of all answers × 25, with its grade.
pub fn ikm(responses: &[Answers]) -> Ikm {
    let n = responses.len();
    if n == 0 {
        return Ikm {
            responses: 0,
            mean: 0.0,
            ikm: 0.0,
            grade: None,
            item_means: vec![0.0; 9],
        };
    }
    let item_means: Vec<f64> = (0..9)
        .map(|i| responses.iter().map(|a| f64::from(a.0[i])).sum::<f64>() / n as f64)
        .collect();
    let mean = item_means.iter().sum::<f64>() / 9.0;
    let value = mean * 25.0;
    Ikm {
        responses: n as u32,
        mean,
        ikm: value,
        grade: Some(grade(value)),
        item_means,
    }
}

/// Stores a handed-over case's survey (clerk at the counter, courier at the stop). One response per case.
pub fn record(
    conn: &mut Connection,
    actor: &Actor,
    now: DateTime<Utc>,
    case: CaseId,
    a: &Answers,
) -> Result<()> {
    actor.require(&[Role::Clerk, Role::Courier], "record satisfaction surveys")?;
    if let Some((i, v)) = a.0.iter().enumerate().find(|(_, v)| !(1..=4).contains(*v)) {
        return Err(Error::invalid(
            "answers",
            format!(
                "item {} ({}) is scored {v}; scores go from 1 to 4",
                i + 1,
                ITEMS[i]
            ),
        ));
    }
    let today = office_today(conn, now)?;
    let tx = db::write_tx(conn)?;
    let status: Status = tx
        .query_row("SELECT status FROM cases WHERE id = ?1", [case.0], |r| {
            r.get(0)
        })
        .optional()?
        .ok_or_else(|| Error::not_found("case", case.0))?;
    if !matches!(status, Status::Delivered | Status::PickedUp) {
        return Err(Error::Transition(format!(
            "case {} is {status}: the survey is taken when the permit is handed over",
            case.0
        )));
    }
    let done: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM survey_responses WHERE case_id = ?1)",
        [case.0],
        |r| r.get(0),
    )?;
    if done {
        return Err(Error::Conflict(format!(
            "case {} already has a survey response",
            case.0
        )));
    }
    let s = a.0;
    tx.execute(
        "INSERT INTO survey_responses (case_id, answered_on, u1, u2, u3, u4, u5, u6, u7, u8, u9, recorded_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        params![case.0, time::day(today), s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], s[8], actor.id.0],
    )?;
    audit::case_event(
        &tx,
        case,
        actor,
        now,
        Change {
            action: "survey",
            from: None,
            to: None,
            reason: None,
            detail: None,
        },
    )?;
    tx.commit()?;
    Ok(())
}

fn answers(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<Vec<(String, Answers)>> {
    let rows = conn
        .prepare(
            "SELECT p.code, s.u1, s.u2, s.u3, s.u4, s.u5, s.u6, s.u7, s.u8, s.u9
             FROM survey_responses s JOIN cases c ON c.id = s.case_id JOIN permit_types p ON p.id = c.permit_type_id
             WHERE s.answered_on BETWEEN ?1 AND ?2 ORDER BY p.code, s.case_id",
        )?
        .query_map(params![time::day(from), time::day(to)], |r| {
            let mut a = [0u8; 9];
            for (i, slot) in a.iter_mut().enumerate() {
                *slot = r.get(i + 1)?;
            }
            Ok((r.get::<_, String>(0)?, Answers(a)))
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// IKM over the responses answered in `from..=to`, overall and per permit type (by code).
pub fn report(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<(Ikm, Vec<IkmByType>)> {
    let rows = answers(conn, from, to)?;
    let all: Vec<Answers> = rows.iter().map(|(_, a)| *a).collect();
    let mut by_type: Vec<IkmByType> = Vec::new();
    let mut codes: Vec<&str> = rows.iter().map(|(c, _)| c.as_str()).collect();
    codes.dedup();
    for code in codes {
        let set: Vec<Answers> = rows
            .iter()
            .filter(|(c, _)| c == code)
            .map(|(_, a)| *a)
            .collect();
        by_type.push(IkmByType {
            permit_type: code.to_string(),
            ikm: ikm(&set),
        });
    }
    Ok((ikm(&all), by_type))
}
