//! People: the staff who sign in (accounts, roles, passwords, the screens each role opens) and the
//! applicants permits are issued to (one record per NIK, their identity numbers and pas photos).

pub mod access;
pub mod accounts;
pub mod applicants;
pub mod identity;
pub mod photos;
pub mod users;

pub use crate::actor::{Actor, Role, UserId};
pub use crate::store::users::User;
pub use users::NewUser;
