//! The catalogue editor: create, edit, retire; a type in use is never deleted; the next number is previewed
//! without being taken; an edit leaves issued permits as they were.

use petromaks::cases::{self};
use petromaks::catalogue;
use petromaks::permit_types::{self, PermitType, PermitTypeInput};

use crate::support::{self, monday};

fn input_from(t: &PermitType) -> PermitTypeInput {
    PermitTypeInput {
        code: t.code.clone(),
        name: t.name.clone(),
        title: t.title.clone(),
        legal_basis: t.legal_basis.clone(),
        requirements: t
            .requirements
            .iter()
            .map(|r| (r.label.clone(), r.mandatory))
            .collect(),
        fields: t.fields.clone(),
        conditions: t.conditions.clone(),
        tembusan: t.tembusan.clone(),
        sla_days: t.sla_days,
        validity_months: t.validity_months,
        classification: t.classification.clone(),
        number_template: t.number_template.clone(),
        number_reset: t.number_reset.clone(),
        fee: t.fee,
    }
}

#[test]
fn a_type_in_use_is_edited_and_retired_but_never_deleted() {
    let mut o = support::office();
    let issued = o.issued_case("1607014508900001", "Siti Aminah");
    let number = cases::get(&o.conn, issued).expect("case").permit_number;
    let admin = o.admin.clone();
    let sipd = permit_types::by_code(&o.conn, "SIPD").expect("sipd");
    let day = monday().date_naive();

    assert!(catalogue::in_use(&o.conn, sipd.id).expect("in use"));
    let rek = permit_types::by_code(&o.conn, "REK").expect("rek");
    assert!(
        !catalogue::in_use(&o.conn, rek.id).expect("in use"),
        "no case of REK"
    );
    let next = catalogue::preview_next_number(&o.conn, sipd.id, None, day).expect("preview");
    assert!(next.contains("/0002/SIPD/"), "{next}");
    let again = catalogue::preview_next_number(&o.conn, sipd.id, None, day).expect("preview");
    assert_eq!(next, again, "a preview takes no number");
    let edited =
        catalogue::preview_next_number(&o.conn, sipd.id, Some("{kode}-{seq:3}/{yyyy}"), day)
            .expect("preview");
    assert_eq!(edited, "SIPD-002/2026");

    let mut changed = input_from(&sipd);
    changed.sla_days = 10;
    changed
        .requirements
        .push(("Surat keterangan sehat".into(), false));
    changed.tembusan = vec!["Kepala Dinas Kesehatan".into()];
    let t = catalogue::update(&mut o.conn, &admin, monday(), sipd.id, &changed).expect("update");
    assert_eq!(t.sla_days, 10);
    assert_eq!(t.requirements.len(), sipd.requirements.len() + 1);
    assert_eq!(
        cases::get(&o.conn, issued).expect("case").permit_number,
        number
    );
    assert_eq!(
        cases::documents(&o.conn, issued).expect("docs").len(),
        sipd.requirements.len(),
        "a registered case keeps its checklist"
    );

    let mut renamed = changed.clone();
    renamed.code = "SIPD2".into();
    let e = catalogue::update(&mut o.conn, &admin, monday(), sipd.id, &renamed).expect_err("code");
    assert_eq!(e.field(), Some("code"));
    let mut bad = changed.clone();
    bad.number_template = "{kode}/{nope}".into();
    let e = catalogue::update(&mut o.conn, &admin, monday(), sipd.id, &bad).expect_err("template");
    assert_eq!(e.field(), Some("number_template"));

    let e = catalogue::delete(&mut o.conn, &admin, monday(), sipd.id).expect_err("in use");
    assert!(e.to_string().contains("retire"), "{e}");
    catalogue::set_active(&mut o.conn, &admin, monday(), sipd.id, false).expect("retire");
    let clerk = o.clerk.clone();
    let e = cases::register(
        &mut o.conn,
        &clerk,
        monday(),
        &support::sipd("1607014508900002", "Dewi Lestari"),
    )
    .expect_err("retired");
    assert!(e.to_string().contains("retired"), "{e}");
    assert_eq!(
        catalogue::set_active(&mut o.conn, &clerk, monday(), sipd.id, true)
            .expect_err("clerk")
            .code(),
        "forbidden"
    );
}

#[test]
fn a_new_type_is_created_previewed_and_deleted_while_unused() {
    let mut o = support::office();
    let admin = o.admin.clone();
    let mut t = input_from(&permit_types::by_code(&o.conn, "SIPD").expect("sipd"));
    t.code = "SIPX".into();
    t.name = "Surat Izin Praktik Uji".into();
    let created = catalogue::create(&mut o.conn, &admin, monday(), &t).expect("create");
    let next = catalogue::preview_next_number(&o.conn, created.id, None, monday().date_naive())
        .expect("preview");
    assert!(next.contains("/0001/SIPX/"), "{next}");
    let e = catalogue::create(&mut o.conn, &admin, monday(), &t).expect_err("taken");
    assert_eq!(e.code(), "conflict");
    catalogue::delete(&mut o.conn, &admin, monday(), created.id).expect("delete unused");
    let e = permit_types::by_code(&o.conn, "SIPX").expect_err("gone");
    assert!(e.to_string().contains("unknown permit type"), "{e}");
}

#[test]
fn the_cli_previews_and_refuses_to_delete_a_type_in_use() {
    let mut o = support::office();
    o.issued_case("1607014508900001", "Siti Aminah");
    let path = o.path.clone();
    drop(o.conn);
    let out = support::cli_ok(&path, &["catalogue", "preview", "SIPD"]);
    assert!(out.contains("/0002/SIPD/"), "{out}");
    let err = support::cli_err(&path, &["--as", "admin", "catalogue", "delete", "SIPD"]);
    assert!(err.contains("retire it instead"), "{err}");
    let out = support::cli_ok(&path, &["--as", "admin", "catalogue", "retire", "SIPD"]);
    assert!(out.contains("retired"), "{out}");
}

#[test]
fn a_catalogue_edit_never_changes_the_certificate_of_an_issued_permit() {
    let mut o = support::office();
    let old = o.issued_case("1607014508900001", "Siti Aminah");
    let before = petromaks::documents::certificate_doc(&o.conn, old, false).expect("doc");
    let admin = o.admin.clone();
    let sipd = permit_types::by_code(&o.conn, "SIPD").expect("sipd");
    let mut changed = input_from(&sipd);
    changed.title = "SURAT IZIN PRAKTIK DOKTER (BARU)".into();
    changed.legal_basis = vec!["Peraturan Bupati Nomor 99 Tahun 2027".into()];
    changed.tembusan = vec!["Inspektorat Kabupaten".into()];
    changed.conditions = vec!["Syarat baru".into()];
    catalogue::update(&mut o.conn, &admin, monday(), sipd.id, &changed).expect("update");

    let after = petromaks::documents::certificate_doc(&o.conn, old, false).expect("doc");
    assert_eq!(after.title, before.title);
    assert_eq!(after.legal_basis, before.legal_basis);
    assert_eq!(after.tembusan, before.tembusan);
    assert_eq!(after.conditions, before.conditions);
    assert_eq!(after.rows, before.rows);

    let new = o.issued_case("1607014508900002", "Dewi Lestari");
    let fresh = petromaks::documents::certificate_doc(&o.conn, new, false).expect("doc");
    assert_eq!(fresh.title, "SURAT IZIN PRAKTIK DOKTER (BARU)");
    assert_eq!(fresh.tembusan, vec!["Inspektorat Kabupaten".to_string()]);
}
