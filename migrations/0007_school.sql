-- 老年学校: semesters with enrollment windows, teaching sites with rooms and the travel time
-- between them, rotating teachers, courses, classes with weekly slots, and enrollments that
-- are enrolled, waitlisted, or offered a freed seat until the offer lapses.

CREATE TABLE semesters (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    returning_opens TEXT NOT NULL,
    enroll_opens TEXT NOT NULL,
    enroll_closes TEXT NOT NULL,
    max_classes_per_person INTEGER NOT NULL DEFAULT 3 CHECK (max_classes_per_person BETWEEN 1 AND 10),
    offer_hours INTEGER NOT NULL DEFAULT 48 CHECK (offer_hours BETWEEN 1 AND 336)
);

CREATE TABLE school_sites (
    id INTEGER PRIMARY KEY,
    community_id INTEGER NOT NULL REFERENCES communities (id),
    name TEXT NOT NULL UNIQUE,
    address TEXT NOT NULL
);

CREATE TABLE rooms (
    id INTEGER PRIMARY KEY,
    site_id INTEGER NOT NULL REFERENCES school_sites (id),
    name TEXT NOT NULL,
    UNIQUE (site_id, name)
);

-- Minutes a teacher needs between two sites (either direction).
CREATE TABLE site_travel (
    from_site INTEGER NOT NULL REFERENCES school_sites (id),
    to_site INTEGER NOT NULL REFERENCES school_sites (id),
    minutes INTEGER NOT NULL CHECK (minutes BETWEEN 0 AND 600),
    PRIMARY KEY (from_site, to_site)
);

CREATE TABLE teachers (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    phone TEXT NOT NULL DEFAULT '',
    subjects TEXT NOT NULL DEFAULT ''
);

CREATE TABLE courses (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL DEFAULT ''
);

CREATE TABLE classes (
    id INTEGER PRIMARY KEY,
    semester_id INTEGER NOT NULL REFERENCES semesters (id),
    course_id INTEGER NOT NULL REFERENCES courses (id),
    teacher_id INTEGER NOT NULL REFERENCES teachers (id),
    name TEXT NOT NULL,
    capacity INTEGER NOT NULL CHECK (capacity BETWEEN 1 AND 500),
    fee_fen INTEGER NOT NULL CHECK (fee_fen >= 0),
    min_age INTEGER NOT NULL DEFAULT 50
);

CREATE TABLE class_slots (
    id INTEGER PRIMARY KEY,
    class_id INTEGER NOT NULL REFERENCES classes (id) ON DELETE CASCADE,
    room_id INTEGER NOT NULL REFERENCES rooms (id),
    weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    start_time TEXT NOT NULL,
    end_time TEXT NOT NULL
);

CREATE TABLE enrollments (
    id INTEGER PRIMARY KEY,
    class_id INTEGER NOT NULL REFERENCES classes (id),
    elder_id INTEGER NOT NULL REFERENCES elders (id),
    status TEXT NOT NULL CHECK (status IN ('enrolled', 'waitlisted', 'offered', 'dropped', 'declined', 'lapsed')),
    enrolled_by INTEGER NOT NULL REFERENCES users (id),
    created_at INTEGER NOT NULL DEFAULT (unixepoch()),
    changed_at INTEGER NOT NULL DEFAULT (unixepoch()),
    offer_expires_at INTEGER
);
-- One live enrollment per person and class; the waitlist is served in id order.
CREATE UNIQUE INDEX enrollments_live ON enrollments (class_id, elder_id)
    WHERE status IN ('enrolled', 'waitlisted', 'offered');
CREATE INDEX enrollments_class ON enrollments (class_id, status, id);
