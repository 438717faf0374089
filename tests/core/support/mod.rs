//! Shared fixtures: a fresh register on the run's engine (see [`register`]) with the office set up and one
//! user per role, a fixed clock, helpers that walk a case, refusals checked by code and field, and a
//! content fingerprint to prove a failed command changed nothing.

pub mod cli;
pub mod dump;
pub mod fingerprint;
pub mod integrity;
pub mod private_server;
pub mod register;
pub mod van;

use chrono::{DateTime, TimeZone, Utc};
use petromaks::cases::{self, CaseId, Move, NewCase, Status};
use petromaks::db::{Db, Param};
use petromaks::office::{self, Office};
use petromaks::people::applicants::ApplicantInput;
use petromaks::people::users::{self, NewUser};
use petromaks::people::{Actor, Role};

pub use cli::{cli, cli_err, cli_ok, pdf_text, pdf_text_raw};
pub use fingerprint::fingerprint;
pub use register::{file_only, on_server, Scratch};

pub const PASSWORD: &str = "rahasia-kantor-1";

/// Monday 23 November 2026, 09:00 WIB.
pub fn monday() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 2, 0, 0)
        .single()
        .expect("valid time")
}

/// A register with the Banyuasin office and one account per role. `db` is declared before `scratch` so
/// the connection closes before a server database is dropped.
pub struct Office1 {
    pub db: Db,
    pub admin: Actor,
    pub clerk: Actor,
    pub verifier: Actor,
    pub signer: Actor,
    pub courier: Actor,
    pub scratch: Scratch,
}

/// A new register (a copy of the run's template on the server), set up for Banyuasin, with one account
/// per role.
pub fn office() -> Office1 {
    let (db, scratch) = register::fresh();
    set_up(db, scratch)
}

/// Like [`office`], but the register is made from nothing, so it has its own office key (on the server
/// the template's copies share one).
pub fn office_own_key() -> Office1 {
    let (db, scratch) = register::created();
    set_up(db, scratch)
}

/// Adds a staff account as the admin and returns it as an actor.
pub fn add_user(db: &mut Db, admin: &Actor, name: &str, full: &str, role: Role) -> Actor {
    let u = NewUser {
        username: name.into(),
        full_name: full.into(),
        role,
        password: PASSWORD.into(),
        nip: None,
    };
    users::add(db, admin, monday(), &u).expect("add user");
    users::actor(db, name).expect("actor")
}

/// Sets up the Banyuasin office with one account per role on a register made elsewhere (a private
/// server's).
pub fn set_up(mut db: Db, scratch: Scratch) -> Office1 {
    let admin = NewUser {
        username: "admin".into(),
        full_name: "Administrator".into(),
        role: Role::Admin,
        password: PASSWORD.into(),
        nip: None,
    };
    office::first_run(&mut db, monday(), &Office::banyuasin_example(), &admin).expect("setup");
    let admin = users::actor(&db, "admin").expect("admin");
    let clerk = add_user(&mut db, &admin, "rina", "Rina Marlina", Role::Clerk);
    let verifier = add_user(&mut db, &admin, "hendra", "Hendra Gunawan", Role::Verifier);
    let signer = add_user(&mut db, &admin, "kadis", "Ahmad Syarifuddin", Role::Signer);
    let courier = add_user(&mut db, &admin, "joko", "Joko Susilo", Role::Courier);
    Office1 {
        db,
        admin,
        clerk,
        verifier,
        signer,
        courier,
        scratch,
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
        submission_id: None,
    }
}

impl Office1 {
    /// What the CLI's `--db` takes for this register.
    pub fn db_arg(&self) -> String {
        self.scratch.db_arg()
    }

    /// The test's scratch folder (PDFs, CSVs, backups).
    pub fn dir(&self) -> &std::path::Path {
        self.scratch.dir.path()
    }

    /// A generic step of a case at [`monday`].
    pub fn step(
        &mut self,
        who: &Actor,
        id: CaseId,
        to: Status,
        reason: Option<&str>,
    ) -> petromaks::Result<Status> {
        cases::move_case(
            &mut self.db,
            who,
            monday(),
            id,
            &Move {
                to,
                reason: reason.map(Into::into),
            },
        )
    }

    /// Registers an application as the clerk at [`monday`]; returns the case.
    pub fn register(&mut self, input: &NewCase) -> CaseId {
        let clerk = self.clerk.clone();
        cases::register(&mut self.db, &clerk, monday(), input)
            .expect("register")
            .id
    }

    /// Takes a received case to `issued`.
    pub fn issue(&mut self, id: CaseId) {
        let (v, s) = (self.verifier.clone(), self.signer.clone());
        self.step(&v, id, Status::Verified, None).expect("verify");
        self.step(&s, id, Status::Approved, None).expect("approve");
        self.step(&s, id, Status::Issued, None).expect("issue");
    }

    /// Registers a complete SIPD case and takes it to `issued`.
    pub fn issued_case(&mut self, nik: &str, name: &str) -> CaseId {
        let id = self.register(&sipd(nik, name));
        self.issue(id);
        id
    }

    /// A count (or any one integer) from the register.
    pub fn count(&self, sql: &str, params: &[&dyn Param]) -> i64 {
        count(&self.db, sql, params)
    }

    pub fn fingerprint(&self) -> String {
        fingerprint(&self.db)
    }
}

/// A count (or any one integer) from a register.
pub fn count(db: &Db, sql: &str, params: &[&dyn Param]) -> i64 {
    db.value(sql, params)
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

/// The error of a call that must be refused, checked for its code.
#[track_caller]
pub fn refused<T>(r: petromaks::Result<T>, code: &str) -> petromaks::Error {
    match r {
        Ok(_) => panic!("expected a refusal with code {code}, but it succeeded"),
        Err(e) => {
            assert_eq!(e.code(), code, "wrong code for: {e}");
            e
        }
    }
}

/// The error of a call that must be refused as `invalid` beside `field`.
#[track_caller]
pub fn refused_on<T>(r: petromaks::Result<T>, field: &str) -> petromaks::Error {
    let e = refused(r, "invalid");
    assert_eq!(e.field(), Some(field), "wrong field for: {e}");
    e
}
