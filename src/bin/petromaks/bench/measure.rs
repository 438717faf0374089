//! The bench's measures, one function per part of the picture, each answering its figures as JSON
//! (milliseconds unless named otherwise; p50/p95 over every run of every sample).

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

use chrono::{DateTime, Utc};
use petromaks::actor::Actor;
use petromaks::cases::{self, CaseFilter, CaseId, NewCase, Status};
use petromaks::db::{Address, Db};
use petromaks::exchange::export::{self, What};
use petromaks::people::applicants::{self, ApplicantInput};
use petromaks::print::CertificateDoc;
use petromaks::{documents, office, print, van, Result};
use serde_json::{json, Map, Value};

/// One case of the register the searches and lookups look for, as a clerk would type it.
pub struct Sample {
    id: CaseId,
    registration: String,
    permit: Option<String>,
    nik: String,
    name: String,
}

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1000.0
}

fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// p50, p95 and the largest of `times`, rounded to the microsecond.
fn spread(mut times: Vec<f64>) -> Value {
    if times.is_empty() {
        return Value::Null;
    }
    times.sort_by(f64::total_cmp);
    let at = |p: f64| times[((times.len() - 1) as f64 * p).round() as usize];
    json!({ "p50": round(at(0.5)), "p95": round(at(0.95)), "max": round(at(1.0)), "n": times.len() })
}

/// The median of `runs` runs of `f`, in milliseconds.
fn median(runs: usize, mut f: impl FnMut() -> Result<()>) -> Result<f64> {
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs.max(1) {
        let t = Instant::now();
        f()?;
        times.push(ms(t));
    }
    times.sort_by(f64::total_cmp);
    Ok(round(times[times.len() / 2]))
}

/// Forgets the process's peak memory so far, so the next [`peak_mib`] is the peak of what follows.
fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// The process's peak resident memory since the last [`reset_peak`], in MiB (Linux).
fn peak_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kib: f64 = status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()?;
    Some((kib / 1024.0 * 10.0).round() / 10.0)
}

/// Opening the register (what every CLI command and the window's start do) and, for a file, the window's
/// start-up check (a server register has none: the server keeps its own files whole).
pub fn open(address: &Address, runs: usize) -> Result<Value> {
    let open = median(runs, || Db::open(address).map(drop))?;
    let start_up = match address {
        Address::File(path) => json!(median(runs, || {
            petromaks::safety::start_up(path, None).map(drop)
        })?),
        Address::Server(_) => json!("not for a server register"),
    };
    Ok(json!({ "open_ms": open, "start_up_check_ms": start_up }))
}

/// `n` cases spread evenly over the register, oldest to newest.
pub fn samples(db: &Db, n: usize) -> Result<Vec<Sample>> {
    let newest = cases::list(
        db,
        &CaseFilter {
            limit: Some(1),
            ..Default::default()
        },
    )?;
    let Some(last) = newest.first() else {
        return Ok(Vec::new());
    };
    let mut out = Vec::with_capacity(n);
    for k in 0..n {
        let id = CaseId(1 + (last.id.0 - 1) * k as i64 / n.max(1) as i64);
        let Ok(case) = cases::get(db, id) else {
            continue;
        };
        let person = applicants::get(db, case.applicant_id)?;
        out.push(Sample {
            id,
            registration: case.registration_number,
            permit: case.permit_number,
            nik: person.nik,
            name: person.name,
        });
    }
    Ok(out)
}

/// A part from the middle of the name's longest word (four letters), as a clerk remembers it.
fn middle_of(name: &str) -> String {
    let word = name
        .split_whitespace()
        .max_by_key(|w| w.len())
        .unwrap_or(name);
    let chars: Vec<char> = word.chars().collect();
    let from = chars.len().saturating_sub(4) / 2;
    chars[from..(from + 4).min(chars.len())].iter().collect()
}

/// Each kind of search the box answers, every sample typed three times: p50/p95 in the core.
pub fn searches(db: &Db, samples: &[Sample]) -> Result<Value> {
    type Typed = fn(&Sample, usize) -> Option<String>;
    let kinds: [(&str, Typed); 10] = [
        ("name_word", |s, _| {
            s.name.split_whitespace().last().map(str::to_lowercase)
        }),
        ("name_middle_of_word", |s, _| Some(middle_of(&s.name))),
        ("name_start", |s, _| Some(s.name.chars().take(3).collect())),
        ("whole_name", |s, _| Some(s.name.clone())),
        ("nik_prefix", |s, _| Some(s.nik.chars().take(6).collect())),
        ("whole_nik", |s, _| Some(s.nik.clone())),
        ("registration_number", |s, _| Some(s.registration.clone())),
        ("registration_in_lower_case", |s, _| {
            Some(s.registration.to_lowercase())
        }),
        ("permit_number", |s, _| s.permit.clone()),
        ("no_match", |_, k| Some(format!("zqxw{k}"))),
    ];
    let mut out = Map::new();
    let mut rows = Map::new();
    for (kind, typed) in kinds {
        let mut times = Vec::new();
        let (mut found, mut typed_n) = (0usize, 0usize);
        for round in 0..3 {
            for (k, s) in samples.iter().enumerate() {
                let Some(q) = typed(s, k) else { continue };
                let filter = CaseFilter {
                    query: Some(q),
                    limit: Some(50),
                    ..Default::default()
                };
                let t = Instant::now();
                let page = cases::list(db, &filter)?;
                times.push(ms(t));
                if round == 0 {
                    found += page.len();
                    typed_n += 1;
                }
            }
        }
        let per = typed_n.max(1) as f64;
        rows.insert(
            kind.into(),
            json!((found as f64 / per * 10.0).round() / 10.0),
        );
        out.insert(kind.into(), spread(times));
    }
    out.insert("mean_rows_on_first_page".into(), Value::Object(rows));
    Ok(Value::Object(out))
}

/// The scanner's lookup of a scanned registration or permit number (the verify and batch screens).
pub fn scanner(db: &Db, samples: &[Sample]) -> Result<Value> {
    let mut times = Vec::new();
    for _ in 0..5 {
        for s in samples {
            for number in std::iter::once(&s.registration).chain(s.permit.as_ref()) {
                let t = Instant::now();
                cases::find_by_number(db, number)?;
                times.push(ms(t));
            }
        }
    }
    Ok(spread(times))
}

/// The screens a user opens every time: the first page of cases, a status page, the today strip, each
/// dashboard, the pickups, the survey report of the last month, a case's detail. Median of `runs`.
pub fn screens(db: &Db, admin: &Actor, now: DateTime<Utc>, runs: usize) -> Result<Value> {
    let today = office::today(db, now)?;
    let mut v = Map::new();
    let first = CaseFilter::default();
    v.insert(
        "first_page_of_cases".into(),
        json!(median(runs, || cases::list(db, &first).map(drop))?),
    );
    let status = CaseFilter {
        status: Some(Status::Verified),
        ..Default::default()
    };
    v.insert(
        "status_page_verified".into(),
        json!(median(runs, || cases::list(db, &status).map(drop))?),
    );
    v.insert(
        "today_strip".into(),
        json!(median(runs, || cases::today(db, admin, now).map(drop))?),
    );
    v.insert(
        "dashboard_undelivered".into(),
        json!(median(runs, || van::dashboards::undelivered(db, now).map(drop))?),
    );
    v.insert(
        "dashboard_expiring_90_days".into(),
        json!(median(runs, || van::dashboards::expiring(db, now, 90).map(drop))?),
    );
    v.insert(
        "dashboard_trips_of_week".into(),
        json!(median(runs, || van::dashboards::trips_of_week(db, now).map(drop))?),
    );
    v.insert(
        "pickups".into(),
        json!(median(runs, || van::list_pickups(db, false).map(drop))?),
    );
    let month_ago = today - chrono::Days::new(30);
    v.insert(
        "survey_report_30_days".into(),
        json!(median(runs, || van::survey::report(db, month_ago, today).map(drop))?),
    );
    let newest = cases::list(db, &first)?;
    let mut times = Vec::new();
    for c in newest.iter().take(50) {
        let t = Instant::now();
        cases::detail(db, Some(admin), now, c.id)?;
        times.push(ms(t));
    }
    v.insert("case_detail".into(), spread(times));
    Ok(Value::Object(v))
}

/// CSV and XLSX exports of every case into files in `dir`: seconds (median of `runs`), rows, file size
/// and the peak memory of the process during each.
pub fn exports(db: &Db, admin: &Actor, dir: &Path, runs: usize) -> Result<Value> {
    let mut v = Map::new();
    for (name, xlsx) in [("csv", false), ("xlsx", true)] {
        let file = dir.join(format!("cases.{name}"));
        let mut rows = 0;
        reset_peak();
        let ms = median(runs, || {
            let _ = std::fs::remove_file(&file);
            let mut w = std::io::BufWriter::new(std::fs::File::create(&file)?);
            rows = if xlsx {
                export::xlsx(db, admin, What::Cases, &mut w)?
            } else {
                export::csv(db, admin, What::Cases, &mut w)?
            };
            std::io::Write::flush(&mut w)?;
            Ok(())
        })?;
        let bytes = std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0);
        v.insert(
            name.into(),
            json!({ "seconds": round(ms / 1000.0), "rows": rows, "mib": round(bytes as f64 / 1_048_576.0),
                    "peak_rss_mib": peak_mib() }),
        );
        let _ = std::fs::remove_file(&file);
    }
    Ok(Value::Object(v))
}

/// The ids of up to `n` issued cases, newest first, repeated when there are fewer.
fn issued(db: &Db, n: usize) -> Result<Vec<CaseId>> {
    let page = cases::list(
        db,
        &CaseFilter {
            status: Some(Status::Issued),
            limit: Some(n.min(5000) as u32),
            ..Default::default()
        },
    )?;
    let ids: Vec<CaseId> = page.iter().map(|c| c.id).collect();
    Ok(ids
        .iter()
        .cycle()
        .take(if ids.is_empty() { 0 } else { n })
        .copied()
        .collect())
}

/// A batch PDF of `batch` certificates (rendering, as `documents::batch` does, without logging prints)
/// and `singles` single certificate files one after another: ms a page, the peak memory of the batch.
pub fn certificates(db: &Db, now: DateTime<Utc>, batch: usize, singles: usize) -> Result<Value> {
    printed(db, now, batch, singles, &|_| {})
}

/// [`certificates`], each certificate changed by `dress` before it is drawn.
fn printed(
    db: &Db,
    now: DateTime<Utc>,
    batch: usize,
    singles: usize,
    dress: &dyn Fn(&mut CertificateDoc),
) -> Result<Value> {
    let ids = issued(db, batch.max(singles))?;
    if ids.is_empty() {
        return Ok(json!("no issued case to print"));
    }
    let doc = |id: &CaseId| {
        let mut doc = documents::certificate_doc(db, *id, true)?;
        dress(&mut doc);
        Ok(doc)
    };
    reset_peak();
    let t = Instant::now();
    let mut docs = ids
        .iter()
        .take(batch)
        .map(doc)
        .collect::<Result<Vec<_>>>()?;
    print::share_logos(&mut docs);
    let pdf = print::certificates_pdf(&docs, now)?;
    let batch_ms = ms(t);
    let batch_peak = peak_mib();
    drop(docs);
    let mut times = Vec::new();
    let mut bytes = 0;
    for id in ids.iter().take(singles) {
        let t = Instant::now();
        bytes += print::certificate_pdf(&doc(id)?, now)?.len();
        times.push(ms(t));
    }
    let pages = batch.min(ids.len()).max(1);
    Ok(json!({
        "batch_pages": pages,
        "batch_ms_a_page": round(batch_ms / pages as f64),
        "batch_seconds": round(batch_ms / 1000.0),
        "batch_pdf_mib": round(pdf.len() as f64 / 1_048_576.0),
        "batch_peak_rss_mib": batch_peak,
        "single_file": spread(times),
        "single_file_kib": round(bytes as f64 / 1024.0 / singles.max(1) as f64),
    }))
}

/// The pas photo both sides of the ReportLab comparison draw, as logo and as the holder's photo.
const PHOTO: &[u8] = include_bytes!("../../../../tests/core/fixtures/pas-foto.png");

/// The ReportLab script, carried in the binary so the bench needs no source tree.
const REPORTLAB: &str = include_str!("../../../../bench/reportlab_certificates.py");

/// The same certificate drawn by ReportLab (`bench/reportlab_certificates.py`: the same texts, fonts,
/// logo, photo and QR payload length) and by Petromaks with that logo and photo, in this run: both
/// sides' figures and how many times faster Petromaks is. Skipped when `python3` cannot import ReportLab.
pub fn reportlab(
    db: &Db,
    now: DateTime<Utc>,
    dir: &Path,
    batch: usize,
    singles: usize,
) -> Result<Value> {
    let installed = Command::new("python3")
        .args(["-c", "import reportlab"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    if !installed {
        return Ok(json!(
            "not measured: ReportLab is not installed (pip install reportlab)"
        ));
    }
    let assets = dir.join("reportlab");
    petromaks::private::create_dir(&assets)?;
    for (name, bytes) in print::font_files() {
        std::fs::write(assets.join(name), bytes)?;
    }
    std::fs::write(assets.join("pas-foto.png"), PHOTO)?;
    let script = assets.join("reportlab_certificates.py");
    std::fs::write(&script, REPORTLAB)?;
    let logo: std::sync::Arc<[u8]> = PHOTO.into();
    let ours = printed(db, now, batch, singles, &|doc| {
        doc.header.logo_png = Some(logo.clone());
        doc.photo_png = Some(PHOTO.to_vec());
    })?;
    let run = Command::new("python3")
        .arg(&script)
        .args([
            batch.to_string(),
            assets.join("batch.pdf").display().to_string(),
        ])
        .arg(singles.to_string())
        .env("PETROMAKS_BENCH_ASSETS", &assets)
        .output()?;
    if !run.status.success() {
        return Ok(json!(format!(
            "not measured: the ReportLab script failed: {}",
            String::from_utf8_lossy(&run.stderr).trim()
        )));
    }
    let theirs: Value = serde_json::from_slice(&run.stdout)
        .map_err(|e| petromaks::Error::Pdf(format!("the ReportLab script's figures: {e}")))?;
    let times = |a: &Value, b: &Value| match (a.as_f64(), b.as_f64()) {
        (Some(a), Some(b)) if b > 0.0 => json!((a / b * 10.0).round() / 10.0),
        _ => Value::Null,
    };
    Ok(json!({
        "times_faster_batch": times(&theirs["ms_per_certificate"], &ours["batch_ms_a_page"]),
        "times_faster_single_file_p50": times(&theirs["single_file_ms"]["p50"], &ours["single_file"]["p50"]),
        "petromaks_with_logo_and_photo": ours,
        "reportlab": theirs,
    }))
}

/// A new case like `s`'s (the same person coming back for the same permit type), as the form sends it.
fn like(db: &Db, s: &Sample) -> Result<NewCase> {
    let case = cases::get(db, s.id)?;
    let person = applicants::get(db, case.applicant_id)?;
    Ok(NewCase {
        applicant: ApplicantInput {
            nik: person.nik,
            name: person.name,
            birth_place: person.birth_place,
            address: person.address,
            village_code: person.village_code,
            phone: person.phone,
            email: person.email,
            npwp: person.npwp,
        },
        permit_type: case.permit_type_code,
        channel: case.channel,
        service_mode: case.service_mode,
        received: cases::documents(db, s.id)?
            .iter()
            .filter(|d| d.received)
            .map(|d| d.position)
            .collect(),
        details: case.details,
        submission_id: None,
    })
}

/// `n` registrations one after another, each its own transaction (committed: they stay in the register).
pub fn registrations(
    db: &mut Db,
    clerk: &Actor,
    now: DateTime<Utc>,
    samples: &[Sample],
    n: usize,
) -> Result<Value> {
    let mut times = Vec::new();
    for s in samples
        .iter()
        .cycle()
        .take(if samples.is_empty() { 0 } else { n })
    {
        let input = like(db, s)?;
        let t = Instant::now();
        cases::register(db, clerk, now, &input)?;
        times.push(ms(t));
    }
    Ok(spread(times))
}

/// The figures as lines a person reads.
pub fn text(v: &Value) -> String {
    fn walk(prefix: &str, v: &Value, out: &mut String) {
        match v {
            Value::Object(m) => {
                for (k, x) in m {
                    let p = if prefix.is_empty() {
                        k.clone()
                    } else {
                        format!("{prefix}.{k}")
                    };
                    walk(&p, x, out);
                }
            }
            other => out.push_str(&format!("{prefix}: {other}\n")),
        }
    }
    let mut out = String::new();
    walk("", v, &mut out);
    out
}
