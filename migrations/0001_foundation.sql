-- Foundation: the community tree, accounts with scoped roles, sessions, login throttling,
-- elders and the families who look after them, and the admin audit log.
-- Times are Unix seconds (UTC); dates are ISO 'YYYY-MM-DD' in Asia/Shanghai.

CREATE TABLE subdistricts (
    id INTEGER PRIMARY KEY,
    city TEXT NOT NULL,
    district TEXT NOT NULL,
    name TEXT NOT NULL UNIQUE
);

CREATE TABLE communities (
    id INTEGER PRIMARY KEY,
    subdistrict_id INTEGER NOT NULL REFERENCES subdistricts (id),
    name TEXT NOT NULL,
    UNIQUE (subdistrict_id, name)
);

CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    phone TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at INTEGER NOT NULL DEFAULT (unixepoch())
);

-- Scoped roles carry a community; an admin without one administers every community.
CREATE TABLE user_roles (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (
        role IN ('family', 'elder', 'volunteer', 'canteen_staff', 'worker', 'admin')
    ),
    community_id INTEGER REFERENCES communities (id),
    granted_at INTEGER NOT NULL DEFAULT (unixepoch())
);
CREATE UNIQUE INDEX user_roles_unique ON user_roles (user_id, role, ifnull(community_id, 0));

-- The cookie holds a random token; only its SHA-256 is stored.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE login_failures (
    id INTEGER PRIMARY KEY,
    phone TEXT NOT NULL,
    ip TEXT NOT NULL,
    at INTEGER NOT NULL
);
CREATE INDEX login_failures_phone ON login_failures (phone, at);
CREATE INDEX login_failures_ip ON login_failures (ip, at);

CREATE TABLE elders (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    birth_date TEXT NOT NULL,
    community_id INTEGER NOT NULL REFERENCES communities (id),
    building TEXT NOT NULL,
    unit TEXT NOT NULL DEFAULT '',
    room TEXT NOT NULL,
    phone TEXT NOT NULL DEFAULT '',
    needs_delivery INTEGER NOT NULL DEFAULT 0 CHECK (needs_delivery IN (0, 1)),
    allergies TEXT NOT NULL DEFAULT '',
    diet_needs TEXT NOT NULL DEFAULT '',
    subsidy_category TEXT NOT NULL DEFAULT 'none' CHECK (
        subsidy_category IN ('none', 'dibao', 'tekun', 'shineng')
    ),
    notes TEXT NOT NULL DEFAULT '',
    -- The elder's own login, when they have one.
    user_id INTEGER UNIQUE REFERENCES users (id) ON DELETE SET NULL,
    created_by INTEGER NOT NULL REFERENCES users (id),
    created_at INTEGER NOT NULL DEFAULT (unixepoch()),
    updated_at INTEGER NOT NULL DEFAULT (unixepoch())
);
CREATE INDEX elders_community ON elders (community_id);

-- Which family accounts look after which elder.
CREATE TABLE family_links (
    elder_id INTEGER NOT NULL REFERENCES elders (id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    relation TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (elder_id, user_id)
);
CREATE INDEX family_links_user ON family_links (user_id);

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    actor_user_id INTEGER REFERENCES users (id),
    action TEXT NOT NULL,
    detail TEXT NOT NULL,
    at INTEGER NOT NULL DEFAULT (unixepoch())
);
