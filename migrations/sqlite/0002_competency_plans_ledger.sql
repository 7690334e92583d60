-- Competency dictionary and standards, assessments, the catalog, yearly development plans,
-- notifications and the JP ledger (SQLite dialect). Dates without a time are ISO text
-- (YYYY-MM-DD); moments are unix seconds (UTC).

CREATE TABLE competency (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('manajerial', 'sosial_kultural', 'teknis')),
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    -- Behaviour indicators of levels 1 to 5, one per line.
    indicators TEXT NOT NULL,
    retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1))
);

-- The required level of each competency for a position (the employee's jabatan).
CREATE TABLE position_standard (
    jabatan TEXT NOT NULL,
    competency_id INTEGER NOT NULL REFERENCES competency (id),
    required_level INTEGER NOT NULL CHECK (required_level BETWEEN 1 AND 5),
    PRIMARY KEY (jabatan, competency_id)
);

CREATE TABLE assessment (
    id INTEGER PRIMARY KEY,
    employee_id INTEGER NOT NULL REFERENCES employee (id),
    competency_id INTEGER NOT NULL REFERENCES competency (id),
    level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
    source TEXT NOT NULL CHECK (source IN ('assessment_centre', 'supervisor', 'self')),
    assessed_on TEXT NOT NULL,
    assessor_id INTEGER REFERENCES employee (id)
);
CREATE INDEX assessment_employee ON assessment (employee_id, competency_id, assessed_on);

CREATE TABLE program (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    path TEXT NOT NULL,
    jp INTEGER NOT NULL CHECK (jp > 0),
    organiser TEXT NOT NULL,
    mode TEXT NOT NULL CHECK (mode IN ('classroom', 'online', 'blended')),
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    place TEXT NOT NULL,
    retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1))
);
CREATE INDEX program_starts ON program (starts_on);

CREATE TABLE program_competency (
    program_id INTEGER NOT NULL REFERENCES program (id),
    competency_id INTEGER NOT NULL REFERENCES competency (id),
    PRIMARY KEY (program_id, competency_id)
);
CREATE INDEX program_competency_competency ON program_competency (competency_id);

-- One plan per employee per year; a change to an approved plan is a new revision.
CREATE TABLE dev_plan (
    id INTEGER PRIMARY KEY,
    employee_id INTEGER NOT NULL REFERENCES employee (id),
    year INTEGER NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1,
    status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'returned', 'approved', 'superseded')),
    updated_at INTEGER NOT NULL,
    UNIQUE (employee_id, year, revision)
);
CREATE INDEX dev_plan_year_status ON dev_plan (year, status);

CREATE TABLE dev_plan_item (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES dev_plan (id),
    competency_id INTEGER NOT NULL REFERENCES competency (id),
    path TEXT NOT NULL,
    title TEXT NOT NULL,
    planned_jp INTEGER NOT NULL CHECK (planned_jp > 0),
    target_quarter INTEGER NOT NULL CHECK (target_quarter BETWEEN 1 AND 4),
    program_id INTEGER REFERENCES program (id)
);
CREATE INDEX dev_plan_item_plan ON dev_plan_item (plan_id);

CREATE TABLE plan_event (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES dev_plan (id),
    actor_employee_id INTEGER NOT NULL REFERENCES employee (id),
    action TEXT NOT NULL,
    from_status TEXT NOT NULL,
    to_status TEXT NOT NULL,
    comment TEXT NOT NULL DEFAULT '',
    at INTEGER NOT NULL
);
CREATE INDEX plan_event_plan ON plan_event (plan_id, at);

CREATE TABLE notification (
    id INTEGER PRIMARY KEY,
    employee_id INTEGER NOT NULL REFERENCES employee (id),
    kind TEXT NOT NULL,
    -- The other person's name (who submitted, who approved), shown in the message.
    actor_name TEXT NOT NULL,
    link TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    read_at INTEGER
);
CREATE INDEX notification_employee ON notification (employee_id, created_at);

CREATE TABLE jp_entry (
    id INTEGER PRIMARY KEY,
    employee_id INTEGER NOT NULL REFERENCES employee (id),
    year INTEGER NOT NULL,
    path TEXT NOT NULL,
    title TEXT NOT NULL,
    organiser TEXT NOT NULL,
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    -- What the employee stated: hours or days, per the unit column.
    amount INTEGER NOT NULL CHECK (amount > 0),
    unit TEXT NOT NULL CHECK (unit IN ('hours', 'days', 'sessions', 'courses')),
    jp INTEGER NOT NULL CHECK (jp > 0),
    status TEXT NOT NULL CHECK (status IN ('recorded', 'verified', 'rejected')),
    reason TEXT NOT NULL DEFAULT '',
    evidence_file TEXT,
    evidence_type TEXT,
    verified_by INTEGER REFERENCES employee (id),
    verified_at INTEGER,
    created_at INTEGER NOT NULL
);
CREATE INDEX jp_entry_employee_year ON jp_entry (employee_id, year, status);
CREATE INDEX jp_entry_year_status ON jp_entry (year, status);
