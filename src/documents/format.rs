//! How Indonesian documents write dates, money and masked numbers.

use chrono::{Datelike, NaiveDate};

const MONTHS: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];

/// `28 November 2026`.
pub fn tanggal(d: NaiveDate) -> String {
    format!("{} {} {}", d.day(), MONTHS[d.month0() as usize], d.year())
}

/// `November 2026`: a month as a report's title or row writes it.
pub fn bulan(year: i32, month: u32) -> String {
    let name = MONTHS.get(month.saturating_sub(1) as usize).unwrap_or(&"?");
    format!("{name} {year}")
}

/// `1.234.567`: a count with the Indonesian thousands separator.
pub fn number(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(c);
    }
    if n < 0 {
        out.insert(0, '-');
    }
    out
}

/// `87,50`: a measure with `places` decimals, a comma for the decimal mark and dots between thousands.
pub fn decimal(v: f64, places: usize) -> String {
    let fixed = format!("{:.*}", places, v.abs());
    let (whole, frac) = fixed.split_once('.').unwrap_or((&fixed, ""));
    let whole = number(whole.parse::<i64>().unwrap_or(0));
    let sign = if v < 0.0 && fixed.chars().any(|c| c.is_ascii_digit() && c != '0') {
        "-"
    } else {
        ""
    };
    if frac.is_empty() {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole},{frac}")
    }
}

/// `28 November 2026` from a stored ISO date; the input unchanged if it is not one.
pub fn tanggal_str(iso: &str) -> String {
    NaiveDate::parse_from_str(iso, "%Y-%m-%d")
        .map(tanggal)
        .unwrap_or_else(|_| iso.to_string())
}

/// A NIK with its birth date and serial hidden: `1607014508******`... keeps province-district and the
/// last four digits, enough for a holder to recognise it and useless to anyone else.
pub fn mask_nik(nik: &str) -> String {
    if nik.len() != 16 {
        return nik.to_string();
    }
    format!("{}******{}", &nik[..6], &nik[12..])
}

/// `Rp 1.500.000`.
pub fn rupiah(amount: i64) -> String {
    let out = number(amount.unsigned_abs().min(i64::MAX as u64) as i64);
    format!("{}Rp {out}", if amount < 0 { "-" } else { "" })
}

/// An amount in words, as receipts write it: `satu juta lima ratus ribu rupiah`.
pub fn terbilang_rupiah(amount: i64) -> String {
    if amount == 0 {
        return "nol rupiah".into();
    }
    format!("{} rupiah", words(amount.unsigned_abs()))
}

fn words(n: u64) -> String {
    const ONES: [&str; 12] = [
        "", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
        "sepuluh", "sebelas",
    ];
    let join = |a: String, b: String| if b.is_empty() { a } else { format!("{a} {b}") };
    match n {
        0..=11 => ONES[n as usize].to_string(),
        12..=19 => format!("{} belas", ONES[(n - 10) as usize]),
        20..=99 => join(format!("{} puluh", ONES[(n / 10) as usize]), words(n % 10)),
        100..=199 => join("seratus".into(), words(n - 100)),
        200..=999 => join(
            format!("{} ratus", ONES[(n / 100) as usize]),
            words(n % 100),
        ),
        1000..=1999 => join("seribu".into(), words(n - 1000)),
        2000..=999_999 => join(format!("{} ribu", words(n / 1000)), words(n % 1000)),
        1_000_000..=999_999_999 => join(
            format!("{} juta", words(n / 1_000_000)),
            words(n % 1_000_000),
        ),
        1_000_000_000..=999_999_999_999 => join(
            format!("{} miliar", words(n / 1_000_000_000)),
            words(n % 1_000_000_000),
        ),
        _ => join(
            format!("{} triliun", words(n / 1_000_000_000_000)),
            words(n % 1_000_000_000_000),
        ),
    }
}

/// The Indonesian time-zone name for an office's UTC offset (WIB, WITA, WIT), or `UTC+h` elsewhere.
pub fn zone(offset_minutes: i32) -> String {
    match offset_minutes {
        420 => "WIB".into(),
        480 => "WITA".into(),
        540 => "WIT".into(),
        m => format!("UTC{:+}", m / 60),
    }
}

/// Title case for an office name inside a sentence, keeping Indonesian conjunctions small.
pub fn title_case(s: &str) -> String {
    s.split_whitespace()
        .enumerate()
        .map(|(i, w)| {
            let lower = w.to_lowercase();
            if i > 0
                && matches!(
                    lower.as_str(),
                    "dan" | "di" | "ke" | "dari" | "atas" | "untuk" | "yang"
                )
            {
                lower
            } else {
                let mut cs = lower.chars();
                match cs.next() {
                    Some(f) => f.to_uppercase().collect::<String>() + cs.as_str(),
                    None => String::new(),
                }
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_figures_are_written_the_indonesian_way() {
        assert_eq!(number(0), "0");
        assert_eq!(number(1234567), "1.234.567");
        assert_eq!(number(-1000), "-1.000");
        assert_eq!(decimal(87.5, 2), "87,50");
        assert_eq!(decimal(1234.5, 1), "1.234,5");
        assert_eq!(decimal(-0.001, 2), "0,00");
        assert_eq!(decimal(3.0, 0), "3");
        assert_eq!(bulan(2026, 11), "November 2026");
    }

    #[test]
    fn formats_like_an_indonesian_letter() {
        assert_eq!(
            tanggal(NaiveDate::from_ymd_opt(2026, 11, 28).expect("date")),
            "28 November 2026"
        );
        assert_eq!(rupiah(1_500_000), "Rp 1.500.000");
        assert_eq!(
            terbilang_rupiah(1_500_000),
            "satu juta lima ratus ribu rupiah"
        );
        assert_eq!(
            terbilang_rupiah(111_011),
            "seratus sebelas ribu sebelas rupiah"
        );
        assert_eq!(mask_nik("1607014508900001"), "160701******0001");
        assert_eq!(
            title_case("DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU"),
            "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu"
        );
    }
}
