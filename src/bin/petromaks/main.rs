//! `petromaks`: the command line over the same core as the desktop app, for admins, scripts and tests.
//!
//! Writes act as the user named by `--as` (or `PETROMAKS_USER`): the CLI is run by the office's admin on
//! the office computer, where whoever can read the database file could change it anyway.

mod accounts;
mod admin;
mod applicant;
mod bench;
mod bench_checkin;
mod bench_desks;
mod casework;
mod catalogue_cmd;
mod desk;
mod holiday;
mod offline;
mod output;
mod papers;
mod program;
mod report;
mod safety;
mod server;
mod transfer;
mod trip;
mod van;

use std::process::ExitCode;

use chrono::{DateTime, Utc};
use clap::{Parser, Subcommand};

use output::Out;
use petromaks::db::{Address, Db};
use petromaks::people::users;
use petromaks::{Error, Result};

/// Where the data lives, for `--help` and the manual page.
const FILES: &str = "\
Files:
  ~/.local/share/id.petromaks.desktop/petromaks.sqlite   the register (the window's too), owner-only
  ~/.local/share/id.petromaks.desktop/backups/           its backups, unless the admin chose a folder
  /usr/share/doc/petromaks/copyright                     the licences of the code, data and fonts

Environment:
  PETROMAKS_DB     the register: a file, or a postgres:// URL (the office server)
  PETROMAKS_USER   the acting user, as --as

Starting a newer Petromaks on an older register takes a checked copy into the backup folder first, then
upgrades it, and says so on stderr.";

#[derive(Parser)]
#[command(
    name = "petromaks",
    version,
    about = "Petromaks permit register: command line",
    after_long_help = FILES
)]
struct Cli {
    /// The register: a file path (SQLite, one computer) or a postgres:// URL (the office server).
    /// Default: the desktop app's data file.
    #[arg(long, global = true, env = "PETROMAKS_DB")]
    db: Option<String>,
    /// Machine-readable output (JSON on stdout; errors as JSON on stderr).
    #[arg(long, global = true)]
    json: bool,
    /// The acting user for commands that change data.
    #[arg(long = "as", global = true, env = "PETROMAKS_USER")]
    user: Option<String>,
    /// Pretend the time is this RFC 3339 instant (tests, reprints of a given day).
    #[arg(long, global = true, env = "PETROMAKS_NOW", hide = true)]
    now: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create the database, the office profile and the first admin.
    Init(admin::InitArgs),
    /// Staff accounts.
    #[command(subcommand)]
    User(admin::UserCmd),
    /// Applicants.
    #[command(subcommand)]
    Applicant(applicant::ApplicantCmd),
    /// Cases (applications).
    #[command(subcommand)]
    Case(casework::CaseCmd),
    /// The permit catalogue.
    #[command(subcommand, name = "permit-type")]
    PermitType(admin::PermitTypeCmd),
    /// Print documents to PDF files.
    #[command(subcommand)]
    Print(casework::PrintCmd),
    /// Fill the database with realistic demo cases (and demo staff).
    Demo(admin::DemoArgs),
    /// Write a consistent copy of the database.
    Backup(admin::BackupArgs),
    /// Check a certificate's QR code offline: genuine, tampered, unknown key, expired or revoked.
    Verify(papers::VerifyArgs),
    /// The office's QR verification key.
    #[command(subcommand)]
    Key(papers::KeyCmd),
    /// Issued permits: revocation.
    #[command(subcommand)]
    Permit(papers::PermitCmd),
    /// The office profile: the kop surat logo.
    #[command(subcommand)]
    Office(papers::OfficeCmd),
    /// Printers (CUPS): list them, send a PDF.
    #[command(subcommand)]
    Printer(papers::PrinterCmd),
    /// Measure the register at a given size: opening, each search, the scanner, dashboards, exports, registration, certificates.
    Bench(bench::BenchArgs),
    /// Registrations per second and p95 latency with several desk processes at once on --db.
    #[command(name = "bench-desks")]
    BenchDesks(bench_desks::BenchDesksArgs),
    /// The check-in time of a van's 360-action day on --db.
    #[command(name = "bench-checkin")]
    BenchCheckin(bench_checkin::BenchCheckinArgs),
    /// Van trips: plan, assign permits, print the manifest, record deliveries, close.
    #[command(subcommand)]
    Trip(trip::TripCmd),
    /// Requests for the van to visit a village.
    #[command(subcommand)]
    Pickup(van::PickupCmd),
    /// The satisfaction survey (SKM) and its index (IKM).
    #[command(subcommand)]
    Survey(van::SurveyCmd),
    /// Figures for planning the van.
    #[command(subcommand)]
    Dashboard(van::DashboardCmd),
    /// The office's reports (recap, sla, van, ikm, expiring) for a period, as PDF, XLSX, CSV or JSON.
    Report(report::ReportArgs),
    /// Hand an issued permit to its holder (or a proxy) at the counter.
    Collect(van::CollectArgs),
    /// The tamper-evident audit trail: verify the chain, read the log.
    #[command(subcommand)]
    Audit(safety::AuditCmd),
    /// Replace the database with a checked backup (the old file is kept aside).
    Restore(safety::RestoreArgs),
    /// Check the database file without writing to it; name the latest good backup if it is damaged.
    Health(safety::HealthArgs),
    /// Staff account upkeep: deactivate, reactivate, reset a password, change a role.
    #[command(subcommand)]
    Account(accounts::AccountCmd),
    /// The permit catalogue editor: create, update, retire, delete an unused type, preview the next number.
    #[command(subcommand)]
    Catalogue(catalogue_cmd::CatalogueCmd),
    /// The holiday calendar (changes report the open cases whose due date moved).
    #[command(subcommand)]
    Holiday(holiday::HolidayCmd),
    /// Import applicants and cases from CSV (a dry run unless --confirm).
    Import(transfer::ImportArgs),
    /// Export cases or applicants to CSV or XLSX.
    #[command(subcommand)]
    Export(transfer::ExportCmd),
    /// The van's day offline: check a trip out to the laptop, check it back in, review conflicts.
    #[command(subcommand)]
    Van(offline::VanCmd),
    /// The office server: set it up, move a one-computer register onto it, save its password.
    #[command(subcommand)]
    Server(server::ServerCmd),
    /// The version, the register in use, and the licences of what the program ships.
    About,
    /// Whether the register's files and folders are readable by other accounts; --fix makes them private.
    Privacy(program::PrivacyArgs),
    /// Write the manual pages (the package's build runs it).
    #[command(hide = true)]
    Manual(program::ManualArgs),
    /// Register and issue cases in a loop (the crash test kills it).
    #[command(hide = true, name = "crash-loop")]
    CrashLoop(safety::CrashLoopArgs),
    /// One desk registering and issuing in a loop (the many-desk tests and benchmark start several).
    #[command(hide = true, name = "desk-loop")]
    DeskLoop(desk::DeskLoopArgs),
}

/// What every command gets: the register's address, the clock, the acting user's name and the output mode.
pub struct Ctx {
    pub db: Address,
    pub now: DateTime<Utc>,
    pub user: Option<String>,
    pub out: Out,
}

impl Ctx {
    /// Opens the register; a missing, foreign or damaged file is refused untouched. An older register is
    /// upgraded after a checked copy, and the person is told on stderr (stdout stays the command's).
    pub fn open(&self) -> Result<Db> {
        let opened = petromaks::safety::upgrade::open(&self.db, self.now)?;
        if let Some(up) = &opened.upgraded {
            eprintln!("{}", up.message());
        }
        Ok(opened.db)
    }

    /// The acting user, required for writes and for the admin's reads.
    pub fn actor(&self, db: &Db) -> Result<petromaks::actor::Actor> {
        let name = self.user.as_deref().ok_or_else(|| {
            Error::invalid(
                "as",
                "this command changes data: name the acting user with --as USER",
            )
        })?;
        users::actor(db, name)
    }
}

fn run(cli: Cli) -> Result<()> {
    let now = match cli.now.as_deref() {
        Some(s) => petromaks::time::parse_stamp("now", s)?,
        None => Utc::now(),
    };
    let ctx = Ctx {
        db: cli
            .db
            .filter(|s| !s.trim().is_empty())
            .map(|s| Address::parse(&s))
            .unwrap_or_else(Address::default_address),
        now,
        user: cli.user,
        out: Out { json: cli.json },
    };
    match cli.command {
        Command::Init(a) => admin::init(&ctx, a),
        Command::User(c) => admin::user(&ctx, c),
        Command::PermitType(c) => admin::permit_type(&ctx, c),
        Command::Applicant(c) => applicant::applicant(&ctx, c),
        Command::Case(c) => casework::case(&ctx, c),
        Command::Print(c) => casework::print(&ctx, c),
        Command::Demo(a) => admin::demo(&ctx, a),
        Command::Backup(a) => admin::backup(&ctx, a),
        Command::Bench(a) => bench::run(&ctx, a),
        Command::BenchDesks(a) => bench_desks::run(&ctx, a),
        Command::BenchCheckin(a) => bench_checkin::run(&ctx, a),
        Command::Verify(a) => papers::verify(&ctx, a),
        Command::Key(c) => papers::key(&ctx, c),
        Command::Permit(c) => papers::permit(&ctx, c),
        Command::Office(c) => papers::office(&ctx, c),
        Command::Printer(c) => papers::printers(&ctx, c),
        Command::Trip(c) => trip::trip(&ctx, c),
        Command::Pickup(c) => van::pickup(&ctx, c),
        Command::Survey(c) => van::survey(&ctx, c),
        Command::Dashboard(c) => van::dashboard(&ctx, c),
        Command::Report(a) => report::report(&ctx, a),
        Command::Collect(a) => van::collect(&ctx, a),
        Command::Audit(c) => safety::audit(&ctx, c),
        Command::Restore(a) => safety::restore(&ctx, a),
        Command::Health(a) => safety::health(&ctx, a),
        Command::CrashLoop(a) => safety::crash_loop(&ctx, a),
        Command::DeskLoop(a) => desk::desk_loop(&ctx, a),
        Command::Server(c) => server::server(&ctx, c),
        Command::Van(c) => offline::van(&ctx, c),
        Command::Account(c) => accounts::account(&ctx, c),
        Command::Catalogue(c) => catalogue_cmd::catalogue(&ctx, c),
        Command::Holiday(c) => holiday::holiday(&ctx, c),
        Command::Import(a) => transfer::import(&ctx, a),
        Command::Export(c) => transfer::export(&ctx, c),
        Command::About => program::about(&ctx),
        Command::Privacy(a) => program::privacy(&ctx, a),
        Command::Manual(a) => program::manual(a),
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let json = cli.json;
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            output::error(json, &e);
            ExitCode::FAILURE
        }
    }
}
