//! The monthly recap (*rekapitulasi*) per permit type: what came in, what was decided, the files that
//! went back to the applicant and how often, what was issued and handed over, and what is still open
//! at the period's end; the rejections by reason, and the months of the period.

use std::collections::BTreeMap;

use super::period::month_key;
use super::table::{num, text, Cell, Chart, ChartKind, Table};
use super::Ctx;
use crate::store::cases::Status;
use crate::store::permit_types::PermitTypeId;
use crate::store::reports::{self as store, CaseDay};
use crate::Result;

/// Every figure of one permit type (or of all, in the total row).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Figures {
    received: i64,
    complete: i64,
    approved: i64,
    rejected: i64,
    withdrawn: i64,
    issued: i64,
    returned_files: i64,
    returns: i64,
    returned_again: i64,
    delivered_van: i64,
    picked_up: i64,
    open_at_end: i64,
}

impl Figures {
    fn add(&mut self, o: &Figures) {
        self.received += o.received;
        self.complete += o.complete;
        self.approved += o.approved;
        self.rejected += o.rejected;
        self.withdrawn += o.withdrawn;
        self.issued += o.issued;
        self.returned_files += o.returned_files;
        self.returns += o.returns;
        self.returned_again += o.returned_again;
        self.delivered_van += o.delivered_van;
        self.picked_up += o.picked_up;
        self.open_at_end += o.open_at_end;
    }

    fn is_zero(&self) -> bool {
        *self == Figures::default()
    }
}

pub(super) fn build(ctx: &Ctx) -> Result<(Vec<Table>, Vec<Chart>)> {
    let (db, s, p) = (ctx.db, &ctx.scope, &ctx.period);
    let mut by_type: BTreeMap<PermitTypeId, Figures> = BTreeMap::new();
    let mut months: BTreeMap<String, (i64, i64)> = p
        .months()
        .into_iter()
        .map(|(y, m)| (month_key(y, m), (0, 0)))
        .collect();
    for m in store::cases_by_month(db, s, CaseDay::Registered, p.from, p.to)? {
        by_type.entry(m.permit_type).or_default().received += m.count;
        months.entry(m.month).or_default().0 += m.count;
    }
    for m in store::cases_by_month(db, s, CaseDay::Issued, p.from, p.to)? {
        by_type.entry(m.permit_type).or_default().issued += m.count;
        months.entry(m.month).or_default().1 += m.count;
    }
    for st in store::steps(db, s, p.start, p.end)? {
        let f = by_type.entry(st.permit_type).or_default();
        match st.to {
            Status::Verified => f.complete += st.cases,
            Status::Approved => f.approved += st.cases,
            Status::Rejected => f.rejected += st.cases,
            Status::Withdrawn => f.withdrawn += st.cases,
            Status::Delivered => f.delivered_van += st.cases,
            Status::PickedUp => f.picked_up += st.cases,
            Status::Returned => {
                f.returned_files += st.cases;
                f.returns += st.steps;
            }
            _ => {}
        }
    }
    for (t, n) in store::returned_again(db, s, p.start, p.end)? {
        by_type.entry(t).or_default().returned_again += n;
    }
    for (t, n) in store::open_at(db, s, p.to, p.end)? {
        by_type.entry(t).or_default().open_at_end += n;
    }
    for id in by_type.keys() {
        ctx.type_of(*id)?;
    }

    let mut flow = Table::new(
        "applications",
        "Permohonan per jenis izin",
        vec![
            text("permit_type", "Kode"),
            text("permit_type_name", "Jenis izin"),
            num("received", "Diterima"),
            num("complete", "Lengkap"),
            num("approved", "Disetujui"),
            num("rejected", "Ditolak"),
            num("withdrawn", "Dicabut pemohon"),
            num("issued", "Terbit"),
        ],
    )
    .with_note("Setiap berkas dihitung sekali per kolom: pada hari langkahnya dalam periode.");
    let mut returned = Table::new(
        "returned",
        "Berkas dikembalikan kepada pemohon",
        vec![
            text("permit_type", "Kode"),
            text("permit_type_name", "Jenis izin"),
            num("returned_files", "Berkas kembali"),
            num("returns", "Kali dikembalikan"),
            num("returned_again", "Kembali lagi (ke-2 atau lebih)"),
        ],
    );
    let mut handed = Table::new(
        "handover",
        "Penyerahan izin dan berkas belum selesai",
        vec![
            text("permit_type", "Kode"),
            text("permit_type_name", "Jenis izin"),
            num("delivered_van", "Diantar mobil keliling"),
            num("picked_up", "Diambil di loket"),
            num("open_at_end", "Belum selesai pada akhir periode"),
        ],
    );
    let mut total = Figures::default();
    for t in &ctx.types {
        let f = by_type.get(&t.id).copied().unwrap_or_default();
        if f.is_zero() && !t.active {
            continue;
        }
        total.add(&f);
        push_rows(
            &mut flow,
            &mut returned,
            &mut handed,
            &t.code,
            &t.name,
            &f,
            false,
        );
    }
    push_rows(
        &mut flow,
        &mut returned,
        &mut handed,
        "Jumlah",
        "",
        &total,
        true,
    );

    let mut reasons = Table::new(
        "rejections",
        "Alasan penolakan",
        vec![
            text("permit_type", "Kode"),
            text("reason", "Alasan"),
            num("count", "Berkas"),
        ],
    );
    let mut rows: Vec<(String, String, i64)> = Vec::new();
    for (t, reason, n) in store::rejection_reasons(db, s, p.start, p.end)? {
        let code = ctx.type_of(t)?.code.clone();
        let reason = reason
            .map(|r| r.trim().to_string())
            .filter(|r| !r.is_empty())
            .unwrap_or_else(|| "(tanpa alasan tertulis)".into());
        match rows.iter_mut().find(|(c, r, _)| *c == code && *r == reason) {
            Some(row) => row.2 += n,
            None => rows.push((code, reason, n)),
        }
    }
    rows.sort_by(|a, b| a.0.cmp(&b.0).then(b.2.cmp(&a.2)).then(a.1.cmp(&b.1)));
    let rejected: i64 = rows.iter().map(|r| r.2).sum();
    for (code, reason, n) in rows {
        reasons.push(vec![Cell::Text(code), Cell::Text(reason), Cell::int(n)]);
    }
    reasons.push_total(vec![Cell::text("Jumlah"), Cell::Empty, Cell::int(rejected)]);

    let mut by_month = Table::new(
        "months",
        "Per bulan",
        vec![
            text("month", "Bulan"),
            num("received", "Diterima"),
            num("issued", "Terbit"),
        ],
    );
    for (m, (r, i)) in &months {
        by_month.push(vec![Cell::Month(m.clone()), Cell::int(*r), Cell::int(*i)]);
    }
    by_month.push_total(vec![
        Cell::text("Jumlah"),
        Cell::int(total.received),
        Cell::int(total.issued),
    ]);

    let charts = vec![
        Chart::of(
            "by_type",
            ChartKind::Bars,
            "Diterima dan terbit per jenis izin",
            &flow,
            "permit_type",
            &["received", "issued"],
        ),
        Chart::of(
            "trend",
            ChartKind::Line,
            "Tren bulanan: diterima dan terbit",
            &by_month,
            "month",
            &["received", "issued"],
        ),
    ];
    Ok((vec![flow, returned, handed, reasons, by_month], charts))
}

#[allow(clippy::too_many_arguments)]
fn push_rows(
    flow: &mut Table,
    returned: &mut Table,
    handed: &mut Table,
    code: &str,
    name: &str,
    f: &Figures,
    total: bool,
) {
    let head = || vec![Cell::text(code), Cell::text(name)];
    let rows = [
        (
            flow,
            vec![
                f.received,
                f.complete,
                f.approved,
                f.rejected,
                f.withdrawn,
                f.issued,
            ],
        ),
        (
            returned,
            vec![f.returned_files, f.returns, f.returned_again],
        ),
        (handed, vec![f.delivered_van, f.picked_up, f.open_at_end]),
    ];
    for (table, values) in rows {
        let mut cells = head();
        cells.extend(values.into_iter().map(Cell::int));
        if total {
            table.push_total(cells);
        } else {
            table.push(cells);
        }
    }
}
