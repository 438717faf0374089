//! Who may read the reports: the head of office (who signs them), the verifier and the admin read the
//! whole register; a clerk reads their own counter, which the register knows as the cases they
//! registered (there is no desk or counter number on a case). The van's crew reads none.

use crate::actor::{Actor, Role, UserId};
use crate::Result;

/// The roles that open the reports.
pub const READERS: &[Role] = &[Role::Signer, Role::Verifier, Role::Admin, Role::Clerk];

/// Whether `role` may read reports at all.
pub fn may_read(role: Role) -> bool {
    READERS.contains(&role)
}

/// Refuses anyone who may not read reports.
pub(crate) fn require(actor: &Actor) -> Result<()> {
    actor.require(READERS, "read the office's reports")
}

/// The user whose registrations a report is narrowed to: a clerk's own; `None` for the whole register.
pub(crate) fn own_cases(actor: &Actor) -> Result<Option<UserId>> {
    require(actor)?;
    Ok((actor.role == Role::Clerk).then_some(actor.id))
}

/// The line a clerk's report carries under its filters.
pub(crate) fn scope_note(actor: &Actor) -> Option<String> {
    (actor.role == Role::Clerk).then(|| {
        format!(
            "Loket sendiri: hanya berkas yang didaftarkan oleh {} ({}) dan perjalanan yang direncanakannya",
            actor.full_name, actor.username
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::people::access::{screens, Screen};

    #[test]
    fn the_window_offers_the_reports_screen_to_exactly_their_readers() {
        for role in Role::ALL {
            assert_eq!(
                screens(*role).contains(&Screen::Reports),
                may_read(*role),
                "{role}"
            );
        }
    }
}
