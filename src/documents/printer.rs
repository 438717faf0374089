//! Sending a PDF to the office printer through CUPS (`lpstat`, `lp`), the system every Linux desktop
//! prints with. Arguments are passed to the programs one by one, never through a shell.

use std::path::Path;
use std::process::Command;

use serde::Serialize;

use crate::{Error, Result};

/// The printers CUPS knows and which one is the default.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Printers {
    pub names: Vec<String>,
    pub default: Option<String>,
}

fn run(program: &str, args: &[&str]) -> Result<String> {
    let out = Command::new(program).args(args).output().map_err(|e| {
        Error::invalid(
            "printer",
            format!("cannot run {program} ({e}): is CUPS installed?"),
        )
    })?;
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

/// Reads `lpstat -p -d` output: `printer NAME is idle…` lines and `system default destination: NAME`.
fn parse_lpstat(text: &str) -> Printers {
    let mut p = Printers::default();
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("printer ") {
            if let Some(name) = rest.split_whitespace().next() {
                p.names.push(name.to_string());
            }
        } else if let Some(name) = line.strip_prefix("system default destination: ") {
            p.default = Some(name.trim().to_string());
        }
    }
    p
}

/// The printers CUPS offers. No printer at all is an empty list, not an error.
pub fn list() -> Result<Printers> {
    let out = Command::new("lpstat")
        .args(["-p", "-d"])
        .output()
        .map_err(|e| {
            Error::invalid(
                "printer",
                format!("cannot run lpstat ({e}): is CUPS installed?"),
            )
        })?;
    // lpstat exits non-zero when there are no printers or no default; what it printed still counts.
    Ok(parse_lpstat(&String::from_utf8_lossy(&out.stdout)))
}

/// Sends a PDF file to `printer` (the default when `None`); returns CUPS's job id line.
pub fn print_file(path: &Path, printer: Option<&str>, title: &str) -> Result<String> {
    if !path.is_file() {
        return Err(Error::invalid(
            "file",
            format!("{} is not a file", path.display()),
        ));
    }
    let printers = list()?;
    let name = match printer {
        Some(n) if printers.names.iter().any(|p| p == n) => n.to_string(),
        Some(n) => {
            return Err(Error::invalid(
                "printer",
                format!(
                    "no printer named {n}; CUPS has: {}",
                    printers.names.join(", ")
                ),
            ))
        }
        None => printers
            .default
            .ok_or_else(|| Error::invalid("printer", "there is no default printer: choose one"))?,
    };
    let file = path
        .to_str()
        .ok_or_else(|| Error::invalid("file", "the file name is not valid text"))?;
    let out = run("lp", &["-d", &name, "-t", title, "--", file])?;
    Ok(out.trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lpstat_output_is_read() {
        let p = parse_lpstat(
            "printer PDF is idle.  enabled since Sat 28 Nov 2026\nprinter Loket-1 disabled since x -\n\treason unknown\nsystem default destination: PDF\n",
        );
        assert_eq!(p.names, vec!["PDF", "Loket-1"]);
        assert_eq!(p.default.as_deref(), Some("PDF"));
    }
}
