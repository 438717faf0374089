//! The van (DOMAIN.md, "The mobile service"): trips to the villages, the permits they carry, what happened
//! at each stop or at the counter, pick-up requests, the paper originals taken in on the road, the papers
//! the crew carries, the satisfaction survey taken at handover, and the planner's dashboards.
//!
//! A permit is assigned to a planned trip while its case stays `issued`; when the trip goes out its cases
//! move to `out_for_delivery`; each recorded outcome moves the case on (delivered, or back to `issued`
//! with the reason, into the pool for the next trip). Every step reuses the case lifecycle's rules.

mod custody;
pub mod dashboards;
pub mod offline;
mod outcomes;
mod papers;
mod pickups;
pub mod screens;
pub mod survey;
mod trips;
mod view;

pub use crate::store::deliveries::{Carried, DeliveryOutcome, FailReason, Waiting};
pub use crate::store::pickups::{Pickup, PickupId, PickupOutcome};
pub use crate::store::trips::{Trip, TripId, TripStatus};
pub use custody::{
    bags, hand_over_bag, record_field_intake, unbagged, Bag, Bagged, FieldIntake, Handover,
    Unbagged,
};
pub use outcomes::{collect_at_counter, record_outcome, Outcome, Recipient};
pub use papers::{handover_record, manifest, trip_doc};
pub use pickups::{assign_pickup, close_pickup, list_pickups, request_pickup, NewPickup};
pub use trips::{assign, assign_village, close_trip, create_trip, start_trip, unassign, NewTrip};
pub use view::{detail, list_trips, pool, suggest_villages, Stop, TripDetail, VillageDemand};
