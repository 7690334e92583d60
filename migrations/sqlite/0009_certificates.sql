-- Certificates of completed courses (SQLite dialect), owned by app/src/learning/certificate/.
-- One per completion (enrolment), issued in the transaction that completed it. What the
-- certificate says is kept as it was on that day (a later change of name or title does not
-- change a document already handed out). `code` is the public verification code, drawn from
-- the operating system's random source; a revoked certificate keeps its row and says so.
CREATE TABLE certificate (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    enrolment_id INTEGER NOT NULL UNIQUE REFERENCES enrolment (id),
    employee_id INTEGER NOT NULL REFERENCES employee (id),
    program_id INTEGER NOT NULL REFERENCES course (program_id),
    holder_name TEXT NOT NULL,
    holder_nip TEXT NOT NULL,
    program_title TEXT NOT NULL,
    organiser TEXT NOT NULL,
    mode TEXT NOT NULL CHECK (mode IN ('classroom', 'online', 'blended')),
    jp INTEGER NOT NULL,
    started_on TEXT NOT NULL,
    completed_on TEXT NOT NULL,
    issued_at INTEGER NOT NULL,
    revoked_at INTEGER,
    revoked_by INTEGER REFERENCES employee (id),
    revoke_reason TEXT
);
CREATE INDEX certificate_employee ON certificate (employee_id);
CREATE INDEX certificate_issued ON certificate (issued_at);
