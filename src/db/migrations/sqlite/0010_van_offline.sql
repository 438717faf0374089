-- The van's day offline. On the office register: a van's check-outs (with the van's public key), the
-- actions checked in (each applied exactly once), the conflicts a person reviews, and the applicants the
-- vans registered per day (to flag the same NIK from two vans). On a van register (the laptop's own
-- file, made by check-out): the one row saying which check-out it is, and the outbox of field actions.
-- A case registered in the van keeps the van's receipt number beside its official registration number.

ALTER TABLE cases ADD COLUMN van_number TEXT;
CREATE UNIQUE INDEX cases_van_number ON cases (van_number) WHERE van_number IS NOT NULL;

CREATE TABLE van_checkouts (
    id              TEXT PRIMARY KEY,
    van             TEXT NOT NULL,
    trip_id         INTEGER NOT NULL REFERENCES trips (id),
    checked_out_at  TEXT NOT NULL,
    checked_out_by  INTEGER NOT NULL REFERENCES users (id),
    van_key         BLOB NOT NULL CHECK (length(van_key) = 32),
    checked_in_at   TEXT,
    checked_in_by   INTEGER REFERENCES users (id),
    last_seq        INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE UNIQUE INDEX van_checkouts_one_open ON van_checkouts (van) WHERE checked_in_at IS NULL;
CREATE INDEX van_checkouts_trip ON van_checkouts (trip_id);

CREATE TABLE applied_actions (
    action_id    TEXT PRIMARY KEY,
    checkout_id  TEXT NOT NULL REFERENCES van_checkouts (id),
    seq          INTEGER NOT NULL,
    applied_at   TEXT NOT NULL,
    applied_by   INTEGER NOT NULL REFERENCES users (id),
    outcome      TEXT NOT NULL CHECK (outcome IN ('applied', 'conflict')),
    case_id      INTEGER REFERENCES cases (id),
    UNIQUE (checkout_id, seq)
) STRICT;

CREATE TABLE checkin_conflicts (
    id           INTEGER PRIMARY KEY,
    checkout_id  TEXT NOT NULL REFERENCES van_checkouts (id),
    action_id    TEXT NOT NULL,
    seq          INTEGER NOT NULL,
    action       TEXT NOT NULL,
    kind         TEXT NOT NULL,
    reason       TEXT NOT NULL,
    payload      TEXT NOT NULL,
    van_actor    TEXT NOT NULL,
    van_at       TEXT NOT NULL,
    case_id      INTEGER REFERENCES cases (id),
    status       TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'applied', 'dismissed')),
    resolved_at  TEXT,
    resolved_by  INTEGER REFERENCES users (id),
    resolution   TEXT
) STRICT;
CREATE INDEX checkin_conflicts_open ON checkin_conflicts (status, id);

CREATE TABLE checkin_applicants (
    nik          TEXT NOT NULL,
    day          TEXT NOT NULL,
    checkout_id  TEXT NOT NULL REFERENCES van_checkouts (id),
    case_id      INTEGER NOT NULL REFERENCES cases (id),
    PRIMARY KEY (nik, day, checkout_id, case_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE van_register (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    checkout_id     TEXT NOT NULL,
    van             TEXT NOT NULL,
    trip_id         INTEGER NOT NULL,
    office_key_id   TEXT NOT NULL,
    van_secret      BLOB NOT NULL CHECK (length(van_secret) = 32),
    office_address  TEXT,
    checked_out_at  TEXT NOT NULL
) STRICT;

CREATE TABLE outbox (
    seq        INTEGER PRIMARY KEY CHECK (seq > 0),
    action_id  TEXT NOT NULL UNIQUE,
    kind       TEXT NOT NULL,
    payload    TEXT NOT NULL,
    actor_id   INTEGER NOT NULL,
    actor      TEXT NOT NULL,
    at         TEXT NOT NULL,
    prev_hash  TEXT NOT NULL,
    hash       TEXT NOT NULL,
    signature  TEXT NOT NULL,
    sent_at    TEXT
) STRICT;
