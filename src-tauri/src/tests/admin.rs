//! The administration commands: the core refuses anyone but an admin, and does the work for an admin;
//! the catalogue editor's checks come back with the field the form highlights.

use chrono::NaiveDate;
use petromaks::catalogue::editor::NumberPreview;
use petromaks::catalogue::PermitTypeInput;
use petromaks::office::holidays::{HolidayInput, HolidayKind};
use petromaks::people::{Role, UserId};

use super::fixture::{self, code, refusal, TestOffice};
use crate::commands::admin::*;
use crate::commands::audit::*;
use crate::commands::calendar::*;
use crate::commands::people::*;

fn office(name: &str) -> Result<TestOffice, Box<dyn std::error::Error>> {
    fixture::office(&format!("admin-{name}"), Some(12))
}

fn permit_type(extra: serde_json::Value) -> Result<PermitTypeInput, serde_json::Error> {
    let mut input = serde_json::json!({
        "code": "SIPX", "name": "Izin Percobaan", "title": "SURAT IZIN PERCOBAAN",
        "requirements": [["KTP", true]], "sla_days": 5, "validity_months": null,
        "classification": "503", "number_template": "{klasifikasi}/{seq:4}/{kode}/{yyyy}",
        "number_reset": "yearly"
    });
    if let (Some(base), Some(more)) = (input.as_object_mut(), extra.as_object()) {
        base.extend(more.clone());
    }
    serde_json::from_value(input)
}

#[test]
fn a_non_admin_is_refused_every_admin_command() -> Result<(), Box<dyn std::error::Error>> {
    let o = office("refused")?;
    let sipd = catalogue_in(&o.db, &o.session)?
        .into_iter()
        .find(|e| e.permit_type.code == "SIPD")
        .ok_or("SIPD is in the catalogue")?;
    let id = sipd.permit_type.id;
    let input = permit_type(serde_json::json!({}))?;
    let holiday = HolidayInput {
        day: NaiveDate::from_ymd_opt(2026, 12, 2).ok_or("a day")?,
        name: "Hari Jadi".into(),
        kind: HolidayKind::National,
    };
    let preview = NumberPreview {
        id: Some(id),
        template: "{kode}-{seq:3}".into(),
        code: String::new(),
        classification: String::new(),
    };
    let day = holiday.day;
    let (db, session) = (&o.db, &o.session);
    o.sign_in("loket1")?;
    let refused = [
        code(catalogue_in(db, session)),
        code(create_permit_type_in(db, session, &input)),
        code(update_permit_type_in(db, session, id, &input)),
        code(set_permit_type_active_in(db, session, id, false)),
        code(delete_permit_type_in(db, session, id)),
        code(preview_number_in(db, session, &preview)),
        code(holiday_year_in(db, session, 2026)),
        code(add_holiday_in(db, session, &holiday)),
        code(edit_holiday_in(db, session, day, &holiday)),
        code(remove_holiday_in(db, session, day)),
        code(set_cuti_bersama_in(db, session, true)),
        code(import_holidays_in(db, session, 2027, "day,name,kind\n")),
        code(list_users_in(db, session)),
        code(set_user_active_in(db, session, UserId(1), false)),
        code(reset_password_in(
            db,
            session,
            UserId(1),
            "rahasia-baru-123",
        )),
        code(change_role_in(db, session, UserId(1), Role::Clerk)),
        code(audit_log_in(db, session, &AuditQuery::default())),
        code(verify_audit_in(db, session)),
    ];
    assert_eq!(refused, ["forbidden"; 18]);
    session.clear()?;
    assert_eq!(code(verify_audit_in(db, session)), "signed_out");
    Ok(())
}

#[test]
fn the_catalogue_editor_refuses_what_the_core_refuses_on_its_field(
) -> Result<(), Box<dyn std::error::Error>> {
    let o = office("catalogue-checks")?;
    let twice = permit_type(serde_json::json!({"fields": [
        {"key": "lokasi", "label": "Lokasi", "kind": "text"},
        {"key": "luas", "label": "Luas", "kind": "number"},
        {"key": "lokasi", "label": "Lokasi lagi", "kind": "text"}
    ]}))?;
    assert_eq!(
        refusal(create_permit_type_in(&o.db, &o.session, &twice)),
        ("invalid", Some("field_key_2".to_string()))
    );
    let one_choice = permit_type(serde_json::json!({"fields": [
        {"key": "jenis", "label": "Jenis", "kind": "choice", "choices": ["baru"]}
    ]}))?;
    assert_eq!(
        refusal(create_permit_type_in(&o.db, &o.session, &one_choice)),
        ("invalid", Some("field_choices_0".to_string()))
    );
    assert!(catalogue_in(&o.db, &o.session)?
        .iter()
        .all(|e| e.permit_type.code != "SIPX"));
    let good = permit_type(serde_json::json!({}))?;
    let created = create_permit_type_in(&o.db, &o.session, &good)?;
    assert!(!created.in_use);
    Ok(())
}

#[test]
fn an_admin_edits_the_catalogue_calendar_and_accounts_and_reads_the_audit(
) -> Result<(), Box<dyn std::error::Error>> {
    let o = office("works")?;
    let (db, session) = (&o.db, &o.session);
    let sipd = catalogue_in(db, session)?
        .into_iter()
        .find(|e| e.permit_type.code == "SIPD")
        .ok_or("SIPD is in the catalogue")?;
    assert!(sipd.in_use, "the demo has SIPD cases");
    let preview = |id, template: &str| NumberPreview {
        id,
        template: template.into(),
        code: "SIPX".into(),
        classification: "503".into(),
    };
    let next = preview_number_in(
        db,
        session,
        &preview(Some(sipd.permit_type.id), "{kode}-{seq:3}"),
    )?;
    assert!(next.starts_with("SIPD-"), "{next}");
    let new = preview_number_in(db, session, &preview(None, "{klasifikasi}/{seq:4}/{kode}"))?;
    assert_eq!(new, "503/0001/SIPX");
    let bad = preview_number_in(db, session, &preview(None, "{kode}"));
    assert_eq!(
        refusal(bad),
        ("invalid", Some("number_template".to_string()))
    );
    assert_eq!(
        code(delete_permit_type_in(db, session, sipd.permit_type.id)),
        "conflict"
    );
    let retired = set_permit_type_active_in(db, session, sipd.permit_type.id, false)?;
    assert!(!retired.permit_type.active);

    let year = holiday_year_in(db, session, 2026)?;
    assert!(!year.cuti_bersama_is_working);
    assert_eq!(
        refusal(holiday_year_in(db, session, 20260)).1.as_deref(),
        Some("year")
    );
    let monday = NaiveDate::from_ymd_opt(2026, 12, 7).ok_or("a day")?;
    let hari_jadi = HolidayInput {
        day: monday,
        name: "Hari Jadi Kabupaten".into(),
        kind: HolidayKind::National,
    };
    add_holiday_in(db, session, &hari_jadi)?;
    let after = holiday_year_in(db, session, 2026)?;
    assert_eq!(after.holidays.len(), year.holidays.len() + 1);
    remove_holiday_in(db, session, monday)?;
    let bad = import_holidays_in(
        db,
        session,
        2027,
        "day,name,kind\n2026-01-01,Tahun Baru,national\n",
    );
    assert_eq!(refusal(bad).1.as_deref(), Some("file"));
    // As Excel saves it on an Indonesian computer: a byte-order mark and `;` between columns.
    let excel = "\u{feff}day;name;kind\r\n2027-01-01;Tahun Baru;national\r\n";
    import_holidays_in(db, session, 2027, excel)?;
    assert_eq!(holiday_year_in(db, session, 2027)?.holidays.len(), 1);

    let users = list_users_in(db, session)?;
    let loket = users
        .iter()
        .find(|u| u.username == "loket1")
        .ok_or("loket1")?;
    let weak = reset_password_in(db, session, loket.id, "pendek");
    assert_eq!(refusal(weak), ("invalid", Some("password".to_string())));
    reset_password_in(db, session, loket.id, "rahasia-baru-123")?;
    assert!(!set_user_active_in(db, session, loket.id, false)?.active);
    let me = users
        .iter()
        .find(|u| u.username == "admin")
        .ok_or("admin")?;
    assert_eq!(
        code(change_role_in(db, session, me.id, Role::Clerk)),
        "invalid"
    );

    let mine = audit_log_in(
        db,
        session,
        &AuditQuery {
            user: Some("admin".into()),
            ..Default::default()
        },
    )?;
    assert!(mine.iter().any(|e| e.action == "user.deactivate"));
    assert!(mine.iter().all(|e| e.actor.as_deref() == Some("admin")));
    let unknown = audit_log_in(
        db,
        session,
        &AuditQuery {
            case_number: Some("REG-1999-999999".into()),
            ..Default::default()
        },
    );
    assert_eq!(refusal(unknown).1.as_deref(), Some("case_number"));
    assert!(verify_audit_in(db, session)?.ok);
    Ok(())
}
