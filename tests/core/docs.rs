//! Every command example in the README and in `docs/` still runs: each `petromaks …` line of their code
//! blocks is run against a scratch register (an office with demo data), and one that the command line no
//! longer accepts — an option renamed, a value it refuses to parse — fails the test. A command may still
//! answer with a refusal of its own (a file the example names is not here, a case in another state):
//! that is the register speaking, not the documentation drifting.

use std::path::Path;

use crate::support;

/// The examples of one document: code lines that start with `petromaks`, joined where a line ends in
/// `\`, comments and optional `[…]` parts removed, pipes split.
fn examples(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut fenced = false;
    let mut pending = String::new();
    for raw in text.lines() {
        if raw.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        let code = fenced || raw.starts_with("    ");
        if !code && pending.is_empty() {
            continue;
        }
        let line = raw.trim();
        let line = line.strip_prefix("$ ").unwrap_or(line);
        if pending.is_empty() && !line.starts_with("petromaks ") {
            continue;
        }
        let (body, more) = match line.strip_suffix('\\') {
            Some(b) => (b, true),
            None => (line, false),
        };
        pending.push_str(body);
        pending.push(' ');
        if !more {
            for part in strip_comment(&pending).split(" | ") {
                let cmd = without_optional(part.trim());
                if cmd.starts_with("petromaks ") {
                    out.push(cmd);
                }
            }
            pending.clear();
        }
    }
    out
}

/// Cuts a `# comment` that stands outside quotes.
fn strip_comment(s: &str) -> String {
    let mut quote = None;
    let mut prev = ' ';
    for (i, c) in s.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (None, '\'' | '"') => quote = Some(c),
            (None, '#') if prev.is_whitespace() => return s[..i].to_string(),
            _ => {}
        }
        prev = c;
    }
    s.to_string()
}

/// Removes `[--optional parts]` written for the reader.
fn without_optional(s: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in s.chars() {
        match c {
            '[' => depth += 1,
            ']' if depth > 0 => depth -= 1,
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Splits a command line into words as a shell would (quotes, no expansion).
fn words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quote = None;
    let mut any = false;
    for c in s.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => cur.push(c),
            (None, '\'' | '"') => {
                quote = Some(c);
                any = true;
            }
            (None, c) if c.is_whitespace() => {
                if any || !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
                any = false;
            }
            (None, c) => cur.push(c),
        }
    }
    if any || !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Commands not worth running in a test: long benchmarks, and servers the examples name.
fn skipped(args: &[String]) -> bool {
    let sub: Vec<&str> = args
        .iter()
        .map(String::as_str)
        .filter(|a| !a.starts_with('-'))
        .collect();
    matches!(
        sub.first(),
        Some(&"bench") | Some(&"bench-desks") | Some(&"bench-checkin")
    ) || args.iter().any(|a| a.starts_with("postgres://"))
}

#[test]
fn the_examples_split_like_a_shell() {
    assert_eq!(
        examples("    petromaks --as rina case move REG-1 --to returned --reason 'kurang KTP'  # a note\n"),
        vec!["petromaks --as rina case move REG-1 --to returned --reason 'kurang KTP'"]
    );
    assert_eq!(
        words("petromaks x --name \"Budi Santoso\" --p ''"),
        vec!["petromaks", "x", "--name", "Budi Santoso", "--p", ""]
    );
    assert_eq!(without_optional("petromaks a [--b c] d"), "petromaks a d");
}

#[test]
fn every_documented_command_is_one_the_command_line_accepts() {
    if support::file_only("the examples run against a scratch file") {
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut docs = vec![root.join("README.md")];
    let mut more: Vec<_> = std::fs::read_dir(root.join("docs"))
        .expect("docs")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    more.sort();
    docs.extend(more);
    let dir = tempfile::tempdir().expect("dir");
    let register = dir.path().join("office.sqlite");
    let db = register.display().to_string();
    support::cli_ok(&db, &["init", "--admin-password", "kata-sandi-admin1"]);
    support::cli_ok(&db, &["--as", "admin", "demo", "--cases", "40"]);
    // The names the guides use for their staff.
    for (user, role) in [
        ("rina", "clerk"),
        ("joko", "courier"),
        ("kasi", "verifier"),
        ("kadis", "signer"),
    ] {
        let _ = support::cli(&db)
            .args([
                "--as", "admin", "user", "add", user, "--name", user, "--role", role,
            ])
            .args(["--password", "kata-sandi-staf1"])
            .output();
    }
    let mut ran = 0;
    let mut drift = Vec::new();
    for doc in &docs {
        let text = std::fs::read_to_string(doc).expect("read doc");
        for example in examples(&text) {
            let args: Vec<String> = words(&example).into_iter().skip(1).collect();
            if skipped(&args) {
                continue;
            }
            // `init` makes a register where none is: give it a path of its own.
            let target = if args.iter().any(|a| a == "init") {
                dir.path()
                    .join(format!("init-{ran}.sqlite"))
                    .display()
                    .to_string()
            } else {
                db.clone()
            };
            // An example that names its own register keeps it (in the scratch folder, where it is not).
            let mut command = if args.iter().any(|a| a == "--db") {
                let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_petromaks"));
                c.env_remove("PETROMAKS_DB")
                    .env_remove("PETROMAKS_USER")
                    .env("PETROMAKS_NOW", "2026-11-23T02:00:00Z");
                c
            } else {
                support::cli(&target)
            };
            let out = command
                .args(&args)
                .current_dir(dir.path())
                .env("PETROMAKS_NEW_PASSWORD", "kata-sandi-baru1")
                .output()
                .expect("run petromaks");
            ran += 1;
            let err = String::from_utf8_lossy(&out.stderr);
            // clap answers a usage error with exit status 2; the register's refusals exit with 1.
            if out.status.code() == Some(2) {
                drift.push(format!(
                    "{}: `{example}`\n    {}",
                    doc.file_name()
                        .map(|n| n.to_string_lossy())
                        .unwrap_or_default(),
                    err.lines().next().unwrap_or("")
                ));
            }
        }
    }
    assert!(ran > 40, "only {ran} examples found");
    assert!(
        drift.is_empty(),
        "documented commands the CLI refuses to parse:\n{}",
        drift.join("\n")
    );
}
