//! Who is signed in at this counter. The actor lives only here, on the Rust side: every command that
//! needs a user takes it from this state, never from the webview, and the core checks its role.

use std::sync::{Mutex, MutexGuard};

use petromaks::people::Actor;

use crate::error::CommandError;

/// The signed-in user, if any. A lock keeps the username in the window so the lock screen can ask for
/// the password; this state forgets the user.
#[derive(Default)]
pub struct Session {
    actor: Mutex<Option<Actor>>,
}

impl Session {
    /// The user acting now, or `signed_out` when nobody is.
    pub fn actor(&self) -> Result<Actor, CommandError> {
        self.current()?.ok_or_else(CommandError::signed_out)
    }

    /// The user acting now, if any.
    pub fn current(&self) -> Result<Option<Actor>, CommandError> {
        Ok(self.lock()?.clone())
    }

    /// Makes `actor` the user of this window.
    pub fn set(&self, actor: Actor) -> Result<(), CommandError> {
        *self.lock()? = Some(actor);
        Ok(())
    }

    /// Forgets the user (sign-out, the lock screen, a restored register with its own accounts).
    pub fn clear(&self) -> Result<(), CommandError> {
        *self.lock()? = None;
        Ok(())
    }

    fn lock(&self) -> Result<MutexGuard<'_, Option<Actor>>, CommandError> {
        self.actor.lock().map_err(|_| {
            CommandError::internal("an earlier command failed while holding the session")
        })
    }
}
