//! Schema 13 (the dashboards' covering indexes) upgrades a frozen register of schema 12 on either engine:
//! the SQLite file a desk kept, or the server register an office kept (a `pg_dump` loaded into an empty
//! database). Afterwards the indexes are there, the dashboards count every permit they must, and the
//! audit chain still verifies.

use std::io::Read;

use petromaks::cases::{self, Status};
use petromaks::db::{self, Address, Db, Engine};
use petromaks::people::{applicants, users};
use petromaks::van::{self, Recipient};
use petromaks::{audit, office};

use crate::support::{self, monday};

/// The frozen fixture `name` of tests/fixtures, unzipped.
pub(crate) fn gunzip(name: &str) -> Vec<u8> {
    let gz = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let mut bytes = Vec::new();
    flate2::read::GzDecoder::new(std::fs::File::open(gz).expect("the fixture"))
        .read_to_end(&mut bytes)
        .expect("gunzip");
    bytes
}

/// The frozen register of schema 12 on this run's engine, not yet opened by this program.
pub(crate) fn frozen_v12() -> support::Scratch {
    let s = support::register::empty();
    match &s.address {
        Address::File(path) => {
            std::fs::write(path, gunzip("register-v12.sqlite.gz")).expect("write");
            assert_eq!(db::file::header(path).expect("header").user_version, 12);
        }
        Address::Server(url) => {
            let dump = String::from_utf8(gunzip("register-v12.postgres.sql.gz")).expect("utf-8");
            let mut c = postgres::Client::connect(url, postgres::NoTls).expect("connect");
            c.batch_execute(&dump)
                .expect("load the frozen server register");
        }
    }
    s
}

fn index_exists(db: &Db, name: &str) -> bool {
    let sql = match db.engine() {
        Engine::Sqlite => "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = ?1",
        Engine::Postgres => "SELECT count(*) FROM pg_indexes WHERE indexname = ?1",
    };
    support::count(db, sql, &[&name]) == 1
}

#[test]
fn a_register_of_schema_12_gets_the_dashboard_indexes_and_its_dashboards_count_every_permit() {
    let s = frozen_v12();
    let mut db = Db::open(&s.address).expect("open and migrate");
    let up = db.upgrade().cloned().expect("migrated");
    assert_eq!((up.from, up.to), (12, db::latest_version()));
    for index in ["cases_undelivered", "cases_expiring"] {
        assert!(index_exists(&db, index), "{index}");
    }
    assert_eq!(support::count(&db, "SELECT count(*) FROM cases", &[]), 80);

    let now = monday();
    let waiting = support::count(
        &db,
        "SELECT count(*) FROM cases WHERE status IN ('issued', 'out_for_delivery')",
        &[],
    );
    assert!(waiting > 0, "the demo left permits to deliver");
    let undelivered = |db: &Db| -> i64 {
        van::dashboards::undelivered(db, now)
            .expect("undelivered")
            .iter()
            .map(|v| {
                assert_eq!(v.total, v.up_to_7_days + v.days_8_to_30 + v.over_30_days);
                i64::from(v.total)
            })
            .sum()
    };
    assert_eq!(undelivered(&db), waiting);

    let today = office::today(&db, now).expect("today");
    let until = today + chrono::Days::new(u64::from(van::dashboards::MAX_EXPIRING_DAYS));
    let expiring = support::count(
        &db,
        "SELECT count(*) FROM cases WHERE valid_until BETWEEN ?1 AND ?2",
        &[&today, &until],
    );
    assert!(expiring > 0, "the demo issued permits");
    let listed: i64 = van::dashboards::expiring(&db, now, van::dashboards::MAX_EXPIRING_DAYS)
        .expect("expiring")
        .iter()
        .map(|v| i64::from(v.count))
        .sum();
    assert_eq!(listed, expiring);

    // A permit collected at the counter leaves the undelivered dashboard at once.
    let waiting_one = cases::list(
        &db,
        &cases::CaseFilter {
            status: Some(Status::Issued),
            limit: Some(1),
            ..Default::default()
        },
    )
    .expect("list");
    let holder = applicants::get(
        &db,
        cases::get(&db, waiting_one[0].id)
            .expect("case")
            .applicant_id,
    )
    .expect("holder");
    let clerk = users::actor(&db, "loket1").expect("the demo clerk");
    van::collect_at_counter(
        &mut db,
        &clerk,
        now,
        waiting_one[0].id,
        &Recipient::Holder { nik: holder.nik },
    )
    .expect("collected");
    assert_eq!(undelivered(&db), waiting - 1);

    let admin = users::actor(&db, "admin").expect("admin");
    let v = audit::verify(&db, &admin, &[]).expect("verify");
    assert!(v.ok, "{v:?}");
}
