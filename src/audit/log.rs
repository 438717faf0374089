//! The audit log as an admin reads it: case events and admin changes in one list, newest first, with the
//! filters an inspector asks for. Reading it is the admin's: the check is here, for both front doors.

use crate::actor::Actor;
use crate::db::Db;
use crate::Result;

pub use crate::store::events::{AuditEntry, AuditFilter};

/// The audit log, newest first, filtered (admin only).
pub fn list(db: &Db, actor: &Actor, f: &AuditFilter) -> Result<Vec<AuditEntry>> {
    actor.require_admin("read the audit log")?;
    crate::store::events::log(db, f)
}
