//! Fixtures for the desktop's command tests: a real database file in a fresh temp folder, set up through
//! the first-run command, and filled with the demo's staff and cases when a test needs them.

use std::path::PathBuf;

use chrono::Utc;
use petromaks::office::Office;
use petromaks::users::{NewUser, Role};

use crate::account::first_run_in;
use crate::session::Session;
use crate::state::Database;

/// The first administrator's password in every fixture.
pub const ADMIN_PASSWORD: &str = "rahasia-admin-123";

/// A temp folder holding a test's database (and whatever the test writes beside it), removed on drop.
pub struct TempOffice(pub PathBuf);

impl Drop for TempOffice {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A set-up office (admin `admin`) in `office.sqlite` of a fresh folder named after the test; with
/// `demo_cases`, the demo staff (loket1, kasi, kadis, keliling1) and that many demo cases (seed 7).
pub fn office(
    name: &str,
    demo_cases: Option<usize>,
) -> Result<(TempOffice, Database, Session), Box<dyn std::error::Error>> {
    let dir = std::env::temp_dir().join(format!("petromaks-desktop-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    let db = Database::open(dir.join("office.sqlite"));
    let session = Session::default();
    let admin = NewUser {
        username: "admin".into(),
        full_name: "Admin Kantor".into(),
        role: Role::Admin,
        password: ADMIN_PASSWORD.into(),
        nip: None,
    };
    let actor = first_run_in(&db, &session, &Office::banyuasin_example(), &admin)?;
    if let Some(cases) = demo_cases {
        db.with(|conn| petromaks::demo::generate(conn, &actor, Utc::now(), cases, 7).map(|_| ()))?;
    }
    Ok((TempOffice(dir), db, session))
}
