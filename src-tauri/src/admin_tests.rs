//! The administration commands refuse anyone but an admin, and do their work for an admin.

use chrono::NaiveDate;
use petromaks::holidays::{HolidayInput, HolidayKind};
use petromaks::users::{Role, UserId};

use crate::account::sign_in_in;
use crate::admin::*;
use crate::admin_people::*;
use crate::session::Session;
use crate::state::Database;
use crate::testing::{self, TempOffice, ADMIN_PASSWORD};

fn office(name: &str) -> Result<(TempOffice, Database, Session), Box<dyn std::error::Error>> {
    testing::office(&format!("admin-{name}"), Some(12))
}

fn code<T>(result: Result<T, crate::error::CommandError>) -> &'static str {
    match result {
        Ok(_) => "ok",
        Err(e) => e.code,
    }
}

#[test]
fn a_non_admin_is_refused_every_admin_command() -> Result<(), Box<dyn std::error::Error>> {
    let (_dir, db, session) = office("refused")?;
    sign_in_in(&db, &session, "admin", ADMIN_PASSWORD)?;
    let sipd = catalogue_in(&db, &session)?
        .into_iter()
        .find(|e| e.permit_type.code == "SIPD")
        .ok_or("SIPD is in the catalogue")?;
    let id = sipd.permit_type.id;
    let input: petromaks::permit_types::PermitTypeInput =
        serde_json::from_value(serde_json::json!({
            "code": "SIPX", "name": "Izin Percobaan", "title": "SURAT IZIN PERCOBAAN",
            "requirements": [["KTP", true]], "sla_days": 5, "validity_months": null,
            "classification": "503", "number_template": "{klasifikasi}/{seq:4}/{kode}/{yyyy}",
            "number_reset": "yearly"
        }))?;
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
    sign_in_in(&db, &session, "loket1", petromaks::demo::DEMO_PASSWORD)?;
    let refused = [
        code(catalogue_in(&db, &session)),
        code(create_permit_type_in(&db, &session, &input)),
        code(update_permit_type_in(&db, &session, id, &input)),
        code(set_permit_type_active_in(&db, &session, id, false)),
        code(delete_permit_type_in(&db, &session, id)),
        code(preview_number_in(&db, &session, &preview)),
        code(holiday_year_in(&db, &session, 2026)),
        code(add_holiday_in(&db, &session, &holiday)),
        code(edit_holiday_in(&db, &session, day, &holiday)),
        code(remove_holiday_in(&db, &session, day)),
        code(set_cuti_bersama_in(&db, &session, true)),
        code(import_holidays_in(&db, &session, 2027, "day,name,kind\n")),
        code(set_user_active_in(&db, &session, UserId(1), false)),
        code(reset_password_in(
            &db,
            &session,
            UserId(1),
            "rahasia-baru-123",
        )),
        code(change_role_in(&db, &session, UserId(1), Role::Clerk)),
        code(audit_log_in(&db, &session, &AuditQuery::default())),
        code(verify_audit_in(&db, &session)),
    ];
    assert_eq!(refused, ["forbidden"; 17]);
    session.clear()?;
    assert_eq!(code(verify_audit_in(&db, &session)), "signed_out");
    Ok(())
}

#[test]
fn an_admin_edits_the_catalogue_calendar_and_accounts_and_reads_the_audit(
) -> Result<(), Box<dyn std::error::Error>> {
    let (_dir, db, session) = office("works")?;
    sign_in_in(&db, &session, "admin", ADMIN_PASSWORD)?;
    let sipd = catalogue_in(&db, &session)?
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
        &db,
        &session,
        &preview(Some(sipd.permit_type.id), "{kode}-{seq:3}"),
    )?;
    assert!(next.starts_with("SIPD-"), "{next}");
    let new = preview_number_in(
        &db,
        &session,
        &preview(None, "{klasifikasi}/{seq:4}/{kode}"),
    )?;
    assert_eq!(new, "503/0001/SIPX");
    let bad = preview_number_in(&db, &session, &preview(None, "{kode}"));
    assert_eq!(
        bad.map_err(|e| (e.code, e.field)),
        Err(("invalid", Some("number_template")))
    );
    let refused = delete_permit_type_in(&db, &session, sipd.permit_type.id);
    assert_eq!(code(refused), "conflict");
    let retired = set_permit_type_active_in(&db, &session, sipd.permit_type.id, false)?;
    assert!(!retired.permit_type.active);

    let year = holiday_year_in(&db, &session, 2026)?;
    assert!(!year.cuti_bersama_is_working);
    let monday = NaiveDate::from_ymd_opt(2026, 12, 7).ok_or("a day")?;
    add_holiday_in(
        &db,
        &session,
        &HolidayInput {
            day: monday,
            name: "Hari Jadi Kabupaten".into(),
            kind: HolidayKind::National,
        },
    )?;
    let after = holiday_year_in(&db, &session, 2026)?;
    assert_eq!(after.holidays.len(), year.holidays.len() + 1);
    remove_holiday_in(&db, &session, monday)?;
    let bad = import_holidays_in(
        &db,
        &session,
        2027,
        "day,name,kind\n2026-01-01,Tahun Baru,national\n",
    );
    assert_eq!(bad.map(|_| ()).map_err(|e| e.field), Err(Some("file")));
    import_holidays_in(
        &db,
        &session,
        2027,
        "day,name,kind\n2027-01-01,Tahun Baru,national\n",
    )?;
    assert_eq!(holiday_year_in(&db, &session, 2027)?.holidays.len(), 1);

    let users = crate::settings::list_users_in(&db, &session)?;
    let loket = users
        .iter()
        .find(|u| u.username == "loket1")
        .ok_or("loket1")?;
    let weak = reset_password_in(&db, &session, loket.id, "pendek");
    assert_eq!(
        weak.map_err(|e| (e.code, e.field)),
        Err(("invalid", Some("password")))
    );
    reset_password_in(&db, &session, loket.id, "rahasia-baru-123")?;
    assert!(!set_user_active_in(&db, &session, loket.id, false)?.active);
    let me = users
        .iter()
        .find(|u| u.username == "admin")
        .ok_or("admin")?;
    let last = change_role_in(&db, &session, me.id, Role::Clerk);
    assert_eq!(code(last), "invalid");

    let mine = audit_log_in(
        &db,
        &session,
        &AuditQuery {
            user: Some("admin".into()),
            ..Default::default()
        },
    )?;
    assert!(mine.iter().any(|e| e.action == "user.deactivate"));
    assert!(mine.iter().all(|e| e.actor.as_deref() == Some("admin")));
    let unknown = audit_log_in(
        &db,
        &session,
        &AuditQuery {
            case_number: Some("REG-1999-999999".into()),
            ..Default::default()
        },
    );
    assert_eq!(
        unknown.map(|_| ()).map_err(|e| e.field),
        Err(Some("case_number"))
    );
    assert!(verify_audit_in(&db, &session)?.ok);
    Ok(())
}
