//! What each role may open in the window. The core decides, so both front doors and every screen agree;
//! the window draws only these, and every command checks the role again on its own.

use serde::Serialize;

use crate::actor::Role;
use crate::sql_enum;

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
        Admin = "admin",
    }
}

/// The screens `role` opens, in navigation order.
pub fn screens(role: Role) -> Vec<Screen> {
    use Role::{Admin, Clerk, Courier, Signer, Verifier};
    Screen::ALL
        .iter()
        .copied()
        .filter(|s| match s {
            Screen::Cases | Screen::Verify => true,
            Screen::Register => matches!(role, Clerk | Courier),
            Screen::Trips => matches!(role, Clerk | Courier | Admin),
            Screen::Dashboards => matches!(role, Clerk | Verifier | Signer | Admin),
            // The readers of `reports::READERS` (a clerk reads their own counter's).
            Screen::Reports => matches!(role, Signer | Verifier | Admin | Clerk),
            Screen::Batch => matches!(role, Clerk | Signer | Courier | Admin),
            Screen::Transfer => matches!(role, Clerk),
            Screen::Admin => matches!(role, Admin),
        })
        .collect()
}

/// A role's screens as the window receives them.
#[derive(Debug, Clone, Serialize)]
pub struct Access {
    pub role: Role,
    pub screens: Vec<Screen>,
}

/// What `role` may open.
pub fn access(role: Role) -> Access {
    Access {
        role,
        screens: screens(role),
    }
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
}
