//! `petromaks bench`: figures for the closing note, measured on a scratch database, never in tests.

use std::time::Instant;

use clap::Args;
use petromaks::actor::{Actor, Role};
use petromaks::cases::{self, CaseFilter, Status};
use petromaks::db::{Address, Db};
use petromaks::exchange::demo;
use petromaks::office::{self, Office};
use petromaks::people::{users, NewUser};
use petromaks::{documents, print, Result};

use crate::Ctx;

#[derive(Args)]
pub struct BenchArgs {
    /// Cases to register (with their audit rows).
    #[arg(long, default_value_t = 10_000)]
    cases: usize,
    /// Certificates to print (one batch PDF, and the same number as single files).
    #[arg(long, default_value_t = 1_000)]
    certificates: usize,
    /// Scratch database (default: a new file in the temp folder, removed afterwards).
    #[arg(long)]
    scratch: Option<std::path::PathBuf>,
}

fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

pub fn run(ctx: &Ctx, a: BenchArgs) -> Result<()> {
    let dir = std::env::temp_dir().join(format!("petromaks-bench-{}", std::process::id()));
    petromaks::private::create_dir(&dir)?;
    let path = a
        .scratch
        .clone()
        .unwrap_or_else(|| dir.join("bench.sqlite"));
    let mut db = Db::open_or_create(&Address::File(path.clone()))?;
    let admin = NewUser {
        username: "admin".into(),
        full_name: "Administrator".into(),
        role: Role::Admin,
        password: "bench-password".into(),
        nip: None,
    };
    office::first_run(&mut db, ctx.now, &Office::banyuasin_example(), &admin)?;
    let admin = users::actor(&db, "admin")?;

    // Each demo case is a registration plus the steps to its target status, one transaction each.
    let t = Instant::now();
    let ids = demo::generate(&mut db, &admin, ctx.now, a.cases, 42)?;
    let reg_secs = t.elapsed().as_secs_f64();
    let events = petromaks::store::events::count_all(&db, petromaks::audit::Chain::Case)?;

    let issued: Vec<_> = cases::list(
        &db,
        &CaseFilter {
            status: Some(Status::Issued),
            limit: Some(5000),
            ..Default::default()
        },
    )?
    .into_iter()
    .map(|c| c.id)
    .collect();
    let mut batch_ids = Vec::with_capacity(a.certificates);
    while batch_ids.len() < a.certificates && !issued.is_empty() {
        batch_ids.extend(issued.iter().take(a.certificates - batch_ids.len()));
    }
    let t = Instant::now();
    // Rendering only: `batch::print_batch` would also log each print, which is not what is measured here.
    let docs = batch_ids
        .iter()
        .map(|id| documents::certificate_doc(&db, *id, true))
        .collect::<Result<Vec<_>>>()?;
    let pdf = print::certificates_pdf(&docs, ctx.now)?;
    let batch_secs = t.elapsed().as_secs_f64();
    petromaks::private::write(&dir.join("batch.pdf"), &pdf)?;

    let singles = batch_ids.len().min(200);
    let t = Instant::now();
    let mut single_bytes = 0;
    for id in batch_ids.iter().take(singles) {
        let doc = documents::certificate_doc(&db, *id, true)?;
        single_bytes += print::certificate_pdf(&doc, ctx.now)?.len();
    }
    let single_secs = t.elapsed().as_secs_f64();

    let (search, detail_ms) = search_figures(&db, &admin, ctx.now)?;

    let v = serde_json::json!({
        "cases": ids.len(),
        "case_events": events,
        "register_and_move_seconds": reg_secs,
        "ms_per_case": reg_secs * 1000.0 / ids.len().max(1) as f64,
        "certificates_in_batch": batch_ids.len(),
        "batch_seconds": batch_secs,
        "ms_per_certificate_in_batch": batch_secs * 1000.0 / batch_ids.len().max(1) as f64,
        "batch_pdf_bytes": pdf.len(),
        "single_files": singles,
        "ms_per_single_file": single_secs * 1000.0 / singles.max(1) as f64,
        "avg_single_file_bytes": single_bytes / singles.max(1),
        "search_ms": search,
        "ms_per_case_detail": detail_ms,
        "peak_rss_mib": peak_rss_kib().map(|k| k as f64 / 1024.0),
    });
    ctx.out
        .show(&v, || serde_json::to_string_pretty(&v).unwrap_or_default());
    if a.scratch.is_none() {
        drop(db);
        std::fs::remove_dir_all(&dir)?;
    }
    Ok(())
}

/// How long the window waits for its search box and case screen on the full register: each kind of query
/// the search box sends (as the clerk types), the mean over repeated runs, in milliseconds.
fn search_figures(
    db: &Db,
    admin: &Actor,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(serde_json::Value, f64)> {
    let newest = cases::list(db, &CaseFilter::default())?;
    let Some(last) = newest.last() else {
        return Ok((serde_json::Value::Null, 0.0));
    };
    let permit = cases::list(
        db,
        &CaseFilter {
            status: Some(Status::Delivered),
            limit: Some(1),
            ..Default::default()
        },
    )?
    .into_iter()
    .find_map(|c| c.permit_number)
    .unwrap_or_default();
    let queries = [
        ("first_screen", None),
        ("name_part", Some("sri".to_string())),
        ("nik_prefix", Some(last.applicant_nik[..8].to_string())),
        (
            "registration_number",
            Some(last.registration_number.clone()),
        ),
        ("permit_number", Some(permit)),
        ("no_match", Some("tidak-ada-yang-cocok".to_string())),
    ];
    const RUNS: u32 = 50;
    let mut figures = serde_json::Map::new();
    for (name, query) in queries {
        let filter = CaseFilter {
            query,
            ..Default::default()
        };
        let t = Instant::now();
        for _ in 0..RUNS {
            cases::list(db, &filter)?;
        }
        let ms = t.elapsed().as_secs_f64() * 1000.0 / f64::from(RUNS);
        figures.insert(name.into(), serde_json::json!((ms * 100.0).round() / 100.0));
    }
    let ids: Vec<_> = newest.iter().take(100).map(|c| c.id).collect();
    let t = Instant::now();
    for id in &ids {
        cases::detail(db, Some(admin), now, *id)?;
    }
    let detail_ms = t.elapsed().as_secs_f64() * 1000.0 / ids.len().max(1) as f64;
    Ok((serde_json::Value::Object(figures), detail_ms))
}
