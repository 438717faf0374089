//! Demo data: a believable register for Kabupaten Banyuasin — plausible names, real villages, every status —
//! so a new install, a screenshot or a benchmark has something real to show. Deterministic for a seed.
//!
//! A few dozen cases walk the real steps one command at a time ([`generate`]); a register of ten years
//! (a million cases) is written in large transactions through the store, each case with the history its
//! steps would have left ([`bulk::generate_large`]).

pub mod bulk;
mod life;

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Utc};

use crate::actor::{Actor, Role};
use crate::cases::{self, CaseId, Channel, Move, NewCase, ServiceMode, Status};
use crate::db::Db;
use crate::office::Office;
use crate::people::applicants::ApplicantInput;
use crate::people::users::{self, NewUser};
use crate::van::{self, NewTrip, Outcome, Recipient};
use crate::{catalogue, office, store, Error, Result};

/// The password of the demo staff accounts (demo databases only).
pub const DEMO_PASSWORD: &str = "petromaks-demo";

/// The demo staff: username, full name, role, NIP.
pub const DEMO_STAFF: &[(&str, &str, Role)] = &[
    ("loket1", "Rina Marlina", Role::Clerk),
    ("kasi", "Hendra Gunawan, S.Sos", Role::Verifier),
    ("kadis", "Drs. H. Ahmad Syarifuddin, M.Si", Role::Signer),
    ("keliling1", "Joko Susilo", Role::Courier),
];

const MEN: &[&str] = &[
    "Ahmad",
    "Muhammad",
    "Rahmat",
    "Hendra",
    "Budi",
    "Agus",
    "Dedi",
    "Fajar",
    "Rizky",
    "Yusuf",
    "Hasan",
    "Iwan",
    "Joko",
    "Slamet",
    "Teguh",
    "Arief",
    "Bambang",
    "Doni",
    "Eko",
    "Firman",
    "Gilang",
    "Heru",
    "Ilham",
    "Kurniawan",
];
const WOMEN: &[&str] = &[
    "Siti", "Nur", "Dewi", "Sri", "Yuliana", "Rina", "Fitri", "Ayu", "Indah", "Lestari", "Maya",
    "Novita", "Putri", "Ratna", "Sari", "Wulan", "Yanti", "Anisa", "Dian", "Eka", "Fatimah",
    "Hartini", "Kartika", "Mega",
];
const FAMILY: &[&str] = &[
    "Saputra",
    "Wijaya",
    "Hidayat",
    "Pratama",
    "Santoso",
    "Susanti",
    "Rahmawati",
    "Lubis",
    "Harahap",
    "Siregar",
    "Nasution",
    "Kusuma",
    "Setiawan",
    "Firmansyah",
    "Maulana",
    "Ramadhan",
    "Anggraini",
    "Permata",
    "Utami",
    "Handayani",
    "Syahputra",
    "Oktaviani",
    "Gunawan",
    "Hakim",
];
const PLACES: &[&str] = &[
    "Pangkalan Balai",
    "Palembang",
    "Banyuasin",
    "Sungsang",
    "Betung",
    "Prabumulih",
    "Lahat",
];

/// A small deterministic generator (xorshift64*): demo data must not depend on the system's randomness.
#[derive(Clone)]
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
}

/// Creates the demo staff accounts that do not exist yet and returns them as actors by role.
pub fn ensure_staff(db: &mut Db, admin: &Actor, now: DateTime<Utc>) -> Result<Staff> {
    admin.require_admin("add the demo staff")?;
    let mut out = BTreeMap::new();
    for (username, name, role) in DEMO_STAFF {
        let actor = match users::actor(db, username) {
            Ok(a) => a,
            Err(Error::NotFound { .. }) => {
                let u = NewUser {
                    username: (*username).into(),
                    full_name: (*name).into(),
                    role: *role,
                    password: DEMO_PASSWORD.into(),
                    nip: None,
                };
                users::add(db, admin, now, &u)?;
                users::actor(db, username)?
            }
            Err(e) => return Err(e),
        };
        out.insert(*username, actor);
    }
    Ok(out)
}

/// The path of statuses a demo case walks, ending at `target`.
fn path_to(target: Status) -> Vec<(Status, Option<&'static str>)> {
    use Status::*;
    let to_verified = vec![(Verified, None)];
    let issued = [to_verified.clone(), vec![(Approved, None), (Issued, None)]].concat();
    match target {
        Received => vec![],
        Returned => vec![(Returned, Some("Fotokopi STR belum dilegalisir"))],
        Verified => to_verified,
        InReview => [to_verified, vec![(InReview, Some("Peninjauan lokasi"))]].concat(),
        Approved => [to_verified, vec![(Approved, None)]].concat(),
        Rejected => [
            to_verified,
            vec![(Rejected, Some("Lokasi tidak sesuai tata ruang"))],
        ]
        .concat(),
        Issued => issued,
        // Out for delivery and delivered go through a trip (see `send_out`), never the generic step.
        OutForDelivery | Delivered => issued,
        // Collected at the counter through the counter's own step (the holder's NIK checked).
        PickedUp => issued,
        Withdrawn => vec![(Withdrawn, Some("Pemohon membatalkan permohonan"))],
    }
}

/// Whether the register holds a case that the demo did not make (registered by someone else than the
/// demo staff): demo data never goes into a working register.
fn has_real_cases(db: &Db) -> Result<bool> {
    Ok(store::cases::registrars(db)?
        .iter()
        .any(|u| !DEMO_STAFF.iter().any(|(d, _, _)| d == u)))
}

/// Refuses demo data unless the admin asks for it on a register without real cases (checked before
/// anything is written).
fn may_fill(db: &Db, admin: &Actor) -> Result<()> {
    admin.require_admin("fill the register with demo data")?;
    if has_real_cases(db)? {
        return Err(Error::Conflict(
            "this register holds real cases; demo data goes only into an empty or demo register"
                .into(),
        ));
    }
    Ok(())
}

/// The demo staff by username.
type Staff = BTreeMap<&'static str, Actor>;

/// The villages of the office's regency: code and district code.
type Villages = Vec<(String, String)>;

/// What a demo is made from: the office, its demo staff (added when missing) and the villages of its
/// regency (code, district code).
fn ground(db: &mut Db, admin: &Actor, now: DateTime<Utc>) -> Result<(Office, Staff, Villages)> {
    let office = office::require(db)?;
    let staff = ensure_staff(db, admin, now)?;
    let villages = store::areas::regency_village_codes(db, &office.regency_code)?;
    if villages.is_empty() {
        return Err(Error::invalid(
            "regency_code",
            format!("no villages known for regency {}", office.regency_code),
        ));
    }
    Ok((office, staff, villages))
}

/// Registers `count` demo cases spread over every status and the last weeks, as the demo staff (the
/// admin's command). Cases out for delivery or delivered travel on demo trips, as real ones do. Refused
/// on a register that holds real cases. Returns the ids of the new cases.
pub fn generate(
    db: &mut Db,
    admin: &Actor,
    now: DateTime<Utc>,
    count: usize,
    seed: u64,
) -> Result<Vec<CaseId>> {
    may_fill(db, admin)?;
    let (_, staff, villages) = ground(db, admin, now)?;
    let types = catalogue::active(db)?;
    let mut rng = Rng(seed.max(1));
    let mut ids = Vec::with_capacity(count);
    let mut to_send: Vec<(CaseId, String, String, bool)> = Vec::new();
    for i in 0..count {
        let female = rng.below(2) == 0;
        let first = if female {
            rng.pick(WOMEN)
        } else {
            rng.pick(MEN)
        };
        let name = format!("{first} {}", rng.pick(FAMILY));
        let (village, district) = &villages[rng.below(villages.len())];
        let day = 1 + rng.below(28) as u32;
        let nik = format!(
            "{}{:02}{:02}{:02}{:04}",
            district.replace('.', ""),
            if female { day + 40 } else { day },
            1 + rng.below(12),
            60 + rng.below(40),
            1 + (i % 9999)
        );
        let ptype = &types[rng.below(types.len())];
        let mut details = BTreeMap::new();
        for f in ptype.fields.iter().filter(|f| f.required) {
            let v = match f.kind {
                catalogue::FieldKind::Choice => f.choices.first().cloned().unwrap_or_default(),
                catalogue::FieldKind::Number => "1".to_string(),
                catalogue::FieldKind::Date => "2030-12-31".to_string(),
                catalogue::FieldKind::Text => demo_value(&f.key, &mut rng),
            };
            details.insert(f.key.clone(), v);
        }
        let target = Status::ALL[i % Status::ALL.len()];
        let start =
            now - Duration::days(40 - (i % 35) as i64) - Duration::minutes(rng.below(400) as i64);
        let channel = if rng.below(4) == 0 {
            Channel::Van
        } else {
            Channel::Counter
        };
        let registrar = if channel == Channel::Van {
            &staff["keliling1"]
        } else {
            &staff["loket1"]
        };
        let all_received = target != Status::Received || rng.below(2) == 0;
        let input = NewCase {
            applicant: ApplicantInput {
                nik: nik.clone(),
                name,
                birth_place: rng.pick(PLACES).into(),
                address: format!(
                    "Jl. {} No. {}",
                    rng.pick(&["Merdeka", "Sudirman", "Kenanga", "Melati", "Poros Desa"]),
                    1 + rng.below(120)
                ),
                village_code: Some(village.clone()),
                phone: Some(format!("08{}", 1_100_000_000 + rng.below(899_999_999))),
                ..Default::default()
            },
            permit_type: ptype.code.clone(),
            channel,
            service_mode: if rng.below(5) == 0 {
                ServiceMode::Renewal
            } else {
                ServiceMode::New
            },
            received: ptype
                .requirements
                .iter()
                .filter(|r| all_received || !r.mandatory)
                .map(|r| r.position)
                .collect(),
            details,
            submission_id: None,
        };
        let id = cases::register(db, registrar, start, &input)?.id;
        for (step, (to, reason)) in path_to(target).into_iter().enumerate() {
            let actor = match to {
                Status::Verified | Status::InReview | Status::Returned => &staff["kasi"],
                Status::Approved | Status::Rejected | Status::Issued => &staff["kadis"],
                _ => &staff["loket1"],
            };
            let at = start + Duration::hours(20 * (step as i64 + 1));
            cases::move_case(
                db,
                actor,
                at.min(now),
                id,
                &Move {
                    to,
                    reason: reason.map(Into::into),
                },
            )?;
        }
        if matches!(target, Status::OutForDelivery | Status::Delivered) {
            to_send.push((id, village.clone(), nik, target == Status::Delivered));
        } else if target == Status::PickedUp {
            let at = (start + Duration::hours(100)).min(now);
            van::collect_at_counter(db, &staff["loket1"], at, id, &Recipient::Holder { nik })?;
        }
        ids.push(id);
    }
    send_out(db, &staff, now, &to_send)?;
    Ok(ids)
}

/// Puts the permits that are out for delivery or delivered on demo trips of up to eight stops, sends
/// the trips out, and records the deliveries to their holders.
fn send_out(
    db: &mut Db,
    staff: &Staff,
    now: DateTime<Utc>,
    cases: &[(CaseId, String, String, bool)],
) -> Result<()> {
    let mut villages: Vec<&str> = cases.iter().map(|c| c.1.as_str()).collect();
    villages.sort_unstable();
    villages.dedup();
    let (clerk, courier) = (&staff["loket1"], &staff["keliling1"]);
    for (n, stops) in villages.chunks(8).enumerate() {
        let day = office::today(db, now)?;
        let trip = van::create_trip(
            db,
            clerk,
            now,
            &NewTrip {
                date: day.to_string(),
                vehicle: format!("Mobil Petromaks {}", n + 1),
                crew: vec![courier.username.clone()],
                villages: stops.iter().map(|s| s.to_string()).collect(),
                note: None,
            },
        )?;
        let on: Vec<&(CaseId, String, String, bool)> = cases
            .iter()
            .filter(|c| stops.contains(&c.1.as_str()))
            .collect();
        let ids: Vec<CaseId> = on.iter().map(|c| c.0).collect();
        van::assign(db, clerk, now, trip, &ids)?;
        van::start_trip(db, courier, now, trip)?;
        for (id, _, nik, delivered) in on {
            if *delivered {
                van::record_outcome(
                    db,
                    courier,
                    now,
                    trip,
                    *id,
                    &Outcome::Delivered {
                        recipient: Recipient::Holder { nik: nik.clone() },
                    },
                )?;
            }
        }
    }
    Ok(())
}

fn demo_value(key: &str, rng: &mut Rng) -> String {
    match key {
        "jam_praktik" => "Senin–Jumat 16.00–21.00 WIB".into(),
        "nomor_str" | "nomor_stra" => {
            format!("{}", 1_000_000_000_000u64 + rng.next() % 8_999_999_999_999)
        }
        "tempat_praktik" | "sarana" => format!(
            "Klinik {} Sehat",
            rng.pick(&["Mitra", "Bunda", "Keluarga", "Harapan"])
        ),
        "judul" => "Pengaruh Pasang Surut terhadap Produktivitas Padi Lahan Rawa".into(),
        "instansi" => "Universitas Sriwijaya".into(),
        "waktu" => "3 (tiga) bulan".into(),
        "ukuran" => "4 x 6 meter".into(),
        "naskah" => "Toko Bangunan Sinar Jaya".into(),
        "satuan" => format!(
            "PAUD {}",
            rng.pick(&["Tunas Bangsa", "Mutiara Hati", "Permata Bunda"])
        ),
        "penyelenggara" => "Yayasan Pendidikan Banyuasin Cerdas".into(),
        _ => format!("Jl. Lintas Timur KM {}, Banyuasin", 10 + rng.below(60)),
    }
}
