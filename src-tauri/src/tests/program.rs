//! The program's own commands: the About dialog names the version and the register, and the admin (only
//! the admin) is told when the register's files are readable by other accounts and can make them private.

use std::os::unix::fs::PermissionsExt;

use super::fixture::{self, code};
use crate::commands::program::{about_in, privacy_check_in, privacy_fix_in, OwnFolders};

#[test]
fn the_about_dialog_names_the_version_the_register_and_the_licences(
) -> Result<(), Box<dyn std::error::Error>> {
    let o = fixture::office("program-about", None)?;
    let a = about_in(&o.db);
    assert_eq!(a.version, env!("CARGO_PKG_VERSION"));
    assert_eq!(a.engine, "file");
    assert!(a.register.ends_with("office.sqlite"), "{}", a.register);
    assert!(a.credits.iter().any(|c| c.licence == "ODbL-1.0"));
    Ok(())
}

#[test]
fn the_admin_is_told_of_a_readable_register_and_makes_it_private(
) -> Result<(), Box<dyn std::error::Error>> {
    let o = fixture::office("program-privacy", Some(0))?;
    let docs = o.docs();
    std::fs::create_dir_all(&docs)?;
    std::fs::set_permissions(&docs, std::fs::Permissions::from_mode(0o755))?;
    let own = OwnFolders(vec![docs.clone()]);
    let register = o.dir.path().join("office.sqlite");
    std::fs::set_permissions(&register, std::fs::Permissions::from_mode(0o644))?;

    let found = privacy_check_in(&o.db, &o.session, &own)?;
    let paths: Vec<_> = found.exposed.iter().map(|e| e.path.clone()).collect();
    assert!(paths.contains(&register), "{paths:?}");
    assert!(paths.contains(&docs), "{paths:?}");

    // A clerk is not told, and may not change it.
    o.sign_in("loket1")?;
    assert_eq!(code(privacy_check_in(&o.db, &o.session, &own)), "forbidden");
    assert_eq!(code(privacy_fix_in(&o.db, &o.session, &own)), "forbidden");

    o.sign_in("admin")?;
    let after = privacy_fix_in(&o.db, &o.session, &own)?;
    assert!(after.exposed.is_empty(), "{after:?}");
    let mode = |p: &std::path::Path| std::fs::metadata(p).map(|m| m.permissions().mode() & 0o777);
    assert_eq!((mode(&register)?, mode(&docs)?), (0o600, 0o700));
    Ok(())
}
