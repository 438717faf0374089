//! NPWP, NIB, NIP and phone numbers: stored as digits, shown with the separators people expect.

use super::digits;
use crate::{Error, Result};

/// NPWP: the old 15 digits whose 9th digit is a Luhn check over the first 8, or the new 16 digits
/// (the NIK for residents, `0` + the old 15 for others).
pub fn parse_npwp(input: &str) -> Result<String> {
    let d = digits("npwp", input)?;
    let old = match d.len() {
        15 => d.as_str(),
        16 if d.starts_with('0') => &d[1..],
        16 => return Ok(d),
        n => {
            return Err(Error::invalid(
                "npwp",
                format!("an NPWP has 15 or 16 digits; this one has {n}"),
            ))
        }
    };
    if !luhn_ok(&old[..9]) {
        return Err(Error::invalid(
            "npwp",
            "the NPWP's check digit (9th digit) does not match",
        ));
    }
    Ok(d)
}

fn luhn_ok(digits: &str) -> bool {
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let v = u32::from(b - b'0');
            if i % 2 == 1 {
                let x = v * 2;
                if x > 9 {
                    x - 9
                } else {
                    x
                }
            } else {
                v
            }
        })
        .sum();
    sum % 10 == 0
}

/// Shows an NPWP as `XX.XXX.XXX.X-XXX.XXX` (15 digits) or in groups of four (16 digits).
pub fn format_npwp(d: &str) -> String {
    if d.len() == 15 {
        format!(
            "{}.{}.{}.{}-{}.{}",
            &d[0..2],
            &d[2..5],
            &d[5..8],
            &d[8..9],
            &d[9..12],
            &d[12..15]
        )
    } else {
        d.to_string()
    }
}

/// NIB (Nomor Induk Berusaha): 13 digits.
pub fn parse_nib(input: &str) -> Result<String> {
    let d = digits("nib", input)?;
    if d.len() != 13 {
        return Err(Error::invalid(
            "nib",
            format!("an NIB has 13 digits; this one has {}", d.len()),
        ));
    }
    Ok(d)
}

/// NIP (civil servant number): 18 digits `YYYYMMDD YYYYMM S NNN` — birth date, appointment month, sex, serial.
pub fn parse_nip(input: &str) -> Result<String> {
    let d = digits("nip", input)?;
    if d.len() != 18 {
        return Err(Error::invalid(
            "nip",
            format!("a NIP has 18 digits; this one has {}", d.len()),
        ));
    }
    let birth = chrono::NaiveDate::parse_from_str(&d[0..8], "%Y%m%d");
    let month: u32 = d[12..14].parse().unwrap_or(0);
    if birth.is_err() || !(1..=12).contains(&month) || !matches!(&d[14..15], "1" | "2") {
        return Err(Error::invalid(
            "nip",
            "the NIP's birth date, appointment month or sex digit is impossible",
        ));
    }
    Ok(d)
}

/// Shows a NIP grouped as printed under a signature: `19691111 200212 1 002`.
pub fn format_nip(d: &str) -> String {
    if d.len() == 18 {
        format!("{} {} {} {}", &d[0..8], &d[8..14], &d[14..15], &d[15..18])
    } else {
        d.to_string()
    }
}

/// Normalises an Indonesian phone number to `+62…` (from `0812…`, `62812…` or `+62 812-…`).
pub fn normalize_phone(input: &str) -> Result<String> {
    let t = input.trim();
    let rest = t.strip_prefix('+').unwrap_or(t);
    let mut d = String::new();
    for c in rest.chars() {
        match c {
            '0'..='9' => d.push(c),
            ' ' | '-' | '(' | ')' | '.' => {}
            _ => {
                return Err(Error::invalid(
                    "phone",
                    format!("a phone number may contain only digits, found {c:?}"),
                ))
            }
        }
    }
    let national = if let Some(n) = d.strip_prefix("62") {
        n.to_string()
    } else if let Some(n) = d.strip_prefix('0') {
        n.to_string()
    } else {
        return Err(Error::invalid(
            "phone",
            "a phone number starts with 0 or +62",
        ));
    };
    if !(8..=12).contains(&national.len()) {
        return Err(Error::invalid(
            "phone",
            "a phone number has 9 to 13 digits after the leading 0",
        ));
    }
    Ok(format!("+62{national}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn npwp_checks_luhn_on_old_numbers() {
        // 01.234.567.4-xxx: Luhn over 01234567 gives check digit 4.
        assert!(parse_npwp("01.234.567.4-123.000").is_ok());
        assert!(parse_npwp("01.234.567.5-123.000").is_err());
        assert!(parse_npwp("0012345674123000").is_ok());
        assert!(parse_npwp("1607014508900001").is_ok());
        assert_eq!(format_npwp("012345674123000"), "01.234.567.4-123.000");
    }

    #[test]
    fn nip_is_grouped() {
        let d = parse_nip("19691111 200212 1 002").expect("valid");
        assert_eq!(format_nip(&d), "19691111 200212 1 002");
        assert!(parse_nip("196911112002121").is_err());
        assert!(parse_nip("196913112002121002").is_err());
    }

    #[test]
    fn phones_normalise() {
        assert_eq!(
            normalize_phone("0812-7788-9900").expect("ok"),
            "+6281277889900"
        );
        assert_eq!(
            normalize_phone("+62 711 123456").expect("ok"),
            "+62711123456"
        );
        assert!(normalize_phone("12345").is_err());
        assert!(parse_nib("1234567890123").is_ok());
    }
}
