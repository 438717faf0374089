//! The app's own IPC commands, one module per area of the window. Each command takes the shared state,
//! calls one core function and converts the error; anything that knows about permits, roles or files'
//! contents lives in the core.
//!
//! Adding a command: write it in its area's module (a `*_in` function the tests call, and the
//! `#[tauri::command]` wrapper), list it in `build.rs`, grant `allow-<name>` in `capabilities/main.json`,
//! and register it in `main.rs`.

pub mod account;
pub mod admin;
pub mod app;
pub mod audit;
pub mod batch;
pub mod calendar;
pub mod cases;
pub mod connection;
pub mod counter;
pub mod dashboards;
pub mod documents;
pub mod intake;
pub mod office;
pub mod outputs;
pub mod people;
pub mod photo;
pub mod pickups;
pub mod program;
pub mod register;
pub mod reports;
pub mod review;
pub mod safety;
pub mod sync;
pub mod transfer;
pub mod van;
pub mod van_road;

use crate::error::CommandError;

/// Runs a long job's command (a batch, an export, an import, a backup) on the blocking thread pool: a
/// synchronous command would hold one of the few async workers that answer every other command for as
/// long as the job runs.
pub(crate) async fn on_blocking_pool<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, CommandError> + Send + 'static,
) -> Result<T, CommandError> {
    tauri::async_runtime::spawn_blocking(work)
        .await
        .map_err(|e| CommandError::internal(format!("the job stopped unexpectedly: {e}")))?
}
