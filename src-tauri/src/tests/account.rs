//! Signing in and out, what a role may open, the case screen's generic steps, and the counter handover.

use petromaks::cases::{CaseFilter, CaseId, Move, Status};
use petromaks::office::Office;
use petromaks::people::access::Screen;
use petromaks::people::{NewUser, Role};
use petromaks::van::Recipient;

use super::fixture::{self, code, refusal, TestOffice};
use crate::commands::account::{session_info_in, sign_in_in};
use crate::commands::cases::{case_detail_in, list_cases_in, move_case_in, today_strip_in};
use crate::commands::counter::collect_case_in;
use crate::commands::office::update_office_in;
use crate::commands::people::add_user_in;
use crate::error::CommandError;

fn office(name: &str) -> Result<TestOffice, Box<dyn std::error::Error>> {
    fixture::office(&format!("account-{name}"), Some(40))
}

fn with_status(o: &TestOffice, status: Status) -> Result<Vec<CaseId>, CommandError> {
    let filter = CaseFilter {
        status: Some(status),
        ..Default::default()
    };
    Ok(list_cases_in(&o.db, &o.session, &filter)?
        .into_iter()
        .map(|c| c.id)
        .collect())
}

#[test]
fn signing_in_answers_the_screens_of_the_role() -> Result<(), Box<dyn std::error::Error>> {
    let o = fixture::office("account-screens", None)?;
    let info = session_info_in(&o.db, &o.session)?;
    assert!(!info.setup_needed);
    assert!(info.screens.contains(&Screen::Admin), "{:?}", info.screens);
    let signed = sign_in_in(&o.db, &o.session, "admin", fixture::ADMIN_PASSWORD)?;
    assert_eq!(signed.actor.role, Role::Admin);
    assert_eq!(signed.screens, info.screens);
    let json = serde_json::to_value(&signed)?;
    assert_eq!(json["username"], "admin");
    assert!(json["screens"]
        .as_array()
        .is_some_and(|s| s.iter().any(|v| v == "admin")));
    o.session.clear()?;
    let info = session_info_in(&o.db, &o.session)?;
    assert!(info.user.is_none() && info.screens.is_empty());
    Ok(())
}

#[test]
fn a_step_the_role_may_not_take_is_hidden_and_refused() -> Result<(), Box<dyn std::error::Error>> {
    let o = office("roles")?;
    let id = *with_status(&o, Status::Received)?
        .first()
        .ok_or("the demo has a received case")?;
    o.sign_in("loket1")?;
    let detail = case_detail_in(&o.db, &o.session, id)?;
    assert!(
        detail.moves.iter().all(|m| m.to != Status::Verified),
        "a clerk is not offered to declare a file complete"
    );
    let step = Move {
        to: Status::Verified,
        reason: None,
    };
    assert_eq!(
        code(move_case_in(&o.db, &o.session, id, &step)),
        "forbidden"
    );
    let after = case_detail_in(&o.db, &o.session, id)?;
    assert_eq!(after.case.status, Status::Received, "nothing changed");
    Ok(())
}

#[test]
fn the_delivery_steps_are_refused_through_the_generic_move(
) -> Result<(), Box<dyn std::error::Error>> {
    let o = office("delivery-steps")?;
    let issued = *with_status(&o, Status::Issued)?
        .first()
        .ok_or("the demo has an issued case")?;
    let out = *with_status(&o, Status::OutForDelivery)?
        .first()
        .ok_or("the demo has a case out for delivery")?;
    o.sign_in("loket1")?;
    for (id, to) in [
        (issued, Status::PickedUp),
        (issued, Status::OutForDelivery),
        (out, Status::Delivered),
        (issued, Status::Delivered),
    ] {
        let before = case_detail_in(&o.db, &o.session, id)?;
        assert!(before.moves.iter().all(|m| m.to != to), "not offered: {to}");
        let step = Move { to, reason: None };
        let refused = move_case_in(&o.db, &o.session, id, &step);
        assert_eq!(
            code(refused),
            "transition",
            "{} to {to}",
            before.case.status
        );
        let after = case_detail_in(&o.db, &o.session, id)?;
        assert_eq!(after.case.status, before.case.status, "nothing changed");
        assert_eq!(after.events.len(), before.events.len(), "nothing audited");
    }
    Ok(())
}

#[test]
fn the_holder_collects_with_their_own_nik_only_and_only_from_a_clerk(
) -> Result<(), Box<dyn std::error::Error>> {
    let o = office("counter")?;
    let issued = list_cases_in(
        &o.db,
        &o.session,
        &CaseFilter {
            status: Some(Status::Issued),
            ..Default::default()
        },
    )?;
    let case = issued.first().ok_or("the demo has an issued case")?;
    let all = list_cases_in(&o.db, &o.session, &CaseFilter::default())?;
    let other = all
        .iter()
        .map(|c| c.applicant_nik.clone())
        .find(|nik| *nik != case.applicant_nik)
        .ok_or("another applicant")?;
    o.sign_in("loket1")?;
    let holder = collect_case_in(
        &o.db,
        &o.session,
        case.id,
        &Recipient::Holder { nik: other },
    );
    assert_eq!(code(holder), "invalid");
    let nik = case.applicant_nik.clone();
    o.sign_in("kasi")?;
    let refused = collect_case_in(
        &o.db,
        &o.session,
        case.id,
        &Recipient::Holder { nik: nik.clone() },
    );
    assert_eq!(code(refused), "forbidden");
    o.sign_in("loket1")?;
    let done = collect_case_in(&o.db, &o.session, case.id, &Recipient::Holder { nik })?;
    assert_eq!(done.case.status, Status::PickedUp);
    assert!(done
        .events
        .iter()
        .any(|e| e.to_status == Some(Status::PickedUp) && e.actor == "loket1"));
    Ok(())
}

#[test]
fn the_today_strip_counts_and_lists_the_same_cases() -> Result<(), Box<dyn std::error::Error>> {
    let o = office("today")?;
    o.sign_in("kasi")?;
    let tiles = today_strip_in(&o.db, &o.session)?;
    assert!(!tiles.is_empty());
    for tile in tiles {
        let listed = list_cases_in(&o.db, &o.session, &tile.filter)?;
        assert_eq!(listed.len() as u64, tile.count, "{:?}", tile.key);
    }
    o.session.clear()?;
    assert_eq!(code(today_strip_in(&o.db, &o.session)), "signed_out");
    Ok(())
}

#[test]
fn only_an_admin_adds_users_or_changes_the_office() -> Result<(), Box<dyn std::error::Error>> {
    let o = office("settings")?;
    let clerk = NewUser {
        username: "loket9".into(),
        full_name: "Loket Sembilan".into(),
        role: Role::Clerk,
        password: "rahasia-loket-9".into(),
        nip: None,
    };
    o.sign_in("loket1")?;
    assert_eq!(code(add_user_in(&o.db, &o.session, &clerk)), "forbidden");
    let mut profile = Office::banyuasin_example();
    profile.phone = "(0711) 1234567".into();
    assert_eq!(
        code(update_office_in(&o.db, &o.session, &profile)),
        "forbidden"
    );
    o.sign_in("admin")?;
    assert_eq!(add_user_in(&o.db, &o.session, &clerk)?.username, "loket9");
    assert_eq!(
        update_office_in(&o.db, &o.session, &profile)?.phone,
        "(0711) 1234567"
    );
    profile.head_nip = "123".into();
    let bad = update_office_in(&o.db, &o.session, &profile);
    assert_eq!(refusal(bad).0, "invalid");
    Ok(())
}

#[test]
fn nothing_is_done_for_a_window_nobody_is_signed_in_to() -> Result<(), Box<dyn std::error::Error>> {
    let o = office("signed-out")?;
    o.session.clear()?;
    assert_eq!(
        code(case_detail_in(&o.db, &o.session, CaseId(1))),
        "signed_out"
    );
    assert_eq!(
        code(list_cases_in(&o.db, &o.session, &CaseFilter::default())),
        "signed_out"
    );
    let wrong = sign_in_in(&o.db, &o.session, "admin", "not the password");
    assert_eq!(code(wrong), "auth");
    assert_eq!(o.session.current()?, None);
    Ok(())
}
