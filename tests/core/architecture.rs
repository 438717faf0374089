//! The tree is the architecture: the imports between the core's top-level folders (a folder, or a leaf
//! file, directly under `src/`) form no circle. Every `crate::…` path in `src/**/*.rs` (but the CLI in
//! `src/bin`) is an edge from the folder of its file to the folder it names; names the crate root
//! re-exports (`crate::Error`) and exported macros (`crate::sql_enum!`) count for the folder that
//! defines them. A circle fails the test and prints every edge.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).expect("read src") {
        let p = e.expect("entry").path();
        if p.is_dir() {
            if p.file_name().is_some_and(|n| n == "bin") {
                continue;
            }
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The source without comments and string literals (a doc link or a message is no import).
fn code_only(src: &str) -> String {
    let mut out = String::with_capacity(src.len());
    let b: Vec<char> = src.chars().collect();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            '/' if b.get(i + 1) == Some(&'/') => {
                while i < b.len() && b[i] != '\n' {
                    i += 1;
                }
            }
            '/' if b.get(i + 1) == Some(&'*') => {
                i += 2;
                while i + 1 < b.len() && !(b[i] == '*' && b[i + 1] == '/') {
                    i += 1;
                }
                i += 2;
            }
            '"' => {
                i += 1;
                while i < b.len() && b[i] != '"' {
                    if b[i] == '\\' {
                        i += 1;
                    }
                    i += 1;
                }
                i += 1;
                out.push_str("\"\"");
            }
            // A char literal ('"') must not open a string; a lifetime ('a) has no closing quote.
            '\'' if b.get(i + 2) == Some(&'\'') => {
                i += 3;
            }
            '\'' if b.get(i + 1) == Some(&'\\') => {
                // Quote, backslash and the escaped character, then up to the closing quote.
                i += 3;
                while i < b.len() && b[i] != '\'' {
                    i += 1;
                }
                i += 1;
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

fn ident(s: &[char], mut i: usize) -> (String, usize) {
    let mut name = String::new();
    while i < s.len() && (s[i].is_alphanumeric() || s[i] == '_') {
        name.push(s[i]);
        i += 1;
    }
    (name, i)
}

/// The first segments of the paths that follow each `crate::` (a `{…}` group gives each of its items).
fn crate_paths(code: &str) -> Vec<String> {
    let s: Vec<char> = code.chars().collect();
    let mut out = Vec::new();
    let needle: Vec<char> = "crate::".chars().collect();
    let mut i = 0;
    while i + needle.len() <= s.len() {
        let boundary =
            i == 0 || !(s[i - 1].is_alphanumeric() || s[i - 1] == '_' || s[i - 1] == ':');
        if boundary && s[i..i + needle.len()] == needle[..] {
            let j = i + needle.len();
            if s.get(j) == Some(&'{') {
                // Items at depth one of the group.
                let (mut depth, mut k, mut start) = (0usize, j, true);
                while k < s.len() {
                    match s[k] {
                        '{' => {
                            depth += 1;
                            start = depth == 1;
                        }
                        '}' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        ',' if depth == 1 => start = true,
                        c if start && depth == 1 && (c.is_alphanumeric() || c == '_') => {
                            let (name, next) = ident(&s, k);
                            out.push(name);
                            start = false;
                            k = next;
                            continue;
                        }
                        _ => {}
                    }
                    k += 1;
                }
                i = k;
            } else {
                let (name, next) = ident(&s, j);
                if !name.is_empty() {
                    out.push(name);
                }
                i = next;
            }
        } else {
            i += 1;
        }
    }
    out
}

/// The folder (or leaf file) directly under `src/` that holds `file`; `None` for `lib.rs`.
fn folder_of(src: &Path, file: &Path) -> Option<String> {
    let rel = file.strip_prefix(src).ok()?;
    let first = rel.components().next()?.as_os_str().to_str()?.to_string();
    if rel.components().count() == 1 {
        let stem = first.strip_suffix(".rs")?.to_string();
        (stem != "lib").then_some(stem)
    } else {
        Some(first)
    }
}

/// What each name at the crate root belongs to: the modules `lib.rs` declares, what it re-exports, and
/// the macros exported from each folder.
fn root_names(src: &Path, files: &[PathBuf]) -> BTreeMap<String, String> {
    let lib = code_only(&std::fs::read_to_string(src.join("lib.rs")).expect("lib.rs"));
    let mut names = BTreeMap::new();
    for line in lib.lines().map(str::trim) {
        if let Some(m) = line
            .strip_prefix("pub mod ")
            .or_else(|| line.strip_prefix("mod "))
        {
            let m = m.trim_end_matches(';').trim().to_string();
            names.insert(m.clone(), m);
        } else if let Some(u) = line.strip_prefix("pub use ") {
            let u = u.trim_end_matches(';');
            let Some((module, rest)) = u.split_once("::") else {
                continue;
            };
            let module = module.trim_start_matches("crate::").to_string();
            let items: Vec<&str> = rest
                .trim_matches(|c| c == '{' || c == '}')
                .split(',')
                .map(|x| x.trim())
                .collect();
            for item in items {
                let name = item
                    .rsplit(" as ")
                    .next()
                    .unwrap_or(item)
                    .rsplit("::")
                    .next()
                    .unwrap_or(item)
                    .trim();
                if !name.is_empty() {
                    names.insert(name.to_string(), module.clone());
                }
            }
        }
    }
    for f in files {
        let text = std::fs::read_to_string(f).expect("read");
        let lines: Vec<&str> = text.lines().collect();
        for (i, l) in lines.iter().enumerate() {
            if l.trim() == "#[macro_export]" {
                if let Some(name) = lines
                    .get(i + 1)
                    .and_then(|n| n.trim().strip_prefix("macro_rules! "))
                {
                    let name = name.trim_end_matches('{').trim().to_string();
                    if let Some(folder) = folder_of(src, f) {
                        names.insert(name, folder);
                    }
                }
            }
        }
    }
    names
}

fn find_circle(edges: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        n: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<String, u8>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        state.insert(n.to_string(), 1);
        path.push(n.to_string());
        for m in edges.get(n).into_iter().flatten() {
            match state.get(m.as_str()).copied().unwrap_or(0) {
                1 => {
                    let at = path.iter().position(|p| p == m).unwrap_or(0);
                    let mut circle = path[at..].to_vec();
                    circle.push(m.clone());
                    return Some(circle);
                }
                0 => {
                    if let Some(c) = visit(m, edges, state, path) {
                        return Some(c);
                    }
                }
                _ => {}
            }
        }
        path.pop();
        state.insert(n.to_string(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for n in edges.keys() {
        if state.get(n.as_str()).copied().unwrap_or(0) == 0 {
            if let Some(c) = visit(n, edges, &mut state, &mut Vec::new()) {
                return Some(c);
            }
        }
    }
    None
}

fn import_graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let names = root_names(&src, &files);
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for f in &files {
        let Some(from) = folder_of(&src, f) else {
            continue;
        };
        let code = code_only(&std::fs::read_to_string(f).expect("read"));
        let entry = edges.entry(from.clone()).or_default();
        for first in crate_paths(&code) {
            if let Some(to) = names.get(&first) {
                if *to != from {
                    entry.insert(to.clone());
                }
            }
        }
    }
    edges
}

#[test]
fn the_imports_between_the_core_s_folders_form_no_circle() {
    let edges = import_graph();
    let listing: String = edges
        .iter()
        .map(|(from, to)| {
            format!(
                "  {from} -> {}\n",
                to.iter().cloned().collect::<Vec<_>>().join(", ")
            )
        })
        .collect();
    println!("imports between the core's folders:\n{listing}");
    for leaf in ["error", "time", "text", "private", "spreadsheet", "about"] {
        assert!(
            edges
                .get(leaf)
                .is_none_or(|t| t.iter().all(|x| x == "error")),
            "{leaf} is a leaf:\n{listing}"
        );
    }
    if let Some(circle) = find_circle(&edges) {
        panic!(
            "an import circle between the core's folders: {}\nall edges:\n{listing}",
            circle.join(" -> ")
        );
    }
}

#[test]
fn the_parser_reads_groups_and_plain_paths() {
    let code = code_only(
        "use crate::{audit, db::{Db, Tx}, Error};\n// crate::ignored\nlet x = crate::store::cases::get(db);\nlet s = \"crate::nope\";",
    );
    assert_eq!(crate_paths(&code), ["audit", "db", "Error", "store"]);
    let mut edges = BTreeMap::new();
    edges.insert("a".to_string(), BTreeSet::from(["b".to_string()]));
    edges.insert("b".to_string(), BTreeSet::from(["c".to_string()]));
    assert!(find_circle(&edges).is_none());
    edges.insert("c".to_string(), BTreeSet::from(["a".to_string()]));
    assert_eq!(find_circle(&edges).expect("circle"), ["a", "b", "c", "a"]);
}
