//! What each role may open and do in the window. The core decides, so both front doors and every screen
//! agree; the window draws only these screens and offers only these kinds of work, and every command
//! checks the role again on its own.
//!
//! The place matters too: a van laptop working offline on a checked-out trip records only field work
//! (registrations, handovers, failures, bags, surveys, pick-up outcomes; docs/van.md), so its window offers
//! only the screens and buttons of that work. The core refuses the rest there anyway.

use serde::Serialize;

use crate::actor::Role;
use crate::db::Db;
use crate::sql_enum;
use crate::Result;

sql_enum! {
    /// A work screen of the window's navigation.
    pub enum Screen {
        Cases = "cases",
        Register = "register",
        Trips = "trips",
        Dashboards = "dashboards",
        Reports = "reports",
        Verify = "verify",
        Batch = "batch",
        Transfer = "transfer",
        /// Check a trip out to this laptop, and the van's work back in.
        Sync = "sync",
        /// What the van's check-ins could not decide, for a clerk to resolve.
        Review = "review",
        Admin = "admin",
    }
}

sql_enum! {
    /// A kind of work the window offers buttons for (beyond the screens themselves).
    pub enum Work {
        /// Plan trips, put permits and pick-up requests on them, take permits off.
        PlanTrips = "plan_trips",
        /// Send a planned trip out and close it.
        DriveTrips = "drive_trips",
        /// Record a handover or a failed delivery on the road (and the survey after it).
        RecordDeliveries = "record_deliveries",
        /// Write down a village's request for the van.
        RequestPickups = "request_pickups",
        /// Record how a pick-up request ended.
        ClosePickups = "close_pickups",
        /// Bag the originals of an application taken in the field.
        BagOriginals = "bag_originals",
        /// Receive a bag of originals at the office.
        ReceiveBags = "receive_bags",
        /// Set or remove an applicant's pas photo.
        ChangePhotos = "change_photos",
    }
}

/// Where the window works.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Place {
    /// A desk on the office register (a file or the server).
    Office,
    /// A van laptop working offline on its own register of a checked-out trip.
    Van,
}

/// The screens `role` opens at the office, in navigation order.
pub fn screens(role: Role) -> Vec<Screen> {
    screens_at(role, Place::Office)
}

/// The screens `role` opens at `place`, in navigation order.
pub fn screens_at(role: Role, place: Place) -> Vec<Screen> {
    use Role::{Admin, Clerk, Courier, Signer, Verifier};
    let office = place == Place::Office;
    Screen::ALL
        .iter()
        .copied()
        .filter(|s| match s {
            Screen::Cases => true,
            // Checking a certificate's QR code reads only the office's public keys, which the van has.
            Screen::Verify => true,
            Screen::Register => matches!(role, Clerk | Courier),
            Screen::Trips => matches!(role, Clerk | Courier | Admin),
            Screen::Sync => matches!(role, Clerk | Courier | Admin),
            Screen::Dashboards => office && matches!(role, Clerk | Verifier | Signer | Admin),
            // The readers of `reports::READERS` (a clerk reads their own counter's).
            Screen::Reports => office && matches!(role, Signer | Verifier | Admin | Clerk),
            Screen::Batch => office && matches!(role, Clerk | Signer | Courier | Admin),
            Screen::Transfer => office && matches!(role, Clerk),
            Screen::Review => office && matches!(role, Clerk | Admin),
            Screen::Admin => office && matches!(role, Admin),
        })
        .collect()
}

/// The kinds of work `role` is offered at `place`.
pub fn work_at(role: Role, place: Place) -> Vec<Work> {
    use Role::{Admin, Clerk, Courier};
    let office = place == Place::Office;
    Work::ALL
        .iter()
        .copied()
        .filter(|w| match w {
            Work::RecordDeliveries | Work::BagOriginals => role == Courier,
            Work::ClosePickups => matches!(role, Clerk | Courier),
            Work::PlanTrips | Work::RequestPickups => office && matches!(role, Clerk | Admin),
            Work::DriveTrips => office && matches!(role, Clerk | Courier),
            Work::ReceiveBags => office && role == Clerk,
            Work::ChangePhotos => office && matches!(role, Clerk | Admin),
        })
        .collect()
}

/// A role's screens and work as the window receives them.
#[derive(Debug, Clone, Serialize)]
pub struct Access {
    pub role: Role,
    pub place: Place,
    pub screens: Vec<Screen>,
    pub work: Vec<Work>,
}

/// What `role` may open and do at `place`.
pub fn access_at(role: Role, place: Place) -> Access {
    Access {
        role,
        place,
        screens: screens_at(role, place),
        work: work_at(role, place),
    }
}

/// What `role` may open and do at the office.
pub fn access(role: Role) -> Access {
    access_at(role, Place::Office)
}

/// Where the register `db` is worked on: a van's register, or the office's.
pub fn place(db: &Db) -> Result<Place> {
    Ok(if crate::store::van_offline::is_van(db)? {
        Place::Van
    } else {
        Place::Office
    })
}

/// What `role` may open and do on the register `db`.
pub fn access_on(db: &Db, role: Role) -> Result<Access> {
    Ok(access_at(role, place(db)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_admins_administer_and_only_the_counter_and_the_van_register() {
        for role in Role::ALL {
            let s = screens(*role);
            assert!(s.contains(&Screen::Cases) && s.contains(&Screen::Verify));
            assert_eq!(s.contains(&Screen::Admin), *role == Role::Admin);
            assert_eq!(
                s.contains(&Screen::Register),
                matches!(role, Role::Clerk | Role::Courier)
            );
        }
    }

    #[test]
    fn a_van_laptop_offers_only_field_work() {
        for role in Role::ALL {
            let van = access_at(*role, Place::Van);
            let office = access(*role);
            for s in &van.screens {
                assert!(office.screens.contains(s), "{role}: {s} only in the van");
            }
            for s in [
                Screen::Admin,
                Screen::Batch,
                Screen::Transfer,
                Screen::Review,
                Screen::Dashboards,
            ] {
                assert!(!van.screens.contains(&s), "{role} opens {s} in the van");
            }
            for w in [
                Work::PlanTrips,
                Work::DriveTrips,
                Work::RequestPickups,
                Work::ReceiveBags,
                Work::ChangePhotos,
            ] {
                assert!(!van.work.contains(&w), "{role} does {w} in the van");
            }
        }
        let courier = access_at(Role::Courier, Place::Van);
        assert!(
            courier.screens.contains(&Screen::Register) && courier.screens.contains(&Screen::Sync)
        );
        for w in [
            Work::RecordDeliveries,
            Work::BagOriginals,
            Work::ClosePickups,
        ] {
            assert!(courier.work.contains(&w), "the crew does {w} in the field");
        }
        assert!(access(Role::Clerk).screens.contains(&Screen::Review));
        assert!(!access(Role::Courier).screens.contains(&Screen::Review));
    }
}
