//! Staff accounts over the years: the password policy, deactivation that keeps history, resets, role
//! changes that never leave the office without an admin, and the sign-in lockout.

use chrono::Duration;
use petromaks::audit::{self, AuditFilter};
use petromaks::people::users::{self, NewUser};
use petromaks::people::{accounts, Role};

use crate::support::{self, cli_ok, monday, refused, refused_on, PASSWORD};

#[test]
fn the_password_policy_refuses_the_username_itself_and_a_single_kind_of_character() {
    for (pw, why) in [
        ("short-1", "10 characters"),
        ("Rina.Marlina-1", "username"),
        ("semuahurufkecil", "two kinds"),
        ("12345678901", "two kinds"),
    ] {
        let e = refused_on(accounts::check_password("rina.marlina-1", pw), "password");
        assert!(e.to_string().contains(why), "{pw}: {e}");
    }
    accounts::check_password("rina", "kantor perizinan").expect("letters and a space");
    let mut o = support::office();
    let admin = o.admin.clone();
    let before = o.fingerprint();
    let e = users::add(
        &mut o.db,
        &admin,
        monday(),
        &NewUser {
            username: "budi.santoso1".into(),
            full_name: "Budi Santoso".into(),
            role: Role::Clerk,
            password: "budi.santoso1".into(),
            nip: None,
        },
    )
    .expect_err("the username as password");
    assert_eq!((e.code(), e.field()), ("invalid", Some("password")));
    assert_eq!(o.fingerprint(), before);
}

#[test]
fn a_deactivated_user_keeps_history_and_cannot_act() {
    let mut o = support::office();
    o.issued_case("1607014508900001", "Siti Aminah");
    let admin = o.admin.clone();
    let rina = o.clerk.id;
    let u = accounts::set_active(&mut o.db, &admin, monday(), rina, false).expect("deactivate");
    assert!(!u.active);
    assert!(users::list(&o.db, &admin)
        .expect("list")
        .iter()
        .any(|u| u.username == "rina" && !u.active));
    assert_eq!(
        users::actor(&o.db, "rina").expect_err("inactive").code(),
        "forbidden"
    );
    assert_eq!(
        users::sign_in(&mut o.db, monday(), "rina", PASSWORD)
            .expect_err("inactive")
            .code(),
        "auth"
    );
    // The case events she wrote still name her.
    let hers = audit::list(
        &o.db,
        &admin,
        &AuditFilter {
            user: Some("rina".into()),
            ..Default::default()
        },
    )
    .expect("log");
    assert!(!hers.is_empty());
    let before = o.fingerprint();
    refused(
        accounts::set_active(&mut o.db, &admin, monday(), admin.id, false),
        "invalid",
    );
    let e = refused_on(
        accounts::change_role(&mut o.db, &admin, monday(), admin.id, Role::Clerk),
        "role",
    );
    assert!(e.to_string().contains("last active admin"), "{e}");
    assert_eq!(o.fingerprint(), before);
    let clerk = o.clerk.clone();
    let hendra = o.verifier.id;
    assert_eq!(
        accounts::set_active(&mut o.db, &clerk, monday(), hendra, false)
            .expect_err("clerk")
            .code(),
        "forbidden"
    );
}

#[test]
fn five_failures_lock_the_account_for_fifteen_minutes_and_are_logged() {
    let mut o = support::office();
    for _ in 0..5 {
        let e = users::sign_in(&mut o.db, monday(), "rina", "salah-sandi-99").expect_err("wrong");
        assert_eq!(e.code(), "auth");
    }
    let e = refused(
        users::sign_in(&mut o.db, monday(), "rina", PASSWORD),
        "forbidden",
    );
    assert!(e.to_string().contains("locked until"), "{e}");
    let later = monday() + Duration::minutes(14);
    refused(
        users::sign_in(&mut o.db, later, "rina", PASSWORD),
        "forbidden",
    );
    let after = monday() + Duration::minutes(16);
    users::sign_in(&mut o.db, after, "rina", PASSWORD).expect("unlocked");
    let admin = o.admin.clone();
    let log = audit::list(
        &o.db,
        &admin,
        &AuditFilter {
            action: Some("signin".into()),
            ..Default::default()
        },
    )
    .expect("log");
    assert_eq!(log.iter().filter(|e| e.action == "signin.fail").count(), 5);
    assert_eq!(
        log.iter().filter(|e| e.action == "signin.locked").count(),
        2
    );
    assert!(log
        .iter()
        .any(|e| e.detail.as_deref() == Some("account locked")));

    // An admin reset lifts a lockout at once.
    for _ in 0..5 {
        let _ = users::sign_in(&mut o.db, after, "rina", "salah-sandi-99");
    }
    let rina = o.clerk.id;
    accounts::reset_password(&mut o.db, &admin, after, rina, "sandi-baru-2026").expect("reset");
    users::sign_in(&mut o.db, after, "rina", "sandi-baru-2026").expect("new password");
}

#[test]
fn the_cli_changes_a_role_and_resets_a_password() {
    let o = support::office();
    let path = o.db_arg();
    let out = cli_ok(
        &path,
        &[
            "--as", "admin", "account", "role", "joko", "--role", "clerk",
        ],
    );
    assert!(out.contains("joko is now clerk"), "{out}");
    cli_ok(
        &path,
        &[
            "--as",
            "admin",
            "account",
            "reset-password",
            "joko",
            "--password",
            "sandi-baru-2026",
        ],
    );
    cli_ok(&path, &["--as", "admin", "account", "deactivate", "joko"]);
    let list = cli_ok(&path, &["--as", "admin", "user", "list"]);
    assert!(list.contains("(inactive)"), "{list}");
}
