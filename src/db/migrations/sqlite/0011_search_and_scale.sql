-- Ten years of a regency in the register (issue 14). The search box's text index: one row per case (rowid =
-- the case id) holding the applicant's name in its search form (accents removed, small letters, words
-- between spaces; written by Rust, `text::search_key`), indexed by FTS5's trigram tokenizer so any part of
-- a name is found without reading the cases. The store keeps it in the same transaction as every
-- registration and rename; the migration's hook fills it for the cases already registered.
CREATE VIRTUAL TABLE case_search USING fts5 (name, tokenize = 'trigram');

-- What the screens read by: a status's cases newest first, permits by issue day (batch printing) and by
-- the end of their validity (the expiring dashboard), and a case's deliveries (its screen).
CREATE INDEX cases_status_id ON cases (status, id);
CREATE INDEX cases_issued_on ON cases (issued_on) WHERE issued_on IS NOT NULL;
CREATE INDEX cases_valid_until ON cases (valid_until) WHERE valid_until IS NOT NULL;
CREATE INDEX deliveries_case ON deliveries (case_id);

-- The audit log's screen, newest first.
CREATE INDEX case_events_at ON case_events (at, id);
CREATE INDEX admin_events_at ON admin_events (at, id);
