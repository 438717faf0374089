//! The office itself: its profile (what every kop surat and signature block prints), first-run setup, the
//! office's day and working week, and the holiday calendar that the service standard counts on.

pub mod calendar;
pub mod holidays;
mod profile;
mod setup;

pub use crate::store::office::today;
pub use crate::store::office::{Office, WorkDays};
pub use calendar::{SlaState, WorkCalendar};
pub use profile::{get, logo, require, set_logo, update};
pub use setup::{first_run, needed};
