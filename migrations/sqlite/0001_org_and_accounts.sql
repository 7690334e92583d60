-- Organisation, people, accounts and login bookkeeping (SQLite dialect).
-- Booleans are integers 0/1 and times unix seconds (UTC) in both dialects.

CREATE TABLE opd (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('sekretariat', 'inspektorat', 'badan', 'dinas', 'satpol', 'rsud', 'kecamatan'))
);

CREATE TABLE location (
    id INTEGER PRIMARY KEY,
    kecamatan TEXT NOT NULL,
    kelurahan TEXT,
    name TEXT NOT NULL,
    access_class TEXT NOT NULL CHECK (access_class IN ('urban', 'peri_urban', 'remote'))
);

CREATE TABLE unit_kerja (
    id INTEGER PRIMARY KEY,
    opd_id INTEGER NOT NULL REFERENCES opd (id),
    name TEXT NOT NULL,
    location_id INTEGER NOT NULL REFERENCES location (id)
);
CREATE INDEX unit_kerja_opd ON unit_kerja (opd_id);

CREATE TABLE employee (
    id INTEGER PRIMARY KEY,
    nip TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    sex TEXT NOT NULL CHECK (sex IN ('L', 'P')),
    employment TEXT NOT NULL CHECK (employment IN ('pns', 'pppk')),
    jabatan TEXT NOT NULL,
    jenis_jabatan TEXT NOT NULL,
    golongan TEXT NOT NULL,
    opd_id INTEGER NOT NULL REFERENCES opd (id),
    unit_id INTEGER NOT NULL REFERENCES unit_kerja (id),
    supervisor_id INTEGER REFERENCES employee (id),
    location_id INTEGER NOT NULL REFERENCES location (id)
);
CREATE INDEX employee_opd_name ON employee (opd_id, name);
CREATE INDEX employee_supervisor ON employee (supervisor_id);
CREATE INDEX employee_location ON employee (location_id);

CREATE TABLE account (
    id INTEGER PRIMARY KEY,
    employee_id INTEGER NOT NULL UNIQUE REFERENCES employee (id),
    password_hash TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at INTEGER NOT NULL,
    password_changed_at INTEGER NOT NULL
);

CREATE TABLE account_role (
    account_id INTEGER NOT NULL REFERENCES account (id),
    role TEXT NOT NULL CHECK (role IN ('admin', 'pengelola_opd', 'mentor')),
    opd_id INTEGER REFERENCES opd (id),
    PRIMARY KEY (account_id, role),
    CHECK (role <> 'pengelola_opd' OR opd_id IS NOT NULL)
);

CREATE TABLE login_failure (
    id INTEGER PRIMARY KEY,
    subject TEXT NOT NULL,
    at INTEGER NOT NULL
);
CREATE INDEX login_failure_subject_at ON login_failure (subject, at);
CREATE INDEX login_failure_at ON login_failure (at);

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    account_id INTEGER REFERENCES account (id),
    action TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_account ON audit_log (account_id, at);
