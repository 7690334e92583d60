-- Online learning (SQLite dialect), owned by app/src/learning/. A catalog program becomes a
-- course when the admin opens it for learning in Bina: who it is for, its seats (classroom
-- and blended programs), its facilitators (pengampu), its modules and their revisions, who
-- is enrolled, and each learner's progress. Integers that hold 0/1 are flags.

CREATE TABLE course (
    program_id INTEGER PRIMARY KEY REFERENCES program (id),
    -- Who may enrol: everyone, or one OPD and/or one jenis jabatan (NULL: no limit).
    audience_opd_id INTEGER REFERENCES opd (id),
    audience_jenis TEXT,
    -- Seats of the classroom part; NULL: no limit.
    seats INTEGER CHECK (seats IS NULL OR seats > 0),
    open INTEGER NOT NULL DEFAULT 1 CHECK (open IN (0, 1)),
    updated_at INTEGER NOT NULL
);

CREATE TABLE course_facilitator (
    program_id INTEGER NOT NULL REFERENCES course (program_id),
    employee_id INTEGER NOT NULL REFERENCES employee (id),
    named_by INTEGER NOT NULL REFERENCES employee (id),
    named_at INTEGER NOT NULL,
    PRIMARY KEY (program_id, employee_id)
);
CREATE INDEX course_facilitator_employee ON course_facilitator (employee_id);

-- One row per person and course. applied: waits for the pengelola OPD; waiting: confirmed
-- but no seat free (ordered by queued_at, id); active: learning; withdrawn; completed.
CREATE TABLE enrolment (
    id INTEGER PRIMARY KEY,
    program_id INTEGER NOT NULL REFERENCES course (program_id),
    employee_id INTEGER NOT NULL REFERENCES employee (id),
    status TEXT NOT NULL CHECK (status IN ('applied', 'waiting', 'active', 'withdrawn', 'refused', 'completed')),
    applied_at INTEGER NOT NULL,
    queued_at INTEGER,
    decided_by INTEGER REFERENCES employee (id),
    updated_at INTEGER NOT NULL,
    UNIQUE (program_id, employee_id)
);
CREATE INDEX enrolment_employee ON enrolment (employee_id, status);
CREATE INDEX enrolment_program_status ON enrolment (program_id, status, queued_at);

CREATE TABLE course_module (
    id INTEGER PRIMARY KEY,
    program_id INTEGER NOT NULL REFERENCES course (program_id),
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    minutes INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 600),
    required INTEGER NOT NULL DEFAULT 1 CHECK (required IN (0, 1)),
    created_at INTEGER NOT NULL,
    UNIQUE (program_id, position)
);

-- A module's text, kept for every revision (the evaluation compares them). At most one
-- draft (published_at NULL) per module, edited in place; published revisions never change.
CREATE TABLE module_revision (
    id INTEGER PRIMARY KEY,
    module_id INTEGER NOT NULL REFERENCES course_module (id),
    number INTEGER NOT NULL,
    body_md TEXT NOT NULL,
    -- Rendered and sanitised on the server when saved (learning/module/markdown.rs).
    body_html TEXT NOT NULL,
    change_note TEXT NOT NULL DEFAULT '',
    author_id INTEGER NOT NULL REFERENCES employee (id),
    saved_at INTEGER NOT NULL,
    published_at INTEGER,
    UNIQUE (module_id, number)
);

CREATE TABLE module_progress (
    employee_id INTEGER NOT NULL REFERENCES employee (id),
    module_id INTEGER NOT NULL REFERENCES course_module (id),
    -- The revision last read.
    revision_id INTEGER NOT NULL REFERENCES module_revision (id),
    opened_at INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    done_at INTEGER,
    seconds INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (employee_id, module_id)
);

-- What a learner did, each event once: its id is made by the client (the form's key, or the
-- offline outbox), so a replayed or doubled event is recognised and counts once.
CREATE TABLE learning_event (
    employee_id INTEGER NOT NULL REFERENCES employee (id),
    event_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('done')),
    module_id INTEGER NOT NULL REFERENCES course_module (id),
    revision_id INTEGER NOT NULL REFERENCES module_revision (id),
    seconds INTEGER NOT NULL,
    at INTEGER NOT NULL,
    PRIMARY KEY (employee_id, event_id)
);
