//! The today strip above the case list: each role's work as counts — what waits for its next step, what
//! is due today or overdue, what is ready to print or to deliver — on the office's day, counted by the
//! register with no cap. Each tile carries the filter that lists its cases.

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::actor::{Actor, Role};
use crate::db::Db;
use crate::store::cases::{self as store, CaseFilter, Status};
use crate::{office, Result};

/// Which tile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TileKey {
    Waiting,
    DueToday,
    Overdue,
    ToPrint,
    ToDeliver,
}

/// One tile: its count and the filter that lists its cases.
#[derive(Debug, Clone, Serialize)]
pub struct Tile {
    pub key: TileKey,
    /// `info`, `warning`, `danger` or `success`.
    pub tone: &'static str,
    pub count: u64,
    /// The filter that lists the tile's cases (the window sends it back as it is).
    pub filter: CaseFilter,
}

/// The statuses that wait for each role's next step.
fn waiting(role: Role) -> &'static [Status] {
    use Status::*;
    match role {
        Role::Clerk => &[Returned],
        Role::Verifier => &[Received, Verified],
        Role::Signer => &[Verified, InReview, Approved],
        Role::Courier => &[Issued, OutForDelivery],
        Role::Admin => &[],
    }
}

/// The actor's today strip on the office's day at `now`.
pub fn today(db: &Db, actor: &Actor, now: DateTime<Utc>) -> Result<Vec<Tile>> {
    let day = office::today(db, now)?;
    let mut tiles: Vec<(TileKey, &'static str, CaseFilter)> = Vec::new();
    let w = waiting(actor.role);
    if !w.is_empty() {
        tiles.push((
            TileKey::Waiting,
            "info",
            CaseFilter {
                statuses: w.to_vec(),
                ..Default::default()
            },
        ));
    }
    tiles.push((
        TileKey::DueToday,
        "warning",
        CaseFilter {
            due_on: Some(day),
            ..Default::default()
        },
    ));
    tiles.push((
        TileKey::Overdue,
        "danger",
        CaseFilter {
            overdue_on: Some(day),
            ..Default::default()
        },
    ));
    tiles.push((
        TileKey::ToPrint,
        "success",
        CaseFilter {
            status: Some(Status::Approved),
            ..Default::default()
        },
    ));
    tiles.push((
        TileKey::ToDeliver,
        "success",
        CaseFilter {
            status: Some(Status::Issued),
            ..Default::default()
        },
    ));
    tiles
        .into_iter()
        .map(|(key, tone, filter)| {
            Ok(Tile {
                key,
                tone,
                count: store::count(db, &filter)?,
                filter,
            })
        })
        .collect()
}
