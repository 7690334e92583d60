-- SCORM 1.2 packages (SQLite dialect), owned by app/src/learning/scorm/. A package is uploaded
-- to a course, checked whole (app/src/learning/scorm/package.rs) and kept as its files; a
-- module's revision may show one (module_revision.package_id), so that a revised package is
-- a new revision and the old one stays as the evaluation compares it. A package never
-- changes once stored. The bytes live in the database, as a course's other files do.

CREATE TABLE scorm_package (
    id INTEGER PRIMARY KEY,
    program_id INTEGER NOT NULL REFERENCES course (program_id),
    title TEXT NOT NULL,
    -- The launch address inside the package, from its manifest (may carry a query).
    launch TEXT NOT NULL,
    files INTEGER NOT NULL,
    bytes INTEGER NOT NULL,
    uploaded_by INTEGER NOT NULL REFERENCES employee (id),
    uploaded_at INTEGER NOT NULL
);
CREATE INDEX scorm_package_program ON scorm_package (program_id);

CREATE TABLE scorm_file (
    package_id INTEGER NOT NULL REFERENCES scorm_package (id),
    path TEXT NOT NULL,
    content BLOB NOT NULL,
    PRIMARY KEY (package_id, path)
);

ALTER TABLE module_revision ADD COLUMN package_id INTEGER REFERENCES scorm_package (id);

-- What the package last reported for a learner and module: the SCORM data it reads back on
-- the next visit (resume), and its status and score as Bina shows them.
CREATE TABLE scorm_state (
    employee_id INTEGER NOT NULL REFERENCES employee (id),
    module_id INTEGER NOT NULL REFERENCES course_module (id),
    -- The revision it was reported on: a new revision starts afresh.
    revision_id INTEGER NOT NULL REFERENCES module_revision (id),
    lesson_status TEXT NOT NULL,
    score INTEGER CHECK (score IS NULL OR score BETWEEN 0 AND 100),
    lesson_location TEXT NOT NULL DEFAULT '',
    suspend_data TEXT NOT NULL DEFAULT '',
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (employee_id, module_id)
);

-- One row per session the page opened (its id made by the browser): the session's time as
-- last reported. A report repeated or sent twice sets the same time again, so time is
-- counted once.
CREATE TABLE scorm_session (
    employee_id INTEGER NOT NULL REFERENCES employee (id),
    session_id TEXT NOT NULL,
    module_id INTEGER NOT NULL REFERENCES course_module (id),
    seconds INTEGER NOT NULL CHECK (seconds >= 0),
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (employee_id, session_id)
);
