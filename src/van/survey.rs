//! The satisfaction survey (SKM, PermenPANRB 14/2017) taken when a permit is handed over, and the index
//! (IKM) the office reports per period and per permit type.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::actor::{Actor, Role};
use crate::audit::{self, Change};
use crate::cases::{CaseId, Status};
use crate::db::{Db, Tx};
use crate::{office, store, Error, Result};

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
    let mut sums = [0u64; 9];
    for a in responses {
        for (sum, v) in sums.iter_mut().zip(a.0) {
            *sum += u64::from(v);
        }
    }
    ikm_of_sums(responses.len() as u64, &sums)
}

/// The same index from the number of responses and the sum of each item's scores (what a report adds
/// up in the register): each item's mean is its sum over the responses, the mean of all answers is the
/// mean of the nine, and IKM is that × 25.
pub fn ikm_of_sums(responses: u64, sums: &[u64; 9]) -> Ikm {
    if responses == 0 {
        return Ikm {
            responses: 0,
            mean: 0.0,
            ikm: 0.0,
            grade: None,
            item_means: vec![0.0; 9],
        };
    }
    let item_means: Vec<f64> = sums.iter().map(|s| *s as f64 / responses as f64).collect();
    let mean = item_means.iter().sum::<f64>() / 9.0;
    let value = mean * 25.0;
    Ikm {
        responses: u32::try_from(responses).unwrap_or(u32::MAX),
        mean,
        ikm: value,
        grade: Some(grade(value)),
        item_means,
    }
}

/// Stores a handed-over case's survey (clerk at the counter, courier at the stop). One response per case.
pub fn record(
    db: &mut Db,
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
    let today = office::today(db, now)?;
    db.write(|tx| record_tx(tx, actor, now, today, case, a))
}

/// [`record`] inside the caller's transaction (a van's check-in replays it).
pub(crate) fn record_tx(
    tx: &Tx,
    actor: &Actor,
    now: DateTime<Utc>,
    today: NaiveDate,
    case: CaseId,
    a: &Answers,
) -> Result<()> {
    actor.require(&[Role::Clerk, Role::Courier], "record satisfaction surveys")?;
    {
        let status =
            store::cases::status(tx, case)?.ok_or_else(|| Error::not_found("case", case))?;
        if !matches!(status, Status::Delivered | Status::PickedUp) {
            return Err(Error::Transition(format!(
                "case {case} is {status}: the survey is taken when the permit is handed over"
            )));
        }
        if store::surveys::exists(tx, case)? {
            return Err(Error::Conflict(format!(
                "case {case} already has a survey response"
            )));
        }
        audit::outbox::record(
            tx,
            actor,
            now,
            "survey",
            &serde_json::json!({ "case": case, "answers": a }),
        )?;
        store::surveys::insert(tx, case, today, &a.0, actor.id)?;
        audit::case_event(tx, case, actor, now, Change::note("survey", None))
    }
}

/// IKM over the responses answered in `from..=to`, overall and per permit type (by code).
pub fn report(db: &Db, from: NaiveDate, to: NaiveDate) -> Result<(Ikm, Vec<IkmByType>)> {
    let rows = store::surveys::answered_between(db, from, to)?;
    let all: Vec<Answers> = rows.iter().map(|(_, a)| Answers(*a)).collect();
    let mut by_type: Vec<IkmByType> = Vec::new();
    let mut codes: Vec<&str> = rows.iter().map(|(c, _)| c.as_str()).collect();
    codes.dedup();
    for code in codes {
        let set: Vec<Answers> = rows
            .iter()
            .filter(|(c, _)| c == code)
            .map(|(_, a)| Answers(*a))
            .collect();
        by_type.push(IkmByType {
            permit_type: code.to_string(),
            ikm: ikm(&set),
        });
    }
    Ok((ikm(&all), by_type))
}
