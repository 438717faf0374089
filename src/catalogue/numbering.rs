//! Registration and permit numbers: unique and gap-free per series, allocated inside the transaction that
//! registers or issues, so a rolled-back command gives its number back and two desks never share one.

use chrono::{Datelike, NaiveDate};

use crate::db::Tx;
use crate::store::permit_types::NumberReset;
use crate::{store, Error, Result};

const TOKENS: &[&str] = &["klasifikasi", "kode", "unit", "bulan_romawi", "mm", "yyyy"];

/// The registration number for a case registered on `day`: `REG-2026-000123`, one yearly series. On a van
/// register it is the van's own receipt number, `VAN1/2026/000123`, from the van's series (unique and
/// gap-free per van; the official number is given at check-in).
pub fn registration_number(tx: &Tx, day: NaiveDate) -> Result<String> {
    if let Some(v) = store::van_offline::van_register(tx)? {
        let seq = store::numbers::next(tx, &van_series_key(&v.van, day))?;
        return Ok(format!("{}/{}/{seq:06}", v.van, day.year()));
    }
    office_registration_number(tx, day)
}

/// The office register's registration number for `day` (a caller that knows it is no van register).
pub(crate) fn office_registration_number(tx: &Tx, day: NaiveDate) -> Result<String> {
    let seq = store::numbers::next(tx, &format!("reg/{}", day.year()))?;
    Ok(format!("REG-{}-{seq:06}", day.year()))
}

/// The series of a van's receipt numbers in a year.
pub fn van_series_key(van: &str, day: NaiveDate) -> String {
    format!("van/{van}/{}", day.year())
}

/// Roman month as permit numbers write it (XI for November).
pub fn roman_month(month: u32) -> &'static str {
    const R: [&str; 12] = [
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
    ];
    R.get(month.saturating_sub(1) as usize)
        .copied()
        .unwrap_or("?")
}

/// What a permit number template is filled with.
pub struct PermitNumberParts<'a> {
    pub classification: &'a str,
    pub code: &'a str,
    pub unit: &'a str,
    pub day: NaiveDate,
    pub seq: i64,
}

/// Checks that a template uses only known tokens and has exactly one `{seq:N}`.
pub fn check_template(template: &str) -> Result<()> {
    let mut seqs = 0;
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        let end = rest[start..].find('}').ok_or_else(|| {
            Error::invalid(
                "number_template",
                "a '{' in the number template is not closed",
            )
        })?;
        let token = &rest[start + 1..start + end];
        if let Some(width) = token.strip_prefix("seq:") {
            match width.parse::<usize>() {
                Ok(1..=8) => seqs += 1,
                _ => {
                    return Err(Error::invalid(
                        "number_template",
                        "{seq:N} needs a width N from 1 to 8",
                    ))
                }
            }
        } else if token == "seq" {
            seqs += 1;
        } else if !TOKENS.contains(&token) {
            return Err(Error::invalid(
                "number_template",
                format!("unknown token {{{token}}} in the number template"),
            ));
        }
        rest = &rest[start + end + 1..];
    }
    if seqs != 1 {
        return Err(Error::invalid(
            "number_template",
            "the number template needs exactly one {seq:N}",
        ));
    }
    Ok(())
}

/// Fills a checked template, e.g. `503/0112/SIPD/DPMPTSP/XI/2026`.
pub fn render(template: &str, p: &PermitNumberParts) -> Result<String> {
    check_template(template)?;
    let mut out = String::new();
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let end = rest[start..].find('}').unwrap_or(0);
        let token = &rest[start + 1..start + end];
        match token {
            "klasifikasi" => out.push_str(p.classification),
            "kode" => out.push_str(p.code),
            "unit" => out.push_str(p.unit),
            "bulan_romawi" => out.push_str(roman_month(p.day.month())),
            "mm" => out.push_str(&format!("{:02}", p.day.month())),
            "yyyy" => out.push_str(&p.day.year().to_string()),
            "seq" => out.push_str(&p.seq.to_string()),
            t => {
                let width: usize = t.trim_start_matches("seq:").parse().unwrap_or(1);
                out.push_str(&format!("{:0width$}", p.seq));
            }
        }
        rest = &rest[start + end + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

/// The series a permit number is counted in: per permit type, reset yearly or monthly.
pub fn permit_series_key(code: &str, reset: NumberReset, day: NaiveDate) -> String {
    match reset {
        NumberReset::Monthly => format!("permit/{code}/{}-{:02}", day.year(), day.month()),
        NumberReset::Yearly => format!("permit/{code}/{}", day.year()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_the_domain_example() {
        let p = PermitNumberParts {
            classification: "503",
            code: "SIPD",
            unit: "DPMPTSP",
            day: NaiveDate::from_ymd_opt(2026, 11, 28).expect("date"),
            seq: 112,
        };
        let t = "{klasifikasi}/{seq:4}/{kode}/{unit}/{bulan_romawi}/{yyyy}";
        assert_eq!(render(t, &p).expect("ok"), "503/0112/SIPD/DPMPTSP/XI/2026");
        assert_eq!(
            render("{kode}-{mm}-{seq:2}", &p).expect("ok"),
            "SIPD-11-112"
        );
    }

    #[test]
    fn rejects_bad_templates() {
        for t in [
            "{kode}",
            "{seq:4}/{seq:2}",
            "{seq:4}/{nope}",
            "{seq:4",
            "{seq:0}",
        ] {
            assert!(check_template(t).is_err(), "{t}");
        }
    }
}
