//! Checks for free text typed by people: names, addresses, reasons. Text is stored exactly as typed (after
//! trimming and NFC normalisation); HTML or SQL in a name is just text, and is shown as text everywhere.

use unicode_normalization::UnicodeNormalization;

use crate::{Error, Result};

/// The longest name a certificate can carry on its lines.
pub const MAX_NAME: usize = 150;
/// The longest address or other one-field free text.
pub const MAX_TEXT: usize = 500;

/// A required line of text of at most `max` characters, without control characters.
pub fn line(field: &'static str, input: &str, max: usize) -> Result<String> {
    let s: String = input.trim().nfc().collect();
    if s.is_empty() {
        return Err(Error::invalid(field, format!("{field} is required")));
    }
    let n = s.chars().count();
    if n > max {
        return Err(Error::invalid(
            field,
            format!("{field} is too long: {n} characters, at most {max}"),
        ));
    }
    if s.chars().any(|c| c.is_control()) {
        return Err(Error::invalid(
            field,
            format!("{field} contains a control character"),
        ));
    }
    Ok(s)
}

/// A person's name as printed on a permit.
pub fn person_name(field: &'static str, input: &str) -> Result<String> {
    line(field, input, MAX_NAME)
}

/// An optional line: empty input is `None`.
pub fn optional_line(
    field: &'static str,
    input: Option<&str>,
    max: usize,
) -> Result<Option<String>> {
    match input.map(str::trim).filter(|s| !s.is_empty()) {
        Some(s) => line(field, s, max).map(Some),
        None => Ok(None),
    }
}
