-- Questions and tests of a course (SQLite dialect), owned by app/src/learning/quiz/.

-- A GIFT text a facilitator sent, kept until its questions are saved: the preview reads it
-- again, and nothing typed is lost to a bad line.
CREATE TABLE question_import (
    id INTEGER PRIMARY KEY,
    program_id INTEGER NOT NULL REFERENCES course (program_id),
    -- The module the questions are tied to, if any.
    module_id INTEGER REFERENCES course_module (id),
    source TEXT NOT NULL,
    account_id INTEGER NOT NULL REFERENCES account (id),
    created_at INTEGER NOT NULL,
    imported_at INTEGER
);

-- A course's question bank. A question never changes once saved, so that every answer
-- given to it stays comparable: a better one is added and the old one withdrawn.
CREATE TABLE question (
    id INTEGER PRIMARY KEY,
    program_id INTEGER NOT NULL REFERENCES course (program_id),
    module_id INTEGER REFERENCES course_module (id),
    kind TEXT NOT NULL CHECK (kind IN ('single', 'multiple', 'true_false', 'short', 'numeric')),
    -- The text, answer and feedback as JSON (learning::quiz::QuestionSpec).
    spec TEXT NOT NULL,
    import_id INTEGER REFERENCES question_import (id),
    created_at INTEGER NOT NULL,
    retired_at INTEGER
);
CREATE INDEX question_program ON question (program_id);

-- A course's pre-test and post-test (module_id NULL), and its module quizzes.
CREATE TABLE quiz (
    id INTEGER PRIMARY KEY,
    program_id INTEGER NOT NULL REFERENCES course (program_id),
    kind TEXT NOT NULL CHECK (kind IN ('pre', 'post', 'module')),
    module_id INTEGER REFERENCES course_module (id),
    pass_percent INTEGER NOT NULL CHECK (pass_percent BETWEEN 0 AND 100),
    max_attempts INTEGER NOT NULL CHECK (max_attempts BETWEEN 1 AND 20),
    -- Questions drawn per attempt; 0: all.
    question_count INTEGER NOT NULL CHECK (question_count >= 0),
    open INTEGER NOT NULL CHECK (open IN (0, 1)),
    updated_at INTEGER NOT NULL,
    CHECK ((kind = 'module') = (module_id IS NOT NULL))
);
CREATE UNIQUE INDEX quiz_one_per_course ON quiz (program_id, kind) WHERE module_id IS NULL;
CREATE UNIQUE INDEX quiz_one_per_module ON quiz (module_id) WHERE module_id IS NOT NULL;

-- A learner's attempt: the questions drawn and their choices' order (JSON), then the score.
CREATE TABLE quiz_attempt (
    id INTEGER PRIMARY KEY,
    quiz_id INTEGER NOT NULL REFERENCES quiz (id),
    employee_id INTEGER NOT NULL REFERENCES employee (id),
    number INTEGER NOT NULL,
    layout TEXT NOT NULL,
    started_at INTEGER NOT NULL,
    submitted_at INTEGER,
    score INTEGER,
    passed INTEGER,
    -- Two attempts begun at once cannot both be the learner's next one.
    UNIQUE (quiz_id, employee_id, number)
);
CREATE INDEX quiz_attempt_employee ON quiz_attempt (employee_id);

-- Each answer of a submitted attempt, marked; the per-question statistics read these.
CREATE TABLE attempt_answer (
    attempt_id INTEGER NOT NULL REFERENCES quiz_attempt (id),
    question_id INTEGER NOT NULL REFERENCES question (id),
    -- What was answered as JSON (learning::quiz::rules::Response).
    response TEXT NOT NULL,
    correct INTEGER NOT NULL CHECK (correct IN (0, 1)),
    PRIMARY KEY (attempt_id, question_id)
);
CREATE INDEX attempt_answer_question ON attempt_answer (question_id);
