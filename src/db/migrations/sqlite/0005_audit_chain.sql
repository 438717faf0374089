-- Tamper-evident audit: each event row carries the hash of the previous row of its table and its own hash
-- (SHA-256 over a canonical form of the row and the previous hash). Rows that exist already are hashed in
-- order by the migration's hook, so an upgraded register has an unbroken chain from its first event.
ALTER TABLE case_events ADD COLUMN prev_hash TEXT;
ALTER TABLE case_events ADD COLUMN hash TEXT;
ALTER TABLE admin_events ADD COLUMN prev_hash TEXT;
ALTER TABLE admin_events ADD COLUMN hash TEXT;
