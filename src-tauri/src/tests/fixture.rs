//! Fixtures for the command tests: a temp folder removed on drop, and a set-up office in it (through the
//! first-run command), filled with the demo's staff and cases when a test needs them. Each office has its
//! own documents folder, so tests running in parallel never write into each other's.

use std::path::{Path, PathBuf};

use chrono::Utc;
use petromaks::db::Address;
use petromaks::exchange::demo;
use petromaks::office::Office;
use petromaks::people::{NewUser, Role};

use crate::commands::account::{first_run_in, sign_in_in};
use crate::error::CommandError;
use crate::state::{BatchControl, Database, ExportControl, Outputs, Session};

/// The first administrator's password in every fixture.
pub const ADMIN_PASSWORD: &str = "rahasia-admin-123";

/// The demo staff's password.
pub const DEMO: &str = demo::DEMO_PASSWORD;

/// A fresh directory under the system temp dir, removed on drop. (No `tempfile` dev-dependency: it would
/// change the features of shared crates and rebuild the whole Tauri graph for `cargo test`.)
pub struct TempDir(PathBuf);

impl TempDir {
    pub fn new(name: &str) -> std::io::Result<Self> {
        let dir =
            std::env::temp_dir().join(format!("petromaks-desktop-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir)?;
        Ok(TempDir(dir))
    }

    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A set-up office and the state the app would manage for it.
pub struct TestOffice {
    pub db: Database,
    pub session: Session,
    /// Writes into `docs/` of the office's folder.
    pub outputs: Outputs,
    pub batch: BatchControl,
    pub export: ExportControl,
    /// Last, so the folder goes after the register is closed.
    pub dir: TempDir,
}

impl TestOffice {
    /// The documents folder the office's outputs write into.
    pub fn docs(&self) -> PathBuf {
        self.dir.path().join("docs")
    }

    /// Signs `username` in (the admin with its own password, anyone else with the demo's).
    pub fn sign_in(&self, username: &str) -> Result<(), CommandError> {
        let password = if username == "admin" {
            ADMIN_PASSWORD
        } else {
            DEMO
        };
        sign_in_in(&self.db, &self.session, username, password).map(drop)
    }
}

/// A set-up office (admin `admin`, signed in) in `office.sqlite` of a fresh folder named after the test;
/// with `demo_cases`, the demo staff (loket1 clerk, kasi verifier, kadis signer, keliling1 courier) and that many demo cases
/// (seed 7).
pub fn office(
    name: &str,
    demo_cases: Option<usize>,
) -> Result<TestOffice, Box<dyn std::error::Error>> {
    let dir = TempDir::new(name)?;
    let db = Database::open(Address::File(dir.path().join("office.sqlite")));
    let session = Session::default();
    let admin = NewUser {
        username: "admin".into(),
        full_name: "Admin Kantor".into(),
        role: Role::Admin,
        password: ADMIN_PASSWORD.into(),
        nip: None,
    };
    let signed = first_run_in(&db, &session, &Office::banyuasin_example(), &admin)?;
    if let Some(cases) = demo_cases {
        db.with(|db| demo::generate(db, &signed.actor, Utc::now(), cases, 7).map(drop))?;
    }
    Ok(TestOffice {
        outputs: Outputs::at(dir.path().join("docs")),
        db,
        session,
        batch: BatchControl::default(),
        export: ExportControl::default(),
        dir,
    })
}

/// The code of a command's answer: `ok`, or the error's code.
pub fn code<T>(result: Result<T, CommandError>) -> &'static str {
    match result {
        Ok(_) => "ok",
        Err(e) => e.code,
    }
}

/// The code and field of a refused answer (`("ok", None)` when it was not refused).
pub fn refusal<T>(result: Result<T, CommandError>) -> (&'static str, Option<String>) {
    match result {
        Ok(_) => ("ok", None),
        Err(e) => (e.code, e.field),
    }
}
