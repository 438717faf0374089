//! A fresh register for each test, on the engine the run asks for: by default a new SQLite file in a
//! temporary folder; with `PETROMAKS_TEST_PG` set to a server's base URL
//! (`postgres://user:pw@host:port/postgres`), a new PostgreSQL database copied from a template that is
//! migrated once per run, and dropped when the test ends. The template (collation `C`, so text compares
//! byte by byte as on SQLite) is made again at the start of each run and left for the throwaway cluster
//! (`pg_virtualenv`) to drop.

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

use petromaks::db::{Address, Db};

/// The variable that points the run at a PostgreSQL server.
pub const PG_ENV: &str = "PETROMAKS_TEST_PG";

/// The database every test database on the server is copied from (migrated once per run).
const TEMPLATE: &str = "petromaks_test_template";

/// The server's base URL when the run is on PostgreSQL.
pub fn server_base() -> Option<String> {
    std::env::var(PG_ENV).ok().filter(|s| !s.trim().is_empty())
}

/// Whether this run's registers live on the PostgreSQL server.
pub fn on_server() -> bool {
    server_base().is_some()
}

/// Skips the rest of a test that only makes sense on a register file; call as
/// `if support::file_only("why") { return; }`.
pub fn file_only(why: &str) -> bool {
    if on_server() {
        eprintln!("skipped on PostgreSQL: {why}");
        true
    } else {
        false
    }
}

/// Where a test's register is, plus a scratch folder for its files (PDFs, backups, CSVs). Dropping it
/// drops the server database; the `Db` must be dropped first (declare it before this in a struct).
pub struct Scratch {
    pub dir: tempfile::TempDir,
    pub address: Address,
    /// Held for its `Drop`: the server database goes when the test ends.
    _server: Option<ServerDb>,
}

impl Scratch {
    /// A scratch folder for a register at `address` that this module did not make (nothing to drop).
    pub fn at(address: Address) -> Scratch {
        Scratch {
            dir: tempfile::tempdir().expect("temp dir"),
            address,
            _server: None,
        }
    }

    /// The address as the CLI's `--db` takes it (with the password, for a server).
    pub fn db_arg(&self) -> String {
        match &self.address {
            Address::File(p) => p.display().to_string(),
            Address::Server(url) => url.clone(),
        }
    }

    /// The register file, for tests that only make sense on a file (after `file_only`).
    pub fn file(&self) -> &Path {
        self.address
            .file()
            .expect("a file register: guard the test with support::file_only")
    }
}

struct ServerDb {
    base: String,
    name: String,
}

impl Drop for ServerDb {
    fn drop(&mut self) {
        // FORCE also ends connections a CLI child left behind; a failure only leaves a scratch database.
        if let Ok(mut c) = admin(&self.base) {
            let _ = c.batch_execute(&format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.name
            ));
        }
    }
}

/// A server error with the server's own message (the driver's Display says only "db error").
fn explain(e: &postgres::Error) -> String {
    match e.as_db_error() {
        Some(d) => format!("{} ({})", d.message(), d.code().code()),
        None => e.to_string(),
    }
}

fn admin(base: &str) -> Result<postgres::Client, postgres::Error> {
    postgres::Client::connect(base, postgres::NoTls)
}

/// `base` with its database part replaced by `name`.
fn with_database(base: &str, name: &str) -> String {
    let (url, query) = match base.split_once('?') {
        Some((u, q)) => (u, format!("?{q}")),
        None => (base, String::new()),
    };
    let scheme_end = url.find("://").map(|i| i + 3).unwrap_or(0);
    let host_part = match url[scheme_end..].find('/') {
        Some(i) => &url[..scheme_end + i],
        None => url,
    };
    format!("{host_part}/{name}{query}")
}

/// Creates the template once per run: an empty database with the C collation (as SQLite compares
/// text), migrated by the core itself. Returns its name, or why it could not be made.
fn template(base: &str) -> &'static Result<String, String> {
    static T: OnceLock<Result<String, String>> = OnceLock::new();
    T.get_or_init(|| {
        let mut c = admin(base).map_err(|e| format!("cannot reach {PG_ENV}: {}", explain(&e)))?;
        // One statement per call: a multi-statement string runs in one transaction, which CREATE and
        // DROP DATABASE refuse.
        for sql in [
            format!("DROP DATABASE IF EXISTS {TEMPLATE} WITH (FORCE)"),
            format!("CREATE DATABASE {TEMPLATE} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C'"),
        ] {
            c.batch_execute(&sql)
                .map_err(|e| format!("{sql}: {}", explain(&e)))?;
        }
        let db = Db::create(&Address::Server(with_database(base, TEMPLATE)))
            .map_err(|e| format!("migrating the template database failed: {e}"))?;
        drop(db);
        Ok(TEMPLATE.to_string())
    })
}

static SERIAL: AtomicUsize = AtomicUsize::new(0);
/// CREATE DATABASE … TEMPLATE refuses while another copy of the same template is being made.
static CREATING: Mutex<()> = Mutex::new(());

/// A new, empty server database (copied from `template`, or from `template0` for an empty one).
fn server_database(base: &str, template: &str) -> (Address, ServerDb) {
    let name = format!(
        "petromaks_test_{}_{}",
        std::process::id(),
        SERIAL.fetch_add(1, Ordering::SeqCst)
    );
    let extra = if template == "template0" {
        " ENCODING 'UTF8' LC_COLLATE 'C'"
    } else {
        ""
    };
    let sql = format!("CREATE DATABASE {name} TEMPLATE {template}{extra}");
    {
        let _one = CREATING.lock().unwrap_or_else(|p| p.into_inner());
        let mut c = admin(base).expect("connect to the test server");
        let mut tries = 0;
        loop {
            match c.batch_execute(&sql) {
                Ok(()) => break,
                Err(e) if tries < 20 && explain(&e).contains("being accessed") => {
                    tries += 1;
                    std::thread::sleep(std::time::Duration::from_millis(100));
                }
                Err(e) => panic!("{sql}: {}", explain(&e)),
            }
        }
    }
    let server = ServerDb {
        base: base.to_string(),
        name: name.clone(),
    };
    (Address::Server(with_database(base, &name)), server)
}

/// A copy of the register of `s` as a new scratch register: the file copied, or on the server a new
/// database made from it as a template. Nothing may be connected to it meanwhile (drop its `Db` first).
pub fn copy(s: &Scratch) -> Scratch {
    match (&s.address, &s._server) {
        (Address::File(p), _) => {
            let dir = tempfile::tempdir().expect("temp dir");
            let to = dir.path().join("register.sqlite");
            std::fs::copy(p, &to).expect("copy the register file");
            for tail in ["-wal", "-shm"] {
                let side = std::path::PathBuf::from(format!("{}{tail}", p.display()));
                if side.exists() {
                    std::fs::copy(&side, format!("{}{tail}", to.display())).expect("copy");
                }
            }
            Scratch {
                dir,
                address: Address::File(to),
                _server: None,
            }
        }
        (Address::Server(_), Some(server)) => {
            let (address, copy) = server_database(&server.base, &server.name);
            Scratch {
                dir: tempfile::tempdir().expect("temp dir"),
                address,
                _server: Some(copy),
            }
        }
        (Address::Server(url), None) => panic!("{url} was not made by the tests: no copy"),
    }
}

/// A new register with the full schema and no office yet.
pub fn fresh() -> (Db, Scratch) {
    let dir = tempfile::tempdir().expect("temp dir");
    match server_base() {
        None => {
            let address = Address::File(dir.path().join("register.sqlite"));
            let db = Db::create(&address).expect("create the register file");
            (
                db,
                Scratch {
                    dir,
                    address,
                    _server: None,
                },
            )
        }
        Some(base) => {
            let tpl = template(&base).as_ref().expect("the template database");
            let (address, server) = server_database(&base, tpl);
            let db = Db::open(&address).expect("open the test database");
            (
                db,
                Scratch {
                    dir,
                    address,
                    _server: Some(server),
                },
            )
        }
    }
}

/// A new register made from nothing by `Db::create` (on the server too, not copied from the template:
/// it gets its own office key, as a real office's register does).
pub fn created() -> (Db, Scratch) {
    let s = empty();
    let db = Db::create(&s.address).expect("create a register");
    (db, s)
}

/// Where the CLI's `init` sets up an office: on a file, a path where no file exists yet (`init` creates
/// the register there); on the server, a register with the schema and no office, as `server init` leaves
/// it (`init` then only sets up the office and its first admin).
pub fn for_init() -> Scratch {
    if on_server() {
        let (db, s) = created();
        drop(db);
        s
    } else {
        empty()
    }
}

/// An address where no register exists yet: a file path that does not exist, or an empty server
/// database (for `init` and `Db::create`).
pub fn empty() -> Scratch {
    let dir = tempfile::tempdir().expect("temp dir");
    match server_base() {
        None => Scratch {
            address: Address::File(dir.path().join("register.sqlite")),
            dir,
            _server: None,
        },
        Some(base) => {
            let (address, server) = server_database(&base, "template0");
            Scratch {
                dir,
                address,
                _server: Some(server),
            }
        }
    }
}

#[test]
fn a_base_url_gets_the_database_of_the_test() {
    assert_eq!(
        with_database("postgres://u:p@localhost:5433/postgres", "t1"),
        "postgres://u:p@localhost:5433/t1"
    );
    assert_eq!(
        with_database("postgres://u@h/postgres?sslmode=disable", "t2"),
        "postgres://u@h/t2?sslmode=disable"
    );
}
