-- What an issued certificate prints from its permit type (title, legal basis, conditions, tembusan, field
-- labels), frozen at issue so a later catalogue edit never changes a reprint of an issued permit.
ALTER TABLE cases ADD COLUMN certificate_snapshot TEXT;
