//! Bringing applicants and cases in from a CSV file (for example an export from another system): a dry
//! run names every bad row by line and reason and writes nothing; a confirmed import is all or nothing.
//!
//! Both runs go through the same path as the counter (`register_tx`) inside one transaction, each row in
//! its own savepoint, so the dry run checks exactly what the import would do, including NIKs repeated
//! within the file.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use crate::actor::{Actor, Role};
use crate::cases::{self, Channel, NewCase, ServiceMode};
use crate::db::{Db, Tx};
use crate::people::applicants::{self, ApplicantInput};
use crate::{audit, catalogue, office, spreadsheet, Error, Result};

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
    /// Rows that import but differ from the registered applicant in something other than the name (the
    /// registered data is kept).
    pub warnings: Vec<BadRow>,
    pub applicants_created: u64,
    pub cases_registered: u64,
    /// True only when a confirmed import was committed.
    pub written: bool,
}

/// Checks every row of `csv_text` and writes nothing (`confirm` false), or imports the whole file in one
/// transaction (`confirm` true). A confirmed import with any bad row is refused and writes nothing.
/// Cases are registered by `actor`, who must be a clerk, as at the counter. The file may be written by a
/// spreadsheet (`;` or `,` between columns, a byte-order mark).
pub fn import(
    db: &mut Db,
    actor: &Actor,
    now: DateTime<Utc>,
    csv_text: &str,
    confirm: bool,
) -> Result<ImportReport> {
    actor.require(&[Role::Clerk], "import applicants and cases")?;
    let mut reader = spreadsheet::reader(csv_text);
    let header = reader
        .headers()
        .map_err(|e| Error::invalid("file", format!("the header line cannot be read: {e}")))?
        .clone();
    let index: HashMap<String, usize> = header
        .iter()
        .enumerate()
        .map(|(i, h)| (h.trim().to_lowercase(), i))
        .collect();
    let missing: Vec<&str> = COLUMNS
        .iter()
        .copied()
        .filter(|c| !index.contains_key(*c))
        .collect();
    if !missing.is_empty() {
        return Err(Error::invalid(
            "file",
            format!("the header lacks the column(s) {}", missing.join(", ")),
        ));
    }
    let today = office::today(db, now)?;
    let records: Vec<std::result::Result<csv::StringRecord, csv::Error>> =
        reader.records().collect();
    let run = |tx: &Tx| -> Result<ImportReport> {
        let mut report = ImportReport {
            dry_run: !confirm,
            rows: 0,
            bad: Vec::new(),
            warnings: Vec::new(),
            applicants_created: 0,
            cases_registered: 0,
            written: false,
        };
        // Each row's values as read, and the line it was first seen on: a repeated row is a problem.
        let mut seen: HashMap<Vec<String>, u64> = HashMap::new();
        // The name each NIK of the file first came with.
        let mut names: HashMap<String, (String, u64)> = HashMap::new();
        for record in &records {
            report.rows += 1;
            let fallback = report.rows + 1;
            let r = match record {
                Ok(r) => r,
                Err(e) => {
                    report.bad.push(BadRow {
                        line: e.position().map(|p| p.line()).unwrap_or(fallback),
                        reason: format!("the line cannot be read: {e}"),
                    });
                    continue;
                }
            };
            let line = r.position().map(|p| p.line()).unwrap_or(fallback);
            if r.len() != header.len() {
                report.bad.push(BadRow {
                    line,
                    reason: format!("{} values for {} columns", r.len(), header.len()),
                });
                continue;
            }
            let get = |c: &str| {
                index
                    .get(c)
                    .and_then(|&i| r.get(i))
                    .unwrap_or("")
                    .trim()
                    .to_string()
            };
            let values: Vec<String> = COLUMNS.iter().map(|c| get(c)).collect();
            if let Some(first) = seen.get(&values) {
                report.bad.push(BadRow {
                    line,
                    reason: format!("this row repeats line {first}"),
                });
                continue;
            }
            seen.insert(values, line);
            let nik: String = get("nik").chars().filter(char::is_ascii_digit).collect();
            if let Some((name, first)) = names.get(&nik) {
                if !name.eq_ignore_ascii_case(&get("name")) {
                    report.bad.push(BadRow {
                        line,
                        reason: format!(
                            "NIK {nik} came with the name {name:?} on line {first}, here with {:?}",
                            get("name")
                        ),
                    });
                    continue;
                }
            } else {
                names.insert(nik.clone(), (get("name"), line));
            }
            match tx.savepoint(|sp| write_row(sp, actor, now, today, &get)) {
                Ok(row) => {
                    report.applicants_created += u64::from(row.created);
                    report.cases_registered += u64::from(row.case);
                    for w in row.warnings {
                        report.warnings.push(BadRow { line, reason: w });
                    }
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
        audit::admin_event(tx, Some(actor.id), now, "import", "csv", Some(&detail))?;
        report.written = true;
        Ok(report)
    };
    if confirm {
        db.write(|tx| run(tx))
    } else {
        // A dry run goes through every row exactly as the import would, then undoes it all.
        db.rehearse(run)
    }
}

/// What one row did.
struct RowOutcome {
    created: bool,
    case: bool,
    warnings: Vec<String>,
}

fn opt(s: String) -> Option<String> {
    Some(s).filter(|s| !s.is_empty())
}

/// One row, through the counter's own path: a NIK the register knows under another name is a problem of
/// the row, other differences from the registered person are warnings (the registered data is kept).
fn write_row(
    tx: &Tx,
    actor: &Actor,
    now: DateTime<Utc>,
    today: NaiveDate,
    get: &dyn Fn(&str) -> String,
) -> Result<RowOutcome> {
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
    let found = applicants::find_or_create_tx(tx, actor, now, today, &applicant)?;
    if let Some(d) = found.differences.iter().find(|d| d.field == "name") {
        return Err(Error::invalid(
            "name",
            format!(
                "NIK {} is registered as {:?}, not {:?}",
                found.applicant.nik, d.registered, d.typed
            ),
        ));
    }
    let warnings: Vec<String> = found.differences.iter().map(|d| d.to_string()).collect();
    let permit_type = get("permit_type");
    if permit_type.is_empty() {
        return Ok(RowOutcome {
            created: found.created,
            case: false,
            warnings,
        });
    }
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
        "all" => catalogue::by_code(tx, &permit_type)?
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
        submission_id: None,
    };
    cases::register_tx(tx, actor, now, today, &input)?;
    Ok(RowOutcome {
        created: found.created,
        case: true,
        warnings,
    })
}

/// The header line of an import file, for a template the admin can fill in.
pub fn template_header() -> String {
    COLUMNS.join(",")
}
