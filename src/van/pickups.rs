//! Pick-up requests: an applicant phones or writes and asks the van to come to the village.

use chrono::{DateTime, Utc};
use serde::Deserialize;

use super::trips::require_open;
use crate::actor::{Actor, Role};
use crate::db::{Db, Tx};
use crate::store::areas;
use crate::store::pickups::{self as store, Pickup, PickupId, PickupOutcome};
use crate::store::trips::{self, TripId};
use crate::{audit, identity, text, Error, Result};

/// What the clerk writes down when someone asks for the van.
#[derive(Debug, Clone, Deserialize)]
pub struct NewPickup {
    pub name: String,
    #[serde(default)]
    pub phone: Option<String>,
    pub village_code: String,
    /// What the visit is for ("SIPD baru", "perpanjangan SIUP").
    pub purpose: String,
}

/// Records a request (clerk or admin). Returns its id.
pub fn request_pickup(
    db: &mut Db,
    actor: &Actor,
    now: DateTime<Utc>,
    p: &NewPickup,
) -> Result<PickupId> {
    actor.require(&[Role::Clerk, Role::Admin], "record pick-up requests")?;
    let name = text::person_name("name", &p.name)?;
    let purpose = text::line("purpose", &p.purpose, text::MAX_TEXT)?;
    let phone = match p.phone.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(ph) => Some(identity::normalize_phone(ph)?),
        None => None,
    };
    let village = p.village_code.trim();
    db.write(|tx| {
        if !areas::village_exists(tx, village)? {
            return Err(Error::invalid(
                "village_code",
                format!("unknown village code {village}"),
            ));
        }
        let id = store::insert(
            tx,
            &name,
            phone.as_deref(),
            village,
            &purpose,
            actor.id,
            now,
        )?;
        audit::admin_event(
            tx,
            Some(actor.id),
            now,
            "pickup_requested",
            &format!("pickup {id}"),
            Some(&format!("{name}, {village}: {purpose}")),
        )?;
        Ok(id)
    })
}

/// Puts an open request on an open trip that stops in its village (clerk or admin).
pub fn assign_pickup(
    db: &mut Db,
    actor: &Actor,
    now: DateTime<Utc>,
    id: PickupId,
    trip: TripId,
) -> Result<()> {
    actor.require(&[Role::Clerk, Role::Admin], "assign pick-up requests")?;
    db.write(|tx| {
        require_open(tx, trip)?;
        let (village, outcome) =
            store::state(tx, id)?.ok_or_else(|| Error::not_found("pick-up request", id))?;
        if let Some(o) = outcome {
            return Err(Error::Transition(format!(
                "pick-up request {id} is already closed ({o})"
            )));
        }
        if !trips::stops_in(tx, trip, &village)? {
            return Err(Error::invalid(
                "trip",
                format!("trip {trip} does not stop in village {village}"),
            ));
        }
        store::set_trip(tx, id, trip)?;
        audit::admin_event(
            tx,
            Some(actor.id),
            now,
            "pickup_assigned",
            &format!("pickup {id}"),
            Some(&format!("trip {trip}")),
        )
    })
}

/// Records how a request ended (the courier on the trip, or a clerk).
pub fn close_pickup(
    db: &mut Db,
    actor: &Actor,
    now: DateTime<Utc>,
    id: PickupId,
    outcome: PickupOutcome,
    note: Option<&str>,
) -> Result<()> {
    actor.require(
        &[Role::Clerk, Role::Courier],
        "record the outcome of pick-up requests",
    )?;
    db.write(|tx| close_pickup_tx(tx, actor, now, id, outcome, note))
}

/// [`close_pickup`] inside the caller's transaction (a van's check-in replays it).
pub(crate) fn close_pickup_tx(
    tx: &Tx,
    actor: &Actor,
    now: DateTime<Utc>,
    id: PickupId,
    outcome: PickupOutcome,
    note: Option<&str>,
) -> Result<()> {
    actor.require(
        &[Role::Clerk, Role::Courier],
        "record the outcome of pick-up requests",
    )?;
    let note = text::optional_line("note", note, text::MAX_TEXT)?;
    {
        let (_, current) =
            store::state(tx, id)?.ok_or_else(|| Error::not_found("pick-up request", id))?;
        if let Some(o) = current {
            return Err(Error::Transition(format!(
                "pick-up request {id} is already closed ({o})"
            )));
        }
        audit::outbox::record(
            tx,
            actor,
            now,
            "pickup",
            &serde_json::json!({ "pickup": id, "outcome": outcome, "note": note }),
        )?;
        store::close(tx, id, outcome, note.as_deref(), None, now)?;
        audit::admin_event(
            tx,
            Some(actor.id),
            now,
            "pickup_closed",
            &format!("pickup {id}"),
            Some(outcome.as_str()),
        )
    }
}

/// Pick-up requests, open ones only unless `all`, oldest first.
pub fn list_pickups(db: &Db, all: bool) -> Result<Vec<Pickup>> {
    store::list(db, all)
}
