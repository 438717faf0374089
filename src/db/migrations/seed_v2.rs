//! Migration 2's hook, frozen: the reference data a new register starts with — Indonesia's areas, the
//! national holidays and the permit catalogue of a regency office — compiled into the program so nothing
//! outside it is read at run time. Rows go in several hundred at a time (one statement each), which keeps
//! a new register quick on both engines.

use serde::{Deserialize, Serialize};

use crate::db::{Json, Param, Tx};
use crate::{Error, Result};

const PROVINCES: &str = include_str!("../../../data/areas/provinces.csv");
const REGENCIES: &str = include_str!("../../../data/areas/regencies.csv");
const DISTRICTS: &str = include_str!("../../../data/areas/districts.csv");
const VILLAGES: &str = include_str!("../../../data/areas/villages.csv");
const HOLIDAYS: &str = include_str!("../../../data/holidays-2024-2030.csv");
const CATALOGUE: &str = include_str!("../../../data/catalogue.json");

/// Rows per INSERT: well under SQLite's parameter limit and PostgreSQL's message size.
const CHUNK: usize = 400;

/// A certificate field as this version stored it (the same JSON as the catalogue editor writes).
#[derive(Deserialize, Serialize)]
struct SeedField {
    key: String,
    label: String,
    kind: String,
    #[serde(default)]
    required: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    choices: Vec<String>,
}

/// The catalogue entries as this version stored them.
#[derive(Deserialize)]
struct SeedType {
    code: String,
    name: String,
    title: String,
    #[serde(default)]
    legal_basis: Vec<String>,
    requirements: Vec<(String, bool)>,
    #[serde(default)]
    fields: Vec<SeedField>,
    #[serde(default)]
    conditions: Vec<String>,
    #[serde(default)]
    tembusan: Vec<String>,
    sla_days: u32,
    validity_months: Option<u32>,
    classification: String,
    number_template: String,
    number_reset: String,
    #[serde(default)]
    fee: i64,
}

fn bad(what: &str, e: impl std::fmt::Display) -> Error {
    Error::Migration(format!("reference data {what}: {e}"))
}

/// Inserts `rows` of `width` text values into `table (columns)`, a chunk per statement.
fn insert_rows(
    tx: &Tx,
    table: &str,
    columns: &str,
    width: usize,
    rows: &[Vec<String>],
) -> Result<()> {
    for chunk in rows.chunks(CHUNK) {
        let mut sql = format!("INSERT INTO {table} ({columns}) VALUES ");
        let mut params: Vec<&dyn Param> = Vec::with_capacity(chunk.len() * width);
        for (r, row) in chunk.iter().enumerate() {
            if r > 0 {
                sql.push(',');
            }
            sql.push('(');
            for (c, value) in row.iter().take(width).enumerate() {
                if c > 0 {
                    sql.push(',');
                }
                sql.push_str(&format!("?{}", r * width + c + 1));
                params.push(value);
            }
            sql.push(')');
        }
        tx.execute(&sql, &params)?;
    }
    Ok(())
}

fn csv_rows(what: &str, data: &str, width: usize) -> Result<Vec<Vec<String>>> {
    let mut out = Vec::new();
    for rec in csv::Reader::from_reader(data.as_bytes()).records() {
        let rec = rec.map_err(|e| bad(what, e))?;
        if rec.len() < width {
            return Err(bad(
                what,
                format!("a row has {} fields, not {width}", rec.len()),
            ));
        }
        out.push((0..width).map(|i| rec[i].to_string()).collect());
    }
    Ok(out)
}

pub(super) fn reference_data(tx: &Tx) -> Result<()> {
    insert_rows(
        tx,
        "provinces",
        "code, name",
        2,
        &csv_rows("provinces", PROVINCES, 2)?,
    )?;
    insert_rows(
        tx,
        "regencies",
        "code, province_code, name",
        3,
        &csv_rows("regencies", REGENCIES, 3)?,
    )?;
    insert_rows(
        tx,
        "districts",
        "code, regency_code, name",
        3,
        &csv_rows("districts", DISTRICTS, 3)?,
    )?;
    insert_rows(
        tx,
        "villages",
        "code, district_code, name",
        3,
        &csv_rows("villages", VILLAGES, 3)?,
    )?;
    let holidays: Vec<Vec<String>> = csv_rows("holidays", HOLIDAYS, 2)?
        .into_iter()
        .map(|mut r| {
            r.push("national".into());
            r
        })
        .collect();
    insert_rows(tx, "holidays", "day, name, kind", 3, &holidays)?;
    let types: Vec<SeedType> = serde_json::from_str(CATALOGUE).map_err(|e| bad("catalogue", e))?;
    for t in &types {
        let id: i64 = tx.value(
            "INSERT INTO permit_types (code, name, title, legal_basis, fields, conditions, tembusan, sla_days,
                                       validity_months, classification, number_template, number_reset, fee)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) RETURNING id",
            &[
                &t.code,
                &t.name,
                &t.title,
                &Json(&t.legal_basis),
                &Json(&t.fields),
                &Json(&t.conditions),
                &Json(&t.tembusan),
                &t.sla_days,
                &t.validity_months,
                &t.classification,
                &t.number_template,
                &t.number_reset,
                &t.fee,
            ],
        )?;
        for (i, (label, mandatory)) in t.requirements.iter().enumerate() {
            tx.execute(
                "INSERT INTO permit_requirements (permit_type_id, position, label, mandatory) VALUES (?1, ?2, ?3, ?4)",
                &[&id, &(i as i64 + 1), label, mandatory],
            )?;
        }
    }
    Ok(())
}
