//! Check-in: the van's file is checked whole (a Petromaks van register of this schema, a check-out this
//! office made, every action of its outbox in sequence, linked and signed by the van's key), then each
//! action is replayed in the van's order, in its own transaction, with its id recorded in the same
//! transaction as its effect: a repeated or interrupted check-in changes nothing twice. Only after the
//! office register committed an action does the van mark it sent.

use std::path::Path;

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::apply::{self, Applied, Overrides};
use crate::actor::{Actor, Role};
use crate::db::{file, latest_version, Db};
use crate::store::van_offline as store;
use crate::{audit, Error, Result};

/// What a check-in did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct CheckinReport {
    pub checkout_id: String,
    pub van: String,
    pub actions: u64,
    pub applied: u64,
    pub already_applied: u64,
    pub conflicts: u64,
    /// Whether the check-out is finished (the van's day is in; its permits are no longer leased).
    pub finished: bool,
}

/// Opens the van's file read-only for the checks: a register of exactly this schema (an older or newer
/// one is refused, never migrated). Nothing is written to a file before it has passed every check (a
/// read-write open alone would switch a plain register file to WAL).
fn open_van(path: &Path) -> Result<Db> {
    let h = file::check_register(path)?;
    if h.user_version as usize != latest_version() {
        return Err(Error::Corrupt(format!(
            "{} was written by another Petromaks version (schema {}, this one is {}); nothing was checked in",
            path.display(),
            h.user_version,
            latest_version()
        )));
    }
    Db::open_read_only(path)
}

/// Checks in the van register at `van_file` into the office register `db`; `finish` ends the check-out
/// (the van's day is over). `progress(done, total)` after each action.
pub fn checkin(
    db: &mut Db,
    actor: &Actor,
    now: DateTime<Utc>,
    van_file: &Path,
    finish: bool,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<CheckinReport> {
    actor.require(
        &[Role::Clerk, Role::Admin, Role::Courier],
        "check the van's work in",
    )?;
    let checked = open_van(van_file)?;
    let reg = store::van_register(&checked)?.ok_or_else(|| {
        Error::invalid(
            "file",
            format!("{} is not a van's register", van_file.display()),
        )
    })?;
    let co = store::checkout(db, &reg.checkout_id)?.ok_or_else(|| {
        Error::Forbidden(format!(
            "{} comes from a check-out this office never made (another office's van?); nothing was checked in",
            van_file.display()
        ))
    })?;
    let office_key = audit::key::active(db)?.0;
    if co.van != reg.van || reg.office_key_id != office_key {
        return Err(Error::Forbidden(format!(
            "{} does not match this office's check-out {} (van or office key differs); nothing was checked in",
            van_file.display(),
            co.id
        )));
    }
    let rows = store::outbox(&checked)?;
    audit::outbox::verify(&rows, &co.van_key)?;
    drop(checked);
    // Checked whole: now the van's file is opened to mark what the office has committed.
    let mut van = Db::open_file(van_file)?;
    let mut report = CheckinReport {
        checkout_id: co.id.clone(),
        van: co.van.clone(),
        actions: rows.len() as u64,
        ..Default::default()
    };
    let total = rows.len() as u64;
    for (i, row) in rows.iter().enumerate() {
        let fresh = db.write(|tx| {
            if store::is_applied(tx, &row.action_id)? {
                return Ok(None);
            }
            let crew = apply::crew(tx, row)?;
            let outcome = apply::apply(tx, &co, row, &crew, actor, now, Overrides::default())?;
            let (conflict, case) = match outcome {
                Applied::Done(case) => (false, case),
                Applied::Conflict { kind, reason, case } => {
                    apply::file_conflict(tx, &co, row, kind, &reason, case)?;
                    (true, case)
                }
            };
            store::insert_applied(
                tx,
                &row.action_id,
                &co.id,
                row.seq,
                actor.id,
                now,
                conflict,
                case,
            )?;
            store::set_last_seq(tx, &co.id, row.seq)?;
            Ok(Some(conflict))
        })?;
        match fresh {
            None => report.already_applied += 1,
            Some(true) => report.conflicts += 1,
            Some(false) => report.applied += 1,
        }
        if row.sent_at.is_none() {
            van.write(|vtx| store::outbox_mark_sent(vtx, row.seq, now))?;
        }
        progress(i as u64 + 1, total);
    }
    if finish && co.checked_in_at.is_some() {
        // Finished by an earlier check-in: finishing again would only add a second record of it.
        report.finished = true;
    } else if finish {
        db.write(|tx| {
            // The van's receipt numbers continue from here at its next check-out.
            for (key, last) in crate::store::numbers::all(&van)? {
                if key.starts_with(&format!("van/{}/", co.van))
                    && last > crate::store::numbers::last(tx, &key)?
                {
                    tx.execute(
                        "INSERT INTO number_series (key, last) VALUES (?1, ?2)
                         ON CONFLICT (key) DO UPDATE SET last = excluded.last",
                        &[&key, &last],
                    )?;
                }
            }
            store::close_checkout(tx, &co.id, actor.id, now)?;
            audit::admin_event(
                tx,
                Some(actor.id),
                now,
                "van.checkin",
                &format!("trip {}", co.trip_id),
                Some(&format!(
                    "{}: {} actions, {} applied, {} already, {} conflicts; check-out {} finished",
                    co.van,
                    report.actions,
                    report.applied,
                    report.already_applied,
                    report.conflicts,
                    co.id
                )),
            )
        })?;
        report.finished = true;
    }
    Ok(report)
}
