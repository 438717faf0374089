//! CUPS, the printing system of every Linux desktop (and of other Unix systems): `lpstat` lists the
//! printers, `lp` sends the file.

use std::path::Path;
use std::process::Command;

use super::{run, Printers};
use crate::{Error, Result};

const HINT: &str = "is CUPS installed?";

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

/// The printers CUPS offers.
pub(super) fn list() -> Result<Printers> {
    let out = Command::new("lpstat")
        .args(["-p", "-d"])
        .output()
        .map_err(|e| Error::invalid("printer", format!("cannot run lpstat ({e}): {HINT}")))?;
    // lpstat exits non-zero when there are no printers or no default; what it printed still counts.
    Ok(parse_lpstat(&String::from_utf8_lossy(&out.stdout)))
}

/// Sends the file to the CUPS printer `name`; returns CUPS's job id line.
pub(super) fn print(path: &Path, name: &str, title: &str) -> Result<String> {
    let file = path
        .to_str()
        .ok_or_else(|| Error::invalid("file", "the file name is not valid text"))?;
    let out = run("lp", &["-d", name, "-t", title, "--", file], &[], HINT)?;
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
