//! Permits whose validity ends in the period (by default the next 30 days), per village of the holder,
//! so the van carries renewal forms on its next trip there: per district, per village, per permit type,
//! and — when the report is narrowed to a district or a village — the list of permits to visit.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::table::{num, text, Cell, Chart, ChartKind, Table};
use super::Ctx;
use crate::store::permit_types::PermitTypeId;
use crate::store::reports::{self as store, Place};
use crate::Result;

/// A village as a row key: district name, village name, village code.
type VillageKey = (String, String, Option<String>);

fn name_or(name: &Option<String>, code: &Option<String>, none: &str) -> String {
    name.clone()
        .or_else(|| code.clone())
        .unwrap_or_else(|| none.to_string())
}

fn district_name(p: &Place) -> String {
    name_or(&p.district, &p.district_code, "(tanpa kecamatan)")
}

fn village_name(p: &Place) -> String {
    name_or(&p.village, &p.village_code, "(tanpa desa)")
}

fn earliest(a: &mut Option<NaiveDate>, d: NaiveDate) {
    if a.is_none_or(|x| d < x) {
        *a = Some(d);
    }
}

pub(super) fn build(ctx: &Ctx) -> Result<(Vec<Table>, Vec<Chart>)> {
    let (db, s, p) = (ctx.db, &ctx.scope, &ctx.period);
    let counts = store::expiring_counts(db, s, p.from, p.to)?;
    let mut villages: BTreeMap<VillageKey, (i64, Option<NaiveDate>)> = BTreeMap::new();
    let mut districts: BTreeMap<String, i64> = BTreeMap::new();
    let mut types: BTreeMap<PermitTypeId, i64> = BTreeMap::new();
    let mut total = 0;
    let mut first_all: Option<NaiveDate> = None;
    for c in &counts {
        ctx.type_of(c.permit_type)?;
        let key = (
            district_name(&c.place),
            village_name(&c.place),
            c.place.village_code.clone(),
        );
        let v = villages.entry(key).or_default();
        v.0 += c.count;
        earliest(&mut v.1, c.first);
        earliest(&mut first_all, c.first);
        *districts.entry(district_name(&c.place)).or_default() += c.count;
        *types.entry(c.permit_type).or_default() += c.count;
        total += c.count;
    }

    let mut by_district = Table::new(
        "districts",
        "Per kecamatan",
        vec![
            text("district", "Kecamatan"),
            num("permits", "Izin berakhir"),
        ],
    );
    for (d, n) in &districts {
        by_district.push(vec![Cell::text(d.clone()), Cell::int(*n)]);
    }
    by_district.push_total(vec![Cell::text("Jumlah"), Cell::int(total)]);

    let mut by_village = Table::new(
        "villages",
        "Per desa/kelurahan pemegang izin",
        vec![
            text("district", "Kecamatan"),
            text("village", "Desa/kelurahan"),
            num("permits", "Izin berakhir"),
            text("first_expiry", "Paling awal berakhir"),
        ],
    )
    .with_note("Izin yang sudah terbit dan tidak dicabut, menurut desa pemegang izin.");
    for ((d, v, _), (n, first)) in &villages {
        by_village.push(vec![
            Cell::text(d.clone()),
            Cell::text(v.clone()),
            Cell::int(*n),
            first.map(Cell::Date).unwrap_or(Cell::Empty),
        ]);
    }
    by_village.push_total(vec![
        Cell::text("Jumlah"),
        Cell::Empty,
        Cell::int(total),
        first_all.map(Cell::Date).unwrap_or(Cell::Empty),
    ]);

    let mut by_type = Table::new(
        "by_type",
        "Per jenis izin",
        vec![
            text("permit_type", "Kode"),
            text("permit_type_name", "Jenis izin"),
            num("permits", "Izin berakhir"),
        ],
    );
    for t in &ctx.types {
        let n = types.get(&t.id).copied().unwrap_or(0);
        if n == 0 && !t.active {
            continue;
        }
        by_type.push(vec![
            Cell::text(t.code.clone()),
            Cell::text(t.name.clone()),
            Cell::int(n),
        ]);
    }
    by_type.push_total(vec![Cell::text("Jumlah"), Cell::Empty, Cell::int(total)]);

    let charts = vec![Chart::of(
        "districts",
        ChartKind::Bars,
        "Izin yang akan berakhir per kecamatan",
        &by_district,
        "district",
        &["permits"],
    )];
    let mut tables = vec![by_district, by_village, by_type];
    if ctx.narrowed_to_area {
        let mut list = Table::new(
            "permits",
            "Daftar izin untuk kunjungan perpanjangan",
            vec![
                text("permit_number", "Nomor izin"),
                text("permit_type", "Kode"),
                text("holder", "Pemegang izin"),
                text("address", "Alamat"),
                text("village", "Desa/kelurahan"),
                text("valid_until", "Berlaku sampai"),
            ],
        );
        for e in store::expiring_permits(db, s, p.from, p.to)? {
            list.push(vec![
                Cell::Text(e.permit_number.unwrap_or_default()),
                Cell::Text(ctx.type_of(e.permit_type)?.code.clone()),
                Cell::Text(e.holder),
                Cell::Text(e.address),
                Cell::text(village_name(&e.place)),
                Cell::Date(e.valid_until),
            ]);
        }
        tables.push(list);
    }
    Ok((tables, charts))
}
