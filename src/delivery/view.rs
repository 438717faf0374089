//! Reading trips back: the week's list, one trip's stop list, and which villages need the van most.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension};

use serde::Serialize;

use super::{FailReason, TripId, TripStatus};
use crate::cases::{office_today, CaseId};
use crate::{time, Error, Result};

/// A trip as listed.
#[derive(Debug, Clone, Serialize)]
pub struct Trip {
    pub id: TripId,
    pub date: String,
    pub vehicle: String,
    pub status: TripStatus,
    pub note: Option<String>,
    pub crew: Vec<String>,
    pub stops: usize,
    pub permits: usize,
}

/// One stop: a village and the permits carried for it.
#[derive(Debug, Clone, Serialize)]
pub struct Stop {
    pub position: u32,
    pub village_code: String,
    pub village: String,
    pub district: String,
    pub permits: Vec<Carried>,
}

/// One permit on a trip and its outcome so far.
#[derive(Debug, Clone, Serialize)]
pub struct Carried {
    pub delivery_id: i64,
    pub case_id: CaseId,
    /// Set for every issued case; `None` only in a damaged register (the manifest refuses it).
    pub permit_number: Option<String>,
    pub permit_type: String,
    pub holder: String,
    pub holder_nik: String,
    pub address: String,
    pub outcome: Option<String>,
    pub fail_reason: Option<FailReason>,
    pub recipient_name: Option<String>,
    pub relation: Option<String>,
}

/// A trip with its crew (full names), stops in order and permits per stop.
#[derive(Debug, Clone, Serialize)]
pub struct TripDetail {
    pub trip: Trip,
    pub crew_names: Vec<String>,
    pub stops: Vec<Stop>,
}

/// A village's demand for the van: what waits for delivery and who asked for a visit.
#[derive(Debug, Clone, Serialize)]
pub struct VillageDemand {
    pub village_code: String,
    pub village: String,
    pub district: String,
    pub undelivered: u32,
    pub open_pickups: u32,
    /// Days the oldest undelivered permit or open request has waited.
    pub oldest_days: i64,
}

const TRIP_COLUMNS: &str = "t.id, t.trip_date, t.vehicle, t.status, t.note,
    (SELECT group_concat(u.username, ',') FROM trip_crew c JOIN users u ON u.id = c.user_id WHERE c.trip_id = t.id),
    (SELECT count(*) FROM trip_stops s WHERE s.trip_id = t.id),
    (SELECT count(*) FROM deliveries d WHERE d.trip_id = t.id)";

fn trip_from_row(r: &rusqlite::Row) -> rusqlite::Result<Trip> {
    let crew: Option<String> = r.get(5)?;
    Ok(Trip {
        id: TripId(r.get(0)?),
        date: r.get(1)?,
        vehicle: r.get(2)?,
        status: r.get(3)?,
        note: r.get(4)?,
        crew: crew
            .map(|c| c.split(',').map(str::to_string).collect())
            .unwrap_or_default(),
        stops: r.get::<_, i64>(6)? as usize,
        permits: r.get::<_, i64>(7)? as usize,
    })
}

/// Trips whose date is in `from..=to` (ISO days), by date.
pub fn list_trips(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<Vec<Trip>> {
    let trips = conn
        .prepare(&format!(
            "SELECT {TRIP_COLUMNS} FROM trips t WHERE t.trip_date BETWEEN ?1 AND ?2 ORDER BY t.trip_date, t.id"
        ))?
        .query_map(params![time::day(from), time::day(to)], trip_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(trips)
}

/// A trip with its stops in visiting order and the permits carried for each.
pub fn detail(conn: &Connection, id: TripId) -> Result<TripDetail> {
    let trip = conn
        .query_row(
            &format!("SELECT {TRIP_COLUMNS} FROM trips t WHERE t.id = ?1"),
            [id.0],
            trip_from_row,
        )
        .optional()?
        .ok_or_else(|| Error::not_found("trip", id.0))?;
    let crew_names = conn
        .prepare("SELECT u.full_name FROM trip_crew c JOIN users u ON u.id = c.user_id WHERE c.trip_id = ?1 ORDER BY u.full_name")?
        .query_map([id.0], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut stops: Vec<Stop> = conn
        .prepare(
            "SELECT s.position, s.village_code, v.name, d.name FROM trip_stops s
             JOIN villages v ON v.code = s.village_code JOIN districts d ON d.code = v.district_code
             WHERE s.trip_id = ?1 ORDER BY s.position",
        )?
        .query_map([id.0], |r| {
            Ok(Stop {
                position: r.get(0)?,
                village_code: r.get(1)?,
                village: r.get(2)?,
                district: r.get(3)?,
                permits: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare(
        "SELECT d.id, d.case_id, c.permit_number, p.name, a.name, a.nik, a.address, d.outcome, d.fail_reason,
                d.recipient_name, d.relation, d.village_code
         FROM deliveries d JOIN cases c ON c.id = d.case_id JOIN applicants a ON a.id = c.applicant_id
         JOIN permit_types p ON p.id = c.permit_type_id
         WHERE d.trip_id = ?1 ORDER BY c.permit_number, d.id",
    )?;
    let rows = stmt.query_map([id.0], |r| {
        let number: Option<String> = r.get(2)?;
        Ok((
            r.get::<_, String>(11)?,
            Carried {
                delivery_id: r.get(0)?,
                case_id: CaseId(r.get(1)?),
                permit_number: number,
                permit_type: r.get(3)?,
                holder: r.get(4)?,
                holder_nik: r.get(5)?,
                address: r.get(6)?,
                outcome: r.get(7)?,
                fail_reason: r.get(8)?,
                recipient_name: r.get(9)?,
                relation: r.get(10)?,
            },
        ))
    })?;
    for row in rows {
        let (village, carried) = row?;
        if let Some(stop) = stops.iter_mut().find(|s| s.village_code == village) {
            stop.permits.push(carried);
        }
    }
    Ok(TripDetail {
        trip,
        crew_names,
        stops,
    })
}

/// Villages by demand for the van, highest first: permits waiting in the pool and open pick-up requests.
pub fn suggest_villages(conn: &Connection, now: DateTime<Utc>) -> Result<Vec<VillageDemand>> {
    let today = office_today(conn, now)?;
    let mut stmt = conn.prepare(
        "WITH waiting AS (
             SELECT a.village_code AS code, c.issued_on AS since FROM cases c JOIN applicants a ON a.id = c.applicant_id
             WHERE c.status = 'issued' AND a.village_code IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.case_id = c.id AND d.outcome IS NULL)
         ), asks AS (
             SELECT village_code AS code, substr(requested_at, 1, 10) AS since FROM pickup_requests
             WHERE outcome IS NULL AND trip_id IS NULL
         )
         SELECT v.code, v.name, d.name,
                (SELECT count(*) FROM waiting w WHERE w.code = v.code),
                (SELECT count(*) FROM asks k WHERE k.code = v.code),
                (SELECT min(since) FROM (SELECT since FROM waiting w WHERE w.code = v.code
                                         UNION ALL SELECT since FROM asks k WHERE k.code = v.code))
         FROM villages v JOIN districts d ON d.code = v.district_code
         WHERE v.code IN (SELECT code FROM waiting UNION SELECT code FROM asks)",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, u32>(3)?,
            r.get::<_, u32>(4)?,
            r.get::<_, Option<String>>(5)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (code, village, district, undelivered, open_pickups, since) = row?;
        let oldest_days = match since {
            Some(s) => (today - time::parse_day("since", &s)?).num_days(),
            None => 0,
        };
        out.push(VillageDemand {
            village_code: code,
            village,
            district,
            undelivered,
            open_pickups,
            oldest_days,
        });
    }
    out.sort_by(|a, b| {
        (b.undelivered + b.open_pickups, b.oldest_days)
            .cmp(&(a.undelivered + a.open_pickups, a.oldest_days))
            .then_with(|| a.village_code.cmp(&b.village_code))
    });
    Ok(out)
}

/// An issued permit waiting in the pool (on no open trip), for assigning by hand.
#[derive(Debug, Clone, Serialize)]
pub struct Waiting {
    pub case_id: CaseId,
    /// Set for every issued case; `None` only in a damaged register.
    pub permit_number: Option<String>,
    pub permit_type: String,
    pub holder: String,
    pub village_code: Option<String>,
    pub village: Option<String>,
    pub issued_on: Option<String>,
    /// Failed attempts so far, so a permit that keeps coming back stands out.
    pub attempts: u32,
}

/// The pool: issued permits on no open trip, oldest first, optionally of one village.
pub fn pool(conn: &Connection, village: Option<&str>) -> Result<Vec<Waiting>> {
    let rows = conn
        .prepare(
            "SELECT c.id, c.permit_number, p.name, a.name, a.village_code, v.name, c.issued_on,
                    (SELECT count(*) FROM deliveries d WHERE d.case_id = c.id AND d.outcome = 'not_delivered')
             FROM cases c JOIN applicants a ON a.id = c.applicant_id JOIN permit_types p ON p.id = c.permit_type_id
             LEFT JOIN villages v ON v.code = a.village_code
             WHERE c.status = 'issued' AND (?1 IS NULL OR a.village_code = ?1)
               AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.case_id = c.id AND d.outcome IS NULL)
             ORDER BY c.issued_on, c.id",
        )?
        .query_map([village.map(str::trim)], |r| {
            let number: Option<String> = r.get(1)?;
            let issued: Option<String> = r.get(6)?;
            Ok(Waiting {
                case_id: CaseId(r.get(0)?),
                permit_number: number,
                permit_type: r.get(2)?,
                holder: r.get(3)?,
                village_code: r.get(4)?,
                village: r.get(5)?,
                issued_on: issued,
                attempts: r.get(7)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// The villages of the office's regency, for choosing stops and pick-up villages (the register form's).
pub use crate::applicants::{regency_villages, Village};
