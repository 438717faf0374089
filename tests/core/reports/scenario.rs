//! The register every report test reads: October and November 2026 at the Banyuasin office, with a
//! holiday on Tuesday 13 October, cases in every status, files returned once and twice (before and after
//! they were declared complete), rejections with two reasons, permits issued on time and late, van
//! trips with deliveries to holders and a proxy and failures for three reasons, counter handovers,
//! surveys, a revoked permit, a case registered by a second clerk, and a withdrawal stamped on 31
//! October in UTC but on 1 November at the office.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use petromaks::cases::{self, CaseId, Channel, Move, NewCase, ServiceMode, Status};
use petromaks::catalogue::{self, FieldKind};
use petromaks::documents::verification;
use petromaks::office::holidays::{self, HolidayInput, HolidayKind};
use petromaks::people::applicants::ApplicantInput;
use petromaks::people::{Actor, Role};
use petromaks::van::survey::{self, Answers};
use petromaks::van::{self, FailReason, NewTrip, Outcome, Recipient, TripId};

use crate::support::{self, Office1};

/// Sungai Rebo and Merah Mata (Banyuasin I), Sungsang I (Banyuasin II).
pub const V1: &str = "16.07.01.2001";
pub const V2: &str = "16.07.01.2003";
pub const V3: &str = "16.07.02.2001";

/// `h`:00 at the office (WIB) on a day of 2026.
pub fn at(month: u32, day: u32, hour: u32) -> DateTime<Utc> {
    at_min(month, day, hour, 0)
}

pub fn at_min(month: u32, day: u32, hour: u32, minute: u32) -> DateTime<Utc> {
    let local = Utc
        .with_ymd_and_hms(2026, month, day, hour, minute, 0)
        .single()
        .expect("valid time");
    local - chrono::Duration::hours(7)
}

pub fn day(month: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, month, d).expect("day")
}

/// The office's day the tests read the reports on: Wednesday 2 December 2026.
pub fn now() -> DateTime<Utc> {
    at(12, 2, 10)
}

/// The register and who made it.
pub struct Mix {
    pub o: Office1,
    pub sari: Actor,
    pub cases: BTreeMap<&'static str, CaseId>,
}

/// A complete application for `code` with every required field filled and every document received.
fn application(
    o: &Office1,
    code: &str,
    serial: u32,
    name: &str,
    village: Option<&str>,
    channel: Channel,
) -> NewCase {
    let t = catalogue::by_code(&o.db, code).expect("type");
    let details = t
        .fields
        .iter()
        .filter(|f| f.required)
        .map(|f| {
            let v = match f.kind {
                FieldKind::Choice => f.choices.first().cloned().unwrap_or_default(),
                FieldKind::Number => "1".to_string(),
                FieldKind::Date => "2030-12-31".to_string(),
                FieldKind::Text => "Jl. Lintas Timur KM 18".to_string(),
            };
            (f.key.clone(), v)
        })
        .collect();
    NewCase {
        applicant: ApplicantInput {
            nik: format!("160701450890{serial:04}"),
            name: name.into(),
            birth_place: "Pangkalan Balai".into(),
            address: format!("Jl. Merdeka No. {serial}"),
            village_code: village.map(Into::into),
            phone: None,
            ..Default::default()
        },
        permit_type: code.into(),
        channel,
        service_mode: ServiceMode::New,
        received: t.requirements.iter().map(|r| r.position).collect(),
        details,
        submission_id: None,
    }
}

impl Mix {
    pub fn id(&self, name: &str) -> CaseId {
        self.cases[name]
    }

    fn register(&mut self, name: &'static str, who: &Actor, when: DateTime<Utc>, input: &NewCase) {
        let id = cases::register(&mut self.o.db, who, when, input)
            .unwrap_or_else(|e| panic!("register {name}: {e}"))
            .id;
        self.cases.insert(name, id);
    }

    fn step(
        &mut self,
        name: &str,
        who: Role,
        when: DateTime<Utc>,
        to: Status,
        reason: Option<&str>,
    ) {
        let actor = match who {
            Role::Clerk => self.o.clerk.clone(),
            Role::Verifier => self.o.verifier.clone(),
            Role::Signer => self.o.signer.clone(),
            Role::Courier => self.o.courier.clone(),
            Role::Admin => self.o.admin.clone(),
        };
        let id = self.id(name);
        cases::move_case(
            &mut self.o.db,
            &actor,
            when,
            id,
            &Move {
                to,
                reason: reason.map(Into::into),
            },
        )
        .unwrap_or_else(|e| panic!("{name} to {to}: {e}"));
    }

    /// Verified, approved and issued on the three days given (month, day).
    fn through(
        &mut self,
        name: &str,
        verified: (u32, u32),
        approved: (u32, u32),
        issued: (u32, u32),
    ) {
        self.step(
            name,
            Role::Verifier,
            at(verified.0, verified.1, 10),
            Status::Verified,
            None,
        );
        self.step(
            name,
            Role::Signer,
            at(approved.0, approved.1, 11),
            Status::Approved,
            None,
        );
        self.step(
            name,
            Role::Signer,
            at(issued.0, issued.1, 14),
            Status::Issued,
            None,
        );
    }

    fn trip(&mut self, date: (u32, u32), villages: &[&str], cases: &[&str]) -> TripId {
        let clerk = self.o.clerk.clone();
        let plan_at = at(date.0, date.1, 7);
        let trip = van::create_trip(
            &mut self.o.db,
            &clerk,
            plan_at,
            &NewTrip {
                date: format!("2026-{:02}-{:02}", date.0, date.1),
                vehicle: "BG 1607 PT".into(),
                crew: vec!["joko".into()],
                villages: villages.iter().map(|v| v.to_string()).collect(),
                note: None,
            },
        )
        .expect("plan trip");
        let ids: Vec<CaseId> = cases.iter().map(|c| self.id(c)).collect();
        if !ids.is_empty() {
            van::assign(&mut self.o.db, &clerk, plan_at, trip, &ids).expect("assign");
        }
        trip
    }

    fn start(&mut self, trip: TripId, date: (u32, u32)) {
        let courier = self.o.courier.clone();
        van::start_trip(&mut self.o.db, &courier, at(date.0, date.1, 8), trip).expect("start");
    }

    fn outcome(&mut self, trip: TripId, name: &str, when: DateTime<Utc>, outcome: Outcome) {
        let courier = self.o.courier.clone();
        let id = self.id(name);
        van::record_outcome(&mut self.o.db, &courier, when, trip, id, &outcome)
            .unwrap_or_else(|e| panic!("outcome of {name}: {e}"));
    }

    fn close(&mut self, trip: TripId, date: (u32, u32)) {
        let courier = self.o.courier.clone();
        van::close_trip(&mut self.o.db, &courier, at(date.0, date.1, 17), trip).expect("close");
    }

    fn holder(&self, name: &str) -> Outcome {
        Outcome::Delivered {
            recipient: Recipient::Holder {
                nik: self.nik(name),
            },
        }
    }

    fn nik(&self, name: &str) -> String {
        let c = cases::get(&self.o.db, self.id(name)).expect("case");
        petromaks::people::applicants::get(&self.o.db, c.applicant_id)
            .expect("applicant")
            .nik
    }

    fn survey(&mut self, name: &str, who: &Actor, when: DateTime<Utc>, answers: [u8; 9]) {
        let id = self.id(name);
        survey::record(&mut self.o.db, who, when, id, &Answers(answers))
            .unwrap_or_else(|e| panic!("survey of {name}: {e}"));
    }
}

fn proxy() -> Recipient {
    Recipient::Proxy {
        name: "Budi Santoso".into(),
        nik: "1607011203850002".into(),
        relation: "suami".into(),
        authority_letter: "SK/07/XI/2026".into(),
    }
}

/// Builds the register (about two seconds on a file).
pub fn build() -> Mix {
    let mut o = support::office();
    let sari = support::add_user(
        &mut o.db,
        &o.admin.clone(),
        "sari",
        "Sari Handayani",
        Role::Clerk,
    );
    let admin = o.admin.clone();
    holidays::add(
        &mut o.db,
        &admin,
        at(9, 1, 9),
        &HolidayInput {
            day: day(10, 13),
            name: "Libur daerah (uji)".into(),
            kind: HolidayKind::National,
        },
    )
    .expect("holiday");
    let mut m = Mix {
        o,
        sari: sari.clone(),
        cases: BTreeMap::new(),
    };
    let (clerk, courier) = (m.o.clerk.clone(), m.o.courier.clone());
    let counter = |m: &Mix, code, serial, name, village| {
        application(&m.o, code, serial, name, village, Channel::Counter)
    };
    let in_van = |m: &Mix, code, serial, name, village| {
        application(&m.o, code, serial, name, village, Channel::Van)
    };
    use Role::{Clerk, Signer, Verifier};
    use Status::*;

    // September: a van application issued on 1 October.
    let input = in_van(&m, "SIPD", 18, "dr. Rahmat Hidayat", Some(V2));
    m.register("R", &courier, at(9, 28, 10), &input);
    m.through("R", (9, 29), (10, 1), (10, 1));

    // October.
    let input = counter(&m, "REK", 16, "Toko Sinar Jaya", Some(V2));
    m.register("P", &clerk, at(10, 1, 9), &input);
    m.through("P", (10, 2), (10, 5), (10, 6));
    let input = counter(&m, "REK", 17, "Toko Maju Bersama", Some(V1));
    m.register("Q", &clerk, at(10, 1, 10), &input);
    m.through("Q", (10, 2), (10, 2), (10, 5));
    let input = counter(&m, "SIPD", 1, "dr. Siti Rahmawati", Some(V1));
    m.register("A", &clerk, at(10, 5, 9), &input);
    m.through("A", (10, 6), (10, 8), (10, 9));
    let input = counter(&m, "SIPD", 2, "dr. Nur Aisyah", Some(V1));
    m.register("B", &clerk, at(10, 5, 10), &input);
    m.step(
        "B",
        Verifier,
        at(10, 6, 9),
        Returned,
        Some("Fotokopi STR belum dilegalisir"),
    );
    m.step("B", Clerk, at(10, 8, 9), Received, None);
    m.through("B", (10, 12), (10, 20), (10, 21));
    let input = in_van(&m, "SKP", 3, "Rina Kartika", Some(V3));
    m.register("C", &courier, at(10, 7, 10), &input);
    m.step("C", Verifier, at(10, 8, 9), Verified, None);
    m.step(
        "C",
        Verifier,
        at(10, 9, 9),
        Returned,
        Some("Proposal belum ditandatangani"),
    );
    m.step("C", Role::Courier, at(10, 14, 9), Received, None);
    m.step("C", Verifier, at(10, 15, 9), Verified, None);
    m.step(
        "C",
        Verifier,
        at(10, 16, 9),
        Returned,
        Some("Surat pernyataan tanpa meterai"),
    );
    m.step("C", Clerk, at(11, 2, 9), Received, None);
    m.through("C", (11, 3), (11, 4), (11, 4));
    let input = counter(&m, "SIPD", 13, "dr. Hendra Gunawan", Some(V1));
    m.register("M", &clerk, at(10, 12, 9), &input);
    m.through("M", (10, 14), (10, 14), (10, 15));
    let input = counter(&m, "REK", 4, "CV Banyuasin Cerdas", Some(V2));
    m.register("D", &clerk, at(10, 20, 9), &input);
    m.step("D", Verifier, at(10, 21, 9), Verified, None);
    m.step(
        "D",
        Signer,
        at(10, 22, 9),
        Rejected,
        Some("Lokasi tidak sesuai tata ruang"),
    );
    let input = counter(&m, "REK", 5, "PT Sumber Rezeki", Some(V2));
    m.register("E", &clerk, at(10, 26, 9), &input);
    m.step("E", Verifier, at(10, 27, 9), Verified, None);
    m.step(
        "E",
        Signer,
        at(11, 3, 9),
        Rejected,
        Some("Lokasi tidak sesuai tata ruang"),
    );
    let input = counter(&m, "SIPB", 7, "Yuliana Sari", Some(V1));
    m.register("G", &clerk, at(10, 28, 9), &input);
    // 06:00 on Sunday 1 November at the office is still 31 October in UTC.
    m.step(
        "G",
        Clerk,
        at(11, 1, 6),
        Withdrawn,
        Some("Pemohon membatalkan permohonan"),
    );
    let input = counter(&m, "SIPD", 19, "dr. Fajar Pratama", Some(V1));
    m.register("S", &clerk, at_min(10, 30, 23, 30), &input);
    m.step("S", Clerk, at(11, 2, 9), Returned, Some("STR kedaluwarsa"));
    m.step("S", Clerk, at(11, 3, 9), Received, None);
    m.step(
        "S",
        Verifier,
        at(11, 4, 9),
        Returned,
        Some("STR kedaluwarsa"),
    );
    m.step("S", Clerk, at(11, 5, 9), Received, None);
    m.step("S", Verifier, at(11, 6, 9), Verified, None);

    // The van's October trip: two handed over, one nobody at home.
    let t1 = m.trip((10, 23), &[V1, V2], &["B", "M", "R"]);
    m.start(t1, (10, 23));
    let (b, mm, r) = (
        m.holder("B"),
        Outcome::NotDelivered {
            reason: FailReason::NotHome,
            note: None,
        },
        m.holder("R"),
    );
    m.outcome(t1, "B", at(10, 23, 10), b);
    m.outcome(t1, "M", at(10, 23, 11), mm);
    m.outcome(t1, "R", at(10, 23, 13), r);
    m.close(t1, (10, 23));

    // November.
    let input = counter(&m, "SIPD", 6, "dr. Dewi Lestari", Some(V3));
    m.register("F", &clerk, at(11, 2, 9), &input);
    m.step("F", Verifier, at(11, 3, 9), Verified, None);
    m.step(
        "F",
        Signer,
        at(11, 5, 9),
        Rejected,
        Some("STR tidak berlaku"),
    );
    let input = in_van(&m, "SKP", 14, "Ilham Ramadhan", Some(V3));
    m.register("N", &courier, at(11, 2, 11), &input);
    m.through("N", (11, 3), (11, 10), (11, 11));
    let input = application(
        &m.o,
        "SIPB",
        15,
        "Fitri Anggraini",
        Some(V1),
        Channel::Counter,
    );
    m.register("O", &sari, at(11, 4, 9), &input);
    m.through("O", (11, 5), (11, 6), (11, 9));
    let input = counter(&m, "SIPB", 8, "Ratna Utami", Some(V2));
    m.register("H", &clerk, at(11, 9, 9), &input);
    m.step(
        "H",
        Clerk,
        at(11, 10, 9),
        Returned,
        Some("KTP tidak terbaca"),
    );
    let input = counter(&m, "SIPD", 9, "dr. Agus Santoso", Some(V1));
    m.register("I", &clerk, at(11, 16, 9), &input);
    m.step("I", Verifier, at(11, 17, 9), Verified, None);
    let input = counter(&m, "SIPA", 10, "apt. Maya Putri", Some(V3));
    m.register("J", &clerk, at(11, 18, 9), &input);
    m.step("J", Verifier, at(11, 18, 11), Verified, None);
    m.step(
        "J",
        Verifier,
        at(11, 19, 9),
        InReview,
        Some("Peninjauan lokasi apotek"),
    );
    let input = counter(&m, "SIPA", 11, "apt. Eka Wulan", Some(V2));
    m.register("K", &clerk, at(11, 20, 9), &input);
    m.step("K", Verifier, at(11, 23, 9), Verified, None);
    m.step("K", Signer, at(11, 24, 9), Approved, None);
    let input = counter(&m, "IOP", 12, "Yayasan Tunas Bangsa", None);
    m.register("L", &clerk, at(11, 23, 9), &input);

    // Counter handovers: the holder in October, a proxy in November (at the second clerk's desk).
    for (name, when, who) in [
        ("P", at(10, 7, 10), clerk.clone()),
        ("A", at(10, 12, 10), clerk.clone()),
    ] {
        let nik = m.nik(name);
        let id = m.id(name);
        van::collect_at_counter(&mut m.o.db, &who, when, id, &Recipient::Holder { nik })
            .expect("collect");
    }
    let id = m.id("O");
    van::collect_at_counter(&mut m.o.db, &sari, at(11, 10, 10), id, &proxy())
        .expect("collect by proxy");

    // November trips: a holder and a proxy; a failure; a trip closed before it reached its permit; and
    // a planned trip that never left.
    let t2 = m.trip((11, 6), &[V1, V3], &["M", "C"]);
    m.start(t2, (11, 6));
    let hm = m.holder("M");
    m.outcome(t2, "M", at(11, 6, 10), hm);
    m.outcome(
        t2,
        "C",
        at(11, 6, 13),
        Outcome::Delivered { recipient: proxy() },
    );
    m.close(t2, (11, 6));
    let t3 = m.trip((11, 13), &[V3, V2], &["N"]);
    m.start(t3, (11, 13));
    m.outcome(
        t3,
        "N",
        at(11, 13, 11),
        Outcome::NotDelivered {
            reason: FailReason::AddressNotFound,
            note: Some("Rumah sudah pindah".into()),
        },
    );
    m.close(t3, (11, 13));
    let t5 = m.trip((11, 19), &[V1], &["Q"]);
    m.start(t5, (11, 19));
    m.close(t5, (11, 19));
    m.trip((11, 27), &[V1], &[]);
    let signer = m.o.signer.clone();
    let q = cases::get(&m.o.db, m.id("Q")).expect("Q");
    verification::revoke(
        &mut m.o.db,
        &signer,
        at(11, 20, 9),
        q.permit_number.as_deref().expect("Q's number"),
        "Reklame dibongkar",
    )
    .expect("revoke");

    // Surveys at handover.
    m.survey("P", &clerk, at(10, 7, 11), [4, 4, 4, 4, 4, 4, 4, 4, 4]);
    m.survey("A", &clerk, at(10, 12, 11), [4, 3, 3, 4, 3, 3, 4, 3, 3]);
    m.survey("B", &courier, at(10, 23, 12), [3, 3, 3, 4, 3, 3, 3, 3, 2]);
    m.survey("C", &courier, at(11, 6, 14), [4, 3, 3, 4, 3, 4, 4, 3, 3]);
    m.survey("M", &courier, at(11, 6, 11), [3, 3, 2, 4, 3, 3, 3, 3, 3]);
    m.survey("O", &sari, at(11, 10, 11), [4, 4, 3, 4, 4, 4, 4, 4, 4]);
    m
}
