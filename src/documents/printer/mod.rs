//! Sending a PDF to an office printer: one interface ([`list`], [`print_file`]) over each system's own
//! printing. On Linux (and other Unix desktops) that is CUPS (`lpstat`, `lp`, in `cups.rs`); on Windows the
//! print spooler (`windows.rs`: SumatraPDF's silent print-to when it is installed or shipped beside the
//! program, else the shell's `PrintTo` verb of the PDF program). Anywhere else printing answers a clear
//! "not supported here" error. Programs get their arguments one by one, never through a shell.

#[cfg_attr(not(unix), allow(dead_code))]
mod cups;
// Compiled everywhere so its command lines are tested on Linux; only Windows runs them.
#[cfg_attr(not(windows), allow(dead_code))]
mod windows;

use std::path::Path;
use std::process::Command;

use serde::Serialize;

use crate::{Error, Result};

/// The printers the system knows and which one is the default.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Printers {
    pub names: Vec<String>,
    pub default: Option<String>,
}

/// The printers this computer offers. No printer at all is an empty list, not an error.
pub fn list() -> Result<Printers> {
    #[cfg(unix)]
    return cups::list();
    #[cfg(windows)]
    return windows::list();
    #[cfg(not(any(unix, windows)))]
    return Err(not_supported());
}

/// Sends a PDF file to `printer` (the default when `None`); returns the system's answer (CUPS's job id
/// line, or what the Windows tool reported).
pub fn print_file(path: &Path, printer: Option<&str>, title: &str) -> Result<String> {
    if !path.is_file() {
        return Err(Error::invalid(
            "file",
            format!("{} is not a file", path.display()),
        ));
    }
    let name = choose(&list()?, printer)?;
    #[cfg(unix)]
    return cups::print(path, &name, title);
    #[cfg(windows)]
    return windows::print(path, &name, title);
    #[cfg(not(any(unix, windows)))]
    {
        let _ = (name, title);
        return Err(not_supported());
    }
}

/// The printer to use: the one asked for, if the system has it, else the default.
fn choose(printers: &Printers, wanted: Option<&str>) -> Result<String> {
    match wanted {
        Some(n) if printers.names.iter().any(|p| p == n) => Ok(n.to_string()),
        Some(n) => Err(Error::invalid(
            "printer",
            format!(
                "no printer named {n}; this computer has: {}",
                printers.names.join(", ")
            ),
        )),
        None => printers
            .default
            .clone()
            .ok_or_else(|| Error::invalid("printer", "there is no default printer: choose one")),
    }
}

/// Printing on a system Petromaks has no printing for.
#[cfg_attr(any(unix, windows), allow(dead_code))]
fn not_supported() -> Error {
    Error::invalid(
        "printer",
        "printing is not supported on this system: save the PDF and print it from a PDF viewer",
    )
}

/// Runs `program` with `args` (and extra environment) and returns its output; `hint` says what to
/// install when the program is missing.
fn run(program: &str, args: &[&str], env: &[(&str, &str)], hint: &str) -> Result<String> {
    let out = Command::new(program)
        .args(args)
        .envs(env.iter().copied())
        .output()
        .map_err(|e| Error::invalid("printer", format!("cannot run {program} ({e}): {hint}")))?;
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    if out.status.success() {
        Ok(stdout)
    } else {
        Err(Error::invalid(
            "printer",
            format!(
                "{program} failed: {}",
                String::from_utf8_lossy(&out.stderr).trim()
            ),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_printer_asked_for_or_the_default_is_used() {
        let p = Printers {
            names: vec!["PDF".into(), "Loket-1".into()],
            default: Some("PDF".into()),
        };
        assert_eq!(choose(&p, Some("Loket-1")).ok().as_deref(), Some("Loket-1"));
        assert_eq!(choose(&p, None).ok().as_deref(), Some("PDF"));
        let e = choose(&p, Some("Tidak-Ada")).expect_err("unknown");
        assert!(e.to_string().contains("PDF, Loket-1"), "{e}");
        let none = choose(&Printers::default(), None).expect_err("no default");
        assert_eq!(none.field(), Some("printer"));
        assert!(not_supported().to_string().contains("not supported"));
    }
}
