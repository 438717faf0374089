//! The van's day offline through the window's commands: the clerk checks a trip out to the laptop (the
//! window switches to the van's file, where only the crew signs in and only field work is offered), the
//! courier registers with a VAN1 receipt and records deliveries, the office recalls one leased permit
//! meanwhile, the check-in brings the day back (one conflict) and switches the window to the office, and
//! the clerk resolves the conflict on the review list. Also: switching register by hand, and a CA path the
//! webview made up.

use chrono::Utc;
use petromaks::db::{Address, Db, ServerSettings};
use petromaks::people::access::{Place, Screen, Work};
use petromaks::people::users;
use petromaks::van::offline::{self, Decision, Resolution};
use petromaks::van::{NewTrip, Outcome, Recipient};

use super::fixture::{self, code, refusal};
use super::register::application;
use crate::commands::account::session_info_in;
use crate::commands::cases::case_detail_in;
use crate::commands::connection::{
    register_settings_in, register_status_in, test_server_in, use_local_register_in,
};
use crate::commands::register::register_case_in;
use crate::commands::review::{resolve_conflict_in, van_conflicts_in};
use crate::commands::sync::{checkin_van_in, checkout_trip_in, sync_screen_in};
use crate::commands::van::{assign_village_in, create_trip_in, plan_choices_in};
use crate::commands::van_road::record_delivery_in;
use crate::state::{Ca, Chosen, OfficeFile, Remembered};

#[test]
fn a_day_in_the_field_from_check_out_to_review() -> Result<(), Box<dyn std::error::Error>> {
    let o = fixture::office("offline-day", Some(40))?;
    let office_file = o.dir.path().join("office.sqlite");
    let remembered = Remembered::beside(&o.dir.path().join("appdata").join("petromaks.sqlite"));
    let chosen = Chosen::<OfficeFile>::default();
    o.sign_in("loket1")?;
    let choices = plan_choices_in(&o.db, &o.session)?;
    let villages: Vec<String> = choices
        .villages
        .iter()
        .take(3)
        .map(|v| v.village_code.clone())
        .collect();
    let trip = create_trip_in(
        &o.db,
        &o.session,
        &NewTrip {
            date: petromaks::time::day(choices.today),
            vehicle: "BG 1234 XY".into(),
            crew: vec!["keliling1".into()],
            villages: villages.clone(),
            note: None,
        },
    )?;
    let mut permits = Vec::new();
    for v in &villages {
        let page = assign_village_in(&o.db, &o.session, trip, v)?;
        permits = page
            .detail
            .stops
            .iter()
            .flat_map(|s| s.permits.iter().map(|p| p.case_id))
            .collect();
    }
    assert!(permits.len() >= 2, "two permits on the trip: {permits:?}");
    let screen = sync_screen_in(&o.db, &o.session, &chosen)?;
    assert_eq!(screen.place, Place::Office);
    let listed = screen
        .trips
        .iter()
        .find(|t| t.trip.id == trip)
        .ok_or("the trip is listed")?;
    assert_eq!(listed.checked_out_to, None);

    let out = checkout_trip_in(&o.db, &o.session, &remembered, trip, "VAN1")?;
    let van_file = o.db.address().file().ok_or("a file")?.to_path_buf();
    assert!(
        van_file.starts_with(remembered.van_dir()),
        "{}",
        van_file.display()
    );
    assert_eq!(out.file, van_file.display().to_string());
    assert!(
        o.session.current()?.is_none(),
        "the clerk is no crew: signed out on the van's file"
    );
    assert_eq!(
        remembered.choice().map(|c| c.address),
        Some(van_file.display().to_string())
    );

    // On the laptop: only the crew signs in, and only field work is offered.
    assert_eq!(code(fixture::TestOffice::sign_in(&o, "loket1")), "auth");
    o.sign_in("keliling1")?;
    let info = session_info_in(&o.db, &o.session)?;
    assert_eq!(info.place, Place::Van);
    assert!(info.screens.contains(&Screen::Register) && info.screens.contains(&Screen::Sync));
    assert!(!info.screens.contains(&Screen::Batch));
    assert!(info.work.contains(&Work::RecordDeliveries) && !info.work.contains(&Work::DriveTrips));
    let status = register_status_in(&o.db)?;
    let van = status.van.ok_or("the banner's van status")?;
    assert_eq!((van.trip_id, van.pending), (trip, 0));
    let detail = case_detail_in(&o.db, &o.session, permits[0])?;
    assert!(
        detail.moves.is_empty() && detail.steps.is_empty(),
        "no case steps in the van"
    );

    let input = application("1607014508900001", Some("van-2026-0001-efgh"), "van")?;
    let registered = register_case_in(&o.db, &o.session, &o.outputs, &input)?.registered;
    assert!(
        registered.registration_number.starts_with("VAN1/"),
        "{}",
        registered.registration_number
    );
    // Meanwhile the office hands the second permit over at the counter: recalled from the van.
    {
        let mut office = Db::open_file(&office_file)?;
        let clerk = users::actor(&office, "loket1")?;
        offline::recall(
            &mut office,
            &clerk,
            Utc::now(),
            permits[1],
            "diambil di loket",
        )?;
    }
    for case in &permits[..2] {
        let nik = o.db.with(|db| {
            let c = petromaks::cases::get(db, *case)?;
            Ok(petromaks::people::applicants::get(db, c.applicant_id)?.nik)
        })?;
        let handed = Outcome::Delivered {
            recipient: Recipient::Holder { nik },
        };
        record_delivery_in(&o.db, &o.session, trip, *case, &handed)?;
    }
    let van = register_status_in(&o.db)?.van.ok_or("still a van")?;
    assert_eq!(van.pending, 3, "a registration and two handovers wait");

    let report = checkin_van_in(
        &o.db,
        &o.session,
        &remembered,
        &chosen,
        false,
        true,
        &mut |_| {},
    )?;
    assert_eq!(
        (report.actions, report.applied, report.conflicts),
        (3, 2, 1)
    );
    assert!(report.finished);
    assert_eq!(
        o.db.address(),
        Address::File(office_file.clone()),
        "back on the office register"
    );
    assert_eq!(
        o.session.current()?.map(|a| a.username),
        Some("keliling1".into()),
        "the crew stays signed in"
    );

    o.sign_in("loket1")?;
    let open = van_conflicts_in(&o.db, &o.session, false)?;
    assert_eq!(open.len(), 1);
    let c = &open[0];
    assert_eq!(
        (c.conflict.kind.as_str(), c.conflict.van_actor.as_str()),
        ("not_on_trip", "keliling1")
    );
    assert_eq!(c.decisions, vec![Decision::Apply, Decision::Dismiss]);
    assert!(c.permit_number.is_some() && c.holder.is_some());
    let dismissed = Resolution::Dismiss {
        reason: "sudah diserahkan di loket".into(),
    };
    let done = resolve_conflict_in(&o.db, &o.session, c.conflict.id, &dismissed)?;
    assert_eq!(done.conflict.status, "dismissed");
    assert!(done.decisions.is_empty());
    assert!(van_conflicts_in(&o.db, &o.session, false)?.is_empty());
    o.sign_in("keliling1")?;
    assert_eq!(
        code(van_conflicts_in(&o.db, &o.session, false)),
        "forbidden"
    );
    Ok(())
}

#[test]
fn the_window_switches_register_and_refuses_a_made_up_ca() -> Result<(), Box<dyn std::error::Error>>
{
    let o = fixture::office("offline-switch", None)?;
    let remembered = Remembered::beside(&o.dir.path().join("appdata").join("petromaks.sqlite"));
    let ca = Chosen::<Ca>::default();
    o.sign_in("admin")?;
    let shown = use_local_register_in(&o.db, &o.session, &remembered)?;
    assert_eq!(shown, remembered.local().display().to_string());
    assert!(remembered.local().exists(), "a new local register is made");
    assert!(
        o.session.current()?.is_none(),
        "another register: signed out"
    );
    assert!(session_info_in(&o.db, &o.session)?.setup_needed);
    let settings = register_settings_in(&o.db, &remembered, &ca);
    assert_eq!(
        (settings.engine, settings.in_use.as_str()),
        ("file", shown.as_str())
    );

    let server = ServerSettings {
        host: "127.0.0.1".into(),
        port: 1,
        database: "petromaks".into(),
        user: "loket".into(),
        sslmode: "verify-full".into(),
        sslrootcert: Some("/etc/ssl/certs/made-up.pem".into()),
    };
    assert_eq!(
        refusal(test_server_in(&remembered, &ca, &server, Some("x"))),
        ("invalid", Some("sslrootcert".into()))
    );
    let plain = ServerSettings {
        sslmode: "disable".into(),
        sslrootcert: None,
        ..server
    };
    let probe = test_server_in(&remembered, &ca, &plain, Some("x"))?;
    assert_eq!(format!("{:?}", probe.verdict), "Unreachable");
    assert!(!probe.address.contains(":x@"), "{}", probe.address);
    Ok(())
}
