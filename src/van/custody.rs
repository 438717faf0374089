//! Chain of custody of paper originals taken in on a trip: which checklist items went into which sealed
//! bag, and the handover of each bag from the crew to the front office with any discrepancy written down.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::trips::{require_crew, require_open};
use crate::actor::{Actor, Role};
use crate::audit::{self, Change};
use crate::cases::{self, CaseId, Channel};
use crate::db::{Db, Tx};
use crate::store::case_documents;
use crate::store::intakes as store;
use crate::store::trips::TripId;
use crate::{text, Error, Result};

/// What the courier records after registering an application in the field.
#[derive(Debug, Clone, Deserialize, Serialize)]
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
    db: &mut Db,
    actor: &Actor,
    now: DateTime<Utc>,
    trip: TripId,
    f: &FieldIntake,
) -> Result<()> {
    db.write(|tx| record_field_intake_tx(tx, actor, now, trip, f))
}

/// [`record_field_intake`] inside the caller's transaction (a van's check-in replays it).
pub(crate) fn record_field_intake_tx(
    tx: &Tx,
    actor: &Actor,
    now: DateTime<Utc>,
    trip: TripId,
    f: &FieldIntake,
) -> Result<()> {
    actor.require(&[Role::Courier], "record originals taken in the field")?;
    let seal = text::line("bag_seal", &f.bag_seal, 40)?;
    {
        require_open(tx, trip)?;
        require_crew(tx, actor, trip)?;
        let case = cases::get(tx, f.case_id)?;
        if case.channel != Channel::Van {
            return Err(Error::invalid(
                "case_id",
                format!("case {} was not registered in the van", f.case_id),
            ));
        }
        audit::outbox::record(
            tx,
            actor,
            now,
            "intake",
            &serde_json::json!({
                "trip": trip, "van_number": case.registration_number, "bag_seal": seal, "originals": f.originals,
            }),
        )?;
        let mut labels = Vec::new();
        for p in &f.originals {
            labels.push(case_documents::label(tx, f.case_id, *p)?.ok_or_else(|| {
                Error::invalid("originals", format!("this case has no checklist item {p}"))
            })?);
        }
        if !store::insert(tx, f.case_id, trip, &seal, &f.originals, actor.id, now)? {
            return Err(Error::Conflict(format!(
                "the originals of case {} are already recorded",
                f.case_id
            )));
        }
        let detail = format!("trip {trip}, bag {seal}: {}", labels.join("; "));
        audit::case_event(
            tx,
            f.case_id,
            actor,
            now,
            Change::note("originals_bagged", Some(&detail)),
        )
    }
}

/// The front office receives a sealed bag from the crew (clerk). Returns the cases in the bag.
pub fn hand_over_bag(
    db: &mut Db,
    actor: &Actor,
    now: DateTime<Utc>,
    trip: TripId,
    h: &Handover,
) -> Result<Vec<CaseId>> {
    actor.require(&[Role::Clerk], "receive originals from the crew")?;
    let seal = text::line("bag_seal", &h.bag_seal, 40)?;
    let discrepancy = text::optional_line("discrepancy", h.discrepancy.as_deref(), text::MAX_TEXT)?;
    db.write(|tx| {
        let ids = store::waiting_in_bag(tx, trip, &seal)?;
        if ids.is_empty() {
            return Err(Error::invalid(
                "bag_seal",
                format!("trip {trip} has no bag {seal} waiting for handover"),
            ));
        }
        store::hand_over(tx, trip, &seal, actor.id, discrepancy.as_deref(), now)?;
        let detail = match &discrepancy {
            Some(d) => format!("bag {seal} received with a discrepancy: {d}"),
            None => format!("bag {seal} received, seal intact and complete"),
        };
        for id in &ids {
            audit::case_event(
                tx,
                *id,
                actor,
                now,
                Change::note("originals_received", Some(&detail)),
            )?;
        }
        Ok(ids)
    })
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
    pub handed_over_at: Option<DateTime<Utc>>,
    pub received_by: Option<String>,
    pub discrepancy: Option<String>,
}

/// The bags of a trip in the order they were first filled, so the office can check each against its list.
pub fn bags(db: &Db, trip: TripId) -> Result<Vec<Bag>> {
    let mut out: Vec<Bag> = Vec::new();
    for row in store::of_trip(db, trip)? {
        let mut labels = Vec::with_capacity(row.originals.len());
        for p in &row.originals {
            labels.push(case_documents::label(db, row.case_id, *p)?.ok_or_else(|| {
                Error::Corrupt(format!("case {} has no checklist item {p}", row.case_id))
            })?);
        }
        let item = Bagged {
            case_id: row.case_id,
            registration_number: row.registration_number,
            applicant: row.applicant,
            originals: labels,
        };
        match out.iter_mut().find(|b| b.bag_seal == row.bag_seal) {
            Some(bag) => bag.cases.push(item),
            None => out.push(Bag {
                bag_seal: row.bag_seal,
                cases: vec![item],
                handed_over_at: row.handed_over_at,
                received_by: row.received_by,
                discrepancy: row.discrepancy,
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
    pub registered_at: DateTime<Utc>,
    /// The checklist: position, label, and whether it was ticked as received at registration.
    pub documents: Vec<(u32, String, bool)>,
}

/// Van applications still waiting for their originals to be bagged, oldest first (withdrawn ones left out).
pub fn unbagged(db: &Db) -> Result<Vec<Unbagged>> {
    store::unbagged(db)?
        .into_iter()
        .map(|r| {
            let documents = case_documents::of_case(db, r.case_id)?
                .into_iter()
                .map(|d| (d.position, d.label, d.received))
                .collect();
            Ok(Unbagged {
                case_id: r.case_id,
                registration_number: r.registration_number,
                applicant: r.applicant,
                permit_type: r.permit_type,
                registered_at: r.registered_at,
                documents,
            })
        })
        .collect()
}
