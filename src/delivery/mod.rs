//! The van (DOMAIN.md, "The mobile service"): trips to the villages, the permits they carry, what happened
//! at each stop, pick-up requests and the paper originals taken in on the road.
//!
//! A permit is assigned to a planned trip while its case stays `issued`; when the trip goes out its cases
//! move to `out_for_delivery`; each recorded outcome moves the case on (delivered, or back to `issued`
//! with the reason, into the pool for the next trip). Every step reuses the case lifecycle's rules.

mod custody;
mod documents;
mod outcomes;
mod pickups;
mod trips;
mod view;

use serde::{Deserialize, Serialize};

use crate::sql_enum;

pub use custody::{
    bags, hand_over_bag, record_field_intake, unbagged, Bag, Bagged, FieldIntake, Handover,
    Unbagged,
};
pub use documents::{handover_record, manifest, trip_doc};
pub use outcomes::{collect_at_counter, record_outcome, Outcome, Recipient};
pub use pickups::{
    assign_pickup, close_pickup, list_pickups, request_pickup, NewPickup, Pickup, PickupId,
    PickupOutcome,
};
pub use trips::{assign, assign_village, close_trip, create_trip, start_trip, unassign, NewTrip};
pub use view::{
    detail, list_trips, pool, regency_villages, suggest_villages, Carried, Stop, Trip, TripDetail,
    Village, VillageDemand, Waiting,
};

/// Newtype id of a trip.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct TripId(pub i64);

sql_enum! {
    /// A trip is planned, then out on the road, then closed on return.
    pub enum TripStatus {
        Planned = "planned",
        Out = "out",
        Closed = "closed",
    }
}

sql_enum! {
    /// Why a permit came back undelivered.
    pub enum FailReason {
        NotHome = "not_home",
        AddressNotFound = "address_not_found",
        Refused = "refused",
        /// The trip closed before the crew reached this permit.
        NotAttempted = "not_attempted",
    }
}

impl FailReason {
    /// The reason as written in the case's timeline.
    pub fn label(self) -> &'static str {
        match self {
            FailReason::NotHome => "not delivered: nobody at home",
            FailReason::AddressNotFound => "not delivered: address not found",
            FailReason::Refused => "not delivered: refused",
            FailReason::NotAttempted => "not delivered: not attempted on this trip",
        }
    }
}
