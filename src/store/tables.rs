//! The register's tables as a whole: their order (parents before children), and copying every row of one
//! register into another — a one-computer register moved onto the office server, a server register
//! written to a file as a backup. Both ends are at the same schema version; ids are kept.

use crate::db::{Db, Engine, Param, Tx, Value};
use crate::Result;

/// Reference data every register is created with (Indonesia's areas): identical on both ends, never
/// copied, only counted.
pub const REFERENCE: &[&str] = &["provinces", "regencies", "districts", "villages"];

/// Every table that holds an office's own data, parents before children.
pub const OWN: &[&str] = &[
    "office",
    "users",
    "holidays",
    "permit_types",
    "permit_requirements",
    "applicants",
    "cases",
    "case_documents",
    "case_events",
    "admin_events",
    "number_series",
    "office_keys",
    "revoked_permits",
    "trips",
    "trip_crew",
    "trip_stops",
    "deliveries",
    "pickup_requests",
    "survey_responses",
    "field_intakes",
    "van_checkouts",
    "applied_actions",
    "checkin_conflicts",
    "checkin_applicants",
];

/// Tables with an identity id the server counts on for new rows.
const WITH_ID: &[&str] = &[
    "users",
    "permit_types",
    "permit_requirements",
    "applicants",
    "cases",
    "case_events",
    "admin_events",
    "trips",
    "deliveries",
    "pickup_requests",
    "checkin_conflicts",
];

/// Rows per INSERT when copying.
const CHUNK: usize = 200;

/// How many rows a table has.
pub fn count(db: &Db, table: &str) -> Result<i64> {
    db.value(&format!("SELECT count(*) FROM {table}"), &[])
}

/// Rows per table of both lists, in order.
pub fn counts(db: &Db) -> Result<Vec<(String, i64)>> {
    OWN.iter()
        .chain(REFERENCE)
        .map(|t| Ok((t.to_string(), count(db, t)?)))
        .collect()
}

fn insert_chunk(tx: &Tx, table: &str, columns: &[String], rows: &[Vec<Value>]) -> Result<()> {
    if rows.is_empty() {
        return Ok(());
    }
    let width = columns.len();
    let mut sql = format!("INSERT INTO {table} ({}) VALUES ", columns.join(", "));
    let mut params: Vec<&dyn Param> = Vec::with_capacity(rows.len() * width);
    for (r, row) in rows.iter().enumerate() {
        if r > 0 {
            sql.push(',');
        }
        let marks: Vec<String> = (0..width)
            .map(|c| format!("?{}", r * width + c + 1))
            .collect();
        sql.push('(');
        sql.push_str(&marks.join(","));
        sql.push(')');
        params.extend(row.iter().map(|v| v as &dyn Param));
    }
    tx.execute(&sql, &params)?;
    Ok(())
}

/// Replaces every row of the office's own tables in `to` with those of `from` (reference data is left
/// as it is), ids kept; `progress(table, rows)` after each table. On the server the id counters are moved
/// past the copied ids.
pub fn copy_all(from: &Db, to: &Tx, progress: &mut dyn FnMut(&str, u64)) -> Result<()> {
    // The search index points at the cases: it goes first and is made again for the copied cases.
    super::cases::search::clear(to)?;
    for table in OWN.iter().rev() {
        to.execute(&format!("DELETE FROM {table}"), &[])?;
    }
    for table in OWN {
        let mut columns: Vec<String> = Vec::new();
        let mut batch: Vec<Vec<Value>> = Vec::with_capacity(CHUNK);
        let mut n = 0u64;
        // `from` and `to` are two connections: rows stream from one into the other a chunk at a time.
        from.each(&format!("SELECT * FROM {table} ORDER BY 1"), &[], |row| {
            if columns.is_empty() {
                columns = row.columns.to_vec();
            }
            batch.push(row.into_values());
            n += 1;
            if batch.len() == CHUNK {
                insert_chunk(to, table, &columns, &batch)?;
                batch.clear();
            }
            Ok(())
        })?;
        insert_chunk(to, table, &columns, &batch)?;
        if to.engine() == Engine::Postgres && WITH_ID.contains(table) {
            to.execute(
                &format!(
                    "SELECT setval(pg_get_serial_sequence('{table}', 'id'), coalesce(max(id), 0) + 1, false) FROM {table}"
                ),
                &[],
            )?;
        }
        progress(table, n);
    }
    super::cases::search::index_missing(to)?;
    Ok(())
}

/// Copies the rows of `table` in `from` that `filter` selects (a WHERE clause over the table's own
/// columns, `?N` parameters) into `to`, ids kept; returns how many. The tables must have the same columns.
/// Copied cases are indexed for the search box (their applicants are copied first).
pub fn copy_where(
    from: &Db,
    to: &Tx,
    table: &str,
    filter: &str,
    params: &[&dyn Param],
) -> Result<u64> {
    let mut columns: Vec<String> = Vec::new();
    let mut batch: Vec<Vec<Value>> = Vec::with_capacity(CHUNK);
    let mut n = 0u64;
    from.each(
        &format!("SELECT * FROM {table} WHERE {filter} ORDER BY 1"),
        params,
        |row| {
            if columns.is_empty() {
                columns = row.columns.to_vec();
            }
            batch.push(row.into_values());
            n += 1;
            if batch.len() == CHUNK {
                insert_chunk(to, table, &columns, &batch)?;
                batch.clear();
            }
            Ok(())
        },
    )?;
    insert_chunk(to, table, &columns, &batch)?;
    if table == "cases" {
        super::cases::search::index_missing(to)?;
    }
    Ok(n)
}
