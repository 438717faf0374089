//! The Laporan screen's commands: the filters' choices, a report for a month preset, the file saved as
//! PDF, XLSX and CSV into the documents folder, and the van's crew refused.

use petromaks::reports::{Format, Kind, Preset, Query};

use super::fixture::{self, code};
use crate::commands::reports::{report_choices_in, report_in, save_report_in};

#[test]
fn a_report_is_shown_and_saved_and_the_crew_reads_none() -> Result<(), Box<dyn std::error::Error>> {
    let o = fixture::office("reports", Some(22))?;
    o.sign_in("kadis")?;
    let choices = report_choices_in(&o.db, &o.session)?;
    assert_eq!(choices.kinds.len(), 5);
    assert!(choices.permit_types.iter().any(|t| t.code == "SIPD"));
    assert!(choices.districts.iter().any(|d| d.code == "16.07.01"));
    assert!(!choices.own_counter);
    let today = choices.today;
    let query = Query {
        preset: Some(Preset::Year {
            year: chrono::Datelike::year(&today),
        }),
        ..Query::default()
    };
    let r = report_in(&o.db, &o.session, Kind::Recap, &query)?;
    assert!(r.period_title.starts_with("Tahun"), "{}", r.period_title);
    assert!(r.table("applications").is_some() && !r.charts.is_empty());
    for (format, ext) in [
        (Format::Pdf, "pdf"),
        (Format::Xlsx, "xlsx"),
        (Format::Csv, "csv"),
    ] {
        let saved = save_report_in(&o.db, &o.session, &o.outputs, Kind::Recap, &query, format)?;
        assert!(saved.path.ends_with(ext), "{}", saved.path);
        assert!(std::fs::metadata(&saved.path)?.len() > 100);
    }
    assert_eq!(
        code(save_report_in(
            &o.db,
            &o.session,
            &o.outputs,
            Kind::Recap,
            &query,
            Format::Json
        )),
        "invalid"
    );
    o.sign_in("keliling1")?;
    assert_eq!(
        code(report_in(&o.db, &o.session, Kind::Van, &query)),
        "forbidden"
    );
    assert_eq!(code(report_choices_in(&o.db, &o.session)), "forbidden");
    Ok(())
}
