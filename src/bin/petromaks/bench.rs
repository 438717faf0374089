//! `petromaks bench`: the whole picture of how fast the register answers at a given size (opening, each
//! kind of search, the scanner's lookup, the dashboards, exports, registration, certificates), as figures
//! to read, never assertions in a test. It measures a register it builds (`demo --cases N`) or one named
//! with `--register`: a file (built first when missing) or an office server's register (`server init` done,
//! filled with the demo first when it holds no case yet).

mod measure;

use std::path::Path;
use std::time::Instant;

use clap::Args;
use petromaks::actor::Role;
use petromaks::db::{Address, Db};
use petromaks::exchange::demo;
use petromaks::office::{self, Office};
use petromaks::people::{users, NewUser};
use petromaks::{Error, Result};
use serde_json::{json, Map, Value};

use crate::Ctx;

#[derive(Args)]
pub struct BenchArgs {
    /// Cases in the register measured (built with the demo when the register does not exist yet).
    #[arg(long, default_value_t = 10_000)]
    cases: usize,
    /// The register to measure, a file or a `postgres://` URL: kept afterwards. A missing file is built;
    /// a server register (made by `server init`) is set up and filled with the demo when it holds no case.
    /// Without it a scratch file in the temp folder is built and removed afterwards. Registrations are
    /// written into it (demo cases).
    #[arg(long)]
    register: Option<String>,
    /// Certificates in the batch PDF.
    #[arg(long, default_value_t = 500)]
    certificates: usize,
    /// Single certificate files printed one after another.
    #[arg(long, default_value_t = 100)]
    singles: usize,
    /// Cases registered one by one (each its own transaction), copies of existing demo cases.
    #[arg(long, default_value_t = 50)]
    registrations: usize,
    /// How many times each whole-register measure runs (opening, dashboards, exports); the median is shown.
    #[arg(long, default_value_t = 3)]
    runs: usize,
    /// Leave out the exports (minutes on a big register).
    #[arg(long)]
    no_exports: bool,
}

/// The demo admin the bench signs in as when it builds the register.
const ADMIN: &str = "admin";

/// Builds the register of `cases` demo cases at `address`, or returns `None` when it holds cases already.
/// A file is built only where none is; a server register is set up (first run) when it has no office yet.
fn build(ctx: &Ctx, address: &Address, cases: usize) -> Result<Option<f64>> {
    let mut db = match address {
        Address::File(path) if path.exists() => return Ok(None),
        Address::File(_) => Db::create(address)?,
        Address::Server(_) => Db::open(address)?,
    };
    if office::get(&db)?.is_none() {
        let admin = NewUser {
            username: ADMIN.into(),
            full_name: "Administrator".into(),
            role: Role::Admin,
            password: "bench-password".into(),
            nip: None,
        };
        office::first_run(&mut db, ctx.now, &Office::banyuasin_example(), &admin)?;
    } else if petromaks::cases::count(&db, &Default::default())? > 0 {
        return Ok(None);
    }
    let admin = users::actor(&db, ADMIN)?;
    let t = Instant::now();
    if cases > 1000 {
        let quiet = ctx.out.json;
        demo::bulk::generate_large(&mut db, &admin, ctx.now, cases, 42, &mut |done| {
            if !quiet {
                eprint!("\rbuilding the register: {done} of {cases} cases");
            }
            true
        })?;
        if !quiet {
            eprintln!();
        }
    } else {
        demo::generate(&mut db, &admin, ctx.now, cases, 42)?;
    }
    Ok(Some(t.elapsed().as_secs_f64()))
}

pub fn run(ctx: &Ctx, a: BenchArgs) -> Result<()> {
    let scratch = std::env::temp_dir().join(format!("petromaks-bench-{}", std::process::id()));
    petromaks::private::create_dir(&scratch)?;
    let address = match &a.register {
        Some(r) => Address::parse(r),
        None => Address::File(scratch.join("bench.sqlite")),
    };
    let outcome = bench(ctx, &a, &address, &scratch);
    // The scratch folder (the exports, and the register unless it was named) goes in any case.
    let _ = std::fs::remove_dir_all(&scratch);
    let v = outcome?;
    ctx.out.show(&v, || measure::text(&v));
    Ok(())
}

fn bench(ctx: &Ctx, a: &BenchArgs, address: &Address, scratch: &Path) -> Result<Value> {
    let mut v = Map::new();
    if let Some(secs) = build(ctx, address, a.cases)? {
        v.insert("build_seconds".into(), json!(secs));
    }
    v.insert("register".into(), json!(address.shown()));
    if let Address::File(path) = address {
        v.insert(
            "register_mib".into(),
            json!(std::fs::metadata(path)?.len() as f64 / 1_048_576.0),
        );
    }
    v.insert("open".into(), measure::open(address, a.runs)?);
    let mut db = Db::open(address)?;
    let admin = users::actor(&db, ADMIN).or_else(|_| {
        ctx.user
            .as_deref()
            .ok_or_else(|| {
                Error::invalid(
                    "as",
                    "name the register's admin with --as USER (no user \"admin\")",
                )
            })
            .and_then(|u| users::actor(&db, u))
    })?;
    let samples = measure::samples(&db, 40)?;
    v.insert(
        "cases".into(),
        json!(petromaks::cases::count(&db, &Default::default())?),
    );
    v.insert("search_ms".into(), measure::searches(&db, &samples)?);
    v.insert("scanner_lookup_ms".into(), measure::scanner(&db, &samples)?);
    v.insert(
        "screens_ms".into(),
        measure::screens(&db, &admin, ctx.now, a.runs)?,
    );
    if !a.no_exports {
        v.insert(
            "exports".into(),
            measure::exports(&db, &admin, scratch, a.runs)?,
        );
    }
    v.insert(
        "certificates".into(),
        measure::certificates(&db, ctx.now, a.certificates, a.singles)?,
    );
    // A registration is the front office's: the demo clerk registers.
    match users::actor(&db, "loket1") {
        Ok(clerk) => v.insert(
            "registration_ms".into(),
            measure::registrations(&mut db, &clerk, ctx.now, &samples, a.registrations)?,
        ),
        Err(_) => v.insert(
            "registration_ms".into(),
            json!("not measured: no demo clerk loket1"),
        ),
    };
    v.insert(
        "reportlab".into(),
        measure::reportlab(&db, ctx.now, scratch, a.certificates, a.singles)?,
    );
    Ok(Value::Object(v))
}
