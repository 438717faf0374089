//! The catalogue editor: create, edit, retire; a type in use is never deleted; the next number is previewed
//! without being taken; an edit leaves issued permits as they were; every check of the editor's form is
//! the core's, beside the field at fault.

use petromaks::cases;
use petromaks::catalogue::editor::{self, NumberPreview};
use petromaks::catalogue::{self, FieldDef, FieldKind, PermitType, PermitTypeInput};

use crate::support::{self, monday, refused, refused_on};

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
        number_reset: t.number_reset,
        fee: t.fee,
    }
}

fn preview_of(t: &PermitType, template: Option<&str>) -> NumberPreview {
    NumberPreview {
        id: Some(t.id),
        template: template.unwrap_or(&t.number_template).to_string(),
        code: t.code.clone(),
        classification: t.classification.clone(),
    }
}

#[test]
fn a_type_in_use_is_edited_and_retired_but_never_deleted() {
    let mut o = support::office();
    let issued = o.issued_case("1607014508900001", "Siti Aminah");
    let number = cases::get(&o.db, issued).expect("case").permit_number;
    let admin = o.admin.clone();
    let sipd = catalogue::by_code(&o.db, "SIPD").expect("sipd");
    let day = monday().date_naive();

    assert!(editor::in_use(&o.db, sipd.id).expect("in use"));
    let rek = catalogue::by_code(&o.db, "REK").expect("rek");
    assert!(
        !editor::in_use(&o.db, rek.id).expect("in use"),
        "no case of REK"
    );
    let next =
        editor::preview_next_number(&o.db, &admin, &preview_of(&sipd, None), day).expect("preview");
    assert!(next.contains("/0002/SIPD/"), "{next}");
    let again =
        editor::preview_next_number(&o.db, &admin, &preview_of(&sipd, None), day).expect("preview");
    assert_eq!(next, again, "a preview takes no number");
    let edited = editor::preview_next_number(
        &o.db,
        &admin,
        &preview_of(&sipd, Some("{kode}-{seq:3}/{yyyy}")),
        day,
    )
    .expect("preview");
    assert_eq!(edited, "SIPD-002/2026");
    refused_on(
        editor::preview_next_number(&o.db, &admin, &preview_of(&sipd, Some("{nope}")), day),
        "number_template",
    );

    let mut changed = input_from(&sipd);
    changed.sla_days = 10;
    changed
        .requirements
        .push(("Surat keterangan sehat".into(), false));
    changed.tembusan = vec!["Kepala Dinas Kesehatan".into()];
    let t = editor::update(&mut o.db, &admin, monday(), sipd.id, &changed).expect("update");
    assert_eq!(t.permit_type.sla_days, 10);
    assert_eq!(
        t.permit_type.requirements.len(),
        sipd.requirements.len() + 1
    );
    assert!(t.in_use);
    assert_eq!(
        cases::get(&o.db, issued).expect("case").permit_number,
        number
    );
    assert_eq!(
        cases::documents(&o.db, issued).expect("docs").len(),
        sipd.requirements.len(),
        "a registered case keeps its checklist"
    );

    let before = o.fingerprint();
    let mut renamed = changed.clone();
    renamed.code = "SIPD2".into();
    refused_on(
        editor::update(&mut o.db, &admin, monday(), sipd.id, &renamed),
        "code",
    );
    let mut bad = changed.clone();
    bad.number_template = "{kode}/{nope}".into();
    refused_on(
        editor::update(&mut o.db, &admin, monday(), sipd.id, &bad),
        "number_template",
    );
    let e = refused(
        editor::delete(&mut o.db, &admin, monday(), sipd.id),
        "conflict",
    );
    assert!(e.to_string().contains("retire"), "{e}");
    assert_eq!(o.fingerprint(), before, "refused edits change nothing");

    editor::set_active(&mut o.db, &admin, monday(), sipd.id, false).expect("retire");
    let clerk = o.clerk.clone();
    let e = refused_on(
        cases::register(
            &mut o.db,
            &clerk,
            monday(),
            &support::sipd("1607014508900002", "Dewi Lestari"),
        ),
        "permit_type",
    );
    assert!(e.to_string().contains("retired"), "{e}");
    refused(
        editor::set_active(&mut o.db, &clerk, monday(), sipd.id, true),
        "forbidden",
    );
}

#[test]
fn a_new_type_is_created_previewed_and_deleted_while_unused() {
    let mut o = support::office();
    let admin = o.admin.clone();
    let mut t = input_from(&catalogue::by_code(&o.db, "SIPD").expect("sipd"));
    t.code = "SIPX".into();
    t.name = "Surat Izin Praktik Uji".into();
    let created = editor::create(&mut o.db, &admin, monday(), &t).expect("create");
    assert!(!created.in_use);
    let next = editor::preview_next_number(
        &o.db,
        &admin,
        &preview_of(&created.permit_type, None),
        monday().date_naive(),
    )
    .expect("preview");
    assert!(next.contains("/0001/SIPX/"), "{next}");
    refused(editor::create(&mut o.db, &admin, monday(), &t), "conflict");
    editor::delete(&mut o.db, &admin, monday(), created.permit_type.id).expect("delete unused");
    let e = refused_on(catalogue::by_code(&o.db, "SIPX"), "permit_type");
    assert!(e.to_string().contains("unknown permit type"), "{e}");
}

#[test]
fn the_editor_s_checks_are_the_core_s_and_name_the_field() {
    let mut o = support::office();
    let admin = o.admin.clone();
    let base = input_from(&catalogue::by_code(&o.db, "SIPD").expect("sipd"));
    let field = |key: &str, kind: FieldKind, choices: &[&str]| FieldDef {
        key: key.into(),
        label: format!("Isian {key}"),
        kind,
        required: true,
        choices: choices.iter().map(|c| c.to_string()).collect(),
    };
    let before = o.fingerprint();
    let with = |f: &dyn Fn(&mut PermitTypeInput)| {
        let mut t = base.clone();
        t.code = "UJI".into();
        f(&mut t);
        t
    };
    let cases: Vec<(PermitTypeInput, &str)> = vec![
        (with(&|t| t.title = "   ".into()), "title"),
        (with(&|t| t.validity_months = Some(0)), "validity_months"),
        (with(&|t| t.validity_months = Some(1201)), "validity_months"),
        (with(&|t| t.sla_days = 0), "sla_days"),
        (
            with(&|t| {
                t.fields = vec![
                    field("lokasi", FieldKind::Text, &[]),
                    field("lokasi", FieldKind::Text, &[]),
                ]
            }),
            "field_key_1",
        ),
        (
            with(&|t| t.fields = vec![field("jenis", FieldKind::Choice, &["Tetap"])]),
            "field_choices_0",
        ),
        (
            with(&|t| {
                t.fields = vec![
                    field("lokasi", FieldKind::Text, &[]),
                    field("jenis", FieldKind::Choice, &["  ", ""]),
                ]
            }),
            "field_choices_1",
        ),
        (
            with(&|t| t.fields = vec![field("Lokasi Usaha", FieldKind::Text, &[])]),
            "field_key_0",
        ),
        (
            with(&|t| t.requirements = vec![("  ".into(), true)]),
            "requirements",
        ),
    ];
    for (t, want) in &cases {
        let e = refused_on(editor::create(&mut o.db, &admin, monday(), t), want);
        assert!(!e.to_string().is_empty());
    }
    // The same checks guard an edit of an existing type.
    let sipd = catalogue::by_code(&o.db, "SIPD").expect("sipd");
    let mut no_choices = base.clone();
    no_choices
        .fields
        .push(field("jenis", FieldKind::Choice, &[]));
    let e = refused_on(
        editor::update(&mut o.db, &admin, monday(), sipd.id, &no_choices),
        &format!("field_choices_{}", base.fields.len()),
    );
    assert!(e.to_string().contains("two choices"), "{e}");
    assert_eq!(o.fingerprint(), before, "nothing was stored");

    // A choice field with two choices is fine.
    let ok = with(&|t| t.fields = vec![field("jenis", FieldKind::Choice, &["Tetap", "Sementara"])]);
    editor::create(&mut o.db, &admin, monday(), &ok).expect("two choices");
}

#[test]
fn the_cli_previews_and_refuses_to_delete_a_type_in_use() {
    let mut o = support::office();
    o.issued_case("1607014508900001", "Siti Aminah");
    let arg = o.db_arg();
    let out = support::cli_ok(&arg, &["--as", "admin", "catalogue", "preview", "SIPD"]);
    assert!(out.contains("/0002/SIPD/"), "{out}");
    let before = o.fingerprint();
    let err = support::cli_err(&arg, &["--as", "admin", "catalogue", "delete", "SIPD"]);
    assert!(err.contains("retire it instead"), "{err}");
    assert_eq!(o.fingerprint(), before);
    let out = support::cli_ok(&arg, &["--as", "admin", "catalogue", "retire", "SIPD"]);
    assert!(out.contains("retired"), "{out}");
}

#[test]
fn a_catalogue_edit_never_changes_the_certificate_of_an_issued_permit() {
    let mut o = support::office();
    let old = o.issued_case("1607014508900001", "Siti Aminah");
    let before = petromaks::documents::certificate_doc(&o.db, old, false).expect("doc");
    let admin = o.admin.clone();
    let sipd = catalogue::by_code(&o.db, "SIPD").expect("sipd");
    let mut changed = input_from(&sipd);
    changed.title = "SURAT IZIN PRAKTIK DOKTER (BARU)".into();
    changed.legal_basis = vec!["Peraturan Bupati Nomor 99 Tahun 2027".into()];
    changed.tembusan = vec!["Inspektorat Kabupaten".into()];
    changed.conditions = vec!["Syarat baru".into()];
    editor::update(&mut o.db, &admin, monday(), sipd.id, &changed).expect("update");

    let after = petromaks::documents::certificate_doc(&o.db, old, false).expect("doc");
    assert_eq!(after.title, before.title);
    assert_eq!(after.legal_basis, before.legal_basis);
    assert_eq!(after.tembusan, before.tembusan);
    assert_eq!(after.conditions, before.conditions);
    assert_eq!(after.rows, before.rows);

    let new = o.issued_case("1607014508900002", "Dewi Lestari");
    let fresh = petromaks::documents::certificate_doc(&o.db, new, false).expect("doc");
    assert_eq!(fresh.title, "SURAT IZIN PRAKTIK DOKTER (BARU)");
    assert_eq!(fresh.tembusan, vec!["Inspektorat Kabupaten".to_string()]);
}
