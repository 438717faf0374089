//! Every admin-only function of the core refuses anyone else when called directly (not just hidden in
//! the window): the staff list, the catalogue editor, the holiday calendar, the audit trail, backups and
//! restore, the office profile and demo data. A refusal is `forbidden` and changes nothing.

use chrono::NaiveDate;
use petromaks::catalogue::editor::{self, NumberPreview};
use petromaks::catalogue::{self, PermitTypeInput};
use petromaks::exchange::demo;
use petromaks::office::holidays::{self, HolidayInput, HolidayKind};
use petromaks::office::{self, Office};
use petromaks::people::access::{access, Screen};
use petromaks::people::{users, Actor, Role};
use petromaks::safety::{self, folder, restore, Keep};
use petromaks::{audit, Error};

use crate::support::{self, monday, Office1};

fn input(o: &Office1, code: &str) -> PermitTypeInput {
    let t = catalogue::by_code(&o.db, "SKP").expect("skp");
    PermitTypeInput {
        code: code.into(),
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

fn ok<T>(r: petromaks::Result<T>) -> petromaks::Result<()> {
    r.map(|_| ())
}

/// Each admin-only call, by name, made as `who`.
fn every_admin_call(o: &mut Office1, who: &Actor) -> Vec<(&'static str, petromaks::Result<()>)> {
    let skp = catalogue::by_code(&o.db, "SKP").expect("skp");
    let rek = catalogue::by_code(&o.db, "REK").expect("rek");
    let day = NaiveDate::from_ymd_opt(2026, 11, 24).expect("day");
    let holiday = HolidayInput {
        day,
        name: "Hari Jadi Kabupaten".into(),
        kind: HolidayKind::National,
    };
    let new_year = NaiveDate::from_ymd_opt(2026, 1, 1).expect("day");
    let dir = o.dir().join("cadangan");
    let out = o.dir().join("salinan.sqlite");
    let restored = o.dir().join("pulih.sqlite");
    let preview = NumberPreview {
        id: Some(skp.id),
        template: skp.number_template.clone(),
        code: skp.code.clone(),
        classification: skp.classification.clone(),
    };
    let (new_type, changed_type) = (input(o, "UJI"), input(o, "SKP"));
    let db = &mut o.db;
    let now = monday();
    vec![
        ("users::list", ok(users::list(db, who))),
        ("catalogue entries", ok(editor::entries(db, who))),
        (
            "catalogue create",
            ok(editor::create(db, who, now, &new_type)),
        ),
        (
            "catalogue update",
            ok(editor::update(db, who, now, skp.id, &changed_type)),
        ),
        (
            "catalogue retire",
            ok(editor::set_active(db, who, now, skp.id, false)),
        ),
        ("catalogue delete", ok(editor::delete(db, who, now, rek.id))),
        (
            "catalogue preview",
            ok(editor::preview_next_number(db, who, &preview, day)),
        ),
        ("holiday year", ok(holidays::year(db, who, 2026))),
        ("holiday add", ok(holidays::add(db, who, now, &holiday))),
        (
            "holiday edit",
            ok(holidays::edit(db, who, now, new_year, &holiday)),
        ),
        (
            "holiday remove",
            ok(holidays::remove(db, who, now, new_year)),
        ),
        (
            "holiday import",
            ok(holidays::import_year(
                db,
                who,
                now,
                2027,
                "day,name,kind\n2027-01-01,Tahun Baru,national\n",
            )),
        ),
        (
            "cuti bersama",
            ok(holidays::set_cuti_bersama_is_working(db, who, now, true)),
        ),
        ("audit list", ok(audit::list(db, who, &Default::default()))),
        ("audit verify", ok(audit::verify(db, who, &[]))),
        (
            "backup take",
            ok(folder::take(db, who, &dir, now, Keep::default())),
        ),
        ("backup list", ok(folder::list_for(who, &dir))),
        ("backup to a file", ok(safety::backup_to(db, who, &out))),
        (
            "restore",
            ok(restore::restore_as(who, &out, &restored, now)),
        ),
        (
            "office update",
            ok(office::update(db, who, now, &Office::banyuasin_example())),
        ),
        ("office logo", ok(office::set_logo(db, who, now, None))),
        ("demo generate", ok(demo::generate(db, who, now, 3, 1607))),
    ]
}

#[test]
fn every_admin_only_function_refuses_a_clerk_and_everyone_else() {
    let mut o = support::office();
    let before = o.fingerprint();
    for who in [
        o.clerk.clone(),
        o.verifier.clone(),
        o.signer.clone(),
        o.courier.clone(),
    ] {
        for (what, r) in every_admin_call(&mut o, &who) {
            match r {
                Err(Error::Forbidden(m)) => {
                    assert!(
                        m.contains(&who.username),
                        "{what}: names who was refused: {m}"
                    )
                }
                other => panic!("{what} as {}: expected forbidden, got {other:?}", who.role),
            }
        }
        assert_eq!(
            o.fingerprint(),
            before,
            "refusals change nothing ({})",
            who.role
        );
    }
    for f in ["cadangan", "salinan.sqlite", "pulih.sqlite"] {
        assert!(!o.dir().join(f).exists(), "a refused call wrote {f}");
    }
}

#[test]
fn the_admin_may_read_what_the_others_may_not() {
    let o = support::office();
    let admin = o.admin.clone();
    assert_eq!(users::list(&o.db, &admin).expect("users").len(), 5);
    assert!(editor::entries(&o.db, &admin).expect("entries").len() >= 6);
    assert!(!holidays::year(&o.db, &admin, 2026)
        .expect("year")
        .holidays
        .is_empty());
    assert!(!audit::list(&o.db, &admin, &Default::default())
        .expect("log")
        .is_empty());
    assert!(audit::verify(&o.db, &admin, &[]).expect("verify").ok);
    assert!(folder::list_for(&admin, &o.dir().join("none"))
        .expect("list")
        .is_empty());
}

#[test]
fn the_screens_of_each_role_come_from_the_core() {
    for role in Role::ALL {
        let a = access(*role);
        assert_eq!(a.role, *role);
        assert_eq!(
            a.screens.contains(&Screen::Admin),
            *role == Role::Admin,
            "{role}"
        );
        assert_eq!(
            a.screens.contains(&Screen::Batch),
            *role != Role::Verifier,
            "batch printing is not the verifier's ({role})"
        );
    }
}
