-- 志愿服务: service requests (点单 → 派单/领单 → 完成 → 评单), the points rules the admin edits,
-- a ledger of hours and points per volunteer (each entry once per source), and shift reminders.

CREATE TABLE service_requests (
    id INTEGER PRIMARY KEY,
    community_id INTEGER NOT NULL REFERENCES communities (id),
    elder_id INTEGER REFERENCES elders (id),
    requester_id INTEGER NOT NULL REFERENCES users (id),
    category TEXT NOT NULL CHECK (category IN ('haircut', 'escort', 'shopping', 'repair', 'company', 'other')),
    detail TEXT NOT NULL,
    wished_time TEXT NOT NULL,
    place TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'taken', 'done', 'cancelled')),
    volunteer_id INTEGER REFERENCES users (id),
    posted_at INTEGER NOT NULL DEFAULT (unixepoch()),
    dispatched_by INTEGER REFERENCES users (id),
    dispatched_at INTEGER,
    taken_at INTEGER,
    done_at INTEGER,
    cancelled_at INTEGER,
    rating INTEGER CHECK (rating BETWEEN 1 AND 5),
    rating_comment TEXT NOT NULL DEFAULT '',
    rated_at INTEGER
);
CREATE INDEX service_requests_status ON service_requests (community_id, status);

-- Hours and points per kind of work: a shift of this kind counts `minutes`; a request counts
-- `minutes` too; `points_per_hour` turns time into points; a rating of 4–5 adds `bonus`.
CREATE TABLE points_rules (
    kind TEXT PRIMARY KEY CHECK (kind IN ('delivery', 'class_assistant', 'event', 'request')),
    minutes INTEGER NOT NULL CHECK (minutes BETWEEN 0 AND 1440),
    points_per_hour INTEGER NOT NULL CHECK (points_per_hour BETWEEN 0 AND 1000),
    bonus INTEGER NOT NULL DEFAULT 0 CHECK (bonus BETWEEN 0 AND 1000)
);
INSERT INTO points_rules (kind, minutes, points_per_hour, bonus) VALUES
    ('delivery', 90, 10, 0),
    ('class_assistant', 90, 10, 0),
    ('event', 150, 10, 0),
    ('request', 60, 10, 5);

CREATE TABLE points_ledger (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id),
    community_id INTEGER NOT NULL REFERENCES communities (id),
    source TEXT NOT NULL CHECK (source IN ('shift', 'request', 'rating_bonus')),
    source_id INTEGER NOT NULL,
    minutes INTEGER NOT NULL,
    points INTEGER NOT NULL,
    note TEXT NOT NULL,
    created_at INTEGER NOT NULL DEFAULT (unixepoch()),
    -- Each shift, request and bonus counts once per volunteer, however often it is submitted.
    UNIQUE (source, source_id, user_id)
);
CREATE INDEX points_ledger_user ON points_ledger (user_id, created_at);

ALTER TABLE shifts ADD COLUMN completed_at INTEGER;

CREATE TABLE shift_reminders (
    signup_id INTEGER NOT NULL REFERENCES shift_signups (id) ON DELETE CASCADE,
    which TEXT NOT NULL CHECK (which IN ('day_before', 'same_day')),
    PRIMARY KEY (signup_id, which)
);
