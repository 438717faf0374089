-- The van's dashboards on a register of ten years: the permits waiting for delivery, and those expiring
-- in a window, are read from an index that holds every column the count needs (status, dates and the
-- applicant), so a million-case register answers without reading one case row. The undelivered one is
-- partial: it holds only the few thousand permits not yet handed over.
CREATE INDEX cases_undelivered ON cases (status, issued_on, applicant_id)
    WHERE status IN ('issued', 'out_for_delivery');
CREATE INDEX cases_expiring ON cases (valid_until, applicant_id) WHERE valid_until IS NOT NULL;
