//! Import and export from the window: the core decides who may, and reads the file as the office's Excel
//! writes it (a byte-order mark, `;` between columns), which the shell hands over untouched.

use chrono::Utc;
use petromaks::exchange::export::What;

use super::fixture::{self, code};
use crate::commands::transfer::{export_in, import_file_in, import_files_in, ExportFormat};

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

    let path = export_in(
        &o.db,
        &o.session,
        &o.outputs,
        What::Applicants,
        ExportFormat::Csv,
        Utc::now(),
    )?;
    assert!(std::fs::read_to_string(&path)?.contains("1607014508900001"));
    let xlsx = export_in(
        &o.db,
        &o.session,
        &o.outputs,
        What::Cases,
        ExportFormat::Xlsx,
        Utc::now(),
    )?;
    assert!(std::fs::read(&xlsx)?.starts_with(b"PK"));
    o.sign_in("kasi")?;
    let refused = export_in(
        &o.db,
        &o.session,
        &o.outputs,
        What::Cases,
        ExportFormat::Csv,
        Utc::now(),
    );
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
