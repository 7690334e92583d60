-- Hardening (PostgreSQL dialect): devices an account has logged in from, which the daily
-- per-account ceiling of failed logins does not lock (see app/src/auth/throttle.rs).
-- The browser keeps a random token in a cookie; only its SHA-256 is stored.
CREATE TABLE known_device (
    token_hash TEXT PRIMARY KEY,
    account_id BIGINT NOT NULL REFERENCES account (id),
    last_login_at BIGINT NOT NULL
);
CREATE INDEX known_device_account ON known_device (account_id);

-- Create forms sent twice create once (app/src/db/idempotency.rs): the key a form was
-- rendered with, claimed in the transaction that creates. Old keys are deleted as new
-- ones are claimed.
CREATE TABLE form_key (
    account_id BIGINT NOT NULL REFERENCES account (id),
    form TEXT NOT NULL,
    token TEXT NOT NULL,
    used_at BIGINT NOT NULL,
    PRIMARY KEY (account_id, form, token)
);
CREATE INDEX form_key_used_at ON form_key (used_at);
