//! The long job of each kind running now (a batch print, an export): its cancel switch, which the Cancel
//! button sets and the job reads between two steps, and whether one runs at all. A job runs on its own
//! connection, so the window stays usable; one switch per kind means one job of each kind at a time.

use std::marker::PhantomData;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::error::CommandError;

/// A kind of long job, and what a second one is told while the first runs.
pub trait Kind {
    const BUSY: &'static str;
}

/// Printing a batch of certificates into one PDF.
pub struct Batch;

impl Kind for Batch {
    const BUSY: &'static str = "a batch is being printed: wait for it to finish or cancel it";
}

/// Writing the register out to a CSV or XLSX file.
pub struct Export;

impl Kind for Export {
    const BUSY: &'static str = "an export is being written: wait for it to finish or cancel it";
}

/// The running job's switches (each kind its own, managed as its own state).
pub struct Control<K> {
    cancel: AtomicBool,
    running: AtomicBool,
    kind: PhantomData<K>,
}

/// The batch print's switches.
pub type BatchControl = Control<Batch>;

/// The export's switches.
pub type ExportControl = Control<Export>;

/// A job that holds the switches until it ends (dropped).
pub struct Running<'a, K: Kind>(&'a Control<K>);

impl<K> Default for Control<K> {
    fn default() -> Self {
        Control {
            cancel: AtomicBool::new(false),
            running: AtomicBool::new(false),
            kind: PhantomData,
        }
    }
}

impl<K: Kind> Control<K> {
    /// Starts a job: clears the cancel switch; refused while another job of its kind runs.
    pub fn start(&self) -> Result<Running<'_, K>, CommandError> {
        if self.running.swap(true, Ordering::SeqCst) {
            return Err(CommandError {
                code: "busy",
                message: K::BUSY.into(),
                field: None,
            });
        }
        self.cancel.store(false, Ordering::SeqCst);
        Ok(Running(self))
    }

    /// Asks the running job to stop after the step it is on.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::SeqCst);
    }
}

impl<K: Kind> Running<'_, K> {
    /// Whether the job may go on (Cancel was not pressed).
    pub fn go_on(&self) -> bool {
        !self.0.cancel.load(Ordering::SeqCst)
    }
}

impl<K: Kind> Drop for Running<'_, K> {
    fn drop(&mut self) {
        self.0.running.store(false, Ordering::SeqCst);
    }
}
