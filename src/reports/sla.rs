//! Compliance with the service standard (SLA) per permit type: of the permits issued in the period,
//! how many within their standard and how many late, the median and 90th percentile of the working
//! days from complete to issued (the days returned to the applicant excluded), the time the files spent
//! returned; and the files overdue today with their working days over.

use std::collections::BTreeMap;

use super::table::{median, num, percentile, share, text, Cell, Chart, ChartKind, Table};
use super::Ctx;
use crate::store::cases::{CaseId, Status};
use crate::store::permit_types::PermitTypeId;
use crate::store::reports as store;
use crate::{Error, Result};

#[derive(Default)]
struct PerType {
    used: Vec<f64>,
    on_time: i64,
    late: i64,
    returned_files: i64,
    returned_days: i64,
}

pub(super) fn build(ctx: &Ctx) -> Result<(Vec<Table>, Vec<Chart>)> {
    let (db, s, p) = (ctx.db, &ctx.scope, &ctx.period);
    let clocks = store::issued_clocks(db, s, p.from, p.to)?;
    let mut per: BTreeMap<PermitTypeId, PerType> = BTreeMap::new();
    let mut type_of_case: BTreeMap<CaseId, PermitTypeId> = BTreeMap::new();
    for c in &clocks {
        let started = c.resumed_on.ok_or_else(|| {
            Error::Corrupt(format!(
                "case {} was issued but its service-standard clock never started",
                c.registration_number
            ))
        })?;
        let used =
            i64::from(c.used_days) + ctx.cal.working_days_between(started, c.issued_on).max(0);
        let e = per.entry(c.permit_type).or_default();
        e.used.push(used as f64);
        if used <= i64::from(c.sla_days) {
            e.on_time += 1;
        } else {
            e.late += 1;
        }
        type_of_case.insert(c.id, c.permit_type);
    }
    // Each spell returned runs from the step into `returned` to the next step out of it.
    let steps = store::return_steps_of_issued(db, s, p.from, p.to)?;
    let mut open: Option<(CaseId, chrono::NaiveDate)> = None;
    let mut spells: BTreeMap<CaseId, i64> = BTreeMap::new();
    for st in steps {
        let day = ctx.day_of(st.at);
        match (st.into, open) {
            (true, _) => open = Some((st.case, day)),
            (false, Some((case, since))) if case == st.case => {
                *spells.entry(case).or_default() += ctx.cal.working_days_between(since, day).max(0);
                open = None;
            }
            _ => open = None,
        }
    }
    for (case, days) in spells {
        if let Some(t) = type_of_case.get(&case) {
            let e = per.entry(*t).or_default();
            e.returned_files += 1;
            e.returned_days += days;
        }
    }
    for id in per.keys() {
        ctx.type_of(*id)?;
    }

    let mut compliance = Table::new(
        "compliance",
        "Kepatuhan per jenis izin (izin terbit dalam periode)",
        vec![
            text("permit_type", "Kode"),
            text("permit_type_name", "Jenis izin"),
            num("sla_days", "Standar (hari kerja)"),
            num("issued", "Terbit"),
            num("on_time", "Tepat waktu"),
            num("late", "Terlambat"),
            num("on_time_share", "Tepat waktu (%)"),
            num("median_days", "Median hari kerja"),
            num("p90_days", "Persentil 90 hari kerja"),
        ],
    )
    .with_note(
        "Hari kerja dari berkas dinyatakan lengkap sampai izin terbit, tanpa hari selama berkas dikembalikan; \
         tepat waktu bila tidak melebihi standar pelayanan jenis izinnya.",
    );
    let mut returned = Table::new(
        "returned_time",
        "Waktu berkas di tangan pemohon (izin terbit dalam periode)",
        vec![
            text("permit_type", "Kode"),
            text("permit_type_name", "Jenis izin"),
            num("returned_files", "Berkas pernah dikembalikan"),
            num("returned_days", "Jumlah hari kerja dikembalikan"),
            num("returned_mean", "Rata-rata hari kerja per berkas"),
        ],
    );
    let mut all = PerType::default();
    for t in &ctx.types {
        let mut e = per.remove(&t.id).unwrap_or_default();
        if e.used.is_empty() && !t.active {
            continue;
        }
        push(
            &mut compliance,
            &mut returned,
            &t.code,
            &t.name,
            Some(t.sla_days),
            &mut e,
            false,
        );
        all.used.extend(e.used.iter().copied());
        all.on_time += e.on_time;
        all.late += e.late;
        all.returned_files += e.returned_files;
        all.returned_days += e.returned_days;
    }
    push(
        &mut compliance,
        &mut returned,
        "Jumlah",
        "",
        None,
        &mut all,
        true,
    );

    let mut overdue = Table::new(
        "overdue",
        "Berkas melewati standar pelayanan per hari ini",
        vec![
            text("registration_number", "Nomor pendaftaran"),
            text("permit_type", "Kode"),
            text("status", "Tahap"),
            text("village", "Desa/kelurahan"),
            text("due_date", "Batas waktu"),
            num("days_over", "Lewat (hari kerja)"),
        ],
    );
    let mut late_now = 0;
    for o in store::overdue(db, s, ctx.today)? {
        late_now += 1;
        let over = ctx.cal.working_days_between(o.due_date, ctx.today).max(0);
        overdue.push(vec![
            Cell::Text(o.registration_number),
            Cell::Text(ctx.type_of(o.permit_type)?.code.clone()),
            Cell::text(stage(o.status)),
            Cell::Text(match (o.village, o.district) {
                (Some(v), Some(d)) => format!("{v}, {d}"),
                (Some(v), None) => v,
                _ => "-".into(),
            }),
            Cell::Date(o.due_date),
            Cell::int(over),
        ]);
    }
    overdue.note = Some(format!(
        "{} berkas per {}, batas waktu tertua lebih dahulu.",
        crate::format::number(late_now),
        crate::format::tanggal(ctx.today)
    ));

    let charts = vec![Chart::of(
        "on_time",
        ChartKind::Bars,
        "Izin terbit tepat waktu per jenis izin (%)",
        &compliance,
        "permit_type",
        &["on_time_share"],
    )
    .in_percent(1)];
    Ok((vec![compliance, returned, overdue], charts))
}

/// The stage a running clock is in, as the report writes it.
fn stage(s: Status) -> &'static str {
    match s {
        Status::Verified => "Lengkap",
        Status::InReview => "Peninjauan teknis",
        Status::Approved => "Disetujui",
        _ => "Lainnya",
    }
}

fn push(
    compliance: &mut Table,
    returned: &mut Table,
    code: &str,
    name: &str,
    sla: Option<u32>,
    e: &mut PerType,
    total: bool,
) {
    let issued = e.used.len() as i64;
    let mut a = vec![
        Cell::text(code),
        Cell::text(name),
        sla.map(Cell::int).unwrap_or(Cell::Empty),
        Cell::int(issued),
        Cell::int(e.on_time),
        Cell::int(e.late),
        Cell::Pct(share(e.on_time, issued)),
        Cell::num(median(&mut e.used), 1),
        Cell::num(percentile(&mut e.used, 90), 0),
    ];
    let mut b = vec![
        Cell::text(code),
        Cell::text(name),
        Cell::int(e.returned_files),
        Cell::int(e.returned_days),
        Cell::num(
            (e.returned_files > 0).then(|| e.returned_days as f64 / e.returned_files as f64),
            1,
        ),
    ];
    if total {
        compliance.push_total(std::mem::take(&mut a));
        returned.push_total(std::mem::take(&mut b));
    } else {
        compliance.push(a);
        returned.push(b);
    }
}
