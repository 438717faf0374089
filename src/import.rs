//! Bringing applicants and cases in from a CSV file (for example an export from another system): a dry
//! run names every bad row by line and reason and writes nothing; a confirmed import is all or nothing.
//!
//! Both runs go through the same path as the counter (`register_tx`) inside one transaction, each row in
//! its own savepoint, so the dry run checks exactly what the import would do, including NIKs repeated
//! within the file.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Utc};
use rusqlite::{Connection, Transaction};
use serde::Serialize;

use crate::applicants::{self, ApplicantInput};
use crate::cases::{self, Channel, NewCase, ServiceMode};
use crate::users::{Actor, Role};
use crate::{audit, db, permit_types, Error, Result};

/// The columns a file must have, in any order; `permit_type` empty means an applicant without a case.
pub const COLUMNS: &[&str] = &[
    "nik",
    "name",
    "birth_place",
    "address",
    "village_code",
    "phone",
    "email",
    "npwp",
    "permit_type",
    "channel",
    "service_mode",
    "received",
    "fields",
];

/// A row that cannot be imported: its line in the file (the header is line 1) and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BadRow {
    pub line: u64,
    pub reason: String,
}

/// What an import (or its dry run) found and did.
#[derive(Debug, Clone, Serialize)]
pub struct ImportReport {
    pub dry_run: bool,
    pub rows: u64,
    pub bad: Vec<BadRow>,
    pub applicants_created: u64,
    pub cases_registered: u64,
    /// True only when a confirmed import was committed.
    pub written: bool,
}

/// Checks every row of `csv_text` and writes nothing (`confirm` false), or imports the whole file in one
/// transaction (`confirm` true). A confirmed import with any bad row is refused and writes nothing.
/// Cases are registered by `actor`, who must be a clerk, as at the counter.
pub fn import(
    conn: &mut Connection,
    actor: &Actor,
    now: DateTime<Utc>,
    csv_text: &str,
    confirm: bool,
) -> Result<ImportReport> {
    actor.require(&[Role::Clerk], "import applicants and cases")?;
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(csv_text.as_bytes());
    let header = reader
        .headers()
        .map_err(|e| Error::invalid("file", format!("the header line cannot be read: {e}")))?
        .clone();
    let index: HashMap<&str, usize> = header
        .iter()
        .enumerate()
        .map(|(i, h)| (h.trim(), i))
        .collect();
    let missing: Vec<&str> = COLUMNS
        .iter()
        .copied()
        .filter(|c| !index.contains_key(c))
        .collect();
    if !missing.is_empty() {
        return Err(Error::invalid(
            "file",
            format!("the header lacks the column(s) {}", missing.join(", ")),
        ));
    }
    let tx = db::write_tx(conn)?;
    let mut report = ImportReport {
        dry_run: !confirm,
        rows: 0,
        bad: Vec::new(),
        applicants_created: 0,
        cases_registered: 0,
        written: false,
    };
    for record in reader.records() {
        report.rows += 1;
        let (line, outcome) = match record {
            Ok(r) => {
                let line = r.position().map(|p| p.line()).unwrap_or(report.rows + 1);
                let get = |c: &str| {
                    index
                        .get(c)
                        .and_then(|&i| r.get(i))
                        .unwrap_or("")
                        .trim()
                        .to_string()
                };
                if r.len() != header.len() {
                    (
                        line,
                        Err(Error::invalid(
                            "file",
                            format!("{} values for {} columns", r.len(), header.len()),
                        )),
                    )
                } else {
                    (line, import_row(&tx, actor, now, &get))
                }
            }
            Err(e) => (
                e.position().map(|p| p.line()).unwrap_or(report.rows + 1),
                Err(Error::invalid("file", e.to_string())),
            ),
        };
        match outcome {
            Ok((created, case)) => {
                report.applicants_created += u64::from(created);
                report.cases_registered += u64::from(case);
            }
            Err(e) => report.bad.push(BadRow {
                line,
                reason: e.to_string(),
            }),
        }
    }
    if !confirm {
        return Ok(report);
    }
    if !report.bad.is_empty() {
        let lines: Vec<String> = report
            .bad
            .iter()
            .map(|b| format!("line {}: {}", b.line, b.reason))
            .collect();
        return Err(Error::invalid(
            "file",
            format!(
                "nothing was imported: {} bad row(s): {}",
                report.bad.len(),
                lines.join("; ")
            ),
        ));
    }
    let detail = format!(
        "{} rows, {} applicants created, {} cases registered",
        report.rows, report.applicants_created, report.cases_registered
    );
    audit::admin_event(&tx, Some(actor.id), now, "import", "csv", Some(&detail))?;
    tx.commit()?;
    report.written = true;
    Ok(report)
}

/// One row in its own savepoint: a bad row leaves no trace, so later rows are checked against the rows
/// before them exactly as the import would write them.
fn import_row(
    tx: &Transaction,
    actor: &Actor,
    now: DateTime<Utc>,
    get: &dyn Fn(&str) -> String,
) -> Result<(bool, bool)> {
    tx.execute_batch("SAVEPOINT import_row")?;
    let out = write_row(tx, actor, now, get);
    match out {
        Ok(_) => tx.execute_batch("RELEASE import_row")?,
        Err(_) => tx.execute_batch("ROLLBACK TO import_row; RELEASE import_row")?,
    }
    out
}

fn opt(s: String) -> Option<String> {
    Some(s).filter(|s| !s.is_empty())
}

fn write_row(
    tx: &Transaction,
    actor: &Actor,
    now: DateTime<Utc>,
    get: &dyn Fn(&str) -> String,
) -> Result<(bool, bool)> {
    let applicant = ApplicantInput {
        nik: get("nik"),
        name: get("name"),
        birth_place: get("birth_place"),
        address: get("address"),
        village_code: opt(get("village_code")),
        phone: opt(get("phone")),
        email: opt(get("email")),
        npwp: opt(get("npwp")),
    };
    let permit_type = get("permit_type");
    if permit_type.is_empty() {
        let today = cases::office_today(tx, now)?;
        let (_, created) = applicants::find_or_create_tx(tx, actor, now, today, &applicant)?;
        return Ok((created, false));
    }
    let known = applicants::by_nik(tx, &applicant.nik)?.is_some();
    let channel = match get("channel").as_str() {
        "" => Channel::Counter,
        s => s
            .parse::<Channel>()
            .map_err(|_| Error::invalid("channel", format!("{s:?} is not counter or van")))?,
    };
    let service_mode = match get("service_mode").as_str() {
        "" => ServiceMode::New,
        s => s
            .parse::<ServiceMode>()
            .map_err(|_| Error::invalid("service_mode", format!("{s:?} is not a service mode")))?,
    };
    let received = match get("received").as_str() {
        "all" => permit_types::by_code(tx, &permit_type)?
            .requirements
            .iter()
            .map(|r| r.position)
            .collect(),
        "" => Vec::new(),
        s => s
            .split([',', ' '])
            .filter(|p| !p.is_empty())
            .map(|p| {
                p.parse::<u32>().map_err(|_| {
                    Error::invalid("received", format!("{p:?} is not a checklist position"))
                })
            })
            .collect::<Result<_>>()?,
    };
    let mut details = BTreeMap::new();
    for pair in get("fields").split(';').filter(|p| !p.trim().is_empty()) {
        let (k, v) = pair
            .split_once('=')
            .ok_or_else(|| Error::invalid("fields", format!("{pair:?} is not KEY=VALUE")))?;
        details.insert(k.trim().to_string(), v.trim().to_string());
    }
    let input = NewCase {
        applicant,
        permit_type,
        channel,
        service_mode,
        received,
        details,
    };
    cases::register_tx(tx, actor, now, &input)?;
    Ok((!known, true))
}

/// The header line of an import file, for a template the admin can fill in.
pub fn template_header() -> String {
    COLUMNS.join(",")
}
