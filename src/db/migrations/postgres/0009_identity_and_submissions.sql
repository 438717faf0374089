-- The twin of sqlite/0009: the register's identity is its petromaks_schema table on the server; the
-- submission id of a registration makes a retried submission find the first case.
ALTER TABLE cases ADD COLUMN submission_id TEXT;
CREATE UNIQUE INDEX cases_submission ON cases (submission_id) WHERE submission_id IS NOT NULL;
