-- A Petromaks register says what it is: with the application id a foreign SQLite file is told apart from
-- a register by its header alone ("PMKS").
PRAGMA application_id = 1347242835;

-- A registration carries the id of the submission it came from (made where the form was typed), so a
-- second Enter, a double click or a retry after an error finds the first case instead of a second one.
ALTER TABLE cases ADD COLUMN submission_id TEXT;
CREATE UNIQUE INDEX cases_submission ON cases (submission_id) WHERE submission_id IS NOT NULL;
