//! NIK checks against the real area table.

use petromaks::identity::check_nik;

use crate::support::{self, monday, refused_on};

#[test]
fn district_codes_decode_and_unknown_ones_only_warn() {
    let o = support::office();
    let today = petromaks::office::today(&o.db, monday()).expect("today");
    let info = check_nik(&o.db, "1607014508900001", today).expect("valid");
    assert_eq!(info.province, "Sumatera Selatan");
    assert_eq!(info.regency.as_deref(), Some("Kabupaten Banyuasin"));
    assert!(info.district.is_some());
    assert!(info.warnings.is_empty());
    let info = check_nik(&o.db, "1607994508900001", today).expect("unknown district is a warning");
    assert_eq!(info.warnings.len(), 1, "{:?}", info.warnings);
    let e = refused_on(check_nik(&o.db, "9907014508900001", today), "nik");
    assert!(e.to_string().contains("not a province code"), "{e}");
}

#[test]
fn the_village_search_finds_names_and_codes_of_the_offices_regency_only() {
    let o = crate::support::office();
    let found = petromaks::people::applicants::villages(&o.db, "mariana", 10).expect("search");
    let codes: Vec<&str> = found.iter().map(|v| v.code.as_str()).collect();
    // A third "Mariana" exists in another regency: the office's own only.
    assert_eq!(codes, vec!["16.07.01.1016", "16.07.01.1021"]);
    assert_eq!(found[0].name, "Mariana");
    assert_eq!(found[0].district, "Banyuasin I");
    let by_code =
        petromaks::people::applicants::villages(&o.db, "16.07.01.2001", 10).expect("code");
    assert_eq!(by_code.len(), 1);
    assert_eq!(by_code[0].name, "Sungai Rebo");
    assert!(petromaks::people::applicants::villages(&o.db, "11.01", 10)
        .expect("other regency")
        .is_empty());
    assert_eq!(
        petromaks::people::applicants::villages(&o.db, "", 5)
            .expect("empty")
            .len(),
        5
    );
}
