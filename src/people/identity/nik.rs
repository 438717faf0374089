//! NIK (Nomor Induk Kependudukan): 16 digits `PPKKCCDDMMYYSSSS` — the area codes where it was first issued,
//! the birth date (day + 40 for women) and a serial. It has no check digit, so the structure is all we can
//! check; a district code that no longer exists is only a warning because districts split over time.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::db::Db;
use crate::store::areas::{self, Level};
use crate::{Error, Result};

pub use crate::store::applicants::Sex;

/// What the digits of a NIK say, before they are checked against the area table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NikParts {
    pub nik: String,
    pub province_code: String,
    /// `PP.KK`, as in the area table.
    pub regency_code: String,
    /// `PP.KK.CC`, as in the area table.
    pub district_code: String,
    pub birth_date: NaiveDate,
    pub sex: Sex,
    pub serial: String,
}

/// A checked NIK with the names of its areas and any warnings for the clerk.
#[derive(Debug, Clone, Serialize)]
pub struct NikInfo {
    #[serde(flatten)]
    pub parts: NikParts,
    pub province: String,
    pub regency: Option<String>,
    pub district: Option<String>,
    pub warnings: Vec<String>,
}

/// Checks the structure of a NIK. `today` settles the century of the two-digit birth year: the latest
/// century that does not put the birth in the future.
pub fn parse_nik(input: &str, today: NaiveDate) -> Result<NikParts> {
    let nik = super::digits("nik", input)?;
    if nik.len() != 16 {
        return Err(Error::invalid(
            "nik",
            format!("a NIK has 16 digits; this one has {}", nik.len()),
        ));
    }
    let num = |a: usize, b: usize| -> u32 { nik[a..b].parse().unwrap_or(0) };
    let (raw_day, month, yy) = (num(6, 8), num(8, 10), num(10, 12) as i32);
    let (day, sex) = if raw_day > 40 {
        (raw_day - 40, Sex::Female)
    } else {
        (raw_day, Sex::Male)
    };
    let century = if 2000 + yy > today.year() { 1900 } else { 2000 };
    let birth_date = NaiveDate::from_ymd_opt(century + yy, month, day).ok_or_else(|| {
        Error::invalid(
            "nik",
            format!(
                "the NIK's birth date is impossible: day {:02} (as written {}), month {:02}",
                day,
                &nik[6..8],
                month
            ),
        )
    })?;
    if &nik[12..16] == "0000" {
        return Err(Error::invalid(
            "nik",
            "the NIK's serial (last 4 digits) cannot be 0000",
        ));
    }
    Ok(NikParts {
        province_code: nik[0..2].to_string(),
        regency_code: format!("{}.{}", &nik[0..2], &nik[2..4]),
        district_code: format!("{}.{}.{}", &nik[0..2], &nik[2..4], &nik[4..6]),
        birth_date,
        sex,
        serial: nik[12..16].to_string(),
        nik,
    })
}

/// Checks a NIK against the area table: an unknown province is an error; an unknown regency or district
/// is a warning.
pub fn check_nik(db: &Db, input: &str, today: NaiveDate) -> Result<NikInfo> {
    let parts = parse_nik(input, today)?;
    let province = areas::name(db, Level::Province, &parts.province_code)?.ok_or_else(|| {
        Error::invalid(
            "nik",
            format!(
                "the NIK starts with {}, which is not a province code",
                parts.province_code
            ),
        )
    })?;
    let regency = areas::name(db, Level::Regency, &parts.regency_code)?;
    let district = areas::name(db, Level::District, &parts.district_code)?;
    let mut warnings = Vec::new();
    if regency.is_none() {
        warnings.push(format!(
            "regency code {} is not in today's list (it may have been split)",
            parts.regency_code
        ));
    } else if district.is_none() {
        warnings.push(format!(
            "district code {} is not in today's list (it may have been split)",
            parts.district_code
        ));
    }
    Ok(NikInfo {
        parts,
        province,
        regency,
        district,
        warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 28).expect("date")
    }

    #[test]
    fn decodes_a_woman_born_in_1990() {
        let p = parse_nik("1607 0145 0890 0001", today()).expect("valid");
        assert_eq!(
            p.birth_date,
            NaiveDate::from_ymd_opt(1990, 8, 5).expect("date")
        );
        assert_eq!(p.sex, Sex::Female);
        assert_eq!(p.district_code, "16.07.01");
    }

    #[test]
    fn two_digit_year_never_lands_in_the_future() {
        let p = parse_nik("1607011505250003", today()).expect("valid");
        assert_eq!(p.birth_date.year(), 2025);
        let p = parse_nik("1607011505270003", today()).expect("valid");
        assert_eq!(p.birth_date.year(), 1927);
    }

    #[test]
    fn rejects_bad_structure() {
        for bad in [
            "160701150590000",
            "16070115059000011",
            "1607017205900001",
            "1607011513900001",
            "1607011505900000",
            "16070115059O0001",
            "1607010002900001",
        ] {
            let e = parse_nik(bad, today()).expect_err(bad);
            assert_eq!(e.field(), Some("nik"), "{bad}");
        }
    }
}
