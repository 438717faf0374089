//! The batch print running now: its cancel switch (the Cancel button sets it between two certificates)
//! and whether one runs at all. A batch prints on its own connection, so the window stays usable; one
//! cancel switch means one batch at a time.

use std::sync::atomic::{AtomicBool, Ordering};

use crate::error::CommandError;

/// The running batch's switches.
#[derive(Default)]
pub struct BatchControl {
    cancel: AtomicBool,
    running: AtomicBool,
}

/// A batch that holds the switches until it ends (dropped).
pub struct Running<'a>(&'a BatchControl);

impl BatchControl {
    /// Starts a batch: clears the cancel switch; refused while another batch runs.
    pub fn start(&self) -> Result<Running<'_>, CommandError> {
        if self.running.swap(true, Ordering::SeqCst) {
            return Err(CommandError {
                code: "busy",
                message: "a batch is being printed: wait for it to finish or cancel it".into(),
                field: None,
            });
        }
        self.cancel.store(false, Ordering::SeqCst);
        Ok(Running(self))
    }

    /// Asks the running batch to stop after the certificate it is preparing.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::SeqCst);
    }
}

impl Running<'_> {
    /// Whether the batch may go on (Cancel was not pressed).
    pub fn go_on(&self) -> bool {
        !self.0.cancel.load(Ordering::SeqCst)
    }
}

impl Drop for Running<'_> {
    fn drop(&mut self) {
        self.0.running.store(false, Ordering::SeqCst);
    }
}
