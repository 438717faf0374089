//! The reports' reads of the work outside the office's own desk: the van's trips, stops and handovers,
//! the applications taken in the van, the satisfaction survey, and the permits about to expire.

use chrono::{DateTime, NaiveDate, Utc};

use super::{run, scope_sql, Params, Scope};
use crate::actor::UserId;
use crate::db::Db;
use crate::store::cases::CaseId;
use crate::store::deliveries::{DeliveryOutcome, FailReason};
use crate::store::permit_types::PermitTypeId;
use crate::store::trips::TripId;
use crate::Result;

/// A district and a village as a report names them (either may be unknown: an applicant without a
/// village, a code not in the area tables).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Place {
    pub district_code: Option<String>,
    pub district: Option<String>,
    pub village_code: Option<String>,
    pub village: Option<String>,
}

/// The area terms for a place read from `village_col` joined to `villages v`.
fn area_terms(s: &Scope, p: &mut Params, village_col: &str) -> String {
    let mut terms = String::new();
    if let Some(v) = &s.village {
        terms += &format!(" AND {village_col} = {}", p.push(v.as_str()));
    }
    if let Some(d) = &s.district {
        terms += &format!(" AND v.district_code = {}", p.push(d.as_str()));
    }
    terms
}

/// One stop of a trip that went out (out or closed) in a period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StopVisit {
    pub trip: TripId,
    pub place: Place,
}

/// The stops of the trips dated `from..=to` that went out, in the scope's area; `created_by` narrows
/// them to the trips one clerk planned.
pub fn stops_of_trips(
    db: &Db,
    s: &Scope,
    created_by: Option<UserId>,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<StopVisit>> {
    let mut p = Params::default();
    let (a, b) = (p.push(from), p.push(to));
    let mut terms = area_terms(s, &mut p, "st.village_code");
    if let Some(u) = created_by {
        terms += &format!(" AND t.created_by = {}", p.push(u));
    }
    run(
        db,
        &format!(
            "SELECT t.id, v.district_code, d.name, st.village_code, v.name
             FROM trips t JOIN trip_stops st ON st.trip_id = t.id
             LEFT JOIN villages v ON v.code = st.village_code LEFT JOIN districts d ON d.code = v.district_code
             WHERE t.trip_date >= {a} AND t.trip_date <= {b} AND t.status IN ('out', 'closed'){terms}
             ORDER BY t.id, st.position"
        ),
        &p,
        |r| {
            Ok(StopVisit {
                trip: r.get(0)?,
                place: Place {
                    district_code: r.get(1)?,
                    district: r.get(2)?,
                    village_code: r.get(3)?,
                    village: r.get(4)?,
                },
            })
        },
    )
}

/// Applications registered in the van (channel `van`) in `from..=to`, per district of the applicant's
/// village.
pub fn van_intake_by_district(
    db: &Db,
    s: &Scope,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<(Place, i64)>> {
    let mut p = Params::default();
    let (a, b) = (p.push(from), p.push(to));
    let (_, mut terms) = scope_sql(s, &mut p, false);
    terms += &area_terms(s, &mut p, "a.village_code");
    run(
        db,
        &format!(
            "SELECT v.district_code, d.name, count(*)
             FROM cases c JOIN applicants a ON a.id = c.applicant_id
             LEFT JOIN villages v ON v.code = a.village_code LEFT JOIN districts d ON d.code = v.district_code
             WHERE c.channel = 'van' AND c.registered_on >= {a} AND c.registered_on <= {b}{terms}
             GROUP BY v.district_code, d.name"
        ),
        &p,
        |r| {
            Ok((
                Place {
                    district_code: r.get(0)?,
                    district: r.get(1)?,
                    village_code: None,
                    village: None,
                },
                r.get(2)?,
            ))
        },
    )
}

/// One outcome recorded on a trip: who took the permit or why nobody did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TripHandover {
    pub case: CaseId,
    pub place: Place,
    pub outcome: DeliveryOutcome,
    pub fail_reason: Option<FailReason>,
    pub issued_on: Option<NaiveDate>,
    pub recorded_at: DateTime<Utc>,
}

/// The outcomes recorded on trips in `[start, end)`, placed at the stop's village, by recording time.
pub fn trip_handovers(
    db: &Db,
    s: &Scope,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
) -> Result<Vec<TripHandover>> {
    let mut p = Params::default();
    let (a, b) = (p.push(start), p.push(end));
    let (joins, mut terms) = scope_sql(s, &mut p, false);
    terms += &area_terms(s, &mut p, "dl.village_code");
    run(
        db,
        &format!(
            "SELECT dl.case_id, v.district_code, d.name, dl.village_code, v.name, dl.outcome, dl.fail_reason,
                    c.issued_on, dl.recorded_at
             FROM deliveries dl JOIN cases c ON c.id = dl.case_id{joins}
             LEFT JOIN villages v ON v.code = dl.village_code LEFT JOIN districts d ON d.code = v.district_code
             WHERE dl.recorded_at >= {a} AND dl.recorded_at < {b} AND dl.trip_id IS NOT NULL
               AND dl.outcome IS NOT NULL{terms}
             ORDER BY dl.recorded_at, dl.id"
        ),
        &p,
        |r| {
            Ok(TripHandover {
                case: r.get(0)?,
                place: Place {
                    district_code: r.get(1)?,
                    district: r.get(2)?,
                    village_code: r.get(3)?,
                    village: r.get(4)?,
                },
                outcome: r.get(5)?,
                fail_reason: r.get(6)?,
                issued_on: r.get(7)?,
                recorded_at: r.get(8)?,
            })
        },
    )
}

/// The survey answers of one permit type in one month: how many responses and the sum of each item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SurveySums {
    pub permit_type: PermitTypeId,
    pub month: String,
    pub responses: i64,
    pub sums: [i64; 9],
}

/// Survey responses answered in `from..=to`, summed per permit type and month.
pub fn survey_sums(db: &Db, s: &Scope, from: NaiveDate, to: NaiveDate) -> Result<Vec<SurveySums>> {
    let mut p = Params::default();
    let (a, b) = (p.push(from), p.push(to));
    let (joins, terms) = scope_sql(s, &mut p, true);
    let sums: Vec<String> = (1..=9).map(|i| format!("sum(sr.u{i})")).collect();
    run(
        db,
        &format!(
            "SELECT c.permit_type_id, substr(sr.answered_on, 1, 7), count(*), {}
             FROM survey_responses sr JOIN cases c ON c.id = sr.case_id{joins}
             WHERE sr.answered_on >= {a} AND sr.answered_on <= {b}{terms}
             GROUP BY c.permit_type_id, substr(sr.answered_on, 1, 7)",
            sums.join(", ")
        ),
        &p,
        |r| {
            let mut sums = [0i64; 9];
            for (i, slot) in sums.iter_mut().enumerate() {
                *slot = r.get(3 + i)?;
            }
            Ok(SurveySums {
                permit_type: r.get(0)?,
                month: r.get(1)?,
                responses: r.get(2)?,
                sums,
            })
        },
    )
}

/// The cases of valid permits (issued and not revoked) whose validity ends in `from..=to`, as the
/// statement's common part.
fn expiring_sql(s: &Scope, p: &mut Params, from: NaiveDate, to: NaiveDate) -> String {
    let (a, b) = (p.push(from), p.push(to));
    let (joins, terms) = scope_sql(s, p, true);
    // `status || ''` keeps the planner off the status index: a million-case register has hundreds of
    // thousands of permits, a window of days only a few thousand, found by the validity index.
    format!(
        "FROM cases c JOIN applicants a ON a.id = c.applicant_id
         LEFT JOIN villages v ON v.code = a.village_code LEFT JOIN districts d ON d.code = v.district_code{joins}
         WHERE c.valid_until >= {a} AND c.valid_until <= {b}
           AND (c.status || '') IN ('issued', 'out_for_delivery', 'delivered', 'picked_up')
           AND NOT EXISTS (SELECT 1 FROM revoked_permits rp WHERE rp.permit_number = c.permit_number){terms}"
    )
}

/// Permits expiring in a window, per holder's village and permit type: how many and the first expiry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpiringCount {
    pub place: Place,
    pub permit_type: PermitTypeId,
    pub count: i64,
    pub first: NaiveDate,
}

/// Valid permits whose validity ends in `from..=to`, per village and permit type.
pub fn expiring_counts(
    db: &Db,
    s: &Scope,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<ExpiringCount>> {
    let mut p = Params::default();
    let body = expiring_sql(s, &mut p, from, to);
    run(
        db,
        &format!(
            "SELECT v.district_code, d.name, a.village_code, v.name, c.permit_type_id, count(*), min(c.valid_until)
             {body}
             GROUP BY v.district_code, d.name, a.village_code, v.name, c.permit_type_id"
        ),
        &p,
        |r| {
            Ok(ExpiringCount {
                place: Place {
                    district_code: r.get(0)?,
                    district: r.get(1)?,
                    village_code: r.get(2)?,
                    village: r.get(3)?,
                },
                permit_type: r.get(4)?,
                count: r.get(5)?,
                first: r.get(6)?,
            })
        },
    )
}

/// One permit about to expire, for the van's renewal visit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpiringPermit {
    pub case: CaseId,
    pub permit_number: Option<String>,
    pub permit_type: PermitTypeId,
    pub holder: String,
    pub address: String,
    pub place: Place,
    pub valid_until: NaiveDate,
}

/// Valid permits whose validity ends in `from..=to`, by district, village, expiry and number.
pub fn expiring_permits(
    db: &Db,
    s: &Scope,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<ExpiringPermit>> {
    let mut p = Params::default();
    let body = expiring_sql(s, &mut p, from, to);
    run(
        db,
        &format!(
            "SELECT c.id, c.permit_number, c.permit_type_id, a.name, a.address, v.district_code, d.name,
                    a.village_code, v.name, c.valid_until
             {body}
             ORDER BY d.name, v.name, c.valid_until, c.permit_number"
        ),
        &p,
        |r| {
            Ok(ExpiringPermit {
                case: r.get(0)?,
                permit_number: r.get(1)?,
                permit_type: r.get(2)?,
                holder: r.get(3)?,
                address: r.get(4)?,
                place: Place {
                    district_code: r.get(5)?,
                    district: r.get(6)?,
                    village_code: r.get(7)?,
                    village: r.get(8)?,
                },
                valid_until: r.get(9)?,
            })
        },
    )
}

/// An area's name and the code of the area it lies in.
pub type Named = (String, String);

/// A district's name and regency and a village's name and district, by code, for a report's filter
/// line and its checks.
pub fn area_names(
    db: &Db,
    district: Option<&str>,
    village: Option<&str>,
) -> Result<(Option<Named>, Option<Named>)> {
    let d = match district {
        Some(code) => db.one(
            "SELECT name, regency_code FROM districts WHERE code = ?1",
            &[&code],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?,
        None => None,
    };
    let v = match village {
        Some(code) => db.one(
            "SELECT name, district_code FROM villages WHERE code = ?1",
            &[&code],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?,
        None => None,
    };
    Ok((d, v))
}

/// The districts of a regency, by name: code and name.
pub fn districts_of(db: &Db, regency: &str) -> Result<Vec<(String, String)>> {
    db.map(
        "SELECT code, name FROM districts WHERE regency_code = ?1 ORDER BY name, code",
        &[&regency],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
}

/// The villages of a regency by district code then name: code, name, district code.
pub fn villages_of(db: &Db, regency: &str) -> Result<Vec<(String, String, String)>> {
    // A village's code starts with its regency's: a range on the key reads only the regency's rows.
    db.map(
        "SELECT code, name, district_code FROM villages WHERE code > ?1 || '.' AND code < ?1 || '/'
         ORDER BY district_code, name, code",
        &[&regency],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )
}
