//! Every figure of every report as `docs/reports.md` defines it, computed from the plain rows of
//! `raw` with loops (no SQL aggregate, no code of the reports), as a map from (table, row, column) to
//! the value; `check` compares a report with it cell by cell, and row by row in both directions.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};
use petromaks::reports::{Cell, Report};

use super::raw::{CaseRow, Raw};

/// An expected cell.
#[derive(Debug, Clone, PartialEq)]
pub enum E {
    I(i64),
    F(f64),
    T(String),
    D(NaiveDate),
    None,
}

/// What a report is narrowed to, as the test applies it.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub code: Option<&'static str>,
    pub district: Option<&'static str>,
    pub village: Option<&'static str>,
    pub channel: Option<&'static str>,
    /// A clerk's own counter: cases this user registered, trips this user planned.
    pub registrar: Option<&'static str>,
}

impl Filter {
    fn case_ok(&self, c: &CaseRow) -> bool {
        self.code.is_none_or(|t| c.code == t)
            && self.channel.is_none_or(|ch| c.channel == ch)
            && self.registrar.is_none_or(|u| c.registrar == u)
    }

    fn area_ok(&self, village: &Option<String>, district: &Option<String>) -> bool {
        self.village.is_none_or(|v| village.as_deref() == Some(v))
            && self.district.is_none_or(|d| district.as_deref() == Some(d))
    }

    /// The case is counted: its type, channel and registrar, and the applicant's village.
    fn ok(&self, c: &CaseRow) -> bool {
        self.case_ok(c) && self.area_ok(&c.village, &c.district)
    }
}

pub type Expected = BTreeMap<(&'static str, String, &'static str), E>;

struct Put<'a>(&'a mut Expected, &'static str, String);

impl Put<'_> {
    fn i(&mut self, col: &'static str, v: i64) -> &mut Self {
        self.0.insert((self.1, self.2.clone(), col), E::I(v));
        self
    }
    fn e(&mut self, col: &'static str, v: E) -> &mut Self {
        self.0.insert((self.1, self.2.clone(), col), v);
        self
    }
}

fn put<'a>(x: &'a mut Expected, table: &'static str, row: impl Into<String>) -> Put<'a> {
    Put(x, table, row.into())
}

fn median(v: &mut [f64]) -> E {
    if v.is_empty() {
        return E::None;
    }
    v.sort_by(f64::total_cmp);
    let n = v.len();
    E::F(if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    })
}

/// Nearest rank: the smallest value with at least 90 % of the values at or below it.
fn p90(v: &mut [f64]) -> E {
    if v.is_empty() {
        return E::None;
    }
    v.sort_by(f64::total_cmp);
    let mut k = 0;
    while (k as f64) < 0.9 * v.len() as f64 - 1e-9 {
        k += 1;
    }
    E::F(v[k.max(1) - 1])
}

fn months(from: NaiveDate, to: NaiveDate) -> Vec<String> {
    let mut out = Vec::new();
    let mut d = from.with_day(1).expect("first");
    while d <= to {
        out.push(format!("{:04}-{:02}", d.year(), d.month()));
        d = d.checked_add_months(chrono::Months::new(1)).expect("month");
    }
    out
}

fn month_of(d: NaiveDate) -> String {
    format!("{:04}-{:02}", d.year(), d.month())
}

fn types<'r>(raw: &'r Raw, f: &Filter) -> Vec<&'r (String, String, bool)> {
    raw.types
        .iter()
        .filter(|t| f.code.is_none_or(|c| t.0 == c))
        .collect()
}

pub fn recap(raw: &Raw, from: NaiveDate, to: NaiveDate, f: &Filter) -> Expected {
    let mut x = Expected::new();
    let inp = |d: NaiveDate| d >= from && d <= to;
    let mut totals = [0i64; 12];
    for (code, _, _) in types(raw, f) {
        let cs: Vec<&CaseRow> = raw
            .cases
            .iter()
            .filter(|c| &c.code == code && f.ok(c))
            .collect();
        let ids: BTreeSet<i64> = cs.iter().map(|c| c.id).collect();
        let steps_to = |st: &str| {
            raw.steps
                .iter()
                .filter(|s| ids.contains(&s.case) && s.to.as_deref() == Some(st) && inp(s.day))
                .collect::<Vec<_>>()
        };
        let distinct = |st: &str| {
            steps_to(st)
                .iter()
                .map(|s| s.case)
                .collect::<BTreeSet<_>>()
                .len() as i64
        };
        let returns = steps_to("returned");
        let again = returns
            .iter()
            .filter(|r| {
                raw.steps
                    .iter()
                    .any(|p| p.case == r.case && p.id < r.id && p.to.as_deref() == Some("returned"))
            })
            .map(|r| r.case)
            .collect::<BTreeSet<_>>()
            .len() as i64;
        let v = [
            cs.iter().filter(|c| inp(c.registered_on)).count() as i64,
            distinct("verified"),
            distinct("approved"),
            distinct("rejected"),
            distinct("withdrawn"),
            cs.iter().filter(|c| c.issued_on.is_some_and(inp)).count() as i64,
            returns
                .iter()
                .map(|s| s.case)
                .collect::<BTreeSet<_>>()
                .len() as i64,
            returns.len() as i64,
            again,
            distinct("delivered"),
            distinct("picked_up"),
            cs.iter()
                .filter(|c| c.registered_on <= to && c.closed_day.is_none_or(|d| d > to))
                .count() as i64,
        ];
        for (t, n) in totals.iter_mut().zip(v) {
            *t += n;
        }
        recap_rows(&mut x, code, &v);
    }
    recap_rows(&mut x, "Jumlah", &totals);
    let mut reasons: BTreeMap<(String, String), i64> = BTreeMap::new();
    for s in raw
        .steps
        .iter()
        .filter(|s| s.to.as_deref() == Some("rejected") && inp(s.day))
    {
        let c = raw.case(s.case);
        if f.ok(c) {
            *reasons
                .entry((c.code.clone(), s.reason.clone().unwrap_or_default()))
                .or_default() += 1;
        }
    }
    // The rejection table's rows are keyed by type and reason: the test keys them "CODE|reason".
    for ((code, reason), n) in &reasons {
        put(&mut x, "rejections", format!("{code}|{reason}")).i("count", *n);
    }
    put(&mut x, "rejections", "Jumlah|").i("count", reasons.values().sum());
    for m in months(from, to) {
        let cs = raw.cases.iter().filter(|c| f.ok(c));
        let r = cs
            .clone()
            .filter(|c| inp(c.registered_on) && month_of(c.registered_on) == m)
            .count();
        let i = cs
            .filter(|c| c.issued_on.is_some_and(|d| inp(d) && month_of(d) == m))
            .count();
        put(&mut x, "months", m)
            .i("received", r as i64)
            .i("issued", i as i64);
    }
    put(&mut x, "months", "Jumlah")
        .i("received", totals[0])
        .i("issued", totals[5]);
    x
}

fn recap_rows(x: &mut Expected, code: &str, v: &[i64; 12]) {
    put(x, "applications", code)
        .i("received", v[0])
        .i("complete", v[1])
        .i("approved", v[2])
        .i("rejected", v[3])
        .i("withdrawn", v[4])
        .i("issued", v[5]);
    put(x, "returned", code)
        .i("returned_files", v[6])
        .i("returns", v[7])
        .i("returned_again", v[8]);
    put(x, "handover", code)
        .i("delivered_van", v[9])
        .i("picked_up", v[10])
        .i("open_at_end", v[11]);
}

/// Working days from complete to issued with the returned spells taken out, read from the steps.
fn used_days(raw: &Raw, c: &CaseRow) -> i64 {
    let (mut used, mut since) = (0, None);
    for s in raw.steps.iter().filter(|s| s.case == c.id) {
        match (s.from.as_deref(), s.to.as_deref()) {
            (_, Some("verified")) => since = Some(s.day),
            (_, Some("returned")) => {
                if let Some(a) = since.take() {
                    used += raw.working_days(a, s.day);
                }
            }
            (Some("approved"), Some("issued")) => {
                used += raw.working_days(since.expect("complete before issue"), s.day);
            }
            _ => {}
        }
    }
    used
}

pub fn sla(raw: &Raw, from: NaiveDate, to: NaiveDate, today: NaiveDate, f: &Filter) -> Expected {
    let mut x = Expected::new();
    let mut all: (Vec<f64>, i64, i64, i64, i64) = (Vec::new(), 0, 0, 0, 0);
    for (code, _, _) in types(raw, f) {
        let cohort: Vec<&CaseRow> = raw
            .cases
            .iter()
            .filter(|c| {
                &c.code == code && f.ok(c) && c.issued_on.is_some_and(|d| d >= from && d <= to)
            })
            .collect();
        let mut used: Vec<f64> = Vec::new();
        let (mut on_time, mut late, mut files, mut days) = (0, 0, 0, 0);
        for c in &cohort {
            let u = used_days(raw, c);
            used.push(u as f64);
            if u <= c.sla_days {
                on_time += 1;
            } else {
                late += 1;
            }
            let steps: Vec<_> = raw.steps.iter().filter(|s| s.case == c.id).collect();
            let mut spell = 0;
            let mut any = false;
            for (i, s) in steps.iter().enumerate() {
                if s.to.as_deref() == Some("returned") {
                    let back = steps[i + 1..]
                        .iter()
                        .find(|n| n.from.as_deref() == Some("returned"))
                        .expect("resubmitted");
                    spell += raw.working_days(s.day, back.day);
                    any = true;
                }
            }
            if any {
                files += 1;
                days += spell;
            }
        }
        let n = cohort.len() as i64;
        put(&mut x, "compliance", code)
            .i("issued", n)
            .i("on_time", on_time)
            .i("late", late)
            .e(
                "on_time_share",
                if n > 0 {
                    E::F(on_time as f64 * 100.0 / n as f64)
                } else {
                    E::None
                },
            )
            .e("median_days", median(&mut used.clone()))
            .e("p90_days", p90(&mut used.clone()));
        put(&mut x, "returned_time", code)
            .i("returned_files", files)
            .i("returned_days", days)
            .e(
                "returned_mean",
                if files > 0 {
                    E::F(days as f64 / files as f64)
                } else {
                    E::None
                },
            );
        all.0.extend(used);
        all.1 += on_time;
        all.2 += late;
        all.3 += files;
        all.4 += days;
    }
    let n = all.0.len() as i64;
    put(&mut x, "compliance", "Jumlah")
        .i("issued", n)
        .i("on_time", all.1)
        .i("late", all.2)
        .e(
            "on_time_share",
            if n > 0 {
                E::F(all.1 as f64 * 100.0 / n as f64)
            } else {
                E::None
            },
        )
        .e("median_days", median(&mut all.0.clone()))
        .e("p90_days", p90(&mut all.0.clone()));
    put(&mut x, "returned_time", "Jumlah")
        .i("returned_files", all.3)
        .i("returned_days", all.4)
        .e(
            "returned_mean",
            if all.3 > 0 {
                E::F(all.4 as f64 / all.3 as f64)
            } else {
                E::None
            },
        );
    for c in raw.cases.iter().filter(|c| {
        f.ok(c)
            && ["verified", "in_review", "approved"].contains(&c.status.as_str())
            && c.due.is_some_and(|d| d < today)
    }) {
        let due = c.due.expect("due");
        put(&mut x, "overdue", c.reg.clone())
            .e("permit_type", E::T(c.code.clone()))
            .e("due_date", E::D(due))
            .i("days_over", raw.working_days(due, today));
    }
    x
}

#[derive(Default)]
struct District {
    trips: BTreeSet<i64>,
    stops: i64,
    villages: BTreeSet<String>,
    intake: i64,
    delivered: i64,
    proxy: i64,
    failed: BTreeMap<String, i64>,
    days: Vec<f64>,
}

pub fn van(raw: &Raw, from: NaiveDate, to: NaiveDate, f: &Filter) -> Expected {
    let inp = |d: NaiveDate| d >= from && d <= to;
    let mut per: BTreeMap<String, District> = BTreeMap::new();
    let mut all = District::default();
    for s in &raw.stops {
        if !inp(s.date)
            || !["out", "closed"].contains(&s.status.as_str())
            || f.registrar.is_some_and(|u| s.creator != u)
            || !f.area_ok(&Some(s.village.clone()), &s.district)
        {
            continue;
        }
        for d in [
            per.entry(raw.district_name(&s.district)).or_default(),
            &mut all,
        ] {
            d.trips.insert(s.trip);
            d.stops += 1;
            d.villages.insert(s.village.clone());
        }
    }
    for c in raw
        .cases
        .iter()
        .filter(|c| c.channel == "van" && inp(c.registered_on) && f.ok(c))
    {
        per.entry(raw.district_name(&c.district))
            .or_default()
            .intake += 1;
        all.intake += 1;
    }
    for h in raw
        .handovers
        .iter()
        .filter(|h| h.trip.is_some() && inp(h.day))
    {
        let c = raw.case(h.case);
        if !f.case_ok(c) || !f.area_ok(&h.village, &h.district) {
            continue;
        }
        for d in [
            per.entry(raw.district_name(&h.district)).or_default(),
            &mut all,
        ] {
            if h.outcome == "not_delivered" {
                *d.failed
                    .entry(h.fail_reason.clone().expect("reason"))
                    .or_default() += 1;
            } else {
                d.delivered += 1;
                if h.outcome == "proxy" {
                    d.proxy += 1;
                }
                d.days
                    .push((h.day - c.issued_on.expect("issued")).num_days() as f64);
            }
        }
    }
    let mut x = Expected::new();
    per.insert("Jumlah".into(), all);
    for (name, d) in &mut per {
        let failed: i64 = d.failed.values().sum();
        put(&mut x, "districts", name.clone())
            .i("trips", d.trips.len() as i64)
            .i("stops", d.stops)
            .i("villages", d.villages.len() as i64)
            .i("intake", d.intake)
            .i("delivered", d.delivered)
            .i("to_proxy", d.proxy)
            .i("failed", failed)
            .e("median_handover_days", median(&mut d.days));
        let mut p = put(&mut x, "failed", name.clone());
        for r in ["not_home", "address_not_found", "refused", "not_attempted"] {
            p.i(r, d.failed.get(r).copied().unwrap_or(0));
        }
        p.i("failed", failed);
    }
    x
}

fn ikm_cells(p: &mut Put, answers: &[&[i64; 9]]) {
    let n = answers.len();
    p.i("respondents", n as i64);
    if n == 0 {
        p.e("ikm", E::None).e("grade", E::None);
        return;
    }
    let all: i64 = answers.iter().flat_map(|a| a.iter()).sum();
    let ikm = all as f64 / (9 * n) as f64 * 25.0;
    let rounded = (ikm * 100.0).round() / 100.0;
    let grade = if rounded >= 88.31 {
        "A"
    } else if rounded >= 76.61 {
        "B"
    } else if rounded >= 65.0 {
        "C"
    } else {
        "D"
    };
    p.e("ikm", E::F(ikm)).e("grade", E::T(grade.into()));
}

fn item_means(answers: &[&[i64; 9]]) -> Vec<E> {
    (0..9)
        .map(|i| {
            if answers.is_empty() {
                E::None
            } else {
                E::F(answers.iter().map(|a| a[i]).sum::<i64>() as f64 / answers.len() as f64)
            }
        })
        .collect()
}

pub fn ikm(raw: &Raw, from: NaiveDate, to: NaiveDate, f: &Filter) -> Expected {
    let mut x = Expected::new();
    let ok: Vec<(&CaseRow, &super::raw::Answer)> = raw
        .answers
        .iter()
        .filter(|a| a.day >= from && a.day <= to)
        .map(|a| (raw.case(a.case), a))
        .filter(|(c, _)| f.ok(c))
        .collect();
    const ITEMS: [&str; 9] = ["u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9"];
    let mut rows: Vec<(String, Vec<&[i64; 9]>)> = types(raw, f)
        .into_iter()
        .map(|(code, _, _)| {
            (
                code.clone(),
                ok.iter()
                    .filter(|(c, _)| &c.code == code)
                    .map(|(_, a)| &a.scores)
                    .collect(),
            )
        })
        .collect();
    rows.push(("Jumlah".into(), ok.iter().map(|(_, a)| &a.scores).collect()));
    for (label, answers) in &rows {
        ikm_cells(&mut put(&mut x, "by_type", label.clone()), answers);
        let mut p = put(&mut x, "items_by_type", label.clone());
        for (k, v) in ITEMS.iter().zip(item_means(answers)) {
            p.e(k, v);
        }
    }
    for m in months(from, to) {
        let answers: Vec<&[i64; 9]> = ok
            .iter()
            .filter(|(_, a)| month_of(a.day) == m)
            .map(|(_, a)| &a.scores)
            .collect();
        ikm_cells(&mut put(&mut x, "months", m), &answers);
    }
    let answers: Vec<&[i64; 9]> = ok.iter().map(|(_, a)| &a.scores).collect();
    ikm_cells(&mut put(&mut x, "months", "Jumlah"), &answers);
    for (i, mean) in item_means(&answers).into_iter().enumerate() {
        let conv = match &mean {
            E::F(v) => E::F(v * 25.0),
            _ => E::None,
        };
        put(&mut x, "elements", format!("U{}", i + 1))
            .e("score", mean)
            .e("converted", conv);
    }
    let (score, ikm) = if answers.is_empty() {
        (E::None, E::None)
    } else {
        let all: i64 = answers.iter().flat_map(|a| a.iter()).sum();
        let mean = all as f64 / (9 * answers.len()) as f64;
        (E::F(mean), E::F(mean * 25.0))
    };
    put(&mut x, "elements", "IKM")
        .e("score", score)
        .e("converted", ikm);
    x
}

pub fn expiring(raw: &Raw, from: NaiveDate, to: NaiveDate, f: &Filter) -> Expected {
    let mut x = Expected::new();
    let cs: Vec<&CaseRow> = raw
        .cases
        .iter()
        .filter(|c| {
            f.ok(c)
                && !c.revoked
                && ["issued", "out_for_delivery", "delivered", "picked_up"]
                    .contains(&c.status.as_str())
                && c.valid_until.is_some_and(|d| d >= from && d <= to)
        })
        .collect();
    let mut districts: BTreeMap<String, i64> = BTreeMap::new();
    let mut villages: BTreeMap<String, (i64, NaiveDate)> = BTreeMap::new();
    for c in &cs {
        *districts.entry(raw.district_name(&c.district)).or_default() += 1;
        let until = c.valid_until.expect("valid");
        let v = villages
            .entry(format!(
                "{}|{}",
                raw.district_name(&c.district),
                raw.village_name(&c.village)
            ))
            .or_insert((0, until));
        v.0 += 1;
        v.1 = v.1.min(until);
    }
    for (d, n) in &districts {
        put(&mut x, "districts", d.clone()).i("permits", *n);
    }
    put(&mut x, "districts", "Jumlah").i("permits", cs.len() as i64);
    for (k, (n, first)) in &villages {
        put(&mut x, "villages", k.clone())
            .i("permits", *n)
            .e("first_expiry", E::D(*first));
    }
    let first = cs.iter().filter_map(|c| c.valid_until).min();
    put(&mut x, "villages", "Jumlah|")
        .i("permits", cs.len() as i64)
        .e("first_expiry", first.map(E::D).unwrap_or(E::None));
    for (code, _, _) in types(raw, f) {
        put(&mut x, "by_type", code.clone()).i(
            "permits",
            cs.iter().filter(|c| &c.code == code).count() as i64,
        );
    }
    put(&mut x, "by_type", "Jumlah").i("permits", cs.len() as i64);
    if f.district.is_some() || f.village.is_some() {
        for c in &cs {
            put(&mut x, "permits", c.permit_number.clone().expect("number"))
                .e("permit_type", E::T(c.code.clone()))
                .e("valid_until", E::D(c.valid_until.expect("valid")));
        }
    }
    x
}

fn label(t: &petromaks::reports::Table, cells: &[Cell]) -> String {
    let text = |c: Option<&Cell>| match c {
        Some(Cell::Text(s)) => s.clone(),
        Some(Cell::Month(m)) => m.clone(),
        _ => String::new(),
    };
    // Rows keyed by two text columns: the rejection reasons and the villages.
    match t.key {
        "rejections" | "villages" => format!("{}|{}", text(cells.first()), text(cells.get(1))),
        _ => text(cells.first()),
    }
}

fn same(got: &Cell, want: &E) -> bool {
    match (got, want) {
        (Cell::Int(a), E::I(b)) => a == b,
        (Cell::Num { value, .. }, E::F(b)) | (Cell::Pct(Some(value)), E::F(b)) => {
            (value - b).abs() < 1e-9
        }
        (Cell::Num { value, .. }, E::I(b)) => (value - *b as f64).abs() < 1e-9,
        (Cell::Text(a), E::T(b)) => a == b,
        (Cell::Date(a), E::D(b)) => a == b,
        (Cell::Empty | Cell::Pct(None), E::None) => true,
        _ => false,
    }
}

/// Compares every expected cell with the report, and the rows of each expected table both ways.
/// Returns how many cells were compared.
pub fn check(r: &Report, x: &Expected, what: &str) -> usize {
    let mut compared = 0;
    let tables: BTreeSet<&str> = x.keys().map(|k| k.0).collect();
    for key in tables {
        let t = r
            .table(key)
            .unwrap_or_else(|| panic!("{what}: no table {key}"));
        let want_rows: BTreeSet<&String> = x.keys().filter(|k| k.0 == key).map(|k| &k.1).collect();
        let got_rows: BTreeSet<String> = t.rows.iter().map(|row| label(t, &row.cells)).collect();
        assert_eq!(
            got_rows.iter().collect::<BTreeSet<_>>(),
            want_rows,
            "{what}: the rows of {key}"
        );
        for row in &t.rows {
            let l = label(t, &row.cells);
            for (c, col) in t.columns.iter().enumerate() {
                if let Some(want) = x.get(&(key, l.clone(), col.key)) {
                    let got = &row.cells[c];
                    assert!(
                        same(got, want),
                        "{what}: {key} / {l} / {}: got {got:?}, want {want:?}",
                        col.key
                    );
                    compared += 1;
                }
            }
        }
    }
    compared
}
