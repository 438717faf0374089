//! Printing results: JSON for scripts, short aligned text for people; errors on stderr.

use serde::Serialize;

use petromaks::Error;

/// The output mode of one run.
pub struct Out {
    pub json: bool,
}

impl Out {
    /// Prints `value` as JSON, or `text` for people.
    pub fn show<T: Serialize>(&self, value: &T, text: impl FnOnce() -> String) {
        if self.json {
            match serde_json::to_string_pretty(value) {
                Ok(s) => line(&s),
                Err(e) => eprintln!("error: cannot write JSON: {e}"),
            }
        } else {
            let t = text();
            if !t.is_empty() {
                line(t.trim_end());
            }
        }
    }
}

/// Writes one line to stdout. A closed pipe (`petromaks case list | head`) ends the output quietly
/// instead of panicking the way `println!` does.
pub fn line(s: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stdout().lock(), "{s}");
}

/// Reports an error on stderr.
pub fn error(json: bool, e: &Error) {
    if json {
        let v =
            serde_json::json!({ "code": e.code(), "message": e.to_string(), "field": e.field() });
        eprintln!("{v}");
    } else {
        match e.field() {
            Some(f) => eprintln!("error ({f}): {e}"),
            None => eprintln!("error: {e}"),
        }
    }
}
