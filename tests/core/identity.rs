//! NIK checks against the real area table.

use petromaks::identity::check_nik;

use crate::support::{self, monday};

#[test]
fn district_codes_decode_and_unknown_ones_only_warn() {
    let o = support::office();
    let today = petromaks::cases::office_today(&o.conn, monday()).expect("today");
    let info = check_nik(&o.conn, "1607014508900001", today).expect("valid");
    assert_eq!(info.province, "Sumatera Selatan");
    assert_eq!(info.regency.as_deref(), Some("Kabupaten Banyuasin"));
    assert!(info.district.is_some());
    assert!(info.warnings.is_empty());
    let info =
        check_nik(&o.conn, "1607994508900001", today).expect("unknown district is a warning");
    assert_eq!(info.warnings.len(), 1, "{:?}", info.warnings);
    let e = check_nik(&o.conn, "9907014508900001", today).expect_err("unknown province");
    assert!(e.to_string().contains("not a province code"), "{e}");
}
