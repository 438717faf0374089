//! Printing on Windows: the PDF goes to a printer of the Windows spooler by its name. Two ways, in order:
//!
//! 1. **SumatraPDF** (a separate, free PDF program; GPL-3.0), when it is found beside `petromaks-desktop.exe`
//!    (the installer may ship it there), at `PETROMAKS_SUMATRA`, or in its own install folders:
//!    `SumatraPDF.exe -print-to "<printer>" -silent -exit-when-done <file>` prints without a window and
//!    returns when the job is spooled, whatever PDF program the user has. This is the recommended setup.
//! 2. Otherwise the shell's **PrintTo verb** (PowerShell `Start-Process -Verb PrintTo`): the program
//!    registered for PDFs prints it (Adobe Acrobat Reader and Foxit register the verb). Microsoft Edge,
//!    Windows' default PDF viewer, registers none: then the error says to install SumatraPDF.
//!
//! The list comes from `Get-CimInstance Win32_Printer` (name and default flag). Values reach PowerShell in
//! environment variables, never inside the script's text, so no printer or file name can change what runs.
//! `docs/windows.md` explains the choice. The command lines are built by plain functions, tested on Linux.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use super::Printers;

/// One program run with its arguments and extra environment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Invocation {
    pub program: String,
    pub args: Vec<String>,
    pub env: Vec<(String, String)>,
}

const POWERSHELL: &str = "powershell.exe";
const PS_ARGS: [&str; 3] = ["-NoProfile", "-NonInteractive", "-Command"];

/// Lists the printers as `True|Name` / `False|Name` lines.
const LIST_SCRIPT: &str = "$ErrorActionPreference = 'Stop'; \
    Get-CimInstance -ClassName Win32_Printer | ForEach-Object { '{0}|{1}' -f $_.Default, $_.Name }";

/// Prints the file named in `PETROMAKS_PRINT_FILE` on the printer named in `PETROMAKS_PRINTER`.
const PRINT_SCRIPT: &str = "$ErrorActionPreference = 'Stop'; \
    Start-Process -FilePath $env:PETROMAKS_PRINT_FILE -Verb PrintTo \
    -ArgumentList ('\"' + $env:PETROMAKS_PRINTER + '\"') -WindowStyle Hidden";

/// What to install when printing through the shell fails.
pub(super) const HINT: &str =
    "install SumatraPDF (or a PDF program that registers the print verb, such \
    as Adobe Acrobat Reader); Microsoft Edge cannot print a PDF for another program";

fn powershell(script: &str, env: Vec<(String, String)>) -> Invocation {
    Invocation {
        program: POWERSHELL.into(),
        args: PS_ARGS
            .iter()
            .map(|a| a.to_string())
            .chain([script.to_string()])
            .collect(),
        env,
    }
}

/// The command that lists the printers.
pub(super) fn list_command() -> Invocation {
    powershell(LIST_SCRIPT, Vec::new())
}

/// Reads the list: one `Default|Name` line per printer (`True` marks the default).
pub(super) fn parse_printers(text: &str) -> Printers {
    let mut p = Printers::default();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let Some((default, name)) = line.split_once('|') else {
            continue;
        };
        let name = name.trim().to_string();
        if default.trim().eq_ignore_ascii_case("true") {
            p.default = Some(name.clone());
        }
        p.names.push(name);
    }
    p
}

/// The command that prints `file` on `printer`: SumatraPDF's when it was found, else the shell verb.
pub(super) fn print_command(file: &Path, printer: &str, sumatra: Option<&Path>) -> Invocation {
    let file = file.display().to_string();
    match sumatra {
        Some(exe) => Invocation {
            program: exe.display().to_string(),
            args: vec![
                "-print-to".into(),
                printer.into(),
                "-silent".into(),
                "-exit-when-done".into(),
                file,
            ],
            env: Vec::new(),
        },
        None => powershell(
            PRINT_SCRIPT,
            vec![
                ("PETROMAKS_PRINT_FILE".into(), file),
                ("PETROMAKS_PRINTER".into(), printer.into()),
            ],
        ),
    }
}

/// Where SumatraPDF may be, in the order they are tried: `PETROMAKS_SUMATRA`, beside the program, the
/// per-user install (`%LOCALAPPDATA%\SumatraPDF`), the machine-wide one (`%ProgramFiles%\SumatraPDF`).
pub(super) fn sumatra_candidates(
    var: impl Fn(&str) -> Option<OsString>,
    program_dir: Option<PathBuf>,
) -> Vec<PathBuf> {
    const EXE: &str = "SumatraPDF.exe";
    let mut out: Vec<PathBuf> = var("PETROMAKS_SUMATRA")
        .map(PathBuf::from)
        .into_iter()
        .collect();
    out.extend(program_dir.map(|d| d.join(EXE)));
    for (root, sub) in [
        ("LOCALAPPDATA", "SumatraPDF"),
        ("ProgramFiles", "SumatraPDF"),
    ] {
        if let Some(r) = var(root) {
            out.push(PathBuf::from(r).join(sub).join(EXE));
        }
    }
    out
}

#[cfg(windows)]
fn run(i: &Invocation, hint: &str) -> crate::Result<String> {
    let args: Vec<&str> = i.args.iter().map(String::as_str).collect();
    let env: Vec<(&str, &str)> = i
        .env
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    super::run(&i.program, &args, &env, hint)
}

/// The printers of the Windows spooler.
#[cfg(windows)]
pub(super) fn list() -> crate::Result<Printers> {
    run(
        &list_command(),
        "Windows PowerShell is part of Windows 10 and 11",
    )
    .map(|t| parse_printers(&t))
}

/// Prints `path` on the spooler's printer `name` (the spooler names the job after the file; `title` is
/// CUPS's and has no place here).
#[cfg(windows)]
pub(super) fn print(path: &Path, name: &str, _title: &str) -> crate::Result<String> {
    let program_dir = std::env::current_exe()
        .ok()
        .and_then(|e| e.parent().map(Path::to_path_buf));
    let sumatra = sumatra_candidates(|k| std::env::var_os(k), program_dir)
        .into_iter()
        .find(|p| p.is_file());
    let how = if sumatra.is_some() {
        "SumatraPDF"
    } else {
        "the PDF program's print verb"
    };
    run(&print_command(path, name, sumatra.as_deref()), HINT)?;
    Ok(format!("sent to {name} with {how}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_spooler_s_list_is_read_with_its_default() {
        let p = parse_printers(
            "False|Microsoft Print to PDF\r\nTrue|HP LaserJet Loket 1\r\n\r\nnoise\r\n",
        );
        assert_eq!(
            p.names,
            vec!["Microsoft Print to PDF", "HP LaserJet Loket 1"]
        );
        assert_eq!(p.default.as_deref(), Some("HP LaserJet Loket 1"));
        assert_eq!(list_command().program, "powershell.exe");
    }

    #[test]
    fn sumatra_prints_silently_and_the_shell_verb_gets_its_values_outside_the_script() {
        let file = Path::new(r"C:\Users\loket\Documents\Petromaks\izin.pdf");
        let s = print_command(
            file,
            "HP LaserJet",
            Some(Path::new(r"C:\Petromaks\SumatraPDF.exe")),
        );
        assert_eq!(
            s.args[..4],
            ["-print-to", "HP LaserJet", "-silent", "-exit-when-done"]
        );
        assert!(s.env.is_empty());

        // A printer name that tries to break out of the script stays a value.
        let hostile = "x'; Remove-Item C:\\ -Recurse; '";
        let v = print_command(file, hostile, None);
        assert_eq!(v.program, "powershell.exe");
        assert_eq!(v.args.last().map(String::as_str), Some(PRINT_SCRIPT));
        assert!(!PRINT_SCRIPT.contains("Remove-Item"));
        assert!(v
            .env
            .contains(&("PETROMAKS_PRINTER".into(), hostile.into())));
    }

    #[test]
    fn sumatra_is_looked_for_in_the_override_beside_the_program_then_its_install_folders() {
        let var = |k: &str| match k {
            "PETROMAKS_SUMATRA" => Some(OsString::from("D:/tools/SumatraPDF.exe")),
            "LOCALAPPDATA" => Some(OsString::from("C:/Users/loket/AppData/Local")),
            _ => None,
        };
        let c = sumatra_candidates(var, Some(PathBuf::from("C:/Program Files/Petromaks")));
        assert_eq!(
            c,
            vec![
                PathBuf::from("D:/tools/SumatraPDF.exe"),
                PathBuf::from("C:/Program Files/Petromaks/SumatraPDF.exe"),
                PathBuf::from("C:/Users/loket/AppData/Local/SumatraPDF/SumatraPDF.exe"),
            ]
        );
    }
}
