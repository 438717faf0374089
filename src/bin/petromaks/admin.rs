//! Admin commands: setup, staff, catalogue, demo data, backups.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use petromaks::actor::Role;
use petromaks::db::Db;
use petromaks::exchange::demo as dm;
use petromaks::office::{self, Office};
use petromaks::people::{users, NewUser};
use petromaks::safety::{backup as bk, folder};
use petromaks::{catalogue, Error, Result};

use crate::Ctx;

#[derive(Args)]
pub struct InitArgs {
    /// Government line of the kop surat.
    #[arg(long, default_value = "PEMERINTAH KABUPATEN BANYUASIN")]
    government: String,
    #[arg(
        long,
        default_value = "DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU"
    )]
    office_name: String,
    /// Unit token in permit numbers.
    #[arg(long, default_value = "DPMPTSP")]
    unit: String,
    #[arg(long, default_value = "16.07")]
    regency_code: String,
    #[arg(long)]
    address: Option<String>,
    #[arg(long)]
    phone: Option<String>,
    #[arg(long)]
    email: Option<String>,
    #[arg(long)]
    head_title: Option<String>,
    #[arg(long)]
    head_name: Option<String>,
    #[arg(long)]
    head_rank: Option<String>,
    #[arg(long)]
    head_nip: Option<String>,
    #[arg(long)]
    sign_place: Option<String>,
    #[arg(long, default_value = "admin")]
    admin_user: String,
    #[arg(long, default_value = "Administrator")]
    admin_name: String,
    /// The first admin's password (at least 10 characters).
    #[arg(long, env = "PETROMAKS_ADMIN_PASSWORD")]
    admin_password: String,
}

pub fn init(ctx: &Ctx, a: InitArgs) -> Result<()> {
    // The one command that creates a register file: where no file is. On the office server the register
    // is made by `server init`; `init` then sets up its office and first admin.
    let mut db = match &ctx.db {
        petromaks::db::Address::File(_) => Db::create(&ctx.db)?,
        petromaks::db::Address::Server(_) => Db::open(&ctx.db)?,
    };
    let ex = Office::banyuasin_example();
    let o = Office {
        government: a.government,
        name: a.office_name,
        unit: a.unit,
        regency_code: a.regency_code,
        address: a.address.unwrap_or(ex.address),
        phone: a.phone.unwrap_or(ex.phone),
        email: a.email.unwrap_or(ex.email),
        head_title: a.head_title.unwrap_or(ex.head_title),
        head_name: a.head_name.unwrap_or(ex.head_name),
        head_rank: a.head_rank.unwrap_or(ex.head_rank),
        head_nip: a.head_nip.unwrap_or(ex.head_nip),
        sign_place: a.sign_place.unwrap_or(ex.sign_place),
        utc_offset_minutes: ex.utc_offset_minutes,
        work_days: ex.work_days,
    };
    let admin = NewUser {
        username: a.admin_user,
        full_name: a.admin_name,
        role: Role::Admin,
        password: a.admin_password,
        nip: None,
    };
    office::first_run(&mut db, ctx.now, &o, &admin)?;
    let v = serde_json::json!({ "db": ctx.db.shown(), "office": o.name, "admin": admin.username.trim().to_lowercase() });
    ctx.out.show(&v, || {
        format!(
            "initialised {} for {}; admin: {}",
            ctx.db.shown(),
            o.name,
            admin.username
        )
    });
    Ok(())
}

#[derive(Subcommand)]
pub enum UserCmd {
    /// Add a staff account (needs --as an admin).
    Add {
        username: String,
        #[arg(long)]
        name: String,
        #[arg(long)]
        role: Role,
        #[arg(long, env = "PETROMAKS_NEW_PASSWORD")]
        password: String,
        #[arg(long)]
        nip: Option<String>,
    },
    /// List staff accounts.
    List,
}

pub fn user(ctx: &Ctx, c: UserCmd) -> Result<()> {
    let mut db = ctx.open()?;
    let actor = ctx.actor(&db)?;
    match c {
        UserCmd::Add {
            username,
            name,
            role,
            password,
            nip,
        } => {
            let u = users::add(
                &mut db,
                &actor,
                ctx.now,
                &NewUser {
                    username,
                    full_name: name,
                    role,
                    password,
                    nip,
                },
            )?;
            ctx.out.show(&u, || {
                format!("added {} ({}) as {}", u.username, u.full_name, u.role)
            });
        }
        UserCmd::List => {
            let list = users::list(&db, &actor)?;
            ctx.out.show(&list, || {
                list.iter()
                    .map(|u| {
                        format!(
                            "{:<14} {:<9} {}{}\n",
                            u.username,
                            u.role,
                            u.full_name,
                            if u.active { "" } else { " (inactive)" }
                        )
                    })
                    .collect()
            });
        }
    }
    Ok(())
}

#[derive(Subcommand)]
pub enum PermitTypeCmd {
    /// List the catalogue.
    List,
    /// Show one permit type with its requirements and fields.
    Show { code: String },
}

pub fn permit_type(ctx: &Ctx, c: PermitTypeCmd) -> Result<()> {
    let db = ctx.open()?;
    match c {
        PermitTypeCmd::List => {
            let list = catalogue::list(&db)?;
            ctx.out.show(&list, || {
                list.iter()
                    .map(|t| {
                        format!(
                            "{:<6} {:<40} {:>2} WD  {}\n",
                            t.code,
                            t.name,
                            t.sla_days,
                            if t.active { "" } else { "retired" }
                        )
                    })
                    .collect()
            });
        }
        PermitTypeCmd::Show { code } => {
            let t = catalogue::by_code(&db, &code)?;
            ctx.out.show(&t, || {
                let mut s = format!("{} — {}\nSLA {} working days; ", t.code, t.name, t.sla_days);
                s += &match t.validity_months {
                    Some(m) => format!("valid {m} months\n"),
                    None => "no expiry\n".into(),
                };
                s += &format!("number: {}\nrequirements:\n", t.number_template);
                for r in &t.requirements {
                    s += &format!(
                        "  {}. {}{}\n",
                        r.position,
                        r.label,
                        if r.mandatory { " (wajib)" } else { "" }
                    );
                }
                s += "fields:\n";
                for f in &t.fields {
                    s += &format!(
                        "  {} ({}{}): {}\n",
                        f.key,
                        f.kind,
                        if f.required { ", required" } else { "" },
                        f.label
                    );
                }
                s
            });
        }
    }
    Ok(())
}

#[derive(Args)]
pub struct DemoArgs {
    /// How many cases to register.
    #[arg(long, default_value_t = 30)]
    cases: usize,
    /// Seed of the generator (same seed, same people).
    #[arg(long, default_value_t = 1607)]
    seed: u64,
}

/// Above this many cases the demo writes years of history in large transactions (`demo::bulk`); below,
/// every case walks the real steps one command at a time.
const BULK_FROM: usize = 1000;

pub fn demo(ctx: &Ctx, a: DemoArgs) -> Result<()> {
    let mut db = ctx.open()?;
    let admin = ctx.actor(&db)?;
    let started = std::time::Instant::now();
    let n = if a.cases > BULK_FROM {
        let total = a.cases;
        let json = ctx.out.json;
        dm::bulk::generate_large(&mut db, &admin, ctx.now, total, a.seed, &mut |done| {
            if !json {
                eprint!(
                    "\r{done} of {total} demo cases ({:.0} s)",
                    started.elapsed().as_secs_f64()
                );
            }
            true
        })? as usize
    } else {
        dm::generate(&mut db, &admin, ctx.now, a.cases, a.seed)?.len()
    };
    if a.cases > BULK_FROM && !ctx.out.json {
        eprintln!();
    }
    let ids = vec![(); n];
    let v = serde_json::json!({ "cases": ids.len(), "seconds": started.elapsed().as_secs_f64(), "staff": dm::DEMO_STAFF.iter().map(|s| s.0).collect::<Vec<_>>(), "password": dm::DEMO_PASSWORD });
    ctx.out.show(&v, || {
        format!(
            "registered {} demo cases; demo staff {} (password {:?})",
            ids.len(),
            dm::DEMO_STAFF
                .iter()
                .map(|s| s.0)
                .collect::<Vec<_>>()
                .join(", "),
            dm::DEMO_PASSWORD
        )
    });
    Ok(())
}

#[derive(Args)]
pub struct BackupArgs {
    /// The backup file to write (must not exist).
    #[arg(long, required_unless_present = "dir", conflicts_with = "dir")]
    out: Option<PathBuf>,
    /// A backup folder: write a timestamped backup there and rotate (7 daily, 4 weekly, 12 monthly).
    #[arg(long)]
    dir: Option<PathBuf>,
}

pub fn backup(ctx: &Ctx, a: BackupArgs) -> Result<()> {
    let db = ctx.open()?;
    let actor = ctx.actor(&db)?;
    let (out, size, removed) = match (a.out, a.dir) {
        (Some(out), _) => {
            let size = bk::backup_to(&db, &actor, &out)?;
            (out, size, Vec::new())
        }
        (None, Some(dir)) => {
            let t = folder::take(&db, &actor, &dir, ctx.now, Default::default())?;
            (t.file.path, t.file.bytes, t.removed)
        }
        (None, None) => return Err(Error::invalid("out", "give --out FILE or --dir FOLDER")),
    };
    let v = serde_json::json!({ "out": out, "bytes": size, "rotated_out": removed });
    ctx.out.show(&v, || {
        format!(
            "backup written to {} ({size} bytes), integrity ok; {} old backup(s) rotated out",
            out.display(),
            removed.len()
        )
    });
    Ok(())
}
