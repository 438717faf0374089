//! Import and export: a 1,000-row CSV with 3 bad rows is checked in a dry run that names the 3 lines and
//! writes nothing; a confirmed import with a bad row writes nothing; a clean file imports in one go; a
//! file as Indonesian Excel saves it reads like a comma file; repeated rows and a NIK registered under
//! another name are bad lines. An export counts its rows beforehand, reports its progress and can be
//! cancelled.

use petromaks::audit;
use petromaks::exchange::demo;
use petromaks::exchange::export::{self, What};
use petromaks::exchange::import::{self, ImportReport};

use crate::support::{self, cli_ok, monday, refused, refused_on, sipd};

const FIELDS: &str =
    "tempat_praktik=Klinik Pratama;alamat_praktik=Jl. Lintas Timur;jam_praktik=16.00-21.00;nomor_str=3321100223145678";

/// `n` rows: even rows are applicants with an SIPD case, odd rows applicants only. Rows 100, 500 and 900
/// (lines 101, 501, 901) are bad when `bad` is set and the file has them.
fn file(n: u32, bad: bool) -> String {
    let mut s = import::template_header() + "\n";
    for i in 1..=n {
        let mut nik = format!("160701450890{i:04}");
        let mut ty = if i % 2 == 0 { "SIPD" } else { "" };
        let mut fields = if ty.is_empty() { "" } else { FIELDS };
        if bad {
            match i {
                100 => nik = format!("16070145089{i:03}"),
                500 => ty = "NOPE",
                900 => fields = "tempat_praktik=Klinik",
                _ => {}
            }
        }
        let received = if ty.is_empty() { "" } else { "all" };
        s += &format!(
            "{nik},Pemohon {i},Pangkalan Balai,Jl. Merdeka {i},16.07.01.2001,,,,{ty},counter,baru,{received},{fields}\n"
        );
    }
    s
}

/// The same file as Excel writes it on an Indonesian-locale computer: a UTF-8 byte-order mark, `;`
/// between columns (values holding a `;` quoted), CRLF line ends.
fn as_indonesian_excel(comma: &str) -> String {
    let mut reader = csv::Reader::from_reader(comma.as_bytes());
    let mut w = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    w.write_record(reader.headers().expect("header"))
        .expect("write");
    for r in reader.records() {
        w.write_record(&r.expect("row")).expect("write");
    }
    let body = String::from_utf8(w.into_inner().expect("flush")).expect("utf-8");
    assert!(
        body.contains(";\"tempat_praktik="),
        "the fields column is quoted"
    );
    format!("\u{feff}{body}")
}

fn summary(r: &ImportReport) -> (u64, Vec<(u64, String)>, u64, u64, bool) {
    (
        r.rows,
        r.bad.iter().map(|b| (b.line, b.reason.clone())).collect(),
        r.applicants_created,
        r.cases_registered,
        r.written,
    )
}

#[test]
fn a_dry_run_names_the_three_bad_lines_and_nothing_is_written_until_a_clean_confirm() {
    let mut o = support::office();
    let clerk = o.clerk.clone();
    let before = o.fingerprint();
    let text = file(1000, true);

    let dry = import::import(&mut o.db, &clerk, monday(), &text, false).expect("dry run");
    assert_eq!(dry.rows, 1000);
    let lines: Vec<u64> = dry.bad.iter().map(|b| b.line).collect();
    assert_eq!(lines, vec![101, 501, 901], "{:?}", dry.bad);
    assert!(dry.bad[0].reason.contains("16 digits"), "{:?}", dry.bad[0]);
    assert!(dry.bad[1].reason.contains("NOPE"), "{:?}", dry.bad[1]);
    assert!(dry.bad[2].reason.contains("required"), "{:?}", dry.bad[2]);
    assert!(dry.dry_run && !dry.written);
    assert_eq!(dry.cases_registered, 497);
    assert_eq!(o.fingerprint(), before, "a dry run writes nothing");

    let e = refused_on(
        import::import(&mut o.db, &clerk, monday(), &text, true),
        "file",
    );
    assert!(e.to_string().contains("line 501"), "{e}");
    assert_eq!(o.fingerprint(), before, "a refused import writes nothing");

    let clean = file(1000, false);
    let r = import::import(&mut o.db, &clerk, monday(), &clean, true).expect("import");
    assert!(r.written && r.bad.is_empty());
    assert_eq!((r.applicants_created, r.cases_registered), (1000, 500));
    assert_eq!(o.count("SELECT count(*) FROM cases", &[]), 500);
    let admin = o.admin.clone();
    assert!(audit::verify(&o.db, &admin, &[]).expect("verify").ok);

    // Exports: every case; applicants in the import's format read back as known people.
    let mut cases = Vec::new();
    assert_eq!(
        export::csv(&o.db, &clerk, What::Cases, &mut cases).expect("cases"),
        500
    );
    let cases = String::from_utf8(cases).expect("utf-8");
    assert!(cases.contains("REG-2026-000500"));
    let mut people = Vec::new();
    assert_eq!(
        export::csv(&o.db, &admin, What::Applicants, &mut people).expect("applicants"),
        1000
    );
    let again = import::import(
        &mut o.db,
        &clerk,
        monday(),
        &String::from_utf8(people).expect("utf-8"),
        false,
    )
    .expect("re-read");
    assert!(again.bad.is_empty(), "{:?}", again.bad);
    assert_eq!(again.applicants_created, 0);
    let courier = o.courier.clone();
    refused(
        export::csv(&o.db, &courier, What::Cases, &mut Vec::new()),
        "forbidden",
    );
}

#[test]
fn a_csv_from_indonesian_excel_reads_like_a_comma_file() {
    let mut o = support::office();
    let clerk = o.clerk.clone();
    let before = o.fingerprint();
    let comma = file(120, true);
    let excel = as_indonesian_excel(&comma);
    assert!(excel.starts_with('\u{feff}') && excel.lines().next().expect("header").contains(';'));
    let a = import::import(&mut o.db, &clerk, monday(), &comma, false).expect("comma dry run");
    let b = import::import(&mut o.db, &clerk, monday(), &excel, false).expect("excel dry run");
    assert_eq!(summary(&a), summary(&b));
    assert_eq!(a.bad.iter().map(|x| x.line).collect::<Vec<_>>(), vec![101]);
    assert_eq!((a.rows, a.cases_registered), (120, 59));
    assert_eq!(o.fingerprint(), before, "dry runs write nothing");

    let good = as_indonesian_excel(&file(10, false));
    let r = import::import(&mut o.db, &clerk, monday(), &good, true).expect("import");
    assert_eq!((r.applicants_created, r.cases_registered), (10, 5));
    let name: String =
        o.db.value(
            "SELECT name FROM applicants WHERE nik = '1607014508900001'",
            &[],
        )
        .expect("applicant");
    assert_eq!(name, "Pemohon 1", "no byte-order mark in the first value");
}

#[test]
fn a_repeated_row_and_a_nik_registered_under_another_name_are_bad_lines() {
    let mut o = support::office();
    o.register(&sipd("1607014508900001", "Siti Aminah"));
    let clerk = o.clerk.clone();
    let before = o.fingerprint();
    let header = import::template_header();
    let row = |nik: &str, name: &str| {
        format!("{nik},{name},Pangkalan Balai,Jl. Merdeka 1,16.07.01.2001,,,,,,,,\n")
    };
    let text = format!(
        "{header}\n{}{}{}{}{}",
        row("1607014508900002", "Dewi Lestari"),
        row("1607014508900002", "Dewi Lestari"),
        row("1607014508900001", "Budi Santoso"),
        row("1607014508900002", "Rahmat Hidayat"),
        row("1607014508900003", "Ayu Lestari"),
    );
    let dry = import::import(&mut o.db, &clerk, monday(), &text, false).expect("dry run");
    let bad: Vec<(u64, &str)> = dry
        .bad
        .iter()
        .map(|b| (b.line, b.reason.as_str()))
        .collect();
    assert_eq!(
        bad.iter().map(|b| b.0).collect::<Vec<_>>(),
        vec![3, 4, 5],
        "{bad:?}"
    );
    assert!(bad[0].1.contains("repeats line 2"), "{bad:?}");
    assert!(
        bad[1].1.contains("registered as \"Siti Aminah\""),
        "a NIK the register knows under another name: {bad:?}"
    );
    assert!(
        bad[2].1.contains("on line 2"),
        "a NIK the file gives two names: {bad:?}"
    );
    assert_eq!(dry.applicants_created, 2);
    assert_eq!(o.fingerprint(), before);
    refused_on(
        import::import(&mut o.db, &clerk, monday(), &text, true),
        "file",
    );
    assert_eq!(
        o.fingerprint(),
        before,
        "the confirmed import is refused whole"
    );
}

#[test]
fn the_cli_dry_run_lists_the_bad_lines() {
    let o = support::office();
    let arg = o.db_arg();
    let csv = o.dir().join("import.csv");
    std::fs::write(&csv, file(1000, true)).expect("write");
    let before = o.fingerprint();
    let csv = csv.to_str().expect("utf-8");
    let out = cli_ok(&arg, &["--as", "rina", "import", "--file", csv]);
    for line in ["line 101:", "line 501:", "line 901:"] {
        assert!(out.contains(line), "{out}");
    }
    assert!(out.contains("dry run"), "{out}");
    assert_eq!(o.fingerprint(), before);
    let err = support::cli_err(
        &arg,
        &["--as", "rina", "import", "--file", csv, "--confirm"],
    );
    assert!(err.contains("nothing was imported"), "{err}");
    assert_eq!(o.fingerprint(), before);
    // The same file as Excel saves it, read by the CLI through the core.
    let excel = o.dir().join("excel.csv");
    std::fs::write(&excel, as_indonesian_excel(&file(1000, true))).expect("write");
    let out = cli_ok(
        &arg,
        &[
            "--as",
            "rina",
            "import",
            "--file",
            excel.to_str().expect("utf-8"),
        ],
    );
    for line in ["line 101:", "line 501:", "line 901:"] {
        assert!(out.contains(line), "{out}");
    }
}

#[test]
fn cases_and_applicants_export_to_xlsx_as_text_cells() {
    let mut o = support::office();
    o.issued_case("1607014508900001", "Siti Aminah");
    let admin = o.admin.clone();
    for (name, what) in [
        ("cases.xlsx", What::Cases),
        ("applicants.xlsx", What::Applicants),
    ] {
        let path = o.dir().join(name);
        let file = std::fs::File::create(&path).expect("create");
        let rows = export::xlsx(&o.db, &admin, what, file).expect("export");
        assert_eq!(rows, 1);
        let out = std::process::Command::new("unzip")
            .arg("-p")
            .arg(&path)
            // Constant-memory mode writes the strings inline in the sheet, as text cells.
            .arg("xl/worksheets/sheet1.xml")
            .output()
            .expect("unzip is installed");
        assert!(out.status.success(), "{name} is a valid XLSX (zip) file");
        let strings = String::from_utf8_lossy(&out.stdout);
        assert!(strings.contains("1607014508900001"), "{name}: NIK as text");
        assert!(
            !strings.contains("<v>1607014508900001</v>"),
            "{name}: the NIK is no number cell"
        );
        assert!(strings.contains("Siti Aminah"), "{name}");
        if name == "cases.xlsx" {
            assert!(strings.contains("REG-2026-000001"), "{strings}");
        }
    }
    let courier = o.courier.clone();
    refused(
        export::xlsx(&o.db, &courier, What::Cases, Vec::new()),
        "forbidden",
    );
}

/// The "n of N" of an export in the window: `count` says what the export will write, progress comes
/// every 10,000 rows and once after the last row, and answering `false` stops the export.
#[test]
fn an_export_counts_its_rows_beforehand_reports_progress_and_stops_when_told() {
    let mut o = support::office();
    let admin = o.admin.clone();
    let mut seen = Vec::new();
    let rows = export::csv_with_progress(&o.db, &admin, What::Cases, Vec::new(), &mut |d| {
        seen.push(d);
        true
    })
    .expect("empty export");
    assert_eq!(
        (rows, seen),
        (0, vec![0]),
        "an empty register reports its end too"
    );

    let written = demo::bulk::generate_large(&mut o.db, &admin, monday(), 12_000, 7, &mut |_| true)
        .expect("large demo");
    let clerk = o.clerk.clone();
    let total = export::count(&o.db, &clerk, What::Cases).expect("count");
    assert_eq!(total, written);
    let mut seen = Vec::new();
    let rows = export::csv_with_progress(&o.db, &clerk, What::Cases, std::io::sink(), &mut |d| {
        seen.push(d);
        true
    })
    .expect("export");
    assert_eq!((rows, seen), (total, vec![10_000, total]));
    let people = export::count(&o.db, &clerk, What::Applicants).expect("count");
    assert_eq!(
        people,
        export::csv(&o.db, &clerk, What::Applicants, std::io::sink()).expect("export")
    );

    let mut seen = Vec::new();
    refused(
        export::xlsx_with_progress(&o.db, &clerk, What::Cases, std::io::sink(), &mut |d| {
            seen.push(d);
            false
        }),
        "cancelled",
    );
    assert_eq!(seen, vec![10_000], "stopped at the first report");
    let courier = o.courier.clone();
    refused(export::count(&o.db, &courier, What::Cases), "forbidden");
}
