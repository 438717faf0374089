//! Check-out: the trip goes into the laptop's own register file, with everything the day needs — the trip
//! and its stops, the permits on it and their holders, every staff account (only the crew can sign in on
//! the laptop), the catalogue, the holidays, the office profile and its public keys (never the signing key:
//! a lost laptop must not sign permits), the open pick-up requests of its villages, and the van's number
//! series. The permits are leased to the van: the counter hands one over only after an explicit recall.

use std::path::Path;

use chrono::{DateTime, Utc};
use ed25519_dalek::SigningKey;
use serde::Serialize;

use crate::actor::{Actor, Role};
use crate::audit::{self, Change};
use crate::cases::{self, CaseId, Move, Status};
use crate::catalogue::numbering;
use crate::db::{Address, Db, Param, Tx};
use crate::store::deliveries::{self, FailReason};
use crate::store::tables::copy_where;
use crate::store::trips::{self as trips, TripId, TripStatus};
use crate::store::van_offline::{self as store, VanRegister};
use crate::{office, Error, Result};

/// What a check-out made.
#[derive(Debug, Clone, Serialize)]
pub struct Checkout {
    pub checkout_id: String,
    pub van: String,
    pub trip_id: TripId,
    pub file: String,
    pub permits: u64,
    pub pickups: u64,
}

fn check_van(van: &str) -> Result<String> {
    let v = van.trim().to_uppercase();
    if v.is_empty()
        || v.len() > 8
        || !v
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
    {
        return Err(Error::invalid(
            "van",
            "a van's name is 1–8 capital letters or digits, e.g. VAN1",
        ));
    }
    Ok(v)
}

/// Builds the van register at `out` from the office transaction `tx`.
fn build(tx: &Tx, out: &Path, v: &VanRegister) -> Result<(u64, u64)> {
    let mut van = Db::create(&Address::File(out.to_path_buf()))?;
    let trip = v.trip_id;
    let on_trip = "id IN (SELECT case_id FROM deliveries WHERE trip_id = ?1 AND outcome IS NULL)";
    let counts = van.write(|w| {
        // The new file's own catalogue, holidays and key make way for the office's.
        for t in ["permit_requirements", "permit_types", "holidays", "office_keys"] {
            w.execute(&format!("DELETE FROM {t}"), &[])?;
        }
        for t in ["office", "users", "holidays", "permit_types", "permit_requirements"] {
            copy_where(tx, w, t, "1 = 1", &[])?;
        }
        let trip_p: [&dyn Param; 1] = [&trip];
        copy_where(tx, w, "trips", "id = ?1", &trip_p)?;
        copy_where(tx, w, "trip_crew", "trip_id = ?1", &trip_p)?;
        copy_where(tx, w, "trip_stops", "trip_id = ?1", &trip_p)?;
        // Only the crew signs in on the laptop; the others are there because the copied rows name them.
        w.execute(
            "UPDATE users SET active = 0, password_hash = '!' WHERE id NOT IN (SELECT user_id FROM trip_crew)",
            &[],
        )?;
        copy_where(
            tx,
            w,
            "applicants",
            &format!("id IN (SELECT applicant_id FROM cases WHERE {on_trip})"),
            &trip_p,
        )?;
        let permits = copy_where(tx, w, "cases", on_trip, &trip_p)?;
        copy_where(
            tx,
            w,
            "case_documents",
            &format!("case_id IN (SELECT id FROM cases WHERE {on_trip})"),
            &trip_p,
        )?;
        copy_where(tx, w, "deliveries", "trip_id = ?1 AND outcome IS NULL", &trip_p)?;
        let pickups = copy_where(
            tx,
            w,
            "pickup_requests",
            "outcome IS NULL AND case_id IS NULL AND (trip_id IS NULL OR trip_id = ?1)
             AND village_code IN (SELECT village_code FROM trip_stops WHERE trip_id = ?1)",
            &trip_p,
        )?;
        // Every key the office verifies with, public halves only, none able to sign.
        for (id, public) in crate::store::keys::public_keys(tx)? {
            crate::store::keys::add_public(w, &id, &public)?;
        }
        let day = office::today(tx, v.checked_out_at)?;
        let key = numbering::van_series_key(&v.van, day);
        let last = crate::store::numbers::last(tx, &key)?;
        if last > 0 {
            w.execute(
                "INSERT INTO number_series (key, last) VALUES (?1, ?2)",
                &[&key, &last],
            )?;
        }
        store::set_van_register(w, v)?;
        Ok((permits, pickups))
    })?;
    crate::private::restrict(out)?;
    Ok(counts)
}

/// Checks a trip out to the van laptop's register file `out` (which must not exist), leasing its permits.
/// A planned trip leaves at check-out (its permits go out for delivery). A clerk, an admin, or a courier
/// of the crew.
pub fn checkout(
    db: &mut Db,
    actor: &Actor,
    now: DateTime<Utc>,
    trip: TripId,
    van: &str,
    out: &Path,
) -> Result<Checkout> {
    actor.require(
        &[Role::Clerk, Role::Admin, Role::Courier],
        "check a trip out to the van",
    )?;
    let van = check_van(van)?;
    if out.exists() {
        return Err(Error::Conflict(format!(
            "{} already exists; the van's register is written to a new file",
            out.display()
        )));
    }
    let today = office::today(db, now)?;
    let secret = SigningKey::generate(&mut rand_core::OsRng);
    let checkout_id = crate::audit::outbox::new_id();
    let office_key_id = crate::audit::key::active(db)?.0;
    let address = match db.address() {
        Address::Server(_) => Some(db.address().shown()),
        Address::File(p) => Some(p.display().to_string()),
    };
    let built = db.write(|tx| {
        // A retried transaction starts over with no file.
        if out.exists() {
            std::fs::remove_file(out)?;
        }
        let status = trips::status(tx, trip)?.ok_or_else(|| Error::not_found("trip", trip))?;
        if status == TripStatus::Closed {
            return Err(Error::Transition(format!("trip {trip} is closed")));
        }
        if actor.role == Role::Courier && !trips::is_crew(tx, trip, actor.id)? {
            return Err(Error::Forbidden(format!(
                "{} is not in the crew of trip {trip}",
                actor.username
            )));
        }
        if let Some(c) = store::open_checkout(tx, Some(&van), None)? {
            return Err(Error::Conflict(format!(
                "{van} still has trip {} checked out ({}); check it in first",
                c.trip_id, c.id
            )));
        }
        if let Some(c) = store::open_checkout(tx, None, Some(trip))? {
            return Err(Error::Conflict(format!(
                "trip {trip} is already checked out to {}",
                c.van
            )));
        }
        if status == TripStatus::Planned {
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
            trips::set_out(tx, trip, now)?;
            audit::admin_event(
                tx,
                Some(actor.id),
                now,
                "trip_started",
                &format!("trip {trip}"),
                Some("checked out to the van"),
            )?;
        }
        store::insert_checkout(
            tx,
            &store::Checkout {
                id: checkout_id.clone(),
                van: van.clone(),
                trip_id: trip,
                checked_out_at: now,
                checked_out_by: actor.id,
                van_key: secret.verifying_key().as_bytes().to_vec(),
                checked_in_at: None,
                last_seq: 0,
            },
        )?;
        let reg = VanRegister {
            checkout_id: checkout_id.clone(),
            van: van.clone(),
            trip_id: trip,
            office_key_id: office_key_id.clone(),
            van_secret: secret.to_bytes().to_vec(),
            office_address: address.clone(),
            checked_out_at: now,
        };
        let (permits, pickups) = build(tx, out, &reg)?;
        audit::admin_event(
            tx,
            Some(actor.id),
            now,
            "van.checkout",
            &format!("trip {trip}"),
            Some(&format!(
                "{van}, {permits} permits, {pickups} pick-up requests, checkout {checkout_id}"
            )),
        )?;
        Ok((permits, pickups))
    });
    let (permits, pickups) = match built {
        Ok(c) => c,
        Err(e) => {
            let _ = std::fs::remove_file(out);
            return Err(e);
        }
    };
    Ok(Checkout {
        checkout_id,
        van,
        trip_id: trip,
        file: out.display().to_string(),
        permits,
        pickups,
    })
}

/// Takes a leased permit back from the van (clerk): the holder came to the counter while the trip was
/// out. The permit leaves the trip, back to the pool; the van's later handover of it becomes a conflict.
pub fn recall(
    db: &mut Db,
    actor: &Actor,
    now: DateTime<Utc>,
    case: CaseId,
    reason: &str,
) -> Result<()> {
    actor.require(&[Role::Clerk], "recall a permit from the van")?;
    let reason = crate::text::line("reason", reason, crate::text::MAX_TEXT)?;
    let today = office::today(db, now)?;
    db.write(|tx| {
        let Some((delivery, Some(trip))) = deliveries::open_of_case(tx, case)? else {
            return Err(Error::invalid(
                "case",
                format!("case {case} is not with a van"),
            ));
        };
        let Some(c) = store::open_checkout(tx, None, Some(trip))? else {
            return Err(Error::invalid(
                "case",
                format!("trip {trip} is not checked out: take the permit off the trip instead"),
            ));
        };
        let why = format!("recalled from {}: {reason}", c.van);
        deliveries::set_not_delivered(
            tx,
            delivery,
            FailReason::NotAttempted,
            Some(&why),
            actor.id,
            now,
        )?;
        cases::step_tx(
            tx,
            actor,
            now,
            today,
            case,
            &Move {
                to: Status::Issued,
                reason: Some(why.clone()),
            },
        )?;
        audit::case_event(
            tx,
            case,
            actor,
            now,
            Change::note("recalled_from_van", Some(&why)),
        )
    })
}
