//! Running the CLI binary built with this test against a test's register (a file path or a server URL),
//! with a fixed clock, and reading PDFs as text.

use std::path::Path;
use std::process::Command;

/// The CLI binary built with this test, pointed at `db` (what `--db` takes).
pub fn cli(db: &str) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_petromaks"));
    c.arg("--db")
        .arg(db)
        .env_remove("PETROMAKS_DB")
        .env_remove("PETROMAKS_USER")
        .env("PETROMAKS_NOW", "2026-11-23T02:00:00Z");
    c
}

/// Runs the CLI and returns stdout, panicking with stderr on failure.
pub fn cli_ok(db: &str, args: &[&str]) -> String {
    let out = cli(db).args(args).output().expect("run petromaks");
    assert!(
        out.status.success(),
        "petromaks {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

/// Runs the CLI expecting failure and returns stderr.
pub fn cli_err(db: &str, args: &[&str]) -> String {
    let out = cli(db).args(args).output().expect("run petromaks");
    assert!(
        !out.status.success(),
        "petromaks {args:?} should have failed: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    String::from_utf8(out.stderr).expect("utf-8")
}

/// Text of a PDF through poppler's pdftotext, laid out as on the page.
pub fn pdf_text(path: &Path) -> String {
    pdftotext(path, "-layout")
}

/// Text of a PDF in the order it was drawn (`pdftotext -raw`): the characters as written, spaces
/// included, without the layout mode's guessing at columns.
pub fn pdf_text_raw(path: &Path) -> String {
    pdftotext(path, "-raw")
}

fn pdftotext(path: &Path, mode: &str) -> String {
    let out = Command::new("pdftotext")
        .arg(mode)
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
