-- Petromaks schema, version 1. Append-only: never edit this file once shipped; add a new migration.
-- Timestamps are RFC 3339 UTC text ("2026-11-28T03:15:00Z"); days are ISO dates in the office's local time.

CREATE TABLE office (
    id                  INTEGER PRIMARY KEY CHECK (id = 1),
    government          TEXT NOT NULL,
    name                TEXT NOT NULL,
    unit                TEXT NOT NULL,
    regency_code        TEXT NOT NULL,
    address             TEXT NOT NULL,
    phone               TEXT NOT NULL,
    email               TEXT NOT NULL,
    head_title          TEXT NOT NULL,
    head_name           TEXT NOT NULL,
    head_rank           TEXT NOT NULL,
    head_nip            TEXT NOT NULL,
    sign_place          TEXT NOT NULL,
    utc_offset_minutes  INTEGER NOT NULL DEFAULT 420,
    work_days           TEXT NOT NULL DEFAULT '12345',
    logo_png            BLOB,
    updated_at          TEXT NOT NULL
) STRICT;

CREATE TABLE users (
    id              INTEGER PRIMARY KEY,
    username        TEXT NOT NULL UNIQUE COLLATE NOCASE,
    full_name       TEXT NOT NULL,
    role            TEXT NOT NULL CHECK (role IN ('admin', 'clerk', 'verifier', 'signer', 'courier')),
    password_hash   TEXT NOT NULL,
    nip             TEXT,
    active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    failed_logins   INTEGER NOT NULL DEFAULT 0,
    created_at      TEXT NOT NULL
) STRICT;

CREATE TABLE provinces (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE regencies (
    code          TEXT PRIMARY KEY,
    province_code TEXT NOT NULL REFERENCES provinces (code),
    name          TEXT NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE districts (
    code         TEXT PRIMARY KEY,
    regency_code TEXT NOT NULL REFERENCES regencies (code),
    name         TEXT NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE villages (
    code          TEXT PRIMARY KEY,
    district_code TEXT NOT NULL REFERENCES districts (code),
    name          TEXT NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX villages_district ON villages (district_code);

CREATE TABLE holidays (
    day  TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('national', 'cuti_bersama'))
) STRICT, WITHOUT ROWID;

CREATE TABLE permit_types (
    id               INTEGER PRIMARY KEY,
    code             TEXT NOT NULL UNIQUE,
    name             TEXT NOT NULL,
    title            TEXT NOT NULL,
    legal_basis      TEXT NOT NULL DEFAULT '[]',
    fields           TEXT NOT NULL DEFAULT '[]',
    conditions       TEXT NOT NULL DEFAULT '[]',
    tembusan         TEXT NOT NULL DEFAULT '[]',
    sla_days         INTEGER NOT NULL CHECK (sla_days > 0),
    validity_months  INTEGER CHECK (validity_months IS NULL OR validity_months > 0),
    classification   TEXT NOT NULL,
    number_template  TEXT NOT NULL,
    number_reset     TEXT NOT NULL CHECK (number_reset IN ('yearly', 'monthly')),
    fee              INTEGER NOT NULL DEFAULT 0 CHECK (fee >= 0),
    active           INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;

CREATE TABLE permit_requirements (
    id             INTEGER PRIMARY KEY,
    permit_type_id INTEGER NOT NULL REFERENCES permit_types (id),
    position       INTEGER NOT NULL,
    label          TEXT NOT NULL,
    mandatory      INTEGER NOT NULL CHECK (mandatory IN (0, 1)),
    UNIQUE (permit_type_id, position)
) STRICT;

CREATE TABLE applicants (
    id           INTEGER PRIMARY KEY,
    nik          TEXT NOT NULL UNIQUE,
    name         TEXT NOT NULL,
    sex          TEXT NOT NULL CHECK (sex IN ('L', 'P')),
    birth_place  TEXT NOT NULL,
    birth_date   TEXT NOT NULL,
    address      TEXT NOT NULL,
    village_code TEXT REFERENCES villages (code),
    phone        TEXT,
    email        TEXT,
    npwp         TEXT,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
) STRICT;
CREATE INDEX applicants_name ON applicants (name COLLATE NOCASE);

CREATE TABLE cases (
    id                   INTEGER PRIMARY KEY,
    registration_number  TEXT NOT NULL UNIQUE,
    applicant_id         INTEGER NOT NULL REFERENCES applicants (id),
    permit_type_id       INTEGER NOT NULL REFERENCES permit_types (id),
    channel              TEXT NOT NULL CHECK (channel IN ('counter', 'van')),
    service_mode         TEXT NOT NULL CHECK (service_mode IN ('baru', 'perpanjangan', 'perubahan', 'pencabutan', 'salinan')),
    status               TEXT NOT NULL CHECK (status IN ('received', 'returned', 'verified', 'in_review', 'approved',
                             'rejected', 'issued', 'out_for_delivery', 'delivered', 'picked_up', 'withdrawn')),
    details              TEXT NOT NULL DEFAULT '{}',
    registered_at        TEXT NOT NULL,
    registered_on        TEXT NOT NULL,
    registered_by        INTEGER NOT NULL REFERENCES users (id),
    sla_days             INTEGER NOT NULL,
    sla_used_days        INTEGER NOT NULL DEFAULT 0,
    sla_started_on       TEXT,
    sla_resumed_on       TEXT,
    due_date             TEXT,
    decision_reason      TEXT,
    permit_number        TEXT UNIQUE,
    issued_on            TEXT,
    valid_until          TEXT,
    signer               TEXT,
    closed_at            TEXT,
    updated_at           TEXT NOT NULL
) STRICT;
CREATE INDEX cases_status ON cases (status, due_date);
CREATE INDEX cases_applicant ON cases (applicant_id);

CREATE TABLE case_documents (
    case_id    INTEGER NOT NULL REFERENCES cases (id),
    position   INTEGER NOT NULL,
    label      TEXT NOT NULL,
    mandatory  INTEGER NOT NULL CHECK (mandatory IN (0, 1)),
    received   INTEGER NOT NULL DEFAULT 0 CHECK (received IN (0, 1)),
    PRIMARY KEY (case_id, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE case_events (
    id          INTEGER PRIMARY KEY,
    case_id     INTEGER NOT NULL REFERENCES cases (id),
    at          TEXT NOT NULL,
    actor_id    INTEGER NOT NULL REFERENCES users (id),
    action      TEXT NOT NULL,
    from_status TEXT,
    to_status   TEXT,
    reason      TEXT,
    detail      TEXT
) STRICT;
CREATE INDEX case_events_case ON case_events (case_id, id);

CREATE TABLE admin_events (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    actor_id  INTEGER REFERENCES users (id),
    action    TEXT NOT NULL,
    target    TEXT NOT NULL,
    detail    TEXT
) STRICT;

CREATE TABLE number_series (
    key   TEXT PRIMARY KEY,
    last  INTEGER NOT NULL CHECK (last >= 0)
) STRICT, WITHOUT ROWID;
