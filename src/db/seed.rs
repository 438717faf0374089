//! Reference data a new database starts with: Indonesia's areas, the national holidays and the permit
//! catalogue of a regency office. Compiled into the program so nothing outside it is read at run time.

use rusqlite::{params, Transaction};
use rusqlite_migration::{HookError, HookResult};

use crate::permit_types::{self, PermitTypeInput};

const PROVINCES: &str = include_str!("../../data/areas/provinces.csv");
const REGENCIES: &str = include_str!("../../data/areas/regencies.csv");
const DISTRICTS: &str = include_str!("../../data/areas/districts.csv");
const VILLAGES: &str = include_str!("../../data/areas/villages.csv");
const HOLIDAYS: &str = include_str!("../../data/holidays-2024-2030.csv");
const CATALOGUE: &str = include_str!("../../data/catalogue.json");

/// Migration 2's hook: loads every table of reference data in the migration's transaction.
pub(super) fn reference_data(tx: &Transaction) -> HookResult {
    load_csv(
        tx,
        PROVINCES,
        "INSERT INTO provinces (code, name) VALUES (?1, ?2)",
        2,
    )?;
    load_csv(
        tx,
        REGENCIES,
        "INSERT INTO regencies (code, province_code, name) VALUES (?1, ?2, ?3)",
        3,
    )?;
    load_csv(
        tx,
        DISTRICTS,
        "INSERT INTO districts (code, regency_code, name) VALUES (?1, ?2, ?3)",
        3,
    )?;
    load_csv(
        tx,
        VILLAGES,
        "INSERT INTO villages (code, district_code, name) VALUES (?1, ?2, ?3)",
        3,
    )?;
    let mut holidays = csv::Reader::from_reader(HOLIDAYS.as_bytes());
    let mut stmt =
        tx.prepare("INSERT INTO holidays (day, name, kind) VALUES (?1, ?2, 'national')")?;
    for rec in holidays.records() {
        let rec = rec.map_err(|e| HookError::Hook(e.to_string()))?;
        stmt.execute(params![&rec[0], &rec[1]])?;
    }
    let types: Vec<PermitTypeInput> =
        serde_json::from_str(CATALOGUE).map_err(|e| HookError::Hook(format!("catalogue: {e}")))?;
    for t in &types {
        permit_types::insert_tx(tx, t)
            .map_err(|e| HookError::Hook(format!("catalogue {}: {e}", t.code)))?;
    }
    Ok(())
}

fn load_csv(tx: &Transaction, data: &str, sql: &str, columns: usize) -> HookResult {
    let mut stmt = tx.prepare(sql)?;
    let mut reader = csv::Reader::from_reader(data.as_bytes());
    for rec in reader.records() {
        let rec = rec.map_err(|e| HookError::Hook(e.to_string()))?;
        let values: Vec<&str> = (0..columns).map(|i| rec.get(i).unwrap_or("")).collect();
        stmt.execute(rusqlite::params_from_iter(values))?;
    }
    Ok(())
}
