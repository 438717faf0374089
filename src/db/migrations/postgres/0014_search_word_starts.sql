-- Schema 14 changes SQLite's search index only (each word's start marked for its trigram tokenizer): the
-- server's index keeps the plain form, which `pg_trgm` reads with `LIKE ' word%'` patterns.
SELECT 1;
