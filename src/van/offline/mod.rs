//! The van's whole day offline (docs/van.md). Check-out copies a trip into the laptop's own register file
//! (a Petromaks SQLite register marked as the van's) and leases its permits to the van; in the field every
//! action goes through the same core functions on that file and into its signed outbox; check-in verifies
//! the outbox whole and replays it into the office register in the van's order, each action exactly once;
//! what no rule decides becomes a conflict a clerk resolves.

mod apply;
mod checkin;
mod checkout;
mod conflicts;

pub use crate::store::van_offline::Conflict;
pub use checkin::{checkin, CheckinReport};
pub use checkout::{checkout, recall, Checkout};
pub use conflicts::{conflicts, decisions, resolve, Decision, Resolution};

use serde::Serialize;

use crate::db::Db;
use crate::store::van_offline as store;
use crate::Result;

/// What a van register's banner says: the trip it works on offline and what waits for check-in.
#[derive(Debug, Clone, Serialize)]
pub struct VanStatus {
    pub van: String,
    pub trip_id: crate::store::trips::TripId,
    pub checkout_id: String,
    pub checked_out_at: chrono::DateTime<chrono::Utc>,
    pub office_address: Option<String>,
    /// Actions recorded and not yet checked in.
    pub pending: i64,
    /// Every action recorded on this laptop.
    pub recorded: i64,
}

/// The van register's status, or `None` on an office register.
pub fn status(db: &Db) -> Result<Option<VanStatus>> {
    let Some(v) = store::van_register(db)? else {
        return Ok(None);
    };
    Ok(Some(VanStatus {
        pending: store::outbox_pending(db)?,
        recorded: store::outbox_head(db)?.0,
        van: v.van,
        trip_id: v.trip_id,
        checkout_id: v.checkout_id,
        checked_out_at: v.checked_out_at,
        office_address: v.office_address,
    }))
}

/// The van a trip is checked out to now, if it is (the sync screen shows which trips are away).
pub fn checked_out_to(db: &Db, trip: crate::store::trips::TripId) -> Result<Option<String>> {
    Ok(store::open_checkout(db, None, Some(trip))?.map(|c| c.van))
}
