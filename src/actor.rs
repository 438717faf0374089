//! Who is acting: every write in the core takes an [`Actor`] and checks its [`Role`] here, so a hidden
//! button in the window is comfort, never security. A leaf: it depends on nothing but the error type.

use serde::Serialize;

use crate::{sql_enum, sql_id, Error, Result};

sql_enum! {
    /// What a staff member does in the office (DOMAIN.md, "The office and the people").
    pub enum Role {
        Admin = "admin",
        Clerk = "clerk",
        Verifier = "verifier",
        Signer = "signer",
        Courier = "courier",
    }
}

sql_id! {
    /// Newtype id of a staff account.
    pub struct UserId;
}

/// Who is doing something: checked for its role and recorded in the audit trail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Actor {
    pub id: UserId,
    pub username: String,
    pub full_name: String,
    pub role: Role,
}

impl Actor {
    /// Refuses the action unless the actor has one of `roles`.
    pub fn require(&self, roles: &[Role], what: &str) -> Result<()> {
        if roles.contains(&self.role) {
            Ok(())
        } else {
            let allowed: Vec<&str> = roles.iter().map(|r| r.as_str()).collect();
            Err(Error::Forbidden(format!(
                "{} ({}) may not {what}; it takes the role {}",
                self.username,
                self.role.as_str(),
                allowed.join(" or ")
            )))
        }
    }

    /// Refuses anyone but an administrator.
    pub fn require_admin(&self, what: &str) -> Result<()> {
        self.require(&[Role::Admin], what)
    }
}
