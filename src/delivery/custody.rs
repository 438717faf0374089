//! Chain of custody of paper originals taken in on a trip: which checklist items went into which sealed
//! bag, and the handover of each bag from the crew to the front office with any discrepancy written down.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use super::trips::{require_crew, require_open};
use super::TripId;
use crate::audit::{self, Change};
use crate::cases::{CaseId, Channel};
use crate::users::{Actor, Role};
use crate::{db, text, time, Error, Result};

/// What the courier records after registering an application in the field.
#[derive(Debug, Clone, Deserialize)]
pub struct FieldIntake {
    pub case_id: CaseId,
    /// The number on the bag's seal.
    pub bag_seal: String,
    /// Checklist positions whose paper originals were taken.
    pub originals: Vec<u32>,
}

/// What the front office receives from the crew: one sealed bag.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Handover {
    pub bag_seal: String,
    /// What did not match: a broken seal, an original missing or extra. `None` when all matched.
    #[serde(default)]
    pub discrepancy: Option<String>,
}

/// Links a van application to its trip and records the originals carried and the bag (a courier of the crew).
pub fn record_field_intake(
    conn: &mut Connection,
    actor: &Actor,
    now: DateTime<Utc>,
    trip: TripId,
    f: &FieldIntake,
) -> Result<()> {
    actor.require(&[Role::Courier], "record originals taken in the field")?;
    let seal = text::line("bag_seal", &f.bag_seal, 40)?;
    let tx = db::write_tx(conn)?;
    require_open(&tx, trip)?;
    require_crew(&tx, actor, trip)?;
    let channel: Channel = tx
        .query_row(
            "SELECT channel FROM cases WHERE id = ?1",
            [f.case_id.0],
            |r| r.get(0),
        )
        .optional()?
        .ok_or_else(|| Error::not_found("case", f.case_id.0))?;
    if channel != Channel::Van {
        return Err(Error::invalid(
            "case_id",
            format!("case {} was not registered in the van", f.case_id.0),
        ));
    }
    let mut labels = Vec::new();
    for p in &f.originals {
        let label: String = tx
            .query_row(
                "SELECT label FROM case_documents WHERE case_id = ?1 AND position = ?2",
                params![f.case_id.0, p],
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(|| {
                Error::invalid("originals", format!("this case has no checklist item {p}"))
            })?;
        labels.push(label);
    }
    let positions = serde_json::to_string(&f.originals)
        .map_err(|e| Error::invalid("originals", e.to_string()))?;
    let n = tx.execute(
        "INSERT INTO field_intakes (case_id, trip_id, bag_seal, originals, recorded_at, recorded_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (case_id) DO NOTHING",
        params![f.case_id.0, trip.0, seal, positions, time::stamp(now), actor.id.0],
    )?;
    if n == 0 {
        return Err(Error::Conflict(format!(
            "the originals of case {} are already recorded",
            f.case_id.0
        )));
    }
    let detail = format!("trip {}, bag {seal}: {}", trip.0, labels.join("; "));
    audit::case_event(
        &tx,
        f.case_id,
        actor,
        now,
        Change {
            action: "originals_bagged",
            from: None,
            to: None,
            reason: None,
            detail: Some(&detail),
        },
    )?;
    tx.commit()?;
    Ok(())
}

/// The front office receives a sealed bag from the crew (clerk). Returns the cases in the bag.
pub fn hand_over_bag(
    conn: &mut Connection,
    actor: &Actor,
    now: DateTime<Utc>,
    trip: TripId,
    h: &Handover,
) -> Result<Vec<CaseId>> {
    actor.require(&[Role::Clerk], "receive originals from the crew")?;
    let seal = text::line("bag_seal", &h.bag_seal, 40)?;
    let discrepancy = text::optional_line("discrepancy", h.discrepancy.as_deref(), text::MAX_TEXT)?;
    let tx = db::write_tx(conn)?;
    let ids: Vec<CaseId> = tx
        .prepare("SELECT case_id FROM field_intakes WHERE trip_id = ?1 AND bag_seal = ?2 AND handed_over_at IS NULL ORDER BY case_id")?
        .query_map(params![trip.0, seal], |r| Ok(CaseId(r.get(0)?)))?
        .collect::<rusqlite::Result<_>>()?;
    if ids.is_empty() {
        return Err(Error::invalid(
            "bag_seal",
            format!("trip {} has no bag {seal} waiting for handover", trip.0),
        ));
    }
    tx.execute(
        "UPDATE field_intakes SET handed_over_at = ?3, received_by = ?4, discrepancy = ?5 WHERE trip_id = ?1 AND bag_seal = ?2",
        params![trip.0, seal, time::stamp(now), actor.id.0, discrepancy],
    )?;
    let detail = match &discrepancy {
        Some(d) => format!("bag {seal} received with a discrepancy: {d}"),
        None => format!("bag {seal} received, seal intact and complete"),
    };
    for id in &ids {
        audit::case_event(
            &tx,
            *id,
            actor,
            now,
            Change {
                action: "originals_received",
                from: None,
                to: None,
                reason: None,
                detail: Some(&detail),
            },
        )?;
    }
    tx.commit()?;
    Ok(ids)
}

/// One application in a bag: which case, and the checklist items whose originals were put in.
#[derive(Debug, Clone, Serialize)]
pub struct Bagged {
    pub case_id: CaseId,
    pub registration_number: String,
    pub applicant: String,
    /// Labels of the checklist items carried, in checklist order.
    pub originals: Vec<String>,
}

/// A sealed bag of a trip, with its contents and whether the front office has received it.
#[derive(Debug, Clone, Serialize)]
pub struct Bag {
    pub bag_seal: String,
    pub cases: Vec<Bagged>,
    /// When the front office received it, if it has.
    pub handed_over_at: Option<String>,
    pub received_by: Option<String>,
    pub discrepancy: Option<String>,
}

/// The bags of a trip in the order they were first filled, so the office can check each against its list.
pub fn bags(conn: &Connection, trip: TripId) -> Result<Vec<Bag>> {
    let mut stmt = conn.prepare(
        "SELECT f.bag_seal, f.case_id, c.registration_number, a.name, f.originals, f.handed_over_at,
                u.username, f.discrepancy
         FROM field_intakes f JOIN cases c ON c.id = f.case_id JOIN applicants a ON a.id = c.applicant_id
         LEFT JOIN users u ON u.id = f.received_by
         WHERE f.trip_id = ?1 ORDER BY f.recorded_at, f.case_id",
    )?;
    let rows = stmt
        .query_map([trip.0], |r| {
            Ok((
                r.get::<_, String>(0)?,
                CaseId(r.get(1)?),
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, Option<String>>(5)?,
                r.get::<_, Option<String>>(6)?,
                r.get::<_, Option<String>>(7)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut out: Vec<Bag> = Vec::new();
    for (seal, case_id, number, applicant, originals, at, by, discrepancy) in rows {
        let positions: Vec<u32> = serde_json::from_str(&originals)
            .map_err(|e| Error::Corrupt(format!("originals of case {}: {e}", case_id.0)))?;
        let mut labels = Vec::with_capacity(positions.len());
        for p in positions {
            labels.push(conn.query_row(
                "SELECT label FROM case_documents WHERE case_id = ?1 AND position = ?2",
                params![case_id.0, p],
                |r| r.get::<_, String>(0),
            )?);
        }
        let item = Bagged {
            case_id,
            registration_number: number,
            applicant,
            originals: labels,
        };
        match out.iter_mut().find(|b| b.bag_seal == seal) {
            Some(bag) => bag.cases.push(item),
            None => out.push(Bag {
                bag_seal: seal,
                cases: vec![item],
                handed_over_at: at,
                received_by: by,
                discrepancy,
            }),
        }
    }
    Ok(out)
}

/// An application registered in the van whose originals are not yet recorded in a bag.
#[derive(Debug, Clone, Serialize)]
pub struct Unbagged {
    pub case_id: CaseId,
    pub registration_number: String,
    pub applicant: String,
    pub permit_type: String,
    pub registered_at: String,
    /// The checklist: position, label, and whether it was ticked as received at registration.
    pub documents: Vec<(u32, String, bool)>,
}

/// Van applications still waiting for their originals to be bagged, oldest first (withdrawn ones left out).
pub fn unbagged(conn: &Connection) -> Result<Vec<Unbagged>> {
    let mut stmt = conn.prepare(
        "SELECT c.id, c.registration_number, a.name, t.code || ' · ' || t.name, c.registered_at
         FROM cases c JOIN applicants a ON a.id = c.applicant_id JOIN permit_types t ON t.id = c.permit_type_id
         WHERE c.channel = 'van' AND c.status <> 'withdrawn'
           AND NOT EXISTS (SELECT 1 FROM field_intakes f WHERE f.case_id = c.id)
         ORDER BY c.id",
    )?;
    let mut docs = conn.prepare(
        "SELECT position, label, received FROM case_documents WHERE case_id = ?1 ORDER BY position",
    )?;
    let cases = stmt
        .query_map([], |r| {
            Ok((
                CaseId(r.get(0)?),
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    cases
        .into_iter()
        .map(|(case_id, number, applicant, permit_type, at)| {
            let documents = docs
                .query_map([case_id.0], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(Unbagged {
                case_id,
                registration_number: number,
                applicant,
                permit_type,
                registered_at: at,
                documents,
            })
        })
        .collect()
}
