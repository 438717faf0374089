//! The van's day offline, built through the core: permits issued in three villages and put on a trip with
//! pick-up requests, the trip checked out to a van register file, and a day of field work on that file —
//! registrations with receipts, handovers to holders and proxies, failures, bags, surveys and pick-up
//! outcomes — each at its own moment of the van's clock. The day tests, the kill test, the conflict tests
//! and the bad-file tests share it.

use std::path::PathBuf;

use chrono::{DateTime, Duration, Utc};
use petromaks::cases::{CaseId, NewCase};
use petromaks::db::Db;
use petromaks::documents;
use petromaks::people::users;
use petromaks::people::Actor;
use petromaks::van::offline;
use petromaks::van::survey::{self, Answers};
use petromaks::van::{
    self, FailReason, FieldIntake, NewPickup, NewTrip, Outcome, PickupId, PickupOutcome, Recipient,
    TripId,
};

use super::{monday, sipd, Office1};

/// The trip's villages (Banyuasin's first district).
pub const VILLAGES: [&str; 3] = ["16.07.01.2003", "16.07.01.2001", "16.07.01.2002"];

/// Monday's office day, the trip's date.
pub const TRIP_DAY: &str = "2026-11-23";

/// `minutes` after the office opened on Monday (09:00 WIB).
pub fn at(minutes: i64) -> DateTime<Utc> {
    monday() + Duration::minutes(minutes)
}

/// A trip that is planned with its permits on it.
pub struct Trip {
    pub id: TripId,
    /// The permits on it, in the order they were issued.
    pub permits: Vec<CaseId>,
    /// Each permit's holder's NIK.
    pub holders: Vec<String>,
    pub pickups: Vec<PickupId>,
}

/// The NIK of office applicant `serial` (a woman born 5 August 1990).
pub fn office_nik(serial: u32) -> String {
    format!(
        "1607014508{:02}{:04}",
        90 + serial / 10_000,
        serial % 10_000
    )
}

/// The NIK of field applicant `i` (a woman born 2 March 1995).
pub fn field_nik(i: u32) -> String {
    format!("1607014203{:02}{:04}", 95 + i / 10_000, i % 10_000)
}

/// Issues `permits` SIPD permits to holders spread over the three villages (serials from `first`), plans
/// a trip there on `date` with the courier joko, puts them on it, and files `pickups` pick-up requests in
/// its villages.
pub fn trip_with(o: &mut Office1, permits: usize, pickups: usize, date: &str, first: u32) -> Trip {
    let mut ids = Vec::new();
    let mut holders = Vec::new();
    for k in 0..permits as u32 {
        let nik = office_nik(first + k);
        let mut input = sipd(&nik, &format!("dr. Pemegang {}", first + k));
        input.applicant.village_code = Some(VILLAGES[k as usize % 3].into());
        ids.push(o.issued_case_from(&input));
        holders.push(nik);
    }
    let clerk = o.clerk.clone();
    let id = van::create_trip(
        &mut o.db,
        &clerk,
        monday(),
        &NewTrip {
            date: date.into(),
            vehicle: "BG 1234 XY".into(),
            crew: vec!["joko".into()],
            villages: VILLAGES.iter().map(|v| v.to_string()).collect(),
            note: None,
        },
    )
    .expect("plan the trip");
    if !ids.is_empty() {
        van::assign(&mut o.db, &clerk, monday(), id, &ids).expect("put the permits on the trip");
    }
    let pickups = (0..pickups)
        .map(|k| {
            van::request_pickup(
                &mut o.db,
                &clerk,
                monday(),
                &NewPickup {
                    name: format!("Pemohon Jemput {k}"),
                    phone: None,
                    village_code: VILLAGES[k % 3].into(),
                    purpose: "SIPD baru".into(),
                },
            )
            .expect("pick-up request")
        })
        .collect();
    Trip {
        id,
        permits: ids,
        holders,
        pickups,
    }
}

/// Checks `trip` out to a new van file `name` in the test's folder, as the clerk.
pub fn checkout(o: &mut Office1, trip: TripId, van: &str, name: &str) -> PathBuf {
    let out = o.dir().join(name);
    let clerk = o.clerk.clone();
    offline::checkout(&mut o.db, &clerk, at(-30), trip, van, &out).expect("check out");
    out
}

/// The courier on the van's own register.
pub fn crew(van: &Db) -> Actor {
    users::actor(van, "joko").expect("the crew signs in on the van")
}

/// A field application of applicant `i`, in village `i % 3`.
pub fn field_case(i: u32) -> NewCase {
    let mut c = sipd(&field_nik(i), &format!("dr. Pemohon Desa {i}"));
    c.applicant.village_code = Some(VILLAGES[i as usize % 3].into());
    c
}

/// What the crew does on the day.
#[derive(Debug, Clone, Copy, Default)]
pub struct Plan {
    pub registrations: u32,
    /// Field applicants are numbered from here (two vans with the same applicant share numbers).
    pub first_applicant: u32,
    pub holders: usize,
    pub proxies: usize,
    pub failures: usize,
    pub surveys: usize,
    pub pickups: usize,
    pub bags: usize,
}

/// What the day left on the van.
pub struct Worked {
    /// The van's receipt number of each registration, in order.
    pub van_numbers: Vec<String>,
    /// Actions recorded in the outbox.
    pub actions: usize,
}

fn holder(nik: &str) -> Outcome {
    Outcome::Delivered {
        recipient: Recipient::Holder { nik: nik.into() },
    }
}

fn proxy(k: usize) -> Outcome {
    Outcome::Delivered {
        recipient: Recipient::Proxy {
            name: "Budi Santoso".into(),
            nik: format!("160701120385{:04}", k + 1),
            relation: "suami".into(),
            authority_letter: format!("SK/{k}/XI/2026"),
        },
    }
}

/// Works the day on the van file: the trip's permits in order go to holders, then proxies, then fail;
/// the first `surveys` handed-over ones are surveyed; the first `pickups` requests are closed; the first
/// `bags` new applications have their originals bagged. Each action a minute of the van's clock apart.
pub fn work(van: &mut Db, trip: &Trip, p: &Plan) -> Worked {
    let joko = crew(van);
    let mut minute = 0i64;
    let mut tick = || {
        minute += 1;
        at(60 + minute)
    };
    let mut van_numbers = Vec::new();
    let mut van_ids = Vec::new();
    for i in 0..p.registrations {
        let r = documents::register_with_receipt(
            van,
            &joko,
            tick(),
            &field_case(p.first_applicant + i),
        )
        .expect("register in the field with a receipt");
        assert!(r.receipt_pdf.starts_with(b"%PDF"), "a receipt is printed");
        van_numbers.push(r.registered.registration_number.clone());
        van_ids.push(r.registered.id);
    }
    for (k, id) in van_ids.iter().take(p.bags).enumerate() {
        van::record_field_intake(
            van,
            &joko,
            tick(),
            trip.id,
            &FieldIntake {
                case_id: *id,
                bag_seal: format!("SEGEL-{:04}", k + 1),
                originals: vec![1, 2],
            },
        )
        .expect("bag the originals");
    }
    let handed = p.holders + p.proxies;
    for (k, (case, nik)) in trip
        .permits
        .iter()
        .zip(&trip.holders)
        .take(handed + p.failures)
        .enumerate()
    {
        let outcome = if k < p.holders {
            holder(nik)
        } else if k < handed {
            proxy(k)
        } else {
            Outcome::NotDelivered {
                reason: [FailReason::NotHome, FailReason::AddressNotFound][k % 2],
                note: Some("rumah kosong".into()),
            }
        };
        van::record_outcome(van, &joko, tick(), trip.id, *case, &outcome).expect("outcome");
    }
    for case in trip.permits.iter().take(p.surveys.min(handed)) {
        survey::record(
            van,
            &joko,
            tick(),
            *case,
            &Answers([4, 4, 3, 4, 3, 3, 4, 3, 3]),
        )
        .expect("survey");
    }
    for id in trip.pickups.iter().take(p.pickups) {
        van::close_pickup(van, &joko, tick(), *id, PickupOutcome::Collected, None)
            .expect("pick-up outcome");
    }
    let actions = offline::status(van)
        .expect("status")
        .expect("a van register")
        .recorded as usize;
    Worked {
        van_numbers,
        actions,
    }
}

impl Office1 {
    /// Registers `input` as the clerk and takes it to `issued`.
    pub fn issued_case_from(&mut self, input: &NewCase) -> CaseId {
        let id = self.register(input);
        self.issue(id);
        id
    }
}
