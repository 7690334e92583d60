-- Classroom attendance (PostgreSQL dialect), owned by app/src/learning/course/: the days of a
-- classroom or blended course a participant attended, as a facilitator or the admin last
-- recorded them. Enough days complete the course (app/src/learning/completion.rs).
CREATE TABLE attendance (
    enrolment_id BIGINT PRIMARY KEY REFERENCES enrolment (id),
    days BIGINT NOT NULL CHECK (days >= 0),
    recorded_by BIGINT NOT NULL REFERENCES employee (id),
    recorded_at BIGINT NOT NULL
);
