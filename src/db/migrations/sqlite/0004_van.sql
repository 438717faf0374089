-- The van (mobile service): trips, their crew and stops, permits carried and what happened at each stop,
-- pick-up requests from villages, and the satisfaction survey (SKM) taken at handover.

CREATE TABLE trips (
    id          INTEGER PRIMARY KEY,
    trip_date   TEXT NOT NULL,
    vehicle     TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('planned', 'out', 'closed')),
    note        TEXT,
    created_at  TEXT NOT NULL,
    created_by  INTEGER NOT NULL REFERENCES users (id),
    started_at  TEXT,
    closed_at   TEXT
) STRICT;
CREATE INDEX trips_date ON trips (trip_date);

CREATE TABLE trip_crew (
    trip_id  INTEGER NOT NULL REFERENCES trips (id),
    user_id  INTEGER NOT NULL REFERENCES users (id),
    PRIMARY KEY (trip_id, user_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE trip_stops (
    trip_id       INTEGER NOT NULL REFERENCES trips (id),
    position      INTEGER NOT NULL CHECK (position > 0),
    village_code  TEXT NOT NULL REFERENCES villages (code),
    PRIMARY KEY (trip_id, position),
    UNIQUE (trip_id, village_code)
) STRICT, WITHOUT ROWID;

-- One row per permit handed over or carried: trip_id NULL is a collection at the counter. A row without an
-- outcome is a permit still on its way; the partial unique index keeps a permit on one open trip only.
CREATE TABLE deliveries (
    id                INTEGER PRIMARY KEY,
    case_id           INTEGER NOT NULL REFERENCES cases (id),
    trip_id           INTEGER REFERENCES trips (id),
    village_code      TEXT REFERENCES villages (code),
    assigned_at       TEXT NOT NULL,
    assigned_by       INTEGER NOT NULL REFERENCES users (id),
    outcome           TEXT CHECK (outcome IS NULL OR outcome IN ('holder', 'proxy', 'not_delivered')),
    fail_reason       TEXT CHECK (fail_reason IS NULL OR fail_reason IN ('not_home', 'address_not_found', 'refused', 'not_attempted')),
    note              TEXT,
    recipient_name    TEXT,
    recipient_nik     TEXT,
    relation          TEXT,
    authority_letter  TEXT,
    recorded_at       TEXT,
    recorded_by       INTEGER REFERENCES users (id),
    CHECK ((outcome = 'not_delivered') = (fail_reason IS NOT NULL))
) STRICT;
CREATE UNIQUE INDEX deliveries_one_open ON deliveries (case_id) WHERE outcome IS NULL;
CREATE INDEX deliveries_trip ON deliveries (trip_id);

CREATE TABLE pickup_requests (
    id            INTEGER PRIMARY KEY,
    requested_at  TEXT NOT NULL,
    name          TEXT NOT NULL,
    phone         TEXT,
    village_code  TEXT NOT NULL REFERENCES villages (code),
    purpose       TEXT NOT NULL,
    trip_id       INTEGER REFERENCES trips (id),
    outcome       TEXT CHECK (outcome IS NULL OR outcome IN ('collected', 'not_ready', 'not_found', 'cancelled')),
    outcome_note  TEXT,
    case_id       INTEGER REFERENCES cases (id),
    created_by    INTEGER NOT NULL REFERENCES users (id),
    closed_at     TEXT
) STRICT;
CREATE INDEX pickup_requests_open ON pickup_requests (village_code) WHERE outcome IS NULL;

-- SKM, PermenPANRB 14/2017: nine items scored 1-4, one optional response per case.
CREATE TABLE survey_responses (
    case_id      INTEGER PRIMARY KEY REFERENCES cases (id),
    answered_on  TEXT NOT NULL,
    u1 INTEGER NOT NULL CHECK (u1 BETWEEN 1 AND 4),
    u2 INTEGER NOT NULL CHECK (u2 BETWEEN 1 AND 4),
    u3 INTEGER NOT NULL CHECK (u3 BETWEEN 1 AND 4),
    u4 INTEGER NOT NULL CHECK (u4 BETWEEN 1 AND 4),
    u5 INTEGER NOT NULL CHECK (u5 BETWEEN 1 AND 4),
    u6 INTEGER NOT NULL CHECK (u6 BETWEEN 1 AND 4),
    u7 INTEGER NOT NULL CHECK (u7 BETWEEN 1 AND 4),
    u8 INTEGER NOT NULL CHECK (u8 BETWEEN 1 AND 4),
    u9 INTEGER NOT NULL CHECK (u9 BETWEEN 1 AND 4),
    recorded_by  INTEGER NOT NULL REFERENCES users (id)
) STRICT;
CREATE INDEX survey_responses_day ON survey_responses (answered_on);

-- Chain of custody of the paper originals taken in on a trip: which checklist items, in which sealed bag,
-- and when the crew handed the bag to the front office, with any discrepancy written down.
CREATE TABLE field_intakes (
    case_id         INTEGER PRIMARY KEY REFERENCES cases (id),
    trip_id         INTEGER NOT NULL REFERENCES trips (id),
    bag_seal        TEXT NOT NULL,
    originals       TEXT NOT NULL,
    recorded_at     TEXT NOT NULL,
    recorded_by     INTEGER NOT NULL REFERENCES users (id),
    handed_over_at  TEXT,
    received_by     INTEGER REFERENCES users (id),
    discrepancy     TEXT
) STRICT;
CREATE INDEX field_intakes_trip ON field_intakes (trip_id, bag_seal);
