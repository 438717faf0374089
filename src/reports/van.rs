//! The van's work (*layanan antar jemput keliling*) per district: trips that went out, the villages it
//! stopped in, the applications taken in the van, the permits handed to holders and to proxies, the
//! failed deliveries by reason, and the days from issue to handover.

use std::collections::{BTreeMap, BTreeSet};

use super::table::{median, num, text, Cell, Chart, ChartKind, Table};
use super::Ctx;
use crate::store::deliveries::{DeliveryOutcome, FailReason};
use crate::store::reports::{self as store, Place};
use crate::store::trips::TripId;
use crate::Result;

/// A district as a row key: its name first so rows sort by name, then its code.
type DistrictKey = (String, Option<String>);

fn district_key(p: &Place) -> DistrictKey {
    let name = p
        .district
        .clone()
        .or_else(|| p.district_code.clone())
        .unwrap_or_else(|| "(tanpa kecamatan)".into());
    (name, p.district_code.clone())
}

#[derive(Default)]
struct PerDistrict {
    trips: BTreeSet<TripId>,
    stops: i64,
    villages: BTreeSet<String>,
    intake: i64,
    delivered: i64,
    to_proxy: i64,
    failed: BTreeMap<&'static str, i64>,
    days: Vec<f64>,
}

const REASONS: [(FailReason, &str); 4] = [
    (FailReason::NotHome, "not_home"),
    (FailReason::AddressNotFound, "address_not_found"),
    (FailReason::Refused, "refused"),
    (FailReason::NotAttempted, "not_attempted"),
];

pub(super) fn build(ctx: &Ctx) -> Result<(Vec<Table>, Vec<Chart>)> {
    let (db, s, p) = (ctx.db, &ctx.scope, &ctx.period);
    let mut per: BTreeMap<DistrictKey, PerDistrict> = BTreeMap::new();
    let mut all = PerDistrict::default();
    for stop in store::stops_of_trips(db, s, ctx.trips_by, p.from, p.to)? {
        let e = per.entry(district_key(&stop.place)).or_default();
        e.trips.insert(stop.trip);
        e.stops += 1;
        all.trips.insert(stop.trip);
        all.stops += 1;
        if let Some(v) = &stop.place.village_code {
            e.villages.insert(v.clone());
            all.villages.insert(v.clone());
        }
    }
    for (place, n) in store::van_intake_by_district(db, s, p.from, p.to)? {
        per.entry(district_key(&place)).or_default().intake += n;
        all.intake += n;
    }
    for h in store::trip_handovers(db, s, p.start, p.end)? {
        let key = district_key(&h.place);
        let day = ctx.day_of(h.recorded_at);
        for e in [per.entry(key).or_default(), &mut all] {
            match h.outcome {
                DeliveryOutcome::Holder | DeliveryOutcome::Proxy => {
                    e.delivered += 1;
                    if h.outcome == DeliveryOutcome::Proxy {
                        e.to_proxy += 1;
                    }
                    if let Some(issued) = h.issued_on {
                        e.days.push((day - issued).num_days().max(0) as f64);
                    }
                }
                DeliveryOutcome::NotDelivered => {
                    let reason = h
                        .fail_reason
                        .and_then(|r| REASONS.iter().find(|(f, _)| *f == r))
                        .map(|(_, k)| *k)
                        .unwrap_or("not_attempted");
                    *e.failed.entry(reason).or_default() += 1;
                }
            }
        }
    }

    let mut work = Table::new(
        "districts",
        "Kinerja per kecamatan",
        vec![
            text("district", "Kecamatan"),
            num("trips", "Perjalanan"),
            num("stops", "Kunjungan desa"),
            num("villages", "Desa dikunjungi"),
            num("intake", "Permohonan dijemput"),
            num("delivered", "Izin diserahkan"),
            num("to_proxy", "Di antaranya kepada kuasa"),
            num("failed", "Gagal diantar"),
            num("median_handover_days", "Median hari terbit–serah"),
        ],
    )
    .with_note(
        "Perjalanan dan kunjungan di desa tempat berhenti; izin diserahkan atau gagal di desa perhentiannya; \
         permohonan dijemput menurut desa pemohon. Jumlah perjalanan dan desa menghitung masing-masing sekali.",
    );
    let mut failed = Table::new(
        "failed",
        "Gagal diantar menurut alasan",
        vec![
            text("district", "Kecamatan"),
            num("not_home", "Tidak di rumah"),
            num("address_not_found", "Alamat tidak ditemukan"),
            num("refused", "Ditolak penerima"),
            num("not_attempted", "Tidak sempat dikunjungi"),
            num("failed", "Jumlah"),
        ],
    );
    for ((name, _), e) in per.iter_mut() {
        push(&mut work, &mut failed, name, e, false);
    }
    push(&mut work, &mut failed, "Jumlah", &mut all, true);
    let charts = vec![Chart::of(
        "districts",
        ChartKind::Bars,
        "Izin diserahkan dan gagal diantar per kecamatan",
        &work,
        "district",
        &["delivered", "failed"],
    )];
    Ok((vec![work, failed], charts))
}

fn push(work: &mut Table, failed: &mut Table, name: &str, e: &mut PerDistrict, total: bool) {
    let failures: i64 = e.failed.values().sum();
    let a = vec![
        Cell::text(name),
        Cell::int(e.trips.len() as i64),
        Cell::int(e.stops),
        Cell::int(e.villages.len() as i64),
        Cell::int(e.intake),
        Cell::int(e.delivered),
        Cell::int(e.to_proxy),
        Cell::int(failures),
        Cell::num(median(&mut e.days), 1),
    ];
    let mut b = vec![Cell::text(name)];
    b.extend(
        REASONS
            .iter()
            .map(|(_, k)| Cell::int(e.failed.get(k).copied().unwrap_or(0))),
    );
    b.push(Cell::int(failures));
    if total {
        work.push_total(a);
        failed.push_total(b);
    } else {
        work.push(a);
        failed.push(b);
    }
}
