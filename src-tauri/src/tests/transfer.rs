//! Import and export from the window: the core decides who may, and reads the file as the office's Excel
//! writes it (a byte-order mark, `;` between columns), which the shell hands over untouched. An export
//! shows "n of N rows" and its Cancel leaves no file.

use chrono::Utc;
use petromaks::exchange::demo;
use petromaks::exchange::export::What;

use super::fixture::{self, code, TestOffice};
use crate::commands::transfer::{
    export_in, import_file_in, import_files_in, ExportFormat, ExportProgress, Exported,
};
use crate::error::CommandError;

/// An export into the documents folder that reports nothing.
fn export(o: &TestOffice, what: What, format: ExportFormat) -> Result<Exported, CommandError> {
    export_in(
        &o.db,
        &o.session,
        &o.outputs,
        &o.export,
        what,
        format,
        &mut |_| {},
    )
}

/// The path of a written export.
fn written(e: Exported) -> Result<String, Box<dyn std::error::Error>> {
    match e {
        Exported::Written { path, .. } => Ok(path),
        Exported::Cancelled => Err("the export was cancelled".into()),
    }
}

#[test]
fn a_clerk_imports_an_excel_csv_after_its_dry_run_and_exports_the_register(
) -> Result<(), Box<dyn std::error::Error>> {
    let o = fixture::office("transfer", Some(6))?;
    let impor = o.docs().join("impor");
    std::fs::create_dir_all(&impor)?;
    let csv = "\u{feff}nik;name;birth_place;address;village_code;phone;email;npwp;permit_type;channel;service_mode;received;fields\r\n\
               1607014508900001;Siti Rahmawati;Pangkalan Balai;Dusun II;16.07.01.2003;;;;;;;;\r\n";
    std::fs::write(impor.join("pemohon.csv"), csv)?;
    std::fs::write(impor.join("catatan.txt"), "not listed")?;
    o.sign_in("loket1")?;
    let listed = import_files_in(&o.session, &o.outputs)?;
    assert_eq!(listed.files, vec!["pemohon.csv".to_string()]);
    let missing = import_file_in(
        &o.db,
        &o.session,
        &o.outputs,
        "../office.sqlite",
        false,
        Utc::now(),
    );
    assert_eq!(code(missing), "not_found");
    let dry = import_file_in(
        &o.db,
        &o.session,
        &o.outputs,
        "pemohon.csv",
        false,
        Utc::now(),
    )?;
    assert!(dry.bad.is_empty(), "{:?}", dry.bad);
    assert_eq!((dry.rows, dry.written), (1, false));
    let done = import_file_in(
        &o.db,
        &o.session,
        &o.outputs,
        "pemohon.csv",
        true,
        Utc::now(),
    )?;
    assert_eq!((done.applicants_created, done.written), (1, true));
    assert_eq!(o.db.jobs_running(), 0);

    let path = written(export(&o, What::Applicants, ExportFormat::Csv)?)?;
    assert!(std::fs::read_to_string(&path)?.contains("1607014508900001"));
    let xlsx = written(export(&o, What::Cases, ExportFormat::Xlsx)?)?;
    assert!(std::fs::read(&xlsx)?.starts_with(b"PK"));
    o.sign_in("kasi")?;
    let refused = export(&o, What::Cases, ExportFormat::Csv);
    assert_eq!(code(refused), "forbidden");
    let refused = import_file_in(
        &o.db,
        &o.session,
        &o.outputs,
        "pemohon.csv",
        false,
        Utc::now(),
    );
    assert_eq!(code(refused), "forbidden");
    Ok(())
}

/// The files in the documents folder (none when it was never made).
fn docs(o: &TestOffice) -> Result<Vec<String>, std::io::Error> {
    if !o.docs().exists() {
        return Ok(Vec::new());
    }
    let mut names = Vec::new();
    for entry in std::fs::read_dir(o.docs())? {
        names.push(entry?.file_name().to_string_lossy().into_owned());
    }
    names.sort();
    Ok(names)
}

#[test]
fn an_export_reports_n_of_n_rows_and_a_cancelled_one_leaves_no_file(
) -> Result<(), Box<dyn std::error::Error>> {
    let o = fixture::office("export-progress", None)?;
    let admin = o.session.actor()?;
    // Past the core's first report (every 10,000 rows), so progress comes while rows are written.
    let cases = o
        .db
        .with(|db| demo::bulk::generate_large(db, &admin, Utc::now(), 10_500, 7, &mut |_| true))?;
    let of = |done| ExportProgress { done, total: cases };

    // Cancel pressed at the first report of rows: nothing is left, not even the `.part` file.
    let mut seen = Vec::new();
    let cancelled = export_in(
        &o.db,
        &o.session,
        &o.outputs,
        &o.export,
        What::Cases,
        ExportFormat::Xlsx,
        &mut |p| {
            seen.push(p);
            if p.done > 0 {
                o.export.cancel();
            }
        },
    )?;
    assert_eq!(cancelled, Exported::Cancelled);
    assert_eq!(seen, vec![of(0), of(10_000)]);
    assert_eq!(docs(&o)?, Vec::<String>::new());
    // Cancel pressed once every row is written, while the file is finished: still no file.
    let cancelled = export_in(
        &o.db,
        &o.session,
        &o.outputs,
        &o.export,
        What::Cases,
        ExportFormat::Csv,
        &mut |p| {
            if p.done == p.total {
                o.export.cancel();
            }
        },
    )?;
    assert_eq!(cancelled, Exported::Cancelled);
    assert_eq!(docs(&o)?, Vec::<String>::new());

    // One export at a time.
    let other = o.export.start()?;
    assert_eq!(code(export(&o, What::Cases, ExportFormat::Csv)), "busy");
    drop(other);

    let mut seen = Vec::new();
    let done = export_in(
        &o.db,
        &o.session,
        &o.outputs,
        &o.export,
        What::Cases,
        ExportFormat::Csv,
        &mut |p| seen.push(p),
    )?;
    assert_eq!(seen, vec![of(0), of(10_000), of(cases)]);
    let Exported::Written { path, rows } = done else {
        return Err("the finished export was cancelled".into());
    };
    assert_eq!(rows, cases);
    let text = std::fs::read_to_string(&path)?;
    assert_eq!(
        text.lines().count() as u64,
        cases + 1,
        "the header and every case"
    );
    assert!(text.contains("REG-"), "cases, not only a header");
    assert_eq!(
        docs(&o)?.len(),
        1,
        "the finished file and no `.part` beside it"
    );
    assert_eq!(o.db.jobs_running(), 0);
    Ok(())
}
