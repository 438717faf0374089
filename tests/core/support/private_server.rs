//! A PostgreSQL server of one test's own (initdb in a temporary folder, on a free port, trust
//! authentication on 127.0.0.1), for the tests that restart the server: restarting the run's shared
//! cluster would cut every other test's connections. It is stopped (immediately) and removed when the
//! value is dropped, also when the test panics. As root, the server runs as the `postgres` user.

use std::path::{Path, PathBuf};
use std::process::Command;

pub struct PrivateServer {
    dir: tempfile::TempDir,
    bin: PathBuf,
    port: u16,
    as_postgres: bool,
}

fn bin_dir() -> Option<PathBuf> {
    if let Ok(v) = std::env::var("PGVERSION") {
        let p = PathBuf::from(format!("/usr/lib/postgresql/{v}/bin"));
        if p.join("initdb").exists() {
            return Some(p);
        }
    }
    let mut found: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .flatten()
        .map(|e| e.path().join("bin"))
        .filter(|p| p.join("initdb").exists())
        .collect();
    found.sort();
    found.pop()
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

impl PrivateServer {
    /// Starts a new server, or `None` (with a note) when this machine has no PostgreSQL binaries.
    pub fn start() -> Option<PrivateServer> {
        let Some(bin) = bin_dir() else {
            eprintln!("no PostgreSQL binaries under /usr/lib/postgresql: skipped");
            return None;
        };
        let dir = tempfile::tempdir().expect("temp dir");
        let as_postgres = is_root();
        if as_postgres {
            let ok = Command::new("chown")
                .args(["-R", "postgres:postgres"])
                .arg(dir.path())
                .status()
                .expect("chown");
            assert!(ok.success(), "chown the server's folder to postgres");
        }
        let s = PrivateServer {
            dir,
            bin,
            port: free_port(),
            as_postgres,
        };
        s.run(
            "initdb",
            &[
                "-D",
                &s.data(),
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8",
                "--no-sync",
            ],
        );
        s.pg_ctl("start");
        Some(s)
    }

    fn data(&self) -> String {
        self.dir.path().join("data").display().to_string()
    }

    fn run(&self, tool: &str, args: &[&str]) {
        let exe = self.bin.join(tool);
        let out = if self.as_postgres {
            Command::new("runuser")
                .args(["-u", "postgres", "--"])
                .arg(&exe)
                .args(args)
                .output()
        } else {
            Command::new(&exe).args(args).output()
        }
        .unwrap_or_else(|e| panic!("run {}: {e}", exe.display()));
        assert!(
            out.status.success(),
            "{tool} {args:?} failed: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }

    fn pg_ctl(&self, what: &str) {
        let opts = format!(
            "-c listen_addresses=127.0.0.1 -p {} -k {} -c fsync=off -c max_connections=60",
            self.port,
            self.dir.path().display()
        );
        let log = self.dir.path().join("server.log").display().to_string();
        self.run(
            "pg_ctl",
            &["-D", &self.data(), "-o", &opts, "-l", &log, "-w", what],
        );
    }

    /// Restarts the server (fast shutdown: every connection is cut, as in a real restart).
    pub fn restart(&self) {
        self.pg_ctl("restart");
    }

    /// Stops the server (fast shutdown) until [`PrivateServer::start_again`].
    pub fn stop(&self) {
        self.pg_ctl("stop");
    }

    /// Starts a stopped server.
    pub fn start_again(&self) {
        self.pg_ctl("start");
    }

    /// The address of database `db` on this server.
    pub fn url(&self, db: &str) -> String {
        format!("postgres://postgres@127.0.0.1:{}/{db}", self.port)
    }

    /// The server's folder (its log is `server.log`).
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }
}

impl Drop for PrivateServer {
    fn drop(&mut self) {
        let exe = self.bin.join("pg_ctl");
        let data = self.data();
        let args = ["-D", data.as_str(), "-m", "immediate", "-w", "stop"];
        // Nothing to do when it is already stopped; the folder goes with the TempDir.
        let _ = if self.as_postgres {
            Command::new("runuser")
                .args(["-u", "postgres", "--"])
                .arg(&exe)
                .args(args)
                .output()
        } else {
            Command::new(&exe).args(args).output()
        };
    }
}
