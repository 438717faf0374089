//! Bad van files are refused whole and change nothing (the office register's fingerprint, and the van
//! file itself): a file cut short, an outbox with an action taken out, an outbox payload altered with SQL,
//! a file from another office's check-out, a file of another schema version, and a plain office register
//! given as a van file. After all that the good file still checks in.

use std::path::{Path, PathBuf};

use petromaks::db::{latest_version, Db};
use petromaks::van::offline;

use crate::support::van::{at, checkout, trip_with, work, Plan, TRIP_DAY};
use crate::support::{self, refused, Office1};

const SMALL: Plan = Plan {
    registrations: 5,
    first_applicant: 1,
    holders: 2,
    proxies: 1,
    failures: 1,
    surveys: 1,
    pickups: 1,
    bags: 1,
};

/// A worked van file of office `o`.
fn van_file(o: &mut Office1, name: &str) -> PathBuf {
    let trip = trip_with(o, 4, 1, TRIP_DAY, 1);
    let path = checkout(o, trip.id, "VAN1", name);
    let mut van = Db::open_file(&path).expect("van");
    work(&mut van, &trip, &SMALL);
    path
}

/// A copy of `from` beside it, changed by `edit` (SQL on the copy, as someone with the file could).
fn edited(from: &Path, name: &str, edit: &str) -> PathBuf {
    let to = from.with_file_name(name);
    std::fs::copy(from, &to).expect("copy");
    let c = rusqlite::Connection::open(&to).expect("open the copy behind the app's back");
    c.execute_batch(edit).expect("edit");
    drop(c);
    to
}

fn sha(file: &Path) -> Vec<u8> {
    use sha2::Digest;
    sha2::Sha256::digest(std::fs::read(file).expect("read")).to_vec()
}

/// Checks `file` in and expects the refusal `code` with `says` in its message; nothing changes.
fn refused_whole(o: &mut Office1, file: &Path, code: &str, says: &str) {
    let before = o.fingerprint();
    let bytes = sha(file);
    let clerk = o.clerk.clone();
    let e = refused(
        offline::checkin(&mut o.db, &clerk, at(600), file, true, &mut |_, _| {}),
        code,
    );
    assert!(e.to_string().contains(says), "{}: {e}", file.display());
    assert_eq!(
        o.fingerprint(),
        before,
        "{} changed the office register",
        file.display()
    );
    assert!(sha(file) == bytes, "{} itself was changed", file.display());
}

#[test]
fn bad_van_files_are_refused_whole_and_change_nothing() {
    let mut o = support::office();
    let good = van_file(&mut o, "van.sqlite");
    let size = std::fs::metadata(&good).expect("size").len();

    // Cut short (a USB stick pulled while copying).
    let cut = good.with_file_name("cut.sqlite");
    let bytes = std::fs::read(&good).expect("read");
    std::fs::write(&cut, &bytes[..(size as usize / 2)]).expect("write");
    refused_whole(&mut o, &cut, "corrupt", "cut.sqlite");

    // An action taken out of the outbox.
    let gap = edited(&good, "gap.sqlite", "DELETE FROM outbox WHERE seq = 3");
    refused_whole(&mut o, &gap, "corrupt", "out of sequence");

    // An action's payload altered.
    let altered = edited(
        &good,
        "altered.sqlite",
        "UPDATE outbox SET payload = replace(payload, 'Pemohon', 'Pemalsu') WHERE kind = 'register' AND seq = 2",
    );
    refused_whole(
        &mut o,
        &altered,
        "corrupt",
        "was changed after it was recorded",
    );

    // Re-signed with another key is still not this check-out's.
    let rekeyed = edited(
        &good,
        "rekeyed.sqlite",
        "UPDATE outbox SET signature = (SELECT signature FROM outbox WHERE seq = 1) WHERE seq = 2",
    );
    refused_whole(
        &mut o,
        &rekeyed,
        "corrupt",
        "not signed by this van's check-out key",
    );

    // Another schema version.
    for v in [latest_version() - 1, latest_version() + 1] {
        let other = edited(
            &good,
            &format!("schema{v}.sqlite"),
            &format!("PRAGMA user_version = {v}"),
        );
        refused_whole(&mut o, &other, "corrupt", "another Petromaks version");
    }

    // A plain office register: a backup of this very office.
    let plain = good.with_file_name("kantor.sqlite");
    let admin = o.admin.clone();
    petromaks::safety::backup_to(&o.db, &admin, &plain).expect("backup");
    refused_whole(&mut o, &plain, "invalid", "is not a van's register");

    // A van file of another office's check-out (its own register and office key).
    let mut other = support::office_own_key();
    let foreign = van_file(&mut other, "foreign.sqlite");
    refused_whole(&mut o, &foreign, "forbidden", "never made");

    // A van file whose check-out id is this office's but whose office key is another's.
    let mixed = edited(
        &foreign,
        "mixed.sqlite",
        &format!(
            "UPDATE van_register SET checkout_id = '{}'",
            petromaks::van::offline::status(&Db::open_read_only(&good).expect("good"))
                .expect("status")
                .expect("van")
                .checkout_id
        ),
    );
    refused_whole(&mut o, &mixed, "forbidden", "does not match");

    // The good file, untouched by all that, checks in.
    let clerk = o.clerk.clone();
    let r = offline::checkin(&mut o.db, &clerk, at(600), &good, true, &mut |_, _| {})
        .expect("the good file checks in");
    assert_eq!((r.actions, r.conflicts), (12, 0));
}
