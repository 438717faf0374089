-- Whether the office works on cuti bersama days (collective leave): some regencies keep counters open.
ALTER TABLE office ADD COLUMN cuti_bersama_is_working INTEGER NOT NULL DEFAULT 0 CHECK (cuti_bersama_is_working IN (0, 1));
