//! One timestamp format (RFC 3339 UTC) and one day format (ISO date in the office's local time).
//!
//! Time is always passed in, never read from the system inside the core, so numbering, SLA and PDFs are
//! testable with a fixed clock.

use chrono::{DateTime, FixedOffset, NaiveDate, SecondsFormat, Utc};

use crate::{Error, Result};

/// Western Indonesia Time (WIB, UTC+7): the default office offset; Banyuasin is in WIB.
pub const WIB_MINUTES: i32 = 7 * 60;

/// Formats an instant as stored: `2026-11-28T03:15:00Z`.
pub fn stamp(now: DateTime<Utc>) -> String {
    now.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// The office's calendar day at an instant.
pub fn local_day(now: DateTime<Utc>, offset_minutes: i32) -> NaiveDate {
    let offset = FixedOffset::east_opt(offset_minutes * 60)
        .unwrap_or_else(|| FixedOffset::east_opt(0).expect("zero offset"));
    now.with_timezone(&offset).date_naive()
}

/// Parses an ISO date typed by a user or read from the database.
pub fn parse_day(field: &'static str, s: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| Error::invalid(field, format!("{s:?} is not a date (YYYY-MM-DD)")))
}

/// Parses a stored or typed RFC 3339 instant.
pub fn parse_stamp(field: &'static str, s: &str) -> Result<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s.trim())
        .map(|d| d.with_timezone(&Utc))
        .map_err(|_| Error::invalid(field, format!("{s:?} is not a timestamp (RFC 3339)")))
}

/// Formats a day as stored.
pub fn day(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}
