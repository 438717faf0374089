//! The permit catalogue editor: an office changes its permit types over the years (a new regulation, a
//! new requirement, a longer service standard) without a developer. A type in use is never deleted, only
//! retired; cases keep the checklist they were registered with, so an edit never rewrites history.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension};

use crate::numbering::{self, PermitNumberParts};
use crate::permit_types::{self, PermitType, PermitTypeId, PermitTypeInput};
use crate::users::{Actor, Role};
use crate::{audit, db, office, Error, Result};

/// Whether any case (open or closed) was registered with this type: such a type is never deleted and
/// keeps its code.
pub fn in_use(conn: &Connection, id: PermitTypeId) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM cases WHERE permit_type_id = ?1)",
        [id.0],
        |r| r.get(0),
    )?)
}

fn code_taken(conn: &Connection, code: &str, except: Option<PermitTypeId>) -> Result<bool> {
    let found: Option<i64> = conn
        .query_row("SELECT id FROM permit_types WHERE code = ?1", [code], |r| {
            r.get(0)
        })
        .optional()?;
    Ok(matches!(found, Some(id) if Some(PermitTypeId(id)) != except))
}

/// Adds a permit type to the catalogue (admin).
pub fn create(
    conn: &mut Connection,
    actor: &Actor,
    now: DateTime<Utc>,
    t: &PermitTypeInput,
) -> Result<PermitType> {
    actor.require(&[Role::Admin], "edit the permit catalogue")?;
    let tx = db::write_tx(conn)?;
    if code_taken(&tx, &t.code, None)? {
        return Err(Error::Conflict(format!(
            "the permit code {} is taken",
            t.code
        )));
    }
    let id = permit_types::insert_tx(&tx, t)?;
    audit::admin_event(
        &tx,
        Some(actor.id),
        now,
        "permit_type.create",
        &t.code,
        None,
    )?;
    let out = permit_types::get(&tx, id)?;
    tx.commit()?;
    Ok(out)
}

/// Replaces a permit type's definition. The code of a type already used by cases stays (it names the
/// number series and the issued permits); requirements apply to cases registered from now on.
pub fn update(
    conn: &mut Connection,
    actor: &Actor,
    now: DateTime<Utc>,
    id: PermitTypeId,
    t: &PermitTypeInput,
) -> Result<PermitType> {
    actor.require(&[Role::Admin], "edit the permit catalogue")?;
    permit_types::validate(t)?;
    let tx = db::write_tx(conn)?;
    let old = permit_types::get(&tx, id)?;
    if old.code != t.code {
        if in_use(&tx, id)? {
            return Err(Error::invalid(
                "code",
                format!("{} is used by cases: its code cannot change", old.code),
            ));
        }
        if code_taken(&tx, &t.code, Some(id))? {
            return Err(Error::Conflict(format!(
                "the permit code {} is taken",
                t.code
            )));
        }
    }
    tx.execute(
        "UPDATE permit_types SET code = ?2, name = ?3, title = ?4, legal_basis = ?5, fields = ?6, conditions = ?7,
                tembusan = ?8, sla_days = ?9, validity_months = ?10, classification = ?11, number_template = ?12,
                number_reset = ?13, fee = ?14
         WHERE id = ?1",
        params![
            id.0,
            t.code,
            t.name,
            t.title,
            permit_types::json(&t.legal_basis)?,
            permit_types::json(&t.fields)?,
            permit_types::json(&t.conditions)?,
            permit_types::json(&t.tembusan)?,
            t.sla_days,
            t.validity_months,
            t.classification,
            t.number_template,
            t.number_reset,
            t.fee
        ],
    )?;
    tx.execute(
        "DELETE FROM permit_requirements WHERE permit_type_id = ?1",
        [id.0],
    )?;
    for (i, (label, mandatory)) in t.requirements.iter().enumerate() {
        tx.execute(
            "INSERT INTO permit_requirements (permit_type_id, position, label, mandatory) VALUES (?1, ?2, ?3, ?4)",
            params![id.0, i as i64 + 1, label, mandatory],
        )?;
    }
    audit::admin_event(
        &tx,
        Some(actor.id),
        now,
        "permit_type.update",
        &t.code,
        None,
    )?;
    let out = permit_types::get(&tx, id)?;
    tx.commit()?;
    Ok(out)
}

/// Retires (no new applications) or reactivates a permit type. Open cases of a retired type go on.
pub fn set_active(
    conn: &mut Connection,
    actor: &Actor,
    now: DateTime<Utc>,
    id: PermitTypeId,
    active: bool,
) -> Result<PermitType> {
    actor.require(&[Role::Admin], "edit the permit catalogue")?;
    let tx = db::write_tx(conn)?;
    let t = permit_types::get(&tx, id)?;
    tx.execute(
        "UPDATE permit_types SET active = ?2 WHERE id = ?1",
        params![id.0, active],
    )?;
    let action = if active {
        "permit_type.reactivate"
    } else {
        "permit_type.retire"
    };
    audit::admin_event(&tx, Some(actor.id), now, action, &t.code, None)?;
    let out = permit_types::get(&tx, id)?;
    tx.commit()?;
    Ok(out)
}

/// Deletes a permit type that no case has ever used (a mistake); a type in use can only be retired.
pub fn delete(
    conn: &mut Connection,
    actor: &Actor,
    now: DateTime<Utc>,
    id: PermitTypeId,
) -> Result<()> {
    actor.require(&[Role::Admin], "edit the permit catalogue")?;
    let tx = db::write_tx(conn)?;
    let t = permit_types::get(&tx, id)?;
    if in_use(&tx, id)? {
        return Err(Error::Conflict(format!(
            "{} is used by cases and is never deleted; retire it instead",
            t.code
        )));
    }
    tx.execute(
        "DELETE FROM permit_requirements WHERE permit_type_id = ?1",
        [id.0],
    )?;
    tx.execute("DELETE FROM permit_types WHERE id = ?1", [id.0])?;
    audit::admin_event(
        &tx,
        Some(actor.id),
        now,
        "permit_type.delete",
        &t.code,
        None,
    )?;
    tx.commit()?;
    Ok(())
}

/// The number the next permit of this type issued on `day` would get (with `template` if given, to
/// preview an edit), without taking it.
pub fn preview_next_number(
    conn: &Connection,
    id: PermitTypeId,
    template: Option<&str>,
    day: NaiveDate,
) -> Result<String> {
    let t = permit_types::get(conn, id)?;
    let office = office::require(conn)?;
    let key = numbering::permit_series_key(&t.code, &t.number_reset, day);
    let last: i64 = conn
        .query_row(
            "SELECT last FROM number_series WHERE key = ?1",
            [&key],
            |r| r.get(0),
        )
        .optional()?
        .unwrap_or(0);
    numbering::render(
        template.unwrap_or(&t.number_template),
        &PermitNumberParts {
            classification: &t.classification,
            code: &t.code,
            unit: &office.unit,
            day,
            seq: last + 1,
        },
    )
}
