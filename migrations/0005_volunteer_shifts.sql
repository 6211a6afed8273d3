-- 志愿服务: volunteer profiles, shifts (delivery routes, class assistants, events) with the
-- places they need, and sign-ups that are confirmed or waitlisted in order.

CREATE TABLE volunteer_profiles (
    user_id INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    community_id INTEGER REFERENCES communities (id),
    skills TEXT NOT NULL DEFAULT '',
    is_party_member INTEGER NOT NULL DEFAULT 0 CHECK (is_party_member IN (0, 1)),
    availability TEXT NOT NULL DEFAULT ''
);

CREATE TABLE shifts (
    id INTEGER PRIMARY KEY,
    community_id INTEGER NOT NULL REFERENCES communities (id),
    kind TEXT NOT NULL CHECK (kind IN ('delivery', 'class_assistant', 'event')),
    title TEXT NOT NULL,
    place TEXT NOT NULL,
    -- Local (Asia/Shanghai) date and times.
    date TEXT NOT NULL,
    start_time TEXT NOT NULL,
    end_time TEXT NOT NULL,
    needed INTEGER NOT NULL CHECK (needed BETWEEN 1 AND 200),
    -- Sign-ups and cancellations close this many hours before the start.
    cutoff_hours INTEGER NOT NULL DEFAULT 2 CHECK (cutoff_hours BETWEEN 0 AND 72),
    -- A delivery shift is one canteen delivery route; its confirmed volunteer delivers it.
    route_id INTEGER UNIQUE REFERENCES delivery_routes (id) ON DELETE SET NULL,
    created_by INTEGER NOT NULL REFERENCES users (id),
    created_at INTEGER NOT NULL DEFAULT (unixepoch())
);
CREATE INDEX shifts_date ON shifts (date, community_id);

CREATE TABLE shift_signups (
    id INTEGER PRIMARY KEY,
    shift_id INTEGER NOT NULL REFERENCES shifts (id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users (id),
    status TEXT NOT NULL CHECK (status IN ('confirmed', 'waitlisted', 'cancelled')),
    signed_up_at INTEGER NOT NULL DEFAULT (unixepoch()),
    changed_at INTEGER NOT NULL DEFAULT (unixepoch())
);
-- One live sign-up per volunteer and shift; the waitlist is served in id order.
CREATE UNIQUE INDEX shift_signups_live ON shift_signups (shift_id, user_id) WHERE status <> 'cancelled';
CREATE INDEX shift_signups_shift ON shift_signups (shift_id, status, id);
