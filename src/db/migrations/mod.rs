//! The schema's history, one entry per version, for both engines. Append-only: a shipped entry is never
//! edited; a change is a new entry at the end with its SQLite file, its PostgreSQL twin, and a frozen
//! register of the version before it that upgrades in a test. A hook is a frozen copy of what that
//! version needed (reference data, a key, the audit chain), never a call into today's domain code.

mod audit_chain_v5;
mod office_key_v3;
mod search_v11;
mod search_v14;
mod seed_v2;

use super::migrate::Migration;

/// Every migration, in version order (version = position + 1).
pub(crate) fn list() -> Vec<Migration> {
    vec![
        Migration::sql(
            include_str!("sqlite/0001_schema.sql"),
            include_str!("postgres/0001_schema.sql"),
        ),
        Migration::hook(seed_v2::reference_data),
        Migration::sql(
            include_str!("sqlite/0003_documents.sql"),
            include_str!("postgres/0003_documents.sql"),
        )
        .then(office_key_v3::create_office_key),
        Migration::sql(
            include_str!("sqlite/0004_van.sql"),
            include_str!("postgres/0004_van.sql"),
        ),
        Migration::sql(
            include_str!("sqlite/0005_audit_chain.sql"),
            include_str!("postgres/0005_audit_chain.sql"),
        )
        .then(audit_chain_v5::chain_existing_events),
        Migration::sql(
            include_str!("sqlite/0006_signin_lockout.sql"),
            include_str!("postgres/0006_signin_lockout.sql"),
        ),
        Migration::sql(
            include_str!("sqlite/0007_cuti_bersama_setting.sql"),
            include_str!("postgres/0007_cuti_bersama_setting.sql"),
        ),
        Migration::sql(
            include_str!("sqlite/0008_certificate_snapshot.sql"),
            include_str!("postgres/0008_certificate_snapshot.sql"),
        ),
        Migration::sql(
            include_str!("sqlite/0009_identity_and_submissions.sql"),
            include_str!("postgres/0009_identity_and_submissions.sql"),
        ),
        Migration::sql(
            include_str!("sqlite/0010_van_offline.sql"),
            include_str!("postgres/0010_van_offline.sql"),
        ),
        Migration::sql(
            include_str!("sqlite/0011_search_and_scale.sql"),
            include_str!("postgres/0011_search_and_scale.sql"),
        )
        .then(search_v11::index_every_case),
        Migration::sql(
            include_str!("sqlite/0012_reports.sql"),
            include_str!("postgres/0012_reports.sql"),
        ),
        Migration::sql(
            include_str!("sqlite/0013_dashboard_indexes.sql"),
            include_str!("postgres/0013_dashboard_indexes.sql"),
        ),
        Migration::sql(
            include_str!("sqlite/0014_search_word_starts.sql"),
            include_str!("postgres/0014_search_word_starts.sql"),
        )
        .then(search_v14::mark_word_starts),
    ]
}
