-- The twin of sqlite/0003_documents.sql: the office signing key, revoked permits, the pas photo.

CREATE TABLE office_keys (
    key_id      TEXT PRIMARY KEY,
    public_key  BYTEA NOT NULL CHECK (length(public_key) = 32),
    secret_key  BYTEA CHECK (secret_key IS NULL OR length(secret_key) = 32),
    active      BIGINT NOT NULL DEFAULT 0 CHECK (active IN (0, 1))
);
CREATE UNIQUE INDEX office_keys_one_active ON office_keys (active) WHERE active = 1;

CREATE TABLE revoked_permits (
    permit_number  TEXT PRIMARY KEY REFERENCES cases (permit_number),
    reason         TEXT NOT NULL,
    revoked_by     BIGINT NOT NULL REFERENCES users (id),
    revoked_at     TEXT NOT NULL
);

ALTER TABLE applicants ADD COLUMN photo_png BYTEA;
