//! The satisfaction index (IKM, PermenPANRB 14/2017) of the survey answered in the period: per permit
//! type, per month, and per element of service, with the number of respondents and the grade. The
//! formula is the van's survey's own ([`crate::van::survey::ikm_of_sums`]); this module only adds the
//! answers up per group.

use std::collections::BTreeMap;

use super::period::month_key;
use super::table::{num, text, Cell, Chart, ChartKind, Table};
use super::Ctx;
use crate::store::permit_types::PermitTypeId;
use crate::store::reports as store;
use crate::van::survey::{ikm_of_sums, Ikm, ITEMS};
use crate::Result;

#[derive(Default, Clone, Copy)]
struct Sums {
    n: u64,
    items: [u64; 9],
}

impl Sums {
    fn add(&mut self, n: i64, items: &[i64; 9]) {
        self.n += u64::try_from(n).unwrap_or(0);
        for (a, b) in self.items.iter_mut().zip(items) {
            *a += u64::try_from(*b).unwrap_or(0);
        }
    }

    fn ikm(&self) -> Ikm {
        ikm_of_sums(self.n, &self.items)
    }
}

fn grade(i: &Ikm) -> Cell {
    match i.grade {
        Some(g) => Cell::Text(g.to_string()),
        None => Cell::Empty,
    }
}

fn value(i: &Ikm, places: u8, v: f64) -> Cell {
    Cell::num((i.responses > 0).then_some(v), places)
}

pub(super) fn build(ctx: &Ctx) -> Result<(Vec<Table>, Vec<Chart>)> {
    let (db, s, p) = (ctx.db, &ctx.scope, &ctx.period);
    let mut per_type: BTreeMap<PermitTypeId, Sums> = BTreeMap::new();
    let mut per_month: BTreeMap<String, Sums> = p
        .months()
        .into_iter()
        .map(|(y, m)| (month_key(y, m), Sums::default()))
        .collect();
    let mut all = Sums::default();
    for row in store::survey_sums(db, s, p.from, p.to)? {
        ctx.type_of(row.permit_type)?;
        per_type
            .entry(row.permit_type)
            .or_default()
            .add(row.responses, &row.sums);
        per_month
            .entry(row.month)
            .or_default()
            .add(row.responses, &row.sums);
        all.add(row.responses, &row.sums);
    }

    let mut by_type = Table::new(
        "by_type",
        "IKM per jenis izin",
        vec![
            text("permit_type", "Kode"),
            text("permit_type_name", "Jenis izin"),
            num("respondents", "Responden"),
            num("ikm", "IKM"),
            text("grade", "Mutu"),
        ],
    )
    .with_note("IKM = rata-rata seluruh jawaban (1–4) × 25; mutu A 88,31–100, B 76,61–88,30, C 65,00–76,60, D di bawahnya.");
    let mut items_cols = vec![text("permit_type", "Kode")];
    for (key, title) in ITEM_COLUMNS {
        items_cols.push(num(key, title));
    }
    let mut items = Table::new(
        "items_by_type",
        "Nilai rata-rata unsur per jenis izin",
        items_cols,
    )
    .with_note(format!("Unsur: {}.", item_legend()));
    let rows: Vec<(String, String, Sums, bool)> = ctx
        .types
        .iter()
        .filter_map(|t| {
            let sums = per_type.get(&t.id).copied().unwrap_or_default();
            (t.active || sums.n > 0).then(|| (t.code.clone(), t.name.clone(), sums, false))
        })
        .chain(std::iter::once((
            "Jumlah".to_string(),
            String::new(),
            all,
            true,
        )))
        .collect();
    for (code, name, sums, total) in rows {
        let i = sums.ikm();
        let a = vec![
            Cell::text(code.clone()),
            Cell::text(name),
            Cell::int(i64::from(i.responses)),
            value(&i, 2, i.ikm),
            grade(&i),
        ];
        let mut b = vec![Cell::Text(code)];
        b.extend(i.item_means.iter().map(|m| value(&i, 2, *m)));
        if total {
            by_type.push_total(a);
            items.push_total(b);
        } else {
            by_type.push(a);
            items.push(b);
        }
    }

    let mut months = Table::new(
        "months",
        "IKM per bulan",
        vec![
            text("month", "Bulan"),
            num("respondents", "Responden"),
            num("ikm", "IKM"),
            text("grade", "Mutu"),
        ],
    );
    for (m, sums) in &per_month {
        let i = sums.ikm();
        months.push(vec![
            Cell::Month(m.clone()),
            Cell::int(i64::from(i.responses)),
            value(&i, 2, i.ikm),
            grade(&i),
        ]);
    }
    let total = all.ikm();
    months.push_total(vec![
        Cell::text("Jumlah"),
        Cell::int(i64::from(total.responses)),
        value(&total, 2, total.ikm),
        grade(&total),
    ]);

    let mut elements = Table::new(
        "elements",
        "Nilai per unsur pelayanan",
        vec![
            text("element", "Unsur"),
            text("element_name", "Uraian"),
            num("score", "Nilai rata-rata (1–4)"),
            num("converted", "Nilai konversi (× 25)"),
        ],
    );
    for (i, name) in ITEMS.iter().enumerate() {
        let mean = total.item_means.get(i).copied().unwrap_or(0.0);
        elements.push(vec![
            Cell::Text(format!("U{}", i + 1)),
            Cell::text(*name),
            value(&total, 2, mean),
            value(&total, 2, mean * 25.0),
        ]);
    }
    elements.push_total(vec![
        Cell::text("IKM"),
        Cell::Empty,
        value(&total, 2, total.mean),
        value(&total, 2, total.ikm),
    ]);

    let charts = vec![
        Chart::of(
            "trend",
            ChartKind::Line,
            "IKM per bulan",
            &months,
            "month",
            &["ikm"],
        )
        .with_places(2),
        Chart::of(
            "elements",
            ChartKind::Bars,
            "Nilai rata-rata per unsur pelayanan (1–4)",
            &elements,
            "element",
            &["score"],
        )
        .with_places(2),
    ];
    Ok((vec![by_type, items, months, elements], charts))
}

/// The nine elements' columns: `U1` … `U9`.
const ITEM_COLUMNS: [(&str, &str); 9] = [
    ("u1", "U1"),
    ("u2", "U2"),
    ("u3", "U3"),
    ("u4", "U4"),
    ("u5", "U5"),
    ("u6", "U6"),
    ("u7", "U7"),
    ("u8", "U8"),
    ("u9", "U9"),
];

fn item_legend() -> String {
    ITEMS
        .iter()
        .enumerate()
        .map(|(i, n)| format!("U{} {n}", i + 1))
        .collect::<Vec<_>>()
        .join("; ")
}
