//! The tables of the van's day offline: on a van register the `van_register` row and the `outbox`; on the
//! office register the `van_checkouts`, `applied_actions`, `checkin_conflicts` and `checkin_applicants`,
//! and each van case's `van_number`.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use super::cases::CaseId;
use super::trips::TripId;
use crate::actor::UserId;
use crate::db::{Db, Row, Tx};
use crate::Result;

/// The row that makes a register a van register.
#[derive(Debug, Clone)]
pub struct VanRegister {
    pub checkout_id: String,
    pub van: String,
    pub trip_id: TripId,
    pub office_key_id: String,
    pub van_secret: Vec<u8>,
    pub office_address: Option<String>,
    pub checked_out_at: DateTime<Utc>,
}

/// The van register's row, or `None` on an office register.
pub fn van_register(db: &Db) -> Result<Option<VanRegister>> {
    db.one(
        "SELECT checkout_id, van, trip_id, office_key_id, van_secret, office_address, checked_out_at
         FROM van_register WHERE id = 1",
        &[],
        |r| {
            Ok(VanRegister {
                checkout_id: r.get(0)?,
                van: r.get(1)?,
                trip_id: r.get(2)?,
                office_key_id: r.get(3)?,
                van_secret: r.get(4)?,
                office_address: r.get(5)?,
                checked_out_at: r.get(6)?,
            })
        },
    )
}

/// Whether this register is a van register (cheap: one indexed read).
pub fn is_van(db: &Db) -> Result<bool> {
    db.value("SELECT EXISTS (SELECT 1 FROM van_register)", &[])
}

/// Marks a new register as the van register of a check-out.
pub fn set_van_register(tx: &Tx, v: &VanRegister) -> Result<()> {
    tx.execute(
        "INSERT INTO van_register (id, checkout_id, van, trip_id, office_key_id, van_secret, office_address, checked_out_at)
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        &[
            &v.checkout_id,
            &v.van,
            &v.trip_id,
            &v.office_key_id,
            &v.van_secret,
            &v.office_address,
            &v.checked_out_at,
        ],
    )?;
    Ok(())
}

/// One field action waiting in (or sent from) the van's outbox.
#[derive(Debug, Clone, Serialize)]
pub struct OutboxRow {
    pub seq: i64,
    pub action_id: String,
    pub kind: String,
    pub payload: String,
    pub actor_id: UserId,
    pub actor: String,
    pub at: DateTime<Utc>,
    pub prev_hash: String,
    pub hash: String,
    pub signature: String,
    pub sent_at: Option<DateTime<Utc>>,
}

fn outbox_row(r: &Row) -> Result<OutboxRow> {
    Ok(OutboxRow {
        seq: r.get(0)?,
        action_id: r.get(1)?,
        kind: r.get(2)?,
        payload: r.get(3)?,
        actor_id: r.get(4)?,
        actor: r.get(5)?,
        at: r.get(6)?,
        prev_hash: r.get(7)?,
        hash: r.get(8)?,
        signature: r.get(9)?,
        sent_at: r.get(10)?,
    })
}

const OUTBOX: &str =
    "seq, action_id, kind, payload, actor_id, actor, at, prev_hash, hash, signature, sent_at";

/// The outbox's last sequence number and hash (0 and `None` when empty).
pub fn outbox_head(db: &Db) -> Result<(i64, Option<String>)> {
    Ok(db
        .one(
            "SELECT seq, hash FROM outbox ORDER BY seq DESC LIMIT 1",
            &[],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?
        .unwrap_or((0, None)))
}

/// Appends a signed action to the outbox.
pub fn outbox_append(tx: &Tx, o: &OutboxRow) -> Result<()> {
    tx.execute(
        &format!(
            "INSERT INTO outbox ({OUTBOX}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, NULL)"
        ),
        &[
            &o.seq,
            &o.action_id,
            &o.kind,
            &o.payload,
            &o.actor_id,
            &o.actor,
            &o.at,
            &o.prev_hash,
            &o.hash,
            &o.signature,
        ],
    )?;
    Ok(())
}

/// The whole outbox in sequence order.
pub fn outbox(db: &Db) -> Result<Vec<OutboxRow>> {
    db.map(
        &format!("SELECT {OUTBOX} FROM outbox ORDER BY seq"),
        &[],
        outbox_row,
    )
}

/// How many actions wait to be checked in.
pub fn outbox_pending(db: &Db) -> Result<i64> {
    db.value("SELECT count(*) FROM outbox WHERE sent_at IS NULL", &[])
}

/// Marks an action sent (after the office register committed it).
pub fn outbox_mark_sent(tx: &Tx, seq: i64, at: DateTime<Utc>) -> Result<()> {
    tx.execute(
        "UPDATE outbox SET sent_at = coalesce(sent_at, ?2) WHERE seq = ?1",
        &[&seq, &at],
    )?;
    Ok(())
}

/// A van's check-out as the office records it.
#[derive(Debug, Clone, Serialize)]
pub struct Checkout {
    pub id: String,
    pub van: String,
    pub trip_id: TripId,
    pub checked_out_at: DateTime<Utc>,
    pub checked_out_by: UserId,
    #[serde(skip)]
    pub van_key: Vec<u8>,
    pub checked_in_at: Option<DateTime<Utc>>,
    pub last_seq: i64,
}

const CHECKOUT: &str =
    "id, van, trip_id, checked_out_at, checked_out_by, van_key, checked_in_at, last_seq";

fn checkout_row(r: &Row) -> Result<Checkout> {
    Ok(Checkout {
        id: r.get(0)?,
        van: r.get(1)?,
        trip_id: r.get(2)?,
        checked_out_at: r.get(3)?,
        checked_out_by: r.get(4)?,
        van_key: r.get(5)?,
        checked_in_at: r.get(6)?,
        last_seq: r.get(7)?,
    })
}

/// A check-out by id.
pub fn checkout(db: &Db, id: &str) -> Result<Option<Checkout>> {
    db.one(
        &format!("SELECT {CHECKOUT} FROM van_checkouts WHERE id = ?1"),
        &[&id],
        checkout_row,
    )
}

/// The open check-out of a van, or of a trip.
pub fn open_checkout(db: &Db, van: Option<&str>, trip: Option<TripId>) -> Result<Option<Checkout>> {
    db.one(
        &format!(
            "SELECT {CHECKOUT} FROM van_checkouts WHERE checked_in_at IS NULL
               AND (CAST(?1 AS TEXT) IS NULL OR van = ?1) AND (CAST(?2 AS BIGINT) IS NULL OR trip_id = ?2)
             ORDER BY checked_out_at DESC LIMIT 1"
        ),
        &[&van, &trip],
        checkout_row,
    )
}

/// Records a check-out.
pub fn insert_checkout(tx: &Tx, c: &Checkout) -> Result<()> {
    tx.execute(
        &format!("INSERT INTO van_checkouts ({CHECKOUT}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, NULL, 0)"),
        &[
            &c.id,
            &c.van,
            &c.trip_id,
            &c.checked_out_at,
            &c.checked_out_by,
            &c.van_key,
        ],
    )?;
    Ok(())
}

/// Moves a check-out's last applied sequence number on.
pub fn set_last_seq(tx: &Tx, id: &str, seq: i64) -> Result<()> {
    tx.execute(
        "UPDATE van_checkouts SET last_seq = CASE WHEN last_seq > ?2 THEN last_seq ELSE ?2 END WHERE id = ?1",
        &[&id, &seq],
    )?;
    Ok(())
}

/// Closes a check-out: every action of the van was checked in.
pub fn close_checkout(tx: &Tx, id: &str, by: UserId, at: DateTime<Utc>) -> Result<()> {
    tx.execute(
        "UPDATE van_checkouts SET checked_in_at = coalesce(checked_in_at, ?3), checked_in_by = coalesce(checked_in_by, ?2)
         WHERE id = ?1",
        &[&id, &by, &at],
    )?;
    Ok(())
}

/// Whether an action was already checked in.
pub fn is_applied(db: &Db, action_id: &str) -> Result<bool> {
    db.value(
        "SELECT EXISTS (SELECT 1 FROM applied_actions WHERE action_id = ?1)",
        &[&action_id],
    )
}

/// Records an action as checked in, in the transaction of its effect.
#[allow(clippy::too_many_arguments)]
pub fn insert_applied(
    tx: &Tx,
    action_id: &str,
    checkout: &str,
    seq: i64,
    by: UserId,
    at: DateTime<Utc>,
    conflict: bool,
    case: Option<CaseId>,
) -> Result<()> {
    let outcome = if conflict { "conflict" } else { "applied" };
    tx.execute(
        "INSERT INTO applied_actions (action_id, checkout_id, seq, applied_at, applied_by, outcome, case_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        &[&action_id, &checkout, &seq, &at, &by, &outcome, &case],
    )?;
    Ok(())
}

/// A conflict a person reviews.
#[derive(Debug, Clone, Serialize)]
pub struct Conflict {
    pub id: i64,
    pub checkout_id: String,
    pub action_id: String,
    pub seq: i64,
    /// The action's kind (register, outcome, intake, survey, pickup).
    pub action: String,
    /// The rule that could not decide (clock, refused, depends, not_on_trip, applicant_differs,
    /// possible_duplicate).
    pub kind: String,
    pub reason: String,
    pub payload: String,
    pub van_actor: String,
    pub van_at: DateTime<Utc>,
    pub case_id: Option<CaseId>,
    pub status: String,
    pub resolved_at: Option<DateTime<Utc>>,
    pub resolution: Option<String>,
}

const CONFLICT: &str =
    "id, checkout_id, action_id, seq, action, kind, reason, payload, van_actor, van_at, \
     case_id, status, resolved_at, resolution";

fn conflict_row(r: &Row) -> Result<Conflict> {
    Ok(Conflict {
        id: r.get(0)?,
        checkout_id: r.get(1)?,
        action_id: r.get(2)?,
        seq: r.get(3)?,
        action: r.get(4)?,
        kind: r.get(5)?,
        reason: r.get(6)?,
        payload: r.get(7)?,
        van_actor: r.get(8)?,
        van_at: r.get(9)?,
        case_id: r.get(10)?,
        status: r.get(11)?,
        resolved_at: r.get(12)?,
        resolution: r.get(13)?,
    })
}

/// A new conflict for review.
pub struct NewConflict<'a> {
    pub checkout_id: &'a str,
    pub action_id: &'a str,
    pub seq: i64,
    pub action: &'a str,
    pub kind: &'a str,
    pub reason: &'a str,
    pub payload: &'a str,
    pub van_actor: &'a str,
    pub van_at: DateTime<Utc>,
    pub case_id: Option<CaseId>,
}

/// Files a conflict; returns its id.
pub fn insert_conflict(tx: &Tx, c: &NewConflict) -> Result<i64> {
    tx.value(
        "INSERT INTO checkin_conflicts (checkout_id, action_id, seq, action, kind, reason, payload, van_actor, van_at, case_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) RETURNING id",
        &[
            &c.checkout_id,
            &c.action_id,
            &c.seq,
            &c.action,
            &c.kind,
            &c.reason,
            &c.payload,
            &c.van_actor,
            &c.van_at,
            &c.case_id,
        ],
    )
}

/// Conflicts, open ones only unless `all`, oldest first.
pub fn conflicts(db: &Db, all: bool) -> Result<Vec<Conflict>> {
    db.map(
        &format!(
            "SELECT {CONFLICT} FROM checkin_conflicts WHERE ?1 = 1 OR status = 'open' ORDER BY id"
        ),
        &[&all],
        conflict_row,
    )
}

/// One conflict.
pub fn conflict(db: &Db, id: i64) -> Result<Option<Conflict>> {
    db.one(
        &format!("SELECT {CONFLICT} FROM checkin_conflicts WHERE id = ?1"),
        &[&id],
        conflict_row,
    )
}

/// Open conflicts of a check-out that concern a van case (its registration was parked).
pub fn open_conflict_of_van_case(db: &Db, checkout: &str, van_number: &str) -> Result<bool> {
    db.value(
        "SELECT EXISTS (SELECT 1 FROM checkin_conflicts WHERE checkout_id = ?1 AND status = 'open'
                        AND kind IN ('refused', 'clock', 'depends') AND payload LIKE ?2)",
        &[&checkout, &format!("%\"van_number\":\"{van_number}\"%")],
    )
}

/// Closes a conflict as applied or dismissed, with why.
pub fn resolve_conflict(
    tx: &Tx,
    id: i64,
    status: &str,
    by: UserId,
    at: DateTime<Utc>,
    resolution: &str,
    case: Option<CaseId>,
) -> Result<()> {
    tx.execute(
        "UPDATE checkin_conflicts SET status = ?2, resolved_by = ?3, resolved_at = ?4, resolution = ?5,
                case_id = coalesce(?6, case_id)
         WHERE id = ?1",
        &[&id, &status, &by, &at, &resolution, &case],
    )?;
    Ok(())
}

/// Records that a van registration of `day` used the applicant with this NIK.
pub fn note_applicant(
    tx: &Tx,
    nik: &str,
    day: NaiveDate,
    checkout: &str,
    case: CaseId,
) -> Result<()> {
    tx.execute(
        "INSERT INTO checkin_applicants (nik, day, checkout_id, case_id) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT DO NOTHING",
        &[&nik, &day, &checkout, &case],
    )?;
    Ok(())
}

/// The cases another check-out registered for the same NIK on the same day.
pub fn same_applicant_other_vans(
    db: &Db,
    nik: &str,
    day: NaiveDate,
    checkout: &str,
) -> Result<Vec<CaseId>> {
    db.map(
        "SELECT case_id FROM checkin_applicants WHERE nik = ?1 AND day = ?2 AND checkout_id <> ?3 ORDER BY case_id",
        &[&nik, &day, &checkout],
        |r| r.get(0),
    )
}

/// Records the van's receipt number of a case registered in the van.
pub fn set_van_number(tx: &Tx, case: CaseId, van_number: &str) -> Result<()> {
    tx.execute(
        "UPDATE cases SET van_number = ?2 WHERE id = ?1",
        &[&case, &van_number],
    )?;
    Ok(())
}

/// The office case registered from a van receipt number.
pub fn case_of_van_number(db: &Db, van_number: &str) -> Result<Option<CaseId>> {
    db.value_opt("SELECT id FROM cases WHERE van_number = ?1", &[&van_number])
}
