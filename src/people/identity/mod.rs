//! Indonesian identity and registration numbers: what a clerk types in, checked before anything is stored.
//!
//! Numbers are stored as digits only and shown with separators.

mod nik;
mod numbers;

pub use nik::{check_nik, parse_nik, NikInfo, NikParts, Sex};
pub use numbers::{format_nip, format_npwp, normalize_phone, parse_nib, parse_nip, parse_npwp};

/// Keeps only the digits of what was typed, rejecting anything but digits and the usual separators.
pub(crate) fn digits(field: &'static str, input: &str) -> crate::Result<String> {
    let mut out = String::with_capacity(input.len());
    for c in input.trim().chars() {
        match c {
            '0'..='9' => out.push(c),
            ' ' | '.' | '-' => {}
            _ => {
                return Err(crate::Error::invalid(
                    field,
                    format!("{field} may contain only digits, found {c:?}"),
                ))
            }
        }
    }
    Ok(out)
}
