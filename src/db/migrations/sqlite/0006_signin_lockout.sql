-- Sign-in lockout: after too many failed sign-ins an account is locked until this instant (RFC 3339 UTC).
ALTER TABLE users ADD COLUMN locked_until TEXT;
