//! Whole-register checks after many desks, kills and restarts: every number series gap-free and
//! duplicate-free and agreeing with its counter, every case whole (its checklist, a first `registered`
//! event, its status the one its last event moved it to, a permit number exactly when issued), and both
//! audit chains verifying. "Nothing half-written" means these all hold.

use std::collections::{BTreeMap, BTreeSet};

use petromaks::audit;
use petromaks::db::Db;
use petromaks::people::Actor;

/// What a register held when it was checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Whole {
    pub cases: usize,
    pub issued: usize,
}

fn seqs_are_one_to(what: &str, mut seqs: Vec<i64>, last: i64) {
    seqs.sort_unstable();
    let distinct: BTreeSet<i64> = seqs.iter().copied().collect();
    assert_eq!(
        distinct.len(),
        seqs.len(),
        "{what}: a number is taken twice"
    );
    assert_eq!(
        seqs,
        (1..=last).collect::<Vec<_>>(),
        "{what}: the numbers are not exactly 1..={last} (a gap, or a number the counter does not know)"
    );
}

/// The sequence part of `number` written by `template` (the `/`-separated part holding `{seq…}`).
fn seq_of(template: &str, number: &str) -> i64 {
    let at = template
        .split('/')
        .position(|p| p.contains("{seq"))
        .unwrap_or_else(|| panic!("template {template} has no {{seq}} part"));
    number
        .split('/')
        .nth(at)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("{number} has no sequence number where {template} puts it"))
}

/// Checks an office register whole (see the module comment); panics with what is wrong.
pub fn whole(db: &Db, admin: &Actor) -> Whole {
    let counters: BTreeMap<String, i64> = db
        .map("SELECT key, last FROM number_series", &[], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .expect("number series")
        .into_iter()
        .collect();
    // Registration numbers, per year.
    let regs: Vec<String> = db
        .map("SELECT registration_number FROM cases", &[], |r| r.get(0))
        .expect("registration numbers");
    let mut by_year: BTreeMap<String, Vec<i64>> = BTreeMap::new();
    for r in &regs {
        let mut p = r.split('-');
        match (p.next(), p.next(), p.next()) {
            (Some("REG"), Some(y), Some(n)) => by_year
                .entry(y.to_string())
                .or_default()
                .push(n.parse().expect("registration sequence")),
            _ => panic!("{r} is not an office registration number"),
        }
    }
    for (year, seqs) in by_year {
        let key = format!("reg/{year}");
        let last = counters.get(&key).copied().unwrap_or(0);
        seqs_are_one_to(&key, seqs, last);
    }
    // Permit numbers, per series (type and period, as the type's reset rule says).
    let issued: Vec<(String, String, String, String, String)> = db
        .map(
            "SELECT c.permit_number, t.code, t.number_template, t.number_reset, c.issued_on
             FROM cases c JOIN permit_types t ON t.id = c.permit_type_id
             WHERE c.permit_number IS NOT NULL",
            &[],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .expect("permits");
    let mut series: BTreeMap<String, Vec<i64>> = BTreeMap::new();
    for (number, code, template, reset, on) in &issued {
        let period = if reset == "monthly" {
            &on[..7]
        } else {
            &on[..4]
        };
        series
            .entry(format!("permit/{code}/{period}"))
            .or_default()
            .push(seq_of(template, number));
    }
    for (key, last) in counters.iter().filter(|(k, _)| k.starts_with("permit/")) {
        seqs_are_one_to(key, series.remove(key).unwrap_or_default(), *last);
    }
    assert!(
        series.is_empty(),
        "permit numbers of series without a counter: {:?}",
        series.keys()
    );
    // Every case whole.
    let broken: Vec<String> = db
        .map(
            "SELECT c.registration_number, c.status, c.permit_number,
                    (SELECT count(*) FROM case_documents d WHERE d.case_id = c.id),
                    (SELECT e.action FROM case_events e WHERE e.case_id = c.id ORDER BY e.id LIMIT 1),
                    (SELECT e.to_status FROM case_events e
                     WHERE e.case_id = c.id AND e.to_status IS NOT NULL ORDER BY e.id DESC LIMIT 1)
             FROM cases c",
            &[],
            |r| {
                let (reg, status): (String, String) = (r.get(0)?, r.get(1)?);
                let permit: Option<String> = r.get(2)?;
                let docs: i64 = r.get(3)?;
                let first: Option<String> = r.get(4)?;
                let last: Option<String> = r.get(5)?;
                let holds_permit = matches!(
                    status.as_str(),
                    "issued" | "out_for_delivery" | "delivered" | "picked_up"
                );
                let mut faults = Vec::new();
                if docs == 0 {
                    faults.push("no checklist".to_string());
                }
                if first.as_deref() != Some("registered") {
                    faults.push(format!("first event {first:?}"));
                }
                if last.as_deref() != Some(status.as_str()) {
                    faults.push(format!("status {status} but the last step went to {last:?}"));
                }
                if holds_permit != permit.is_some() {
                    faults.push(format!("status {status} with permit number {permit:?}"));
                }
                Ok((!faults.is_empty()).then(|| format!("{reg}: {}", faults.join(", "))))
            },
        )
        .expect("cases")
        .into_iter()
        .flatten()
        .collect();
    assert!(
        broken.is_empty(),
        "half-written cases:\n{}",
        broken.join("\n")
    );
    let v = audit::verify(db, admin, &[]).expect("verify the audit trail");
    assert!(v.ok, "the audit chain does not verify: {v:?}");
    Whole {
        cases: regs.len(),
        issued: issued.len(),
    }
}
