//! The `cases` table: one application for one permit. This module keeps the row, its column list and the
//! writes; `list` the lists and counts the screens show; `reads` the smaller questions other parts of the
//! core ask of a case (the van, batches, dashboards, exports); `search` the search box and its text index.

mod list;
mod reads;
pub mod search;
mod word_starts;

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::applicants::ApplicantId;
use super::permit_types::PermitTypeId;
use crate::actor::UserId;
use crate::db::{Db, Json, Row, Tx};
use crate::{sql_enum, sql_id, Result};

pub use list::{count, list, CaseFilter, CaseSummary};
pub use reads::*;

sql_id! {
    /// Newtype id of a case.
    pub struct CaseId;
}

sql_enum! {
    /// Where an application stands (DOMAIN.md, "An application's life").
    pub enum Status {
        Received = "received",
        Returned = "returned",
        Verified = "verified",
        InReview = "in_review",
        Approved = "approved",
        Rejected = "rejected",
        Issued = "issued",
        OutForDelivery = "out_for_delivery",
        Delivered = "delivered",
        PickedUp = "picked_up",
        Withdrawn = "withdrawn",
    }
}

impl Status {
    /// A case in one of these statuses is finished: nothing more happens to it.
    pub fn is_final(self) -> bool {
        matches!(
            self,
            Status::Rejected | Status::Delivered | Status::PickedUp | Status::Withdrawn
        )
    }

    /// The statuses in which a case carries a permit number.
    pub const HAS_PERMIT: &'static [Status] = &[
        Status::Issued,
        Status::OutForDelivery,
        Status::Delivered,
        Status::PickedUp,
    ];

    /// The statuses in which the SLA clock runs.
    pub const SLA_RUNNING: &'static [Status] =
        &[Status::Verified, Status::InReview, Status::Approved];
}

sql_enum! {
    /// Where the application was handed in.
    pub enum Channel {
        Counter = "counter",
        Van = "van",
    }
}

sql_enum! {
    /// What the applicant asks for.
    pub enum ServiceMode {
        New = "baru",
        Renewal = "perpanjangan",
        Change = "perubahan",
        Revocation = "pencabutan",
        Copy = "salinan",
    }
}

/// The signer on record when a permit is issued: a later change of head of office does not change it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct SignerOnRecord {
    pub title: String,
    pub name: String,
    pub rank: String,
    pub nip: String,
    pub place: String,
}

/// A case as stored, with its permit type's code and name and who registered it.
#[derive(Debug, Clone, Serialize)]
pub struct Case {
    pub id: CaseId,
    pub registration_number: String,
    pub applicant_id: ApplicantId,
    pub permit_type_id: PermitTypeId,
    pub permit_type_code: String,
    pub permit_type_name: String,
    pub channel: Channel,
    pub service_mode: ServiceMode,
    pub status: Status,
    pub details: BTreeMap<String, String>,
    pub registered_at: DateTime<Utc>,
    pub registered_on: NaiveDate,
    /// The username of the clerk (or courier) who registered it.
    pub registered_by: String,
    pub registered_by_name: String,
    pub sla_days: u32,
    pub sla_used_days: u32,
    pub sla_started_on: Option<NaiveDate>,
    pub sla_resumed_on: Option<NaiveDate>,
    pub due_date: Option<NaiveDate>,
    pub decision_reason: Option<String>,
    pub permit_number: Option<String>,
    pub issued_on: Option<NaiveDate>,
    pub valid_until: Option<NaiveDate>,
    pub signer: Option<SignerOnRecord>,
    pub closed_at: Option<DateTime<Utc>>,
}

const COLUMNS: &str = "c.id, c.registration_number, c.applicant_id, c.permit_type_id, t.code, t.name, c.channel, \
     c.service_mode, c.status, c.details, c.registered_at, c.registered_on, u.username, u.full_name, c.sla_days, \
     c.sla_used_days, c.sla_started_on, c.sla_resumed_on, c.due_date, c.decision_reason, c.permit_number, \
     c.issued_on, c.valid_until, c.signer, c.closed_at";
const FROM: &str =
    "cases c JOIN permit_types t ON t.id = c.permit_type_id JOIN users u ON u.id = c.registered_by";

fn from_row(r: &Row) -> Result<Case> {
    Ok(Case {
        id: r.get(0)?,
        registration_number: r.get(1)?,
        applicant_id: r.get(2)?,
        permit_type_id: r.get(3)?,
        permit_type_code: r.get(4)?,
        permit_type_name: r.get(5)?,
        channel: r.get(6)?,
        service_mode: r.get(7)?,
        status: r.get(8)?,
        details: r.get::<Json<_>>(9)?.0,
        registered_at: r.get(10)?,
        registered_on: r.get(11)?,
        registered_by: r.get(12)?,
        registered_by_name: r.get(13)?,
        sla_days: r.get(14)?,
        sla_used_days: r.get(15)?,
        sla_started_on: r.get(16)?,
        sla_resumed_on: r.get(17)?,
        due_date: r.get(18)?,
        decision_reason: r.get(19)?,
        permit_number: r.get(20)?,
        issued_on: r.get(21)?,
        valid_until: r.get(22)?,
        signer: r.get::<Option<Json<_>>>(23)?.map(|j| j.0),
        closed_at: r.get(24)?,
    })
}

/// A case by id.
pub fn get(db: &Db, id: CaseId) -> Result<Option<Case>> {
    db.one(
        &format!("SELECT {COLUMNS} FROM {FROM} WHERE c.id = ?1"),
        &[&id],
        from_row,
    )
}

/// A case by registration number or permit number, exactly as printed (what a barcode scanner types).
/// Each is looked up through its unique index.
pub fn find_by_number(db: &Db, number: &str) -> Result<Option<CaseId>> {
    if let Some(id) = db.value_opt(
        "SELECT id FROM cases WHERE registration_number = ?1",
        &[&number],
    )? {
        return Ok(Some(id));
    }
    if let Some(id) = db.value_opt("SELECT id FROM cases WHERE permit_number = ?1", &[&number])? {
        return Ok(Some(id));
    }
    // The van's receipt number of a case registered in the field stays valid.
    db.value_opt("SELECT id FROM cases WHERE van_number = ?1", &[&number])
}

/// The case registered from a submission, if that submission was already registered.
pub fn by_submission(db: &Db, submission: &str) -> Result<Option<CaseId>> {
    db.value_opt(
        "SELECT id FROM cases WHERE submission_id = ?1",
        &[&submission],
    )
}

/// A checked new case, ready to store.
pub struct NewCaseRow<'a> {
    pub registration_number: &'a str,
    pub applicant_id: ApplicantId,
    pub permit_type_id: PermitTypeId,
    pub channel: Channel,
    pub service_mode: ServiceMode,
    pub details: &'a BTreeMap<String, String>,
    pub registered_at: DateTime<Utc>,
    pub registered_on: NaiveDate,
    pub registered_by: UserId,
    pub sla_days: u32,
    pub submission_id: Option<&'a str>,
}

/// Stores a new case in `received`, and indexes it for the search box under its applicant's name;
/// returns its id.
pub fn insert(tx: &Tx, c: &NewCaseRow) -> Result<CaseId> {
    let id = tx.value(
        "INSERT INTO cases (registration_number, applicant_id, permit_type_id, channel, service_mode, status,
                            details, registered_at, registered_on, registered_by, sla_days, updated_at, submission_id)
         VALUES (?1, ?2, ?3, ?4, ?5, 'received', ?6, ?7, ?8, ?9, ?10, ?7, ?11) RETURNING id",
        &[
            &c.registration_number,
            &c.applicant_id,
            &c.permit_type_id,
            &c.channel,
            &c.service_mode,
            &Json(c.details),
            &c.registered_at,
            &c.registered_on,
            &c.registered_by,
            &c.sla_days,
            &c.submission_id,
        ],
    )?;
    let name: String = tx.value(
        "SELECT name FROM applicants WHERE id = ?1",
        &[&c.applicant_id],
    )?;
    search::index(tx, id, &name)?;
    Ok(id)
}

/// A case as it stands after the steps of its life (the bulk demo writes a case's history at once): the
/// columns every step would have set, with the status it ended in.
pub struct SettledCase<'a> {
    pub new: NewCaseRow<'a>,
    pub status: Status,
    pub sla_used_days: u32,
    pub sla_started_on: Option<NaiveDate>,
    pub sla_resumed_on: Option<NaiveDate>,
    pub due_date: Option<NaiveDate>,
    pub decision_reason: Option<&'a str>,
    pub issue: Option<Issue<'a>>,
    pub closed_at: Option<DateTime<Utc>>,
    pub updated_at: DateTime<Utc>,
}

/// Stores a settled case; returns its id. The caller indexes it for the search box in the same
/// transaction ([`search::index_many`], many cases at a time).
pub fn insert_settled(tx: &Tx, c: &SettledCase) -> Result<CaseId> {
    let n = &c.new;
    let i = c.issue.as_ref();
    let id = tx.value(
        "INSERT INTO cases (registration_number, applicant_id, permit_type_id, channel, service_mode, status,
                            details, registered_at, registered_on, registered_by, sla_days, sla_used_days,
                            sla_started_on, sla_resumed_on, due_date, decision_reason, permit_number, issued_on,
                            valid_until, signer, closed_at, updated_at, certificate_snapshot, submission_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21,
                 ?22, ?23, ?24) RETURNING id",
        &[
            &n.registration_number,
            &n.applicant_id,
            &n.permit_type_id,
            &n.channel,
            &n.service_mode,
            &c.status,
            &Json(n.details),
            &n.registered_at,
            &n.registered_on,
            &n.registered_by,
            &n.sla_days,
            &c.sla_used_days,
            &c.sla_started_on,
            &c.sla_resumed_on,
            &c.due_date,
            &c.decision_reason,
            &i.map(|i| i.permit_number),
            &i.map(|i| i.issued_on),
            &i.and_then(|i| i.valid_until),
            &i.map(|i| Json(i.signer)),
            &c.closed_at,
            &c.updated_at,
            &i.map(|i| i.snapshot),
            &n.submission_id,
        ],
    )?;
    Ok(id)
}

/// Moves a case to `to`; a final status records when it closed.
pub fn set_status(tx: &Tx, id: CaseId, to: Status, now: DateTime<Utc>) -> Result<()> {
    let closed = to.is_final().then_some(now);
    tx.execute(
        "UPDATE cases SET status = ?2, updated_at = ?3, closed_at = coalesce(?4, closed_at) WHERE id = ?1",
        &[&id, &to, &now, &closed],
    )?;
    Ok(())
}

/// Marks the case changed (a checklist tick, a recomputed due date).
pub fn touch(tx: &Tx, id: CaseId, now: DateTime<Utc>) -> Result<()> {
    tx.execute(
        "UPDATE cases SET updated_at = ?2 WHERE id = ?1",
        &[&id, &now],
    )?;
    Ok(())
}

/// The SLA clock starts (first time) or restarts on `today`, due on `due`.
pub fn start_sla(tx: &Tx, id: CaseId, today: NaiveDate, due: NaiveDate) -> Result<()> {
    tx.execute(
        "UPDATE cases SET sla_started_on = coalesce(sla_started_on, ?2), sla_resumed_on = ?2, due_date = ?3
         WHERE id = ?1",
        &[&id, &today, &due],
    )?;
    Ok(())
}

/// The SLA clock pauses with `used` working days banked.
pub fn pause_sla(tx: &Tx, id: CaseId, used: u32) -> Result<()> {
    tx.execute(
        "UPDATE cases SET sla_used_days = ?2, sla_resumed_on = NULL, due_date = NULL WHERE id = ?1",
        &[&id, &used],
    )?;
    Ok(())
}

/// A new due date for a running clock (the holiday calendar changed).
pub fn set_due_date(tx: &Tx, id: CaseId, due: NaiveDate, now: DateTime<Utc>) -> Result<()> {
    tx.execute(
        "UPDATE cases SET due_date = ?2, updated_at = ?3 WHERE id = ?1",
        &[&id, &due, &now],
    )?;
    Ok(())
}

/// The signer's reason for approving or rejecting.
pub fn set_decision_reason(tx: &Tx, id: CaseId, reason: Option<&str>) -> Result<()> {
    tx.execute(
        "UPDATE cases SET decision_reason = ?2 WHERE id = ?1",
        &[&id, &reason],
    )?;
    Ok(())
}

/// What issuing records on a case.
pub struct Issue<'a> {
    pub permit_number: &'a str,
    pub issued_on: NaiveDate,
    pub valid_until: Option<NaiveDate>,
    pub signer: &'a SignerOnRecord,
    /// The certificate snapshot as JSON.
    pub snapshot: &'a str,
}

/// Records the permit number, validity, signer on record and certificate snapshot.
pub fn set_issued(tx: &Tx, id: CaseId, i: &Issue) -> Result<()> {
    tx.execute(
        "UPDATE cases SET permit_number = ?2, issued_on = ?3, valid_until = ?4, signer = ?5,
                          certificate_snapshot = ?6
         WHERE id = ?1",
        &[
            &id,
            &i.permit_number,
            &i.issued_on,
            &i.valid_until,
            &Json(i.signer),
            &i.snapshot,
        ],
    )?;
    Ok(())
}

/// Whether a permit number is already taken.
pub fn permit_number_taken(db: &Db, number: &str) -> Result<bool> {
    db.value(
        "SELECT EXISTS (SELECT 1 FROM cases WHERE permit_number = ?1)",
        &[&number],
    )
}

/// The frozen certificate snapshot of an issued case, as stored.
pub fn certificate_snapshot(db: &Db, id: CaseId) -> Result<Option<String>> {
    Ok(db
        .value_opt::<Option<String>>(
            "SELECT certificate_snapshot FROM cases WHERE id = ?1",
            &[&id],
        )?
        .flatten())
}
