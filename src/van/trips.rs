//! Planning a trip, assigning permits to it, sending it out and closing it on return.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Deserialize;

use crate::actor::{Actor, Role, UserId};
use crate::audit::{self, Change};
use crate::cases::{self, CaseId, Move, Status};
use crate::db::{Db, Tx};
use crate::store::deliveries::{self, FailReason};
use crate::store::trips::{self as store, NewTripRow, TripId, TripStatus};
use crate::store::{areas, users};
use crate::{office, text, time, Error, Result};

/// What the planner fills in.
#[derive(Debug, Clone, Deserialize)]
pub struct NewTrip {
    /// ISO day of the trip.
    pub date: String,
    pub vehicle: String,
    /// Usernames of the crew; each must be an active courier.
    pub crew: Vec<String>,
    /// Village codes in the order the van visits them.
    pub villages: Vec<String>,
    #[serde(default)]
    pub note: Option<String>,
}

pub(super) fn trip_status(db: &Db, id: TripId) -> Result<TripStatus> {
    store::status(db, id)?.ok_or_else(|| Error::not_found("trip", id))
}

/// Plans a trip (clerk or admin). Returns its id.
pub fn create_trip(db: &mut Db, actor: &Actor, now: DateTime<Utc>, t: &NewTrip) -> Result<TripId> {
    actor.require(&[Role::Clerk, Role::Admin], "plan van trips")?;
    let day: NaiveDate = time::parse_day("date", t.date.trim())?;
    let vehicle = text::line("vehicle", &t.vehicle, 60)?;
    let note = text::optional_line("note", t.note.as_deref(), text::MAX_TEXT)?;
    if t.crew.is_empty() {
        return Err(Error::invalid("crew", "a trip needs at least one courier"));
    }
    if t.villages.is_empty() {
        return Err(Error::invalid(
            "villages",
            "a trip needs at least one village",
        ));
    }
    db.write(|tx| {
        let mut crew: Vec<UserId> = Vec::new();
        for name in &t.crew {
            match users::role_of(tx, &name.trim().to_lowercase())? {
                Some((id, Role::Courier, true)) if !crew.contains(&id) => crew.push(id),
                Some((_, Role::Courier, true)) => {
                    return Err(Error::invalid("crew", format!("{name} is listed twice")))
                }
                Some(_) => {
                    return Err(Error::invalid(
                        "crew",
                        format!("{name} is not an active courier"),
                    ))
                }
                None => return Err(Error::invalid("crew", format!("no user named {name}"))),
            }
        }
        let mut villages: Vec<String> = Vec::new();
        for v in &t.villages {
            let v = v.trim().to_string();
            if !areas::village_exists(tx, &v)? {
                return Err(Error::invalid(
                    "villages",
                    format!("unknown village code {v}"),
                ));
            }
            if villages.contains(&v) {
                return Err(Error::invalid(
                    "villages",
                    format!("village {v} is listed twice"),
                ));
            }
            villages.push(v);
        }
        let id = store::insert(
            tx,
            &NewTripRow {
                date: day,
                vehicle: &vehicle,
                note: note.as_deref(),
                crew: &crew,
                villages: &villages,
            },
            actor.id,
            now,
        )?;
        let detail = format!("{day} {vehicle} stops {}", villages.join(","));
        audit::admin_event(
            tx,
            Some(actor.id),
            now,
            "trip_created",
            &format!("trip {id}"),
            Some(&detail),
        )?;
        Ok(id)
    })
}

/// Assigns issued permits to a planned or out trip by hand. The holder's village must be a stop, and a
/// permit can be on one open trip only.
pub fn assign(
    db: &mut Db,
    actor: &Actor,
    now: DateTime<Utc>,
    trip: TripId,
    ids: &[CaseId],
) -> Result<()> {
    actor.require(&[Role::Clerk, Role::Admin], "assign permits to a trip")?;
    let today = office::today(db, now)?;
    db.write(|tx| {
        for id in ids {
            assign_tx(tx, actor, now, today, trip, *id)?;
        }
        Ok(())
    })
}

/// Assigns every issued permit in the pool whose holder lives in `village` (a stop of the trip).
/// Returns the cases assigned.
pub fn assign_village(
    db: &mut Db,
    actor: &Actor,
    now: DateTime<Utc>,
    trip: TripId,
    village: &str,
) -> Result<Vec<CaseId>> {
    actor.require(&[Role::Clerk, Role::Admin], "assign permits to a trip")?;
    let today = office::today(db, now)?;
    db.write(|tx| {
        let ids: Vec<CaseId> = deliveries::pool(tx, Some(village.trim()))?
            .into_iter()
            .map(|w| w.case_id)
            .collect();
        for id in &ids {
            assign_tx(tx, actor, now, today, trip, *id)?;
        }
        Ok(ids)
    })
}

fn assign_tx(
    tx: &Tx,
    actor: &Actor,
    now: DateTime<Utc>,
    today: NaiveDate,
    trip: TripId,
    id: CaseId,
) -> Result<()> {
    let status = trip_status(tx, trip)?;
    if status == TripStatus::Closed {
        return Err(Error::Transition(format!(
            "trip {trip} is closed: nothing can be added to it"
        )));
    }
    let c = crate::store::cases::for_trip(tx, id)?.ok_or_else(|| Error::not_found("case", id))?;
    // Only a label for the messages below: a case that is not issued yet has no number.
    let number = c.permit_number.unwrap_or_else(|| format!("of case {id}"));
    if c.status != Status::Issued {
        return Err(Error::Transition(format!(
            "case {id} is {}, not issued: only an issued permit can go on a trip",
            c.status
        )));
    }
    if let Some((_, other)) = deliveries::open_of_case(tx, id)? {
        let on = other
            .map(|t| format!("open trip {t}"))
            .unwrap_or_else(|| "a counter handover".into());
        return Err(Error::Conflict(format!(
            "permit {number} is already on {on}; a permit can be on one open trip only"
        )));
    }
    let Some(village) = c.village_code else {
        return Err(Error::invalid(
            "case",
            format!("the holder of permit {number} has no village recorded"),
        ));
    };
    if !store::stops_in(tx, trip, &village)? {
        return Err(Error::invalid(
            "case",
            format!("the holder of permit {number} lives in village {village}, which is not a stop of trip {trip}"),
        ));
    }
    deliveries::assign(tx, id, trip, &village, actor.id, now)?;
    if status == TripStatus::Out {
        cases::step_tx(
            tx,
            actor,
            now,
            today,
            id,
            &Move {
                to: Status::OutForDelivery,
                reason: None,
            },
        )?;
    }
    audit::case_event(
        tx,
        id,
        actor,
        now,
        Change::note("trip_assigned", Some(&format!("trip {trip}"))),
    )
}

/// Takes a permit off a planned trip, back into the pool.
pub fn unassign(
    db: &mut Db,
    actor: &Actor,
    now: DateTime<Utc>,
    trip: TripId,
    id: CaseId,
) -> Result<()> {
    actor.require(&[Role::Clerk, Role::Admin], "take permits off a trip")?;
    db.write(|tx| {
        if trip_status(tx, trip)? != TripStatus::Planned {
            return Err(Error::Transition(format!(
                "trip {trip} has left: record an outcome instead"
            )));
        }
        if !deliveries::unassign(tx, trip, id)? {
            return Err(Error::invalid(
                "case",
                format!("case {id} is not on trip {trip}"),
            ));
        }
        audit::case_event(
            tx,
            id,
            actor,
            now,
            Change::note("trip_unassigned", Some(&format!("trip {trip}"))),
        )
    })
}

/// The van leaves: every permit on the trip moves to `out_for_delivery` (a courier of the crew, or a clerk).
pub fn start_trip(db: &mut Db, actor: &Actor, now: DateTime<Utc>, trip: TripId) -> Result<()> {
    actor.require(&[Role::Courier, Role::Clerk], "send a trip out")?;
    let today = office::today(db, now)?;
    db.write(|tx| {
        if trip_status(tx, trip)? != TripStatus::Planned {
            return Err(Error::Transition(format!(
                "trip {trip} is not planned: it has already left"
            )));
        }
        if actor.role == Role::Courier {
            require_crew(tx, actor, trip)?;
        }
        for id in deliveries::open_cases(tx, trip)? {
            cases::step_tx(
                tx,
                actor,
                now,
                today,
                id,
                &Move {
                    to: Status::OutForDelivery,
                    reason: None,
                },
            )?;
        }
        store::set_out(tx, trip, now)?;
        audit::admin_event(
            tx,
            Some(actor.id),
            now,
            "trip_started",
            &format!("trip {trip}"),
            None,
        )
    })
}

/// The van is back: permits without an outcome go back to the pool as not attempted, and the trip closes.
pub fn close_trip(db: &mut Db, actor: &Actor, now: DateTime<Utc>, trip: TripId) -> Result<()> {
    actor.require(&[Role::Courier, Role::Clerk], "close a trip")?;
    let today = office::today(db, now)?;
    db.write(|tx| {
        let status = trip_status(tx, trip)?;
        if status == TripStatus::Closed {
            return Err(Error::Transition(format!("trip {trip} is already closed")));
        }
        if actor.role == Role::Courier {
            require_crew(tx, actor, trip)?;
        }
        let reason = FailReason::NotAttempted;
        for id in deliveries::open_cases(tx, trip)? {
            if status == TripStatus::Planned {
                audit::case_event(
                    tx,
                    id,
                    actor,
                    now,
                    Change {
                        action: "trip_unassigned",
                        from: None,
                        to: None,
                        reason: Some(reason.label()),
                        detail: Some(&format!("trip {trip} closed before it left")),
                    },
                )?;
            } else {
                cases::step_tx(
                    tx,
                    actor,
                    now,
                    today,
                    id,
                    &Move {
                        to: Status::Issued,
                        reason: Some(reason.label().into()),
                    },
                )?;
            }
            if let Some(d) = deliveries::open_on_trip(tx, trip, id)? {
                deliveries::set_not_delivered(tx, d, reason, None, actor.id, now)?;
            }
        }
        store::set_closed(tx, trip, now)?;
        audit::admin_event(
            tx,
            Some(actor.id),
            now,
            "trip_closed",
            &format!("trip {trip}"),
            None,
        )
    })
}

/// Refuses a courier who is not in the trip's crew.
pub(super) fn require_crew(db: &Db, actor: &Actor, trip: TripId) -> Result<()> {
    if store::is_crew(db, trip, actor.id)? {
        Ok(())
    } else {
        Err(Error::Forbidden(format!(
            "{} is not in the crew of trip {trip}",
            actor.username
        )))
    }
}

/// Refuses a closed trip; returns the trip's status otherwise.
pub(super) fn require_open(db: &Db, trip: TripId) -> Result<TripStatus> {
    let s = trip_status(db, trip)?;
    if s == TripStatus::Closed {
        return Err(Error::Transition(format!(
            "trip {trip} is closed: nothing more can be recorded on it"
        )));
    }
    Ok(s)
}
