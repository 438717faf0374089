//! Shared fixtures: a fresh database file with the real migrations, the office set up, one user per role,
//! a fixed clock, and a content fingerprint to prove a failed command changed nothing.

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::{DateTime, TimeZone, Utc};
use petromaks::applicants::ApplicantInput;
use petromaks::cases::{self, CaseId, Move, NewCase, Status};
use petromaks::office::Office;
use petromaks::users::{self, Actor, NewUser, Role};
use petromaks::{db, setup};
use rusqlite::Connection;
use sha2::{Digest, Sha256};

pub const PASSWORD: &str = "rahasia-kantor-1";

/// Monday 23 November 2026, 09:00 WIB.
pub fn monday() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 2, 0, 0)
        .single()
        .expect("valid time")
}

pub struct Office1 {
    pub _dir: tempfile::TempDir,
    pub path: PathBuf,
    pub conn: Connection,
    pub admin: Actor,
    pub clerk: Actor,
    pub verifier: Actor,
    pub signer: Actor,
    pub courier: Actor,
}

/// A new database file, set up for Banyuasin, with one account per role.
pub fn office() -> Office1 {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("register.sqlite");
    let mut conn = db::open(&path).expect("open");
    let admin = NewUser {
        username: "admin".into(),
        full_name: "Administrator".into(),
        role: Role::Admin,
        password: PASSWORD.into(),
        nip: None,
    };
    setup::first_run(&mut conn, monday(), &Office::banyuasin_example(), &admin).expect("setup");
    let admin = users::actor(&conn, "admin").expect("admin");
    let mut add = |name: &str, full: &str, role: Role| {
        let u = NewUser {
            username: name.into(),
            full_name: full.into(),
            role,
            password: PASSWORD.into(),
            nip: None,
        };
        users::add(&mut conn, &admin, monday(), &u).expect("add user");
        users::actor(&conn, name).expect("actor")
    };
    let clerk = add("rina", "Rina Marlina", Role::Clerk);
    let verifier = add("hendra", "Hendra Gunawan", Role::Verifier);
    let signer = add("kadis", "Ahmad Syarifuddin", Role::Signer);
    let courier = add("joko", "Joko Susilo", Role::Courier);
    Office1 {
        _dir: dir,
        path,
        conn,
        admin,
        clerk,
        verifier,
        signer,
        courier,
    }
}

/// A valid applicant: a woman born 5 August 1990, NIK issued in Banyuasin's first district.
pub fn applicant(nik: &str, name: &str) -> ApplicantInput {
    ApplicantInput {
        nik: nik.into(),
        name: name.into(),
        birth_place: "Pangkalan Balai".into(),
        address: "Jl. Merdeka No. 7".into(),
        village_code: Some("16.07.01.2001".into()),
        phone: Some("0812-7788-9900".into()),
        ..Default::default()
    }
}

/// A complete SIPD application.
pub fn sipd(nik: &str, name: &str) -> NewCase {
    NewCase {
        applicant: applicant(nik, name),
        permit_type: "SIPD".into(),
        channel: cases::Channel::Counter,
        service_mode: cases::ServiceMode::New,
        received: (1..=7).collect(),
        details: [
            ("tempat_praktik", "Klinik Pratama Mitra Sehat"),
            ("alamat_praktik", "Jl. Lintas Timur KM 18, Pangkalan Balai"),
            ("jam_praktik", "Senin–Jumat 16.00–21.00 WIB"),
            ("nomor_str", "3321100223145678"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect(),
    }
}

impl Office1 {
    pub fn step(
        &mut self,
        who: &Actor,
        id: CaseId,
        to: Status,
        reason: Option<&str>,
    ) -> petromaks::Result<Status> {
        cases::move_case(
            &mut self.conn,
            who,
            monday(),
            id,
            &Move {
                to,
                reason: reason.map(Into::into),
            },
        )
    }

    /// Registers a complete SIPD case and takes it to `issued`.
    pub fn issued_case(&mut self, nik: &str, name: &str) -> CaseId {
        let id = cases::register(
            &mut self.conn,
            &self.clerk.clone(),
            monday(),
            &sipd(nik, name),
        )
        .expect("register");
        let (v, s) = (self.verifier.clone(), self.signer.clone());
        self.step(&v, id, Status::Verified, None).expect("verify");
        self.step(&s, id, Status::Approved, None).expect("approve");
        self.step(&s, id, Status::Issued, None).expect("issue");
        id
    }
}

/// A hash of every row of every table: equal fingerprints mean equal content.
pub fn fingerprint(path: &Path) -> String {
    let conn = Connection::open(path).expect("open for fingerprint");
    let mut tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .expect("tables")
        .query_map([], |r| r.get(0))
        .expect("tables")
        .collect::<rusqlite::Result<_>>()
        .expect("tables");
    tables.retain(|t| !t.starts_with("sqlite_"));
    let mut h = Sha256::new();
    for t in tables {
        let mut stmt = conn
            .prepare(&format!("SELECT * FROM \"{t}\" ORDER BY 1"))
            .expect("select");
        let n = stmt.column_count();
        let mut rows = stmt.query([]).expect("rows");
        h.update(t.as_bytes());
        while let Some(r) = rows.next().expect("row") {
            for i in 0..n {
                let v: rusqlite::types::Value = r.get(i).expect("value");
                h.update(format!("{v:?}\u{1f}").as_bytes());
            }
        }
    }
    let v: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .expect("version");
    h.update(v.to_le_bytes());
    format!("{:x}", h.finalize())
}

/// The CLI binary built with this test.
pub fn cli(db: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_petromaks"));
    c.arg("--db")
        .arg(db)
        .env_remove("PETROMAKS_DB")
        .env_remove("PETROMAKS_USER")
        .env("PETROMAKS_NOW", "2026-11-23T02:00:00Z");
    c
}

/// Runs the CLI and returns stdout, panicking with stderr on failure.
pub fn cli_ok(db: &Path, args: &[&str]) -> String {
    let out = cli(db).args(args).output().expect("run petromaks");
    assert!(
        out.status.success(),
        "petromaks {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

/// Runs the CLI expecting failure and returns stderr.
pub fn cli_err(db: &Path, args: &[&str]) -> String {
    let out = cli(db).args(args).output().expect("run petromaks");
    assert!(
        !out.status.success(),
        "petromaks {args:?} should have failed"
    );
    String::from_utf8(out.stderr).expect("utf-8")
}

/// Text of a PDF through poppler's pdftotext.
pub fn pdf_text(path: &Path) -> String {
    let out = Command::new("pdftotext")
        .arg("-layout")
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    assert!(
        out.status.success(),
        "pdftotext failed on {}",
        path.display()
    );
    String::from_utf8(out.stdout).expect("utf-8")
}
