-- The twin of sqlite/0011_search_and_scale.sql: the search box's text index as a table of one row per
-- case (the applicant's name in its search form, written by Rust) with a pg_trgm GIN index, so
-- `LIKE '%part%'` is answered from the index; and the same indexes for the screens. `CREATE EXTENSION`
-- needs the register's owner: `petromaks server init` runs the migrations as the owner.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE case_search (
    case_id  BIGINT PRIMARY KEY REFERENCES cases (id),
    name     TEXT NOT NULL
);
CREATE INDEX case_search_name ON case_search USING gin (name gin_trgm_ops);

CREATE INDEX cases_status_id ON cases (status, id);
CREATE INDEX cases_issued_on ON cases (issued_on) WHERE issued_on IS NOT NULL;
CREATE INDEX cases_valid_until ON cases (valid_until) WHERE valid_until IS NOT NULL;
CREATE INDEX deliveries_case ON deliveries (case_id);

-- The audit log's screen, newest first.
CREATE INDEX case_events_at ON case_events (at, id);
CREATE INDEX admin_events_at ON admin_events (at, id);
