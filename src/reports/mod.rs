//! Reports the head of office signs and sends upward (issue 15): the monthly recap per permit type, the
//! service-standard compliance, the van's work, the satisfaction index (IKM) and the permits about to
//! expire, each for any period and narrowed by permit type, district or village, and channel.
//!
//! Every figure is defined in `docs/reports.md` and computed here only: the store counts one period of
//! the register in SQL, the builders (`recap`, `sla`, `van`, `ikm`, `expiring`) turn the counts into
//! tables and charts, and every output (the window, the PDF with the kop surat and the signature block,
//! XLSX, CSV, JSON) reads those same tables. A report is read in one snapshot of the register, so its
//! tables agree with each other even while the desks keep working.

mod access;
mod expiring;
mod files;
mod ikm;
mod pdf;
pub mod period;
mod recap;
mod sla;
pub mod table;
mod van;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::actor::Actor;
use crate::cases::Channel;
use crate::db::Db;
use crate::office::WorkCalendar;
use crate::store::permit_types::PermitTypeId;
use crate::store::reports::{self as store, Scope};
use crate::{office, sql_enum, Error, Result};

pub use access::{may_read, READERS};
pub use period::{Period, Preset, Query};
pub use table::{Cell, Chart, ChartKind, Column, Row, Series, Table};

sql_enum! {
    /// Which report.
    pub enum Kind {
        Recap = "recap",
        Sla = "sla",
        Van = "van",
        Ikm = "ikm",
        Expiring = "expiring",
    }
}

impl Kind {
    /// The report's title, as printed.
    pub fn title(self) -> &'static str {
        match self {
            Kind::Recap => "Rekapitulasi Permohonan dan Penerbitan Izin",
            Kind::Sla => "Kepatuhan terhadap Standar Pelayanan",
            Kind::Van => "Kinerja Layanan Antar Jemput Keliling",
            Kind::Ikm => "Indeks Kepuasan Masyarakat (IKM)",
            Kind::Expiring => "Izin yang Akan Berakhir Masa Berlakunya",
        }
    }

    /// The short name in the file names of its outputs.
    fn slug(self) -> &'static str {
        match self {
            Kind::Recap => "rekapitulasi",
            Kind::Sla => "standar-pelayanan",
            Kind::Van => "layanan-keliling",
            Kind::Ikm => "ikm",
            Kind::Expiring => "izin-berakhir",
        }
    }
}

/// How many days ahead the expiring permits look when no period is given.
pub const EXPIRING_DEFAULT_DAYS: u64 = 30;

/// One line of a report's filters, as printed under its title.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FilterLine {
    pub key: &'static str,
    pub label: &'static str,
    pub value: String,
}

/// A report, ready to show or to save.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub kind: Kind,
    pub title: &'static str,
    pub period: Period,
    /// `November 2026`, `Triwulan IV 2026`, …
    pub period_title: String,
    /// The office's day the report was made (the overdue files are overdue on this day).
    pub as_of: NaiveDate,
    pub made_at: DateTime<Utc>,
    /// The filters as asked, checked: permit type, district, village, channel.
    pub query: Query,
    pub filters: Vec<FilterLine>,
    /// Set for a clerk: the report counts only the cases they registered.
    pub scope_note: Option<String>,
    pub tables: Vec<Table>,
    pub charts: Vec<Chart>,
}

impl Report {
    /// A table by key.
    pub fn table(&self, key: &str) -> Option<&Table> {
        self.tables.iter().find(|t| t.key == key)
    }
}

/// A permit type as the reports list it.
#[derive(Debug, Clone)]
pub(crate) struct TypeInfo {
    pub(crate) id: PermitTypeId,
    pub(crate) code: String,
    pub(crate) name: String,
    pub(crate) sla_days: u32,
    pub(crate) active: bool,
}

/// What every builder reads from: the snapshot, the period, the filters and the office's calendar.
pub(crate) struct Ctx<'a> {
    pub(crate) db: &'a Db,
    pub(crate) period: Period,
    pub(crate) scope: Scope,
    /// The trips a clerk planned, when the reader is a clerk.
    pub(crate) trips_by: Option<crate::actor::UserId>,
    /// The catalogue (only the filtered type, when one is asked for), by code.
    pub(crate) types: Vec<TypeInfo>,
    pub(crate) today: NaiveDate,
    pub(crate) cal: WorkCalendar,
    pub(crate) offset: i32,
    /// Whether a district or village narrows the report (the expiring list is printed then).
    pub(crate) narrowed_to_area: bool,
}

impl Ctx<'_> {
    /// A type by id; a case of a type the catalogue lacks is corrupt.
    pub(crate) fn type_of(&self, id: PermitTypeId) -> Result<&TypeInfo> {
        self.types
            .iter()
            .find(|t| t.id == id)
            .ok_or_else(|| Error::Corrupt(format!("a case has the unknown permit type {id}")))
    }

    /// The office day of an instant.
    pub(crate) fn day_of(&self, at: DateTime<Utc>) -> NaiveDate {
        crate::time::local_day(at, self.offset)
    }
}

fn trimmed(s: &Option<String>) -> Option<String> {
    s.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// Checks the query's filters and period against the register and sets up the builders' context.
fn context<'a>(
    db: &'a Db,
    actor: &Actor,
    now: DateTime<Utc>,
    kind: Kind,
    q: &Query,
) -> Result<(Ctx<'a>, Query, Vec<FilterLine>)> {
    let profile = office::require(db)?;
    let offset = profile.utc_offset_minutes;
    let today = office::today(db, now)?;
    // A preset names its own days: the window sends one instead of counting a calendar itself.
    let (from, to) = match (q.preset, q.from, q.to, kind) {
        (Some(p), _, _, _) => p.days()?,
        (None, Some(f), Some(t), _) => (f, t),
        (None, None, None, Kind::Expiring) => {
            (today, today + chrono::Days::new(EXPIRING_DEFAULT_DAYS))
        }
        (None, None, None, _) => Preset::Month {
            year: chrono::Datelike::year(&today),
            month: chrono::Datelike::month(&today),
        }
        .days()?,
        (None, None, Some(_), _) => {
            return Err(Error::invalid("from", "name the period's first day too"))
        }
        (None, Some(_), None, _) => {
            return Err(Error::invalid("to", "name the period's last day too"))
        }
    };
    let period = Period::new(from, to, offset)?;
    let checked = Query {
        preset: None,
        from: Some(from),
        to: Some(to),
        permit_type: trimmed(&q.permit_type).map(|s| s.to_uppercase()),
        district: trimmed(&q.district),
        village: trimmed(&q.village),
        channel: q.channel,
    };
    let all_types = crate::store::permit_types::list(db)?;
    let mut scope = Scope {
        channel: q.channel,
        registered_by: access::own_cases(actor)?,
        ..Scope::default()
    };
    let mut filters = Vec::new();
    let type_line = match &checked.permit_type {
        Some(code) => {
            let t = all_types.iter().find(|t| &t.code == code).ok_or_else(|| {
                Error::invalid("permit_type", format!("there is no permit type {code}"))
            })?;
            scope.permit_type = Some(t.id);
            format!("{} – {}", t.code, t.name)
        }
        None => "Semua jenis izin".into(),
    };
    filters.push(FilterLine {
        key: "permit_type",
        label: "Jenis izin",
        value: type_line,
    });
    let (district, village) =
        store::area_names(db, checked.district.as_deref(), checked.village.as_deref())?;
    if let (Some(code), None) = (&checked.district, &district) {
        return Err(Error::invalid(
            "district",
            format!("there is no district {code}"),
        ));
    }
    if let (Some(code), None) = (&checked.village, &village) {
        return Err(Error::invalid(
            "village",
            format!("there is no village {code}"),
        ));
    }
    if let (Some(d), Some((_, parent))) = (&checked.district, &village) {
        if d != parent {
            return Err(Error::invalid(
                "village",
                format!("the village is in district {parent}, not in {d}"),
            ));
        }
    }
    // A village alone still names its district on the report.
    let district_name = match (&district, &village) {
        (Some((n, _)), _) => n.clone(),
        (None, Some((_, parent))) => store::area_names(db, Some(parent), None)?
            .0
            .map(|(n, _)| n)
            .unwrap_or_else(|| parent.clone()),
        (None, None) => "Semua kecamatan".into(),
    };
    filters.push(FilterLine {
        key: "district",
        label: "Kecamatan",
        value: district_name,
    });
    filters.push(FilterLine {
        key: "village",
        label: "Desa/kelurahan",
        value: village
            .as_ref()
            .map(|(n, _)| n.clone())
            .unwrap_or_else(|| "Semua desa/kelurahan".into()),
    });
    filters.push(FilterLine {
        key: "channel",
        label: "Saluran",
        value: match q.channel {
            Some(Channel::Counter) => "Loket".into(),
            Some(Channel::Van) => "Layanan keliling".into(),
            None => "Loket dan layanan keliling".into(),
        },
    });
    scope.district = checked.district.clone();
    scope.village = checked.village.clone();
    let types = all_types
        .into_iter()
        .filter(|t| scope.permit_type.is_none_or(|id| id == t.id))
        .map(|t| TypeInfo {
            id: t.id,
            code: t.code,
            name: t.name,
            sla_days: t.sla_days,
            active: t.active,
        })
        .collect();
    let narrowed_to_area = scope.district.is_some() || scope.village.is_some();
    let trips_by = scope.registered_by;
    Ok((
        Ctx {
            db,
            period,
            scope,
            trips_by,
            types,
            today,
            cal: WorkCalendar::load(db)?,
            offset,
            narrowed_to_area,
        },
        checked,
        filters,
    ))
}

/// Builds a report as `actor` (head of office, verifier, admin; a clerk gets their own counter's
/// cases), in one snapshot of the register.
pub fn build(
    db: &mut Db,
    actor: &Actor,
    now: DateTime<Utc>,
    kind: Kind,
    q: &Query,
) -> Result<Report> {
    access::require(actor)?;
    db.read(|tx| build_in(tx, actor, now, kind, q))
}

fn build_in(db: &Db, actor: &Actor, now: DateTime<Utc>, kind: Kind, q: &Query) -> Result<Report> {
    let (ctx, query, filters) = context(db, actor, now, kind, q)?;
    let (tables, charts) = match kind {
        Kind::Recap => recap::build(&ctx)?,
        Kind::Sla => sla::build(&ctx)?,
        Kind::Van => van::build(&ctx)?,
        Kind::Ikm => ikm::build(&ctx)?,
        Kind::Expiring => expiring::build(&ctx)?,
    };
    Ok(Report {
        kind,
        title: kind.title(),
        period: ctx.period,
        period_title: ctx.period.title(),
        as_of: ctx.today,
        made_at: now,
        query,
        filters,
        scope_note: access::scope_note(actor),
        tables,
        charts,
    })
}

/// A permit type, district or village a report can be narrowed to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Choice {
    pub code: String,
    pub name: String,
    /// A village's district code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub district: Option<String>,
}

/// What the window's filters offer: the report kinds, the permit types, the office's districts and
/// villages, and the office's day (for the period presets).
#[derive(Debug, Clone, Serialize)]
pub struct Choices {
    pub kinds: Vec<Kind>,
    pub permit_types: Vec<Choice>,
    pub districts: Vec<Choice>,
    pub villages: Vec<Choice>,
    pub today: NaiveDate,
    /// Set for a clerk: the reports count their own counter only.
    pub own_counter: bool,
}

/// The filters' choices for `actor` (a reader of reports).
pub fn choices(db: &Db, actor: &Actor, now: DateTime<Utc>) -> Result<Choices> {
    access::require(actor)?;
    let profile = office::require(db)?;
    let choice = |code: String, name: String| Choice {
        code,
        name,
        district: None,
    };
    Ok(Choices {
        kinds: Kind::ALL.to_vec(),
        permit_types: crate::store::permit_types::list(db)?
            .into_iter()
            .map(|t| choice(t.code, t.name))
            .collect(),
        districts: store::districts_of(db, &profile.regency_code)?
            .into_iter()
            .map(|(c, n)| choice(c, n))
            .collect(),
        villages: store::villages_of(db, &profile.regency_code)?
            .into_iter()
            .map(|(code, name, district)| Choice {
                code,
                name,
                district: Some(district),
            })
            .collect(),
        today: office::today(db, now)?,
        own_counter: access::own_cases(actor)?.is_some(),
    })
}

/// What a report is saved as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    Pdf,
    Xlsx,
    Csv,
    Json,
}

impl Format {
    pub fn ext(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Xlsx => "xlsx",
            Format::Csv => "csv",
            Format::Json => "json",
        }
    }
}

impl std::str::FromStr for Format {
    type Err = Error;
    fn from_str(s: &str) -> Result<Format> {
        match s.trim().to_lowercase().as_str() {
            "pdf" => Ok(Format::Pdf),
            "xlsx" => Ok(Format::Xlsx),
            "csv" => Ok(Format::Csv),
            "json" => Ok(Format::Json),
            other => Err(Error::invalid(
                "format",
                format!("{other:?} is not pdf, xlsx, csv or json"),
            )),
        }
    }
}

/// A saved report: its suggested file name, its bytes, and the report itself.
#[derive(Debug, Clone)]
pub struct Saved {
    pub name: String,
    pub bytes: Vec<u8>,
    pub report: Report,
}

/// Builds a report and writes it in `format`, all in one snapshot (the PDF's witness of the audit
/// chain is read in the same snapshot as its figures).
pub fn save(
    db: &mut Db,
    actor: &Actor,
    now: DateTime<Utc>,
    kind: Kind,
    q: &Query,
    format: Format,
) -> Result<Saved> {
    access::require(actor)?;
    db.read(|tx| {
        let report = build_in(tx, actor, now, kind, q)?;
        let bytes = match format {
            Format::Pdf => pdf::render(tx, &report)?,
            Format::Xlsx => files::xlsx(&report)?,
            Format::Csv => files::csv(&report)?,
            Format::Json => files::json(&report)?,
        };
        let name = format!(
            "laporan-{}-{}_{}.{}",
            kind.slug(),
            report.period.from,
            report.period.to,
            format.ext()
        );
        Ok(Saved {
            name,
            bytes,
            report,
        })
    })
}
