//! Import and export: a 1,000-row CSV with 3 bad rows is checked in a dry run that names the 3 lines and
//! writes nothing; a confirmed import with a bad row writes nothing; a clean file imports in one go.

use petromaks::{audit_chain, export, import};

use crate::support::{self, cli_ok, fingerprint};

const FIELDS: &str =
    "tempat_praktik=Klinik Pratama;alamat_praktik=Jl. Lintas Timur;jam_praktik=16.00-21.00;nomor_str=3321100223145678";

/// 1,000 rows: even rows are applicants with an SIPD case, odd rows applicants only. Rows 100, 500 and
/// 900 (lines 101, 501, 901) are bad when `bad` is set.
fn file(bad: bool) -> String {
    let mut s = import::template_header() + "\n";
    for i in 1..=1000u32 {
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

#[test]
fn a_dry_run_names_the_three_bad_lines_and_nothing_is_written_until_a_clean_confirm() {
    let mut o = support::office();
    let clerk = o.clerk.clone();
    let before = fingerprint(&o.path);
    let text = file(true);

    let dry =
        import::import(&mut o.conn, &clerk, support::monday(), &text, false).expect("dry run");
    assert_eq!(dry.rows, 1000);
    let lines: Vec<u64> = dry.bad.iter().map(|b| b.line).collect();
    assert_eq!(lines, vec![101, 501, 901], "{:?}", dry.bad);
    assert!(dry.bad[0].reason.contains("16 digits"), "{:?}", dry.bad[0]);
    assert!(dry.bad[1].reason.contains("NOPE"), "{:?}", dry.bad[1]);
    assert!(dry.bad[2].reason.contains("required"), "{:?}", dry.bad[2]);
    assert!(!dry.written);
    assert_eq!(dry.cases_registered, 497);
    assert_eq!(fingerprint(&o.path), before, "a dry run writes nothing");

    let e = import::import(&mut o.conn, &clerk, support::monday(), &text, true)
        .expect_err("a bad row refuses the whole import");
    assert_eq!(e.code(), "invalid");
    assert!(e.to_string().contains("line 501"), "{e}");
    assert_eq!(
        fingerprint(&o.path),
        before,
        "a refused import writes nothing"
    );

    let clean = file(false);
    let r = import::import(&mut o.conn, &clerk, support::monday(), &clean, true).expect("import");
    assert!(r.written && r.bad.is_empty());
    assert_eq!((r.applicants_created, r.cases_registered), (1000, 500));
    let n: i64 = o
        .conn
        .query_row("SELECT count(*) FROM cases", [], |r| r.get(0))
        .expect("count");
    assert_eq!(n, 500);
    assert!(audit_chain::verify(&o.conn).expect("verify").ok);

    // Exports: every case; applicants in the import's format read back as known people.
    let mut cases = Vec::new();
    assert_eq!(export::cases_csv(&o.conn, &mut cases).expect("cases"), 500);
    let cases = String::from_utf8(cases).expect("utf-8");
    assert!(cases.contains("REG-2026-000500"));
    let mut people = Vec::new();
    assert_eq!(
        export::applicants_csv(&o.conn, &mut people).expect("applicants"),
        1000
    );
    let again = import::import(
        &mut o.conn,
        &clerk,
        support::monday(),
        &String::from_utf8(people).expect("utf-8"),
        false,
    )
    .expect("re-read");
    assert!(again.bad.is_empty(), "{:?}", again.bad);
    assert_eq!(again.applicants_created, 0);
}

#[test]
fn the_cli_dry_run_lists_the_bad_lines() {
    let o = support::office();
    let path = o.path.clone();
    drop(o.conn);
    let csv = o._dir.path().join("import.csv");
    std::fs::write(&csv, file(true)).expect("write");
    let before = fingerprint(&path);
    let csv = csv.to_str().expect("utf-8");
    let out = cli_ok(&path, &["--as", "rina", "import", "--file", csv]);
    for line in ["line 101:", "line 501:", "line 901:"] {
        assert!(out.contains(line), "{out}");
    }
    assert!(out.contains("dry run"), "{out}");
    assert_eq!(fingerprint(&path), before);
    let err = support::cli_err(
        &path,
        &["--as", "rina", "import", "--file", csv, "--confirm"],
    );
    assert!(err.contains("nothing was imported"), "{err}");
    assert_eq!(fingerprint(&path), before);
}

#[test]
fn cases_and_applicants_export_to_xlsx_as_text_cells() {
    let mut o = support::office();
    o.issued_case("1607014508900001", "Siti Aminah");
    for (name, bytes) in [
        ("cases.xlsx", export::cases_xlsx(&o.conn).expect("cases")),
        (
            "applicants.xlsx",
            export::applicants_xlsx(&o.conn).expect("applicants"),
        ),
    ] {
        let path = o._dir.path().join(name);
        std::fs::write(&path, &bytes).expect("write");
        let out = std::process::Command::new("unzip")
            .arg("-p")
            .arg(&path)
            .arg("xl/sharedStrings.xml")
            .output()
            .expect("unzip is installed");
        assert!(out.status.success(), "{name} is a valid XLSX (zip) file");
        let strings = String::from_utf8_lossy(&out.stdout);
        assert!(strings.contains("1607014508900001"), "{name}: NIK as text");
        assert!(strings.contains("Siti Aminah"), "{name}");
        if name == "cases.xlsx" {
            assert!(strings.contains("REG-2026-000001"), "{strings}");
        }
    }
}
