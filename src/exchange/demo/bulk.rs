//! A register of many years on demand (`petromaks demo --cases 1000000`): the same people, villages and
//! permit types as the small demo, registered at an office's pace over up to ten years, each case with the
//! rows its steps would have left — the case as it stands now, its checklist, its numbers from the real
//! series, its audit rows sealed into the chain, its trip or counter handover, sometimes a survey. Written
//! through the store in transactions of thousands of cases (one command per step, each with its own
//! commit, would take hours), under the demo's rules: the admin's, and never into a working register.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Months, NaiveDate, Utc};

use super::life::{self, Life};
use super::{demo_value, ground, may_fill, Rng, Staff, FAMILY, MEN, PLACES, WOMEN};
use crate::actor::Actor;
use crate::audit::chain::Sealer;
use crate::cases::{Channel, ServiceMode, Status};
use crate::catalogue::{self, numbering, snapshot::CertificateSnapshot, FieldKind, PermitType};
use crate::db::{Db, Tx};
use crate::office::WorkCalendar;
use crate::store::applicants::{self as applicants, ApplicantId, ApplicantRow, Sex};
use crate::store::case_documents::{self, CaseDocument};
use crate::store::cases::{self as cases, CaseId, Issue, NewCaseRow, SettledCase, SignerOnRecord};
use crate::store::deliveries::{self, DeliveryOutcome, Handed, SettledDelivery};
use crate::store::events::{case_event_values, Chain};
use crate::store::trips::{self, NewTripRow, TripId};
use crate::{identity, office, store, time, Error, Result};

mod history;
use history::{history, reason_for};

/// Cases per transaction: large enough that commits cost nothing, small enough to report progress.
const CHUNK: usize = 10_000;

/// An office's pace: about 300 applications a working day (a busy regency, 75,000 a year).
const CASES_PER_DAY: usize = 300;

/// A person the demo registered, who may come back with another application.
#[derive(Clone)]
struct Person {
    id: ApplicantId,
    nik: String,
    name: String,
    village: String,
}

/// A van trip of the demo: one per district and day, its stops added as permits for them come.
#[derive(Clone)]
struct DemoTrip {
    id: TripId,
    stops: Vec<String>,
}

/// What carries over from one transaction to the next. Each transaction works on a copy, kept only once
/// it commits: a transaction the server runs again starts from the same state.
#[derive(Clone)]
struct State {
    rng: Rng,
    people: Vec<Person>,
    trips: HashMap<(NaiveDate, String), DemoTrip>,
    done: usize,
}

/// The demo staff and what every case shares.
struct Setting<'a> {
    staff: &'a Staff,
    villages: Vec<(String, String)>,
    types: Vec<(PermitType, String)>,
    signer: SignerOnRecord,
    unit: String,
    offset: i32,
    cal: WorkCalendar,
    now: DateTime<Utc>,
    today: NaiveDate,
    first: DateTime<Utc>,
    /// Seconds between two registrations.
    pace: f64,
}

/// Writes `count` demo cases registered over the last years (up to ten), in transactions of
/// [`CHUNK`] cases, calling `progress(done)` after each; `progress` answering `false` stops after that
/// transaction (what was written stays: a demo register that is smaller). The admin's, and refused on a
/// register with real cases. Returns how many cases were written.
pub fn generate_large(
    db: &mut Db,
    admin: &Actor,
    now: DateTime<Utc>,
    count: usize,
    seed: u64,
    progress: &mut dyn FnMut(u64) -> bool,
) -> Result<u64> {
    may_fill(db, admin)?;
    if store::van_offline::is_van(db)? {
        return Err(Error::Forbidden(
            "this laptop works offline on a checked-out trip: demo data goes into the office register"
                .into(),
        ));
    }
    let (o, staff, villages) = ground(db, admin, now)?;
    let types = catalogue::active(db)?
        .into_iter()
        .map(|t| {
            let snap = CertificateSnapshot::of(&t).to_json()?;
            Ok((t, snap))
        })
        .collect::<Result<Vec<_>>>()?;
    if types.is_empty() {
        return Err(Error::invalid("permit_type", "no active permit type"));
    }
    let days = (count / CASES_PER_DAY).clamp(30, 3650) as i64;
    let setting = Setting {
        staff: &staff,
        villages,
        types,
        signer: SignerOnRecord {
            title: o.head_title.clone(),
            name: o.head_name.clone(),
            rank: o.head_rank.clone(),
            nip: identity::format_nip(&o.head_nip),
            place: o.sign_place.clone(),
        },
        unit: o.unit.clone(),
        offset: o.utc_offset_minutes,
        cal: WorkCalendar::load(db)?,
        now,
        today: office::today(db, now)?,
        first: now - Duration::days(days),
        pace: (days * 86_400) as f64 / count.max(1) as f64,
    };
    db.bulk_mode(true)?;
    let mut state = State {
        rng: Rng(seed.max(1)),
        people: Vec::new(),
        trips: HashMap::new(),
        done: 0,
    };
    while state.done < count {
        let n = CHUNK.min(count - state.done);
        // A permit goes out within weeks of its registration: older trips take no more stops.
        let reached = setting.first + Duration::seconds((state.done as f64 * setting.pace) as i64);
        let cutoff = time::local_day(reached, setting.offset) - Duration::days(60);
        state.trips.retain(|(d, _), _| *d >= cutoff);
        state = db.write(|tx| {
            let mut st = state.clone();
            let mut seal = Sealer::start(tx, Chain::Case)?;
            let mut names = Vec::with_capacity(n);
            for _ in 0..n {
                names.push(one_case(tx, &setting, &mut st, &mut seal)?);
                st.done += 1;
            }
            seal.flush(tx)?;
            cases::search::index_many(tx, &names)?;
            Ok(st)
        })?;
        if !progress(state.done as u64) {
            break;
        }
    }
    db.bulk_mode(false)?;
    Ok(state.done as u64)
}

/// A new person, or (one application in four) someone who applied before.
fn person(tx: &Tx, s: &Setting, st: &mut State, at: DateTime<Utc>) -> Result<Person> {
    let rng = &mut st.rng;
    if !st.people.is_empty() && rng.below(4) == 0 {
        return Ok(st.people[rng.below(st.people.len())].clone());
    }
    let female = rng.below(2) == 0;
    let first = if female {
        rng.pick(WOMEN)
    } else {
        rng.pick(MEN)
    };
    let name = format!("{first} {}", rng.pick(FAMILY));
    let (village, district) = s.villages[rng.below(s.villages.len())].clone();
    let (day, month, year) = (
        1 + rng.below(28) as u32,
        1 + rng.below(12) as u32,
        1960 + rng.below(40) as i32,
    );
    let nik = format!(
        "{}{:02}{month:02}{:02}{:04}",
        district.replace('.', ""),
        if female { day + 40 } else { day },
        year % 100,
        1 + rng.below(9999)
    );
    // The same NIK drawn twice is the same person.
    if let Some(a) = applicants::by_nik(tx, &nik)? {
        return Ok(Person {
            id: a.id,
            nik,
            name: a.name,
            village: a.village_code.unwrap_or(village),
        });
    }
    let row = ApplicantRow {
        nik: nik.clone(),
        name: name.clone(),
        sex: if female { Sex::Female } else { Sex::Male },
        birth_place: rng.pick(PLACES).into(),
        birth_date: NaiveDate::from_ymd_opt(year, month, day)
            .ok_or_else(|| Error::invalid("birth_date", "demo birth date"))?,
        address: format!(
            "Jl. {} No. {}",
            rng.pick(&["Merdeka", "Sudirman", "Kenanga", "Melati", "Poros Desa"]),
            1 + rng.below(120)
        ),
        village_code: Some(village.clone()),
        phone: Some(format!("08{}", 1_100_000_000 + rng.below(899_999_999))),
        email: None,
        npwp: None,
    };
    let p = Person {
        id: applicants::insert(tx, &row, at)?,
        nik,
        name,
        village,
    };
    // Those who come back come back within a few years: a window of recent people is enough.
    if st.people.len() < 20_000 {
        st.people.push(p.clone());
    } else {
        let i = st.rng.below(st.people.len());
        st.people[i] = p.clone();
    }
    Ok(p)
}

/// Writes one case with everything its life left behind; answers it with its applicant's name, for the
/// search index.
fn one_case(tx: &Tx, s: &Setting, st: &mut State, seal: &mut Sealer) -> Result<(CaseId, String)> {
    let jitter = Duration::seconds(st.rng.below(s.pace.max(1.0) as usize) as i64);
    let registered = s.first + Duration::seconds((st.done as f64 * s.pace) as i64) + jitter;
    let registered = registered.min(s.now);
    let day = |at: DateTime<Utc>| time::local_day(at, s.offset);
    let reg_day = day(registered);
    let p = person(tx, s, st, registered)?;
    let rng = &mut st.rng;
    let (ptype, snapshot) = &s.types[rng.below(s.types.len())];
    let channel = if rng.below(4) == 0 {
        Channel::Van
    } else {
        Channel::Counter
    };
    let registrar = &s.staff[if channel == Channel::Van {
        "keliling1"
    } else {
        "loket1"
    }];
    let mut details = std::collections::BTreeMap::new();
    for f in ptype.fields.iter().filter(|f| f.required) {
        let v = match f.kind {
            FieldKind::Choice => f.choices.first().cloned().unwrap_or_default(),
            FieldKind::Number => "1".to_string(),
            FieldKind::Date => "2030-12-31".to_string(),
            FieldKind::Text => demo_value(&f.key, rng),
        };
        details.insert(f.key.clone(), v);
    }
    let mode = if rng.below(5) == 0 {
        ServiceMode::Renewal
    } else {
        ServiceMode::New
    };
    let life: Life = life::live(rng, registered, s.now);
    let status = life.status();
    let all_received = status != Status::Received || rng.below(2) == 0;
    let reg = numbering::office_registration_number(tx, reg_day)?;

    // What the steps set on the case: the SLA clock from the verification, the permit from the issue.
    let verified = life.reached(Status::Verified).map(day);
    let due = verified.map(|d| s.cal.add_working_days(d, ptype.sla_days));
    let issued = life.reached(Status::Issued).map(day);
    let permit = match issued {
        Some(d) => {
            let key = numbering::permit_series_key(&ptype.code, ptype.number_reset, d);
            let seq = store::numbers::next(tx, &key)?;
            Some(numbering::render(
                &ptype.number_template,
                &numbering::PermitNumberParts {
                    classification: &ptype.classification,
                    code: &ptype.code,
                    unit: &s.unit,
                    day: d,
                    seq,
                },
            )?)
        }
        None => None,
    };
    let valid_until = match (issued, ptype.validity_months) {
        (Some(d), Some(m)) => d.checked_add_months(Months::new(m)),
        _ => None,
    };
    let decided = life
        .steps
        .iter()
        .find(|x| matches!(x.to, Status::Approved | Status::Rejected))
        .and_then(|x| reason_for(x.to));
    let id = cases::insert_settled(
        tx,
        &SettledCase {
            new: NewCaseRow {
                registration_number: &reg,
                applicant_id: p.id,
                permit_type_id: ptype.id,
                channel,
                service_mode: mode,
                details: &details,
                registered_at: registered,
                registered_on: reg_day,
                registered_by: registrar.id,
                sla_days: ptype.sla_days,
                submission_id: None,
            },
            status,
            sla_used_days: 0,
            sla_started_on: verified,
            sla_resumed_on: verified,
            due_date: due,
            decision_reason: decided,
            issue: match (&permit, issued) {
                (Some(number), Some(d)) => Some(Issue {
                    permit_number: number,
                    issued_on: d,
                    valid_until,
                    signer: &s.signer,
                    snapshot,
                }),
                _ => None,
            },
            closed_at: status.is_final().then(|| life.last_change(registered)),
            updated_at: life.last_change(registered),
        },
    )?;
    let docs: Vec<CaseDocument> = ptype
        .requirements
        .iter()
        .map(|r| CaseDocument {
            position: r.position,
            label: r.label.clone(),
            mandatory: r.mandatory,
            received: all_received || !r.mandatory,
        })
        .collect();
    case_documents::insert(tx, id, &docs)?;
    history(
        tx,
        s,
        st,
        seal,
        id,
        &p,
        &reg,
        &ptype.code,
        channel,
        registered,
        &life,
        due,
        permit.as_deref(),
    )?;
    Ok((id, p.name))
}
