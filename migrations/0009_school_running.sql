-- 老年学校 in term time and before the next one: the community that runs each class, fees
-- marked paid by staff, attendance per session, a calendar feed per teacher, and course
-- proposals that residents vote on (optionally committing to enroll if the class opens).

ALTER TABLE classes ADD COLUMN community_id INTEGER REFERENCES communities (id);
UPDATE classes SET community_id = (
    SELECT s.community_id FROM class_slots sl JOIN rooms r ON r.id = sl.room_id
    JOIN school_sites s ON s.id = r.site_id WHERE sl.class_id = classes.id ORDER BY sl.id LIMIT 1
);

-- When staff recorded the fee as paid; NULL while unpaid.
ALTER TABLE enrollments ADD COLUMN paid_at INTEGER;

ALTER TABLE teachers ADD COLUMN calendar_token TEXT;
CREATE UNIQUE INDEX teachers_calendar_token ON teachers (calendar_token);

-- Committed sign-ups a course proposal needs before it can be opened as a class.
ALTER TABLE semesters ADD COLUMN open_at_committed INTEGER NOT NULL DEFAULT 10
    CHECK (open_at_committed BETWEEN 1 AND 500);

CREATE TABLE attendance (
    class_id INTEGER NOT NULL REFERENCES classes (id),
    session_date TEXT NOT NULL,
    elder_id INTEGER NOT NULL REFERENCES elders (id),
    present INTEGER NOT NULL CHECK (present IN (0, 1)),
    marked_by INTEGER NOT NULL REFERENCES users (id),
    PRIMARY KEY (class_id, session_date, elder_id)
);

CREATE TABLE course_proposals (
    id INTEGER PRIMARY KEY,
    community_id INTEGER NOT NULL REFERENCES communities (id),
    semester_id INTEGER NOT NULL REFERENCES semesters (id),
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    proposed_by INTEGER NOT NULL REFERENCES users (id),
    created_at INTEGER NOT NULL DEFAULT (unixepoch()),
    opened_class_id INTEGER REFERENCES classes (id),
    UNIQUE (community_id, semester_id, title)
);

-- One vote per person and proposal; committed voters are enrolled first when it opens.
CREATE TABLE proposal_votes (
    id INTEGER PRIMARY KEY,
    proposal_id INTEGER NOT NULL REFERENCES course_proposals (id),
    elder_id INTEGER NOT NULL REFERENCES elders (id),
    committed INTEGER NOT NULL DEFAULT 0 CHECK (committed IN (0, 1)),
    voted_by INTEGER NOT NULL REFERENCES users (id),
    voted_at INTEGER NOT NULL DEFAULT (unixepoch()),
    UNIQUE (proposal_id, elder_id)
);
