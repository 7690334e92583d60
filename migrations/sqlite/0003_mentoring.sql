-- Mentoring (SQLite dialect): mentor profiles and expertise, requests that mentors accept
-- or decline, mentorships with their sessions, and feedback. Moments are unix seconds (UTC),
-- dates without a time ISO text.

-- Being a mentor is opting in (or being designated by the admin): an active profile is the
-- mentor role. `active_mentees` is kept by the same transactions that start and end
-- mentorships, so that accepting can claim a place with one conditional UPDATE.
CREATE TABLE mentor_profile (
    employee_id INTEGER PRIMARY KEY REFERENCES employee (id),
    capacity INTEGER NOT NULL CHECK (capacity BETWEEN 1 AND 10),
    active_mentees INTEGER NOT NULL DEFAULT 0 CHECK (active_mentees >= 0),
    mode TEXT NOT NULL CHECK (mode IN ('online', 'in_person', 'both')),
    bio TEXT NOT NULL DEFAULT '',
    accepting INTEGER NOT NULL DEFAULT 1 CHECK (accepting IN (0, 1)),
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    updated_at INTEGER NOT NULL,
    CHECK (active_mentees <= capacity)
);

CREATE TABLE mentor_expertise (
    employee_id INTEGER NOT NULL REFERENCES mentor_profile (employee_id),
    competency_id INTEGER NOT NULL REFERENCES competency (id),
    PRIMARY KEY (employee_id, competency_id)
);
CREATE INDEX mentor_expertise_competency ON mentor_expertise (competency_id);

CREATE TABLE mentoring_request (
    id INTEGER PRIMARY KEY,
    mentee_id INTEGER NOT NULL REFERENCES employee (id),
    mentor_id INTEGER NOT NULL REFERENCES mentor_profile (employee_id),
    competency_id INTEGER NOT NULL REFERENCES competency (id),
    goal TEXT NOT NULL,
    message TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'declined', 'withdrawn', 'expired')),
    decline_reason TEXT,
    decline_note TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    reminded_at INTEGER,
    answered_at INTEGER
);
-- At most one pending request per mentee and competency.
CREATE UNIQUE INDEX mentoring_request_one_pending
    ON mentoring_request (mentee_id, competency_id) WHERE status = 'pending';
CREATE INDEX mentoring_request_mentor ON mentoring_request (mentor_id, status);
CREATE INDEX mentoring_request_status_expiry ON mentoring_request (status, expires_at);
CREATE INDEX mentoring_request_created ON mentoring_request (created_at);

CREATE TABLE mentorship (
    id INTEGER PRIMARY KEY,
    request_id INTEGER NOT NULL UNIQUE REFERENCES mentoring_request (id),
    mentor_id INTEGER NOT NULL REFERENCES mentor_profile (employee_id),
    mentee_id INTEGER NOT NULL REFERENCES employee (id),
    competency_id INTEGER NOT NULL REFERENCES competency (id),
    goal TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('active', 'ended')),
    started_at INTEGER NOT NULL,
    ended_at INTEGER,
    -- Each side's answer to "a good fit?" after the first confirmed session (1 yes, 0 no).
    fit_mentor INTEGER CHECK (fit_mentor IN (0, 1)),
    fit_mentee INTEGER CHECK (fit_mentee IN (0, 1)),
    end_reason TEXT NOT NULL DEFAULT '' CHECK (end_reason IN ('', 'finished', 'not_a_fit'))
);
CREATE INDEX mentorship_mentor ON mentorship (mentor_id, status);
CREATE INDEX mentorship_mentee ON mentorship (mentee_id, status);

-- What the mentee works toward, with progress either side updates.
CREATE TABLE mentorship_goal (
    id INTEGER PRIMARY KEY,
    mentorship_id INTEGER NOT NULL REFERENCES mentorship (id),
    text TEXT NOT NULL,
    progress INTEGER NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    updated_at INTEGER NOT NULL
);
CREATE INDEX mentorship_goal_mentorship ON mentorship_goal (mentorship_id);

-- A session either side logs; it becomes JP for the mentee once both have confirmed.
CREATE TABLE mentoring_session (
    id INTEGER PRIMARY KEY,
    mentorship_id INTEGER NOT NULL REFERENCES mentorship (id),
    held_on TEXT NOT NULL,
    minutes INTEGER NOT NULL CHECK (minutes BETWEEN 15 AND 480),
    mode TEXT NOT NULL CHECK (mode IN ('online', 'in_person')),
    notes TEXT NOT NULL DEFAULT '',
    logged_by INTEGER NOT NULL REFERENCES employee (id),
    mentor_confirmed INTEGER NOT NULL DEFAULT 0 CHECK (mentor_confirmed IN (0, 1)),
    mentee_confirmed INTEGER NOT NULL DEFAULT 0 CHECK (mentee_confirmed IN (0, 1)),
    jp_entry_id INTEGER REFERENCES jp_entry (id),
    created_at INTEGER NOT NULL
);
CREATE INDEX mentoring_session_mentorship ON mentoring_session (mentorship_id, held_on);

-- What each side said when the mentorship ended; the mentee's rating of the mentor feeds
-- future recommendations.
CREATE TABLE mentoring_feedback (
    mentorship_id INTEGER NOT NULL REFERENCES mentorship (id),
    from_employee_id INTEGER NOT NULL REFERENCES employee (id),
    about_employee_id INTEGER NOT NULL REFERENCES employee (id),
    rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    comment TEXT NOT NULL DEFAULT '',
    at INTEGER NOT NULL,
    PRIMARY KEY (mentorship_id, from_employee_id)
);
CREATE INDEX mentoring_feedback_about ON mentoring_feedback (about_employee_id);
