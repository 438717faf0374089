//! Seeing other desks' changes: a watcher on its own connection tells when the register changed, so every
//! open list, today strip and case screen can look again. On the office server it LISTENs to the
//! `petromaks` channel every write notifies on commit; on a file it polls `PRAGMA data_version`, which
//! moves when another connection commits. A notice only means "look again"; after a lost connection the
//! watcher says `Reconnected`, and a screen reloads everything.

use std::time::{Duration, Instant};

use postgres::fallible_iterator::FallibleIterator;
use rusqlite::{Connection, OpenFlags};

use super::{server, sqlite, Address};
use crate::{Error, Result};

/// What a wait ended with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// Nothing happened within the wait.
    Nothing,
    /// Another connection committed a change.
    Changed,
    /// The connection to the server was lost and is back: anything may have changed meanwhile.
    Reconnected,
    /// The server cannot be reached right now (the watcher keeps trying on each wait).
    Lost,
}

enum Source {
    File {
        conn: Connection,
        last: i64,
    },
    Server {
        url: String,
        client: Option<Box<postgres::Client>>,
    },
}

/// A watcher on one register.
pub struct Watcher {
    source: Source,
}

fn listen(url: &str) -> Result<postgres::Client> {
    let mut c = server::connect(url)?;
    c.batch_execute("LISTEN petromaks")
        .map_err(super::postgres::error)?;
    Ok(c)
}

impl Watcher {
    /// Starts watching the register at `address`.
    pub fn new(address: &Address) -> Result<Watcher> {
        let source = match address {
            Address::File(p) => {
                let conn = Connection::open_with_flags(
                    p,
                    OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
                )
                .map_err(sqlite::error)?;
                let last = data_version(&conn)?;
                Source::File { conn, last }
            }
            Address::Server(url) => Source::Server {
                client: Some(Box::new(listen(url)?)),
                url: url.clone(),
            },
        };
        Ok(Watcher { source })
    }

    /// Waits up to `timeout` for a change.
    pub fn wait(&mut self, timeout: Duration) -> Result<Change> {
        match &mut self.source {
            Source::File { conn, last } => {
                let until = Instant::now() + timeout;
                loop {
                    let v = data_version(conn)?;
                    if v != *last {
                        *last = v;
                        return Ok(Change::Changed);
                    }
                    if Instant::now() >= until {
                        return Ok(Change::Nothing);
                    }
                    std::thread::sleep(Duration::from_millis(250).min(timeout));
                }
            }
            Source::Server { url, client } => {
                let Some(c) = client else {
                    std::thread::sleep(timeout.min(Duration::from_secs(1)));
                    return Ok(match listen(url) {
                        Ok(c) => {
                            *client = Some(Box::new(c));
                            Change::Reconnected
                        }
                        Err(_) => Change::Lost,
                    });
                };
                let outcome = {
                    let mut notes = c.notifications();
                    let first = notes.timeout_iter(timeout).next();
                    match first {
                        Ok(Some(_)) => {
                            // Several commits in a burst are one "look again": take those already
                            // here without waiting for more (waiting would delay this notice by the
                            // whole timeout).
                            let mut pending = notes.iter();
                            while let Ok(Some(_)) = pending.next() {}
                            Some(Change::Changed)
                        }
                        Ok(None) => Some(Change::Nothing),
                        Err(_) => None,
                    }
                };
                match outcome {
                    Some(change) if !c.is_closed() => Ok(change),
                    _ => {
                        *client = None;
                        Ok(Change::Lost)
                    }
                }
            }
        }
    }
}

fn data_version(conn: &Connection) -> Result<i64> {
    conn.query_row("PRAGMA data_version", [], |r| r.get(0))
        .map_err(|e| Error::Db(e.to_string()))
}
