//! Stepping off the async worker for blocking work on the register. Tauri runs the `async` commands on its
//! multi-threaded tokio runtime; the synchronous `postgres` client blocks on a small runtime of its own for
//! every statement (and builds one to connect, drops one on close), which tokio refuses on a worker that
//! drives async tasks. `block_in_place` hands the worker's other tasks to another thread for the duration,
//! so the client may block here. Outside a multi-threaded runtime (the command tests, the background
//! threads, the blocking pool) the work simply runs.

use tokio::runtime::{Handle, RuntimeFlavor};

/// Runs `work`, which may block on the register, from wherever a command runs.
pub fn blocking<T>(work: impl FnOnce() -> T) -> T {
    match Handle::try_current() {
        Ok(h) if h.runtime_flavor() == RuntimeFlavor::MultiThread => {
            tokio::task::block_in_place(work)
        }
        _ => work(),
    }
}
