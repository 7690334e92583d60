-- Files of a course (SQLite dialect), owned by app/src/learning/material/: images and PDF
-- attachments its modules show, uploaded by a facilitator or the admin. A file never changes
-- once stored (its id names it in every revision that shows it), so the revisions the
-- evaluation compares keep their pictures. The bytes live in the database: one backup holds
-- a course whole, and both engines serve them the same way.

CREATE TABLE course_file (
    id INTEGER PRIMARY KEY,
    program_id INTEGER NOT NULL REFERENCES course (program_id),
    kind TEXT NOT NULL CHECK (kind IN ('image', 'pdf')),
    -- An image's alternative text, or the name a PDF is shown and downloaded under.
    label TEXT NOT NULL,
    -- An image re-encoded as JPEG at most 1280 px wide (what it showed, nothing else of the
    -- upload: no metadata, no location), or the PDF as uploaded.
    content BLOB NOT NULL,
    -- An image's copy 640 px wide, when the image is wider than that.
    small_content BLOB,
    width INTEGER,
    height INTEGER,
    bytes INTEGER NOT NULL,
    uploaded_by INTEGER NOT NULL REFERENCES employee (id),
    uploaded_at INTEGER NOT NULL
);
CREATE INDEX course_file_program ON course_file (program_id);
