//! The `case_events` and `admin_events` tables: the audit trail, written in the same transaction as the
//! change it describes, each row sealed into a hash chain by `audit::chain`.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use super::cases::{CaseId, Status};
use crate::actor::UserId;
use crate::db::{Db, Param, Tx, Value};
use crate::Result;

/// The two audited tables; each is its own chain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Chain {
    Case,
    Admin,
}

impl Chain {
    /// The table's name (and the first value of every row's canonical form).
    pub fn table(self) -> &'static str {
        match self {
            Chain::Case => "case_events",
            Chain::Admin => "admin_events",
        }
    }

    /// The audited columns, in the order they are hashed. Never reorder: old hashes depend on it.
    fn columns(self) -> &'static str {
        match self {
            Chain::Case => {
                "id, case_id, at, actor_id, action, from_status, to_status, reason, detail"
            }
            Chain::Admin => "id, at, actor_id, action, target, detail",
        }
    }
}

/// The id the next row of a chain gets. Writers take the register's write lock first, so two desks never
/// get the same id; ids are given explicitly so a row is written once, hashes and all (the server's app
/// role may only insert into the event tables).
pub fn next_id(tx: &Tx, chain: Chain) -> Result<i64> {
    tx.value(
        &format!("SELECT coalesce(max(id), 0) + 1 FROM {}", chain.table()),
        &[],
    )
}

/// The stored hash of a chain's last row (`None` for an empty chain; `Some(None)` when that row has no
/// hash).
pub fn last_hash(tx: &Tx, chain: Chain) -> Result<Option<Option<String>>> {
    tx.one(
        &format!(
            "SELECT hash FROM {} ORDER BY id DESC LIMIT 1",
            chain.table()
        ),
        &[],
        |r| r.get(0),
    )
}

/// A case event's audited values in the chain's column order, exactly as they are stored.
#[allow(clippy::too_many_arguments)]
pub fn case_event_values(
    id: i64,
    case: CaseId,
    at: DateTime<Utc>,
    actor: UserId,
    action: &str,
    from: Option<Status>,
    to: Option<Status>,
    reason: Option<&str>,
    detail: Option<&str>,
) -> Vec<Value> {
    vec![
        id.to_value(),
        case.to_value(),
        at.to_value(),
        actor.to_value(),
        action.to_value(),
        from.to_value(),
        to.to_value(),
        reason.to_value(),
        detail.to_value(),
    ]
}

/// An admin event's audited values in the chain's column order, exactly as they are stored.
pub fn admin_event_values(
    id: i64,
    at: DateTime<Utc>,
    actor: Option<UserId>,
    action: &str,
    target: &str,
    detail: Option<&str>,
) -> Vec<Value> {
    vec![
        id.to_value(),
        at.to_value(),
        actor.to_value(),
        action.to_value(),
        target.to_value(),
        detail.to_value(),
    ]
}

/// Writes one sealed row: the audited `values` (from the `*_values` functions) and its two hashes.
pub fn insert_sealed(
    tx: &Tx,
    chain: Chain,
    values: &[Value],
    prev: &str,
    hash: &str,
) -> Result<()> {
    let sql = match chain {
        Chain::Case => {
            "INSERT INTO case_events (id, case_id, at, actor_id, action, from_status, to_status, reason, detail,
                                      prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
        }
        Chain::Admin => {
            "INSERT INTO admin_events (id, at, actor_id, action, target, detail, prev_hash, hash)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
        }
    };
    let mut params: Vec<&dyn Param> = values.iter().map(|v| v as &dyn Param).collect();
    params.push(&prev);
    params.push(&hash);
    tx.execute(sql, &params)?;
    Ok(())
}

/// Writes many sealed rows of one chain, in order, a few dozen to a statement (a bulk job): each is its
/// audited values and its two hashes, as for [`insert_sealed`].
pub fn insert_sealed_many(
    tx: &Tx,
    chain: Chain,
    rows: &[(Vec<Value>, String, String)],
) -> Result<()> {
    for chunk in rows.chunks(50) {
        let width = chunk[0].0.len() + 2;
        let marks: Vec<String> = (0..chunk.len())
            .map(|r| {
                let cols: Vec<String> =
                    (1..=width).map(|c| format!("?{}", r * width + c)).collect();
                format!("({})", cols.join(", "))
            })
            .collect();
        let mut params: Vec<&dyn Param> = Vec::with_capacity(chunk.len() * width);
        for (values, prev, hash) in chunk {
            params.extend(values.iter().map(|v| v as &dyn Param));
            params.push(prev);
            params.push(hash);
        }
        tx.execute(
            &format!(
                "INSERT INTO {} ({}, prev_hash, hash) VALUES {}",
                chain.table(),
                chain.columns(),
                marks.join(", ")
            ),
            &params,
        )?;
    }
    Ok(())
}

/// One stored row of a chain: its id, its audited values exactly as stored, and its two hashes.
pub struct ChainRow {
    pub id: i64,
    pub values: Vec<Value>,
    pub prev_hash: Option<String>,
    pub hash: Option<String>,
}

/// The rows of a chain from id `from_id` on, in order, streamed to `f`.
pub fn each_chain_row(
    db: &Db,
    chain: Chain,
    from_id: i64,
    mut f: impl FnMut(ChainRow) -> Result<()>,
) -> Result<()> {
    db.each(
        &format!(
            "SELECT {}, prev_hash, hash FROM {} WHERE id >= ?1 ORDER BY id",
            chain.columns(),
            chain.table()
        ),
        &[&from_id],
        |r| {
            let mut values = r.into_values();
            let hash = values.pop();
            let prev = values.pop();
            let text = |v: Option<Value>| match v {
                Some(Value::Text(s)) => Some(s),
                _ => None,
            };
            let id = match values.first() {
                Some(Value::Int(i)) => *i,
                _ => 0,
            };
            f(ChainRow {
                id,
                values,
                prev_hash: text(prev),
                hash: text(hash),
            })
        },
    )
}

/// How many rows a chain has.
pub fn count_all(db: &Db, chain: Chain) -> Result<i64> {
    db.value(&format!("SELECT count(*) FROM {}", chain.table()), &[])
}

/// The last row of a chain: its id and hash, and how many rows the chain has.
pub fn head(db: &Db, chain: Chain) -> Result<Option<(i64, Option<String>, i64)>> {
    let count: i64 = db.value(&format!("SELECT count(*) FROM {}", chain.table()), &[])?;
    db.one(
        &format!(
            "SELECT id, hash FROM {} ORDER BY id DESC LIMIT 1",
            chain.table()
        ),
        &[],
        |r| Ok((r.get(0)?, r.get(1)?, count)),
    )
}

/// The hash stored on row `id` of a chain.
pub fn hash_of(db: &Db, chain: Chain, id: i64) -> Result<Option<Option<String>>> {
    db.one(
        &format!("SELECT hash FROM {} WHERE id = ?1", chain.table()),
        &[&id],
        |r| r.get(0),
    )
}

/// One line of a case's timeline.
#[derive(Debug, Clone, Serialize)]
pub struct CaseEvent {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub actor: String,
    pub actor_name: String,
    pub actor_role: String,
    pub action: String,
    pub from_status: Option<Status>,
    pub to_status: Option<Status>,
    pub reason: Option<String>,
    pub detail: Option<String>,
}

/// A case's timeline, oldest first.
pub fn of_case(db: &Db, case: CaseId) -> Result<Vec<CaseEvent>> {
    db.map(
        "SELECT e.id, e.at, u.username, u.full_name, u.role, e.action, e.from_status, e.to_status, e.reason, e.detail
         FROM case_events e JOIN users u ON u.id = e.actor_id
         WHERE e.case_id = ?1 ORDER BY e.id",
        &[&case],
        |r| {
            Ok(CaseEvent {
                id: r.get(0)?,
                at: r.get(1)?,
                actor: r.get(2)?,
                actor_name: r.get(3)?,
                actor_role: r.get(4)?,
                action: r.get(5)?,
                from_status: r.get(6)?,
                to_status: r.get(7)?,
                reason: r.get(8)?,
                detail: r.get(9)?,
            })
        },
    )
}

/// How many events of `action` a case has (prints of a certificate, say).
pub fn count_for_case(db: &Db, case: CaseId, action: &str) -> Result<u32> {
    db.value(
        "SELECT count(*) FROM case_events WHERE case_id = ?1 AND action = ?2",
        &[&case, &action],
    )
}

/// Which rows of the audit log to show. Every filter is optional; days are UTC calendar days.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct AuditFilter {
    #[serde(default)]
    pub case: Option<CaseId>,
    /// Username of the actor.
    #[serde(default)]
    pub user: Option<String>,
    /// An action or its prefix: `signin` matches `signin.fail`.
    #[serde(default)]
    pub action: Option<String>,
    #[serde(default)]
    pub from: Option<NaiveDate>,
    #[serde(default)]
    pub to: Option<NaiveDate>,
    /// At most this many rows (newest first); 0 means 200.
    #[serde(default)]
    pub limit: u32,
}

/// One line of the audit log.
#[derive(Debug, Clone, Serialize)]
pub struct AuditEntry {
    /// `case` for a case event, `admin` for a change to settings, users or the catalogue.
    pub chain: String,
    pub id: i64,
    pub at: DateTime<Utc>,
    pub actor: Option<String>,
    pub action: String,
    pub case_id: Option<CaseId>,
    /// The case's registration number, or the admin change's target.
    pub target: Option<String>,
    pub from_status: Option<String>,
    pub to_status: Option<String>,
    pub reason: Option<String>,
    pub detail: Option<String>,
    pub hash: Option<String>,
}

/// The audit log, newest first, filtered: each chain read newest first through its index on the time
/// (or a case's events through theirs), up to the limit, and the two merged.
pub fn log(db: &Db, f: &AuditFilter) -> Result<Vec<AuditEntry>> {
    let limit = if f.limit == 0 { 200 } else { f.limit };
    let action = f.action.as_deref().map(str::trim).filter(|s| !s.is_empty());
    let user = f
        .user
        .as_deref()
        .map(|s| s.trim().to_lowercase())
        .filter(|s| !s.is_empty());
    // The day bounds are compared with the stamp, which starts with an ISO day.
    let mut args: Vec<Value> = Vec::new();
    let mut cond = |sql: &mut String, alias: &str, case: bool| {
        args.clear();
        let mut add = |sql: &mut String, v: Value, tpl: &str| {
            args.push(v);
            sql.push_str(&tpl.replace("?N", &format!("?{}", args.len())));
        };
        if let (true, Some(c)) = (case, f.case) {
            add(sql, c.to_value(), &format!(" AND {alias}.case_id = ?N"));
        }
        if let Some(u) = &user {
            add(sql, Value::Text(u.clone()), " AND u.username = ?N");
        }
        if let Some(a) = action {
            add(
                sql,
                Value::Text(a.to_string()),
                &format!(" AND ({alias}.action = ?N"),
            );
            add(
                sql,
                Value::Text(format!("{a}.%")),
                &format!(" OR {alias}.action LIKE ?N)"),
            );
        }
        if let Some(d) = f.from {
            add(
                sql,
                Value::Text(d.to_string()),
                &format!(" AND {alias}.at >= ?N"),
            );
        }
        if let Some(d) = f.to {
            add(
                sql,
                Value::Text(format!("{d}T99")),
                &format!(" AND {alias}.at < ?N"),
            );
        }
        add(
            sql,
            Value::Int(i64::from(limit)),
            &format!(" ORDER BY {alias}.at DESC, {alias}.id DESC LIMIT ?N"),
        );
        args.clone()
    };
    let entry = |r: &crate::db::Row| {
        Ok(AuditEntry {
            chain: r.get(0)?,
            id: r.get(1)?,
            at: r.get(2)?,
            actor: r.get(3)?,
            action: r.get(4)?,
            case_id: r.get(5)?,
            target: r.get(6)?,
            from_status: r.get(7)?,
            to_status: r.get(8)?,
            reason: r.get(9)?,
            detail: r.get(10)?,
            hash: r.get(11)?,
        })
    };
    let mut sql = String::from(
        "SELECT 'case', e.id, e.at, u.username, e.action, e.case_id, c.registration_number, e.from_status,
                e.to_status, e.reason, e.detail, e.hash
         FROM case_events e JOIN users u ON u.id = e.actor_id JOIN cases c ON c.id = e.case_id WHERE 1 = 1",
    );
    let p = cond(&mut sql, "e", true);
    let refs: Vec<&dyn Param> = p.iter().map(|v| v as &dyn Param).collect();
    let mut rows = db.map(&sql, &refs, entry)?;
    if f.case.is_none() {
        let mut sql = String::from(
            "SELECT 'admin', a.id, a.at, u.username, a.action, NULL, a.target, NULL, NULL, NULL, a.detail, a.hash
             FROM admin_events a LEFT JOIN users u ON u.id = a.actor_id WHERE 1 = 1",
        );
        let p = cond(&mut sql, "a", false);
        let refs: Vec<&dyn Param> = p.iter().map(|v| v as &dyn Param).collect();
        rows.extend(db.map(&sql, &refs, entry)?);
    }
    rows.sort_by(|x, y| {
        y.at.cmp(&x.at)
            .then_with(|| x.chain.cmp(&y.chain))
            .then_with(|| y.id.cmp(&x.id))
    });
    rows.truncate(limit as usize);
    Ok(rows)
}
