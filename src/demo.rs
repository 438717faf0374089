//! Demo data: a believable register for Kabupaten Banyuasin — plausible names, real villages, every status —
//! so a new install, a screenshot or a benchmark has something real to show. Deterministic for a seed.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Utc};
use rusqlite::Connection;

use crate::applicants::ApplicantInput;
use crate::cases::{self, Channel, Move, NewCase, ServiceMode, Status};
use crate::users::{self, Actor, NewUser, Role};
use crate::{office, permit_types, Error, Result};

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
pub fn ensure_staff(
    conn: &mut Connection,
    admin: &Actor,
    now: DateTime<Utc>,
) -> Result<BTreeMap<&'static str, Actor>> {
    let mut out = BTreeMap::new();
    for (username, name, role) in DEMO_STAFF {
        let actor = match users::actor(conn, username) {
            Ok(a) => a,
            Err(Error::NotFound { .. }) => {
                let u = NewUser {
                    username: (*username).into(),
                    full_name: (*name).into(),
                    role: *role,
                    password: DEMO_PASSWORD.into(),
                    nip: None,
                };
                users::add(conn, admin, now, &u)?;
                users::actor(conn, username)?
            }
            Err(e) => return Err(e),
        };
        out.insert(*username, actor);
    }
    Ok(out)
}

/// Banyuasin's villages: `(code, district code, name)`.
fn villages(conn: &Connection, regency: &str) -> Result<Vec<(String, String)>> {
    let mut stmt = conn.prepare("SELECT code, district_code FROM villages WHERE district_code LIKE ?1 || '.%' ORDER BY code")?;
    let rows = stmt
        .query_map([regency], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    if rows.is_empty() {
        return Err(Error::invalid(
            "regency_code",
            format!("no villages known for regency {regency}"),
        ));
    }
    Ok(rows)
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
        OutForDelivery => [issued, vec![(OutForDelivery, None)]].concat(),
        Delivered => [issued, vec![(OutForDelivery, None), (Delivered, None)]].concat(),
        PickedUp => [issued, vec![(PickedUp, None)]].concat(),
        Withdrawn => vec![(Withdrawn, Some("Pemohon membatalkan permohonan"))],
    }
}

/// Registers `count` demo cases spread over every status and the last weeks, as the demo staff.
/// Returns the ids of the new cases.
pub fn generate(
    conn: &mut Connection,
    admin: &Actor,
    now: DateTime<Utc>,
    count: usize,
    seed: u64,
) -> Result<Vec<cases::CaseId>> {
    let office = office::require(conn)?;
    let staff = ensure_staff(conn, admin, now)?;
    let villages = villages(conn, &office.regency_code)?;
    let types = permit_types::list(conn)?
        .into_iter()
        .filter(|t| t.active)
        .collect::<Vec<_>>();
    let mut rng = Rng(seed.max(1));
    let mut ids = Vec::with_capacity(count);
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
            let v = match f.kind.as_str() {
                "choice" => f.choices.first().cloned().unwrap_or_default(),
                "number" => "1".to_string(),
                "date" => "2030-12-31".to_string(),
                _ => demo_value(&f.key, &mut rng),
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
                nik,
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
        };
        let id = cases::register(conn, registrar, start, &input)?;
        for (step, (to, reason)) in path_to(target).into_iter().enumerate() {
            let actor = match to {
                Status::Verified | Status::InReview => &staff["kasi"],
                Status::Returned => &staff["kasi"],
                Status::Approved | Status::Rejected | Status::Issued => &staff["kadis"],
                Status::OutForDelivery | Status::Delivered => &staff["keliling1"],
                _ => &staff["loket1"],
            };
            let at = start + Duration::hours(20 * (step as i64 + 1));
            cases::move_case(
                conn,
                actor,
                at.min(now),
                id,
                &Move {
                    to,
                    reason: reason.map(Into::into),
                },
            )?;
        }
        ids.push(id);
    }
    Ok(ids)
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
