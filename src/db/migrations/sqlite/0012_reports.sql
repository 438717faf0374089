-- Reports (issue 15) read one period of the register: each figure's date gets an index, so a year of a
-- million-case register is read as a range and never as a scan of every case or event. IF NOT EXISTS
-- because version 11 (the search index of issue 14) is developed beside this one.

-- Received per permit type, and the open cases at a period's end (closed after it, or not at all).
CREATE INDEX IF NOT EXISTS cases_registered_on ON cases (registered_on, permit_type_id);
-- The permit type too, so counting the cases closed after a period (most of them, for an old period)
-- reads the index alone, not each case's row.
CREATE INDEX IF NOT EXISTS cases_closed_at ON cases (closed_at, registered_on, permit_type_id);
-- Issued in a period (the service-standard cohort) and permits expiring in a window.
CREATE INDEX IF NOT EXISTS cases_issued_on ON cases (issued_on);
CREATE INDEX IF NOT EXISTS cases_valid_until ON cases (valid_until);
-- The status steps of a period by the status they lead to, and each case's returns and resubmissions.
CREATE INDEX IF NOT EXISTS case_events_steps ON case_events (to_status, at, case_id) WHERE action = 'status';
CREATE INDEX IF NOT EXISTS case_events_returns ON case_events (case_id, id)
    WHERE action = 'status' AND (to_status = 'returned' OR from_status = 'returned');
-- Handovers recorded in a period (the van's work).
CREATE INDEX IF NOT EXISTS deliveries_recorded ON deliveries (recorded_at);
