//! Live desks: a background thread watches the register the window works on (`db::watch::Watcher`:
//! LISTEN on the office server, `PRAGMA data_version` on a file) and tells the window on the channel it
//! gave with `watch_register`, so the case list, the today strip and the case screen look again without a
//! click. A notice only means "look again"; after `reconnected` the window reloads everything, and `lost`
//! puts up the banner that says the office server cannot be reached.
//!
//! The thread follows the window's register: when the window switches (file ↔ server, the van's file) it
//! starts watching the new one.

use std::sync::Mutex;
use std::time::Duration;

use petromaks::db::watch::{Change, Watcher};
use petromaks::db::Address;
use serde::Serialize;
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, Runtime};

use super::Database;

/// How long one wait lasts: the longest a switch of register goes unnoticed by the thread.
const WAIT: Duration = Duration::from_millis(1000);

/// How long the thread pauses before it tries again to watch a register it could not reach.
const RETRY_AFTER: Duration = Duration::from_secs(2);

/// What the window is told.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Notice {
    /// `changed`, `reconnected` or `lost`.
    pub change: Change,
    /// The window's register generation the notice is about.
    pub generation: u64,
}

/// The channel of the window's page now (a reloaded page gives a new one).
#[derive(Default)]
pub struct Live {
    channel: Mutex<Option<Channel<Notice>>>,
}

impl Live {
    /// Sends notices to `channel` from now on (instead of an earlier page's).
    pub fn set_channel(&self, channel: Channel<Notice>) {
        if let Ok(mut c) = self.channel.lock() {
            *c = Some(channel);
        }
    }

    fn send(&self, notice: Notice) {
        if let Ok(c) = self.channel.lock() {
            if let Some(channel) = c.as_ref() {
                // A page that went away meanwhile misses one notice; its successor reloads anyway.
                let _ = channel.send(notice);
            }
        }
    }
}

/// Watches one register until the window switches to another; `lost` carries across, so a watcher that
/// comes back after a lost connection says `reconnected`.
fn watch_one(db: &Database, live: &Live, address: &Address, generation: u64, lost: &mut bool) {
    let tell = |change| live.send(Notice { change, generation });
    let mut watcher = match Watcher::new(address) {
        Ok(w) => w,
        Err(_) => {
            // Only the server is "lost": a file that cannot be watched is the window's error to show.
            if matches!(address, Address::Server(_)) && !*lost {
                *lost = true;
                tell(Change::Lost);
            }
            std::thread::sleep(RETRY_AFTER);
            return;
        }
    };
    if *lost {
        *lost = false;
        tell(Change::Reconnected);
    }
    while db.generation() == generation {
        match watcher.wait(WAIT) {
            Ok(Change::Nothing) => {}
            Ok(Change::Lost) => {
                if !*lost {
                    *lost = true;
                    tell(Change::Lost);
                }
            }
            Ok(Change::Reconnected) => {
                *lost = false;
                tell(Change::Reconnected);
            }
            Ok(Change::Changed) => tell(Change::Changed),
            Err(_) => {
                // The file went away under the watcher (a restore, a van file checked in): start over.
                std::thread::sleep(RETRY_AFTER);
                return;
            }
        }
    }
}

/// Starts the thread that watches the window's register for as long as the app runs.
pub fn start<R: Runtime>(app: AppHandle<R>) {
    let spawned = std::thread::Builder::new()
        .name("register-watch".into())
        .spawn(move || {
            let mut lost = false;
            let mut last_generation = None;
            loop {
                let db = app.state::<Database>();
                let live = app.state::<Live>();
                let generation = db.generation();
                if last_generation != Some(generation) {
                    // Another register: what was lost about the previous one is no news here.
                    lost = false;
                    last_generation = Some(generation);
                }
                watch_one(&db, &live, &db.address(), generation, &mut lost);
            }
        });
    if let Err(e) = spawned {
        eprintln!("petromaks-desktop: the register watch thread did not start: {e}");
    }
}
