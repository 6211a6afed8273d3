#!/usr/bin/env python3
"""Adds benchmark data to a demo database the server has already created and migrated.

    seed.py DATABASE TODAY(YYYY-MM-DD)

DATABASE is a SQLite file, or a postgres:// URL (written through psql).

Everything is added beside the demo data, which stays as it is, so page weights are measured on
the pages people see:
  - a bench family (13800000000) looking after 5,000 elders in 十九街社区, born 1950;
  - a bench canteen (id 900) with a lunch of a million places and a dinner of 30 places,
    a set meal on the menu for the next 14 days, orders until 23:59;
  - a class of 30 places in the open demo semester, and a volunteer shift needing 30;
  - 1,000 volunteers; signed-in sessions for the bench family, the volunteers and the demo
    family 李军 (13900000005), whose cookie values are printed as JSON for the load scripts.
"""

import datetime
import hashlib
import json
import sqlite3
import subprocess
import sys

ELDERS = 5000
VOLUNTEERS = 1000
COMMUNITY = 7


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def literal(value) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, int):
        return str(value)
    return "'" + str(value).replace("'", "''") + "'"


class Postgres:
    """Collects the statements, with their values written in, and runs them in one
    transaction through psql; then moves each identity past the ids given here."""

    def __init__(self, url: str) -> None:
        self.url, self.statements = url, []

    def execute(self, sql: str, params=()) -> None:
        parts = sql.split("?")
        text = parts[0] + "".join(literal(v) + rest for v, rest in zip(params, parts[1:]))
        self.statements.append(text)

    def executemany(self, sql: str, rows) -> None:
        for row in rows:
            self.execute(sql, row)

    def __enter__(self):
        return self

    def __exit__(self, kind, *_):
        if kind is None:
            script = "BEGIN;\n" + ";\n".join(self.statements) + ";\n" + RENUMBER + "COMMIT;\n"
            subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", self.url],
                           input=script, text=True, check=True, stdout=subprocess.DEVNULL)

    def close(self) -> None:
        pass


RENUMBER = """DO $$ DECLARE t record; BEGIN
  FOR t IN SELECT table_name FROM information_schema.columns
           WHERE table_schema = current_schema() AND column_name = 'id' AND is_identity = 'YES' LOOP
    EXECUTE format('SELECT setval(pg_get_serial_sequence(%L, ''id''), coalesce((SELECT max(id) FROM %I), 0) + 1, false)',
                   t.table_name, t.table_name);
  END LOOP; END $$;
"""


def main() -> None:
    path, today_text = sys.argv[1], sys.argv[2]
    today = datetime.date.fromisoformat(today_text)
    if path.startswith("postgres"):
        db = Postgres(path)
    else:
        db = sqlite3.connect(path)
        db.execute("PRAGMA foreign_keys = ON")
    now = int(datetime.datetime.now(datetime.timezone.utc).timestamp())
    expires = now + 30 * 24 * 3600
    with db:
        db.execute(
            "INSERT INTO users (id, phone, display_name, password_hash) "
            "VALUES (900000, '13800000000', '压测家属', 'x')"
        )
        db.execute("INSERT INTO user_roles (user_id, role) VALUES (900000, 'family')")
        db.executemany(
            "INSERT INTO elders (id, name, birth_date, community_id, building, room, created_by) "
            "VALUES (?, ?, '1950-01-01', ?, '1栋', '101', 900000)",
            [(900000 + i, f"压测长者{i}", COMMUNITY) for i in range(ELDERS)],
        )
        db.executemany(
            "INSERT INTO family_links (elder_id, user_id) VALUES (?, 900000)",
            [(900000 + i,) for i in range(ELDERS)],
        )

        db.execute(
            "INSERT INTO canteens (id, community_id, name, address) "
            "VALUES (900, ?, '压测食堂', '压测地址')",
            (COMMUNITY,),
        )
        db.execute(
            "INSERT INTO meal_services (id, canteen_id, meal, cutoff_time, serve_time, capacity) "
            "VALUES (900, 900, 'lunch', '23:59', '23:59', 1000000), "
            "       (901, 900, 'dinner', '23:59', '23:59', 30)"
        )
        db.execute(
            "INSERT INTO dishes (id, canteen_id, name, is_set_meal, price_fen) "
            "VALUES (900, 900, '压测套餐', TRUE, 1500)"
        )
        for offset in range(14):
            day = (today + datetime.timedelta(days=offset)).isoformat()
            for service in (900, 901):
                db.execute(
                    "INSERT INTO menu_items (service_id, date, dish_id, published) "
                    "VALUES (?, ?, 900, TRUE)",
                    (service, day),
                )

        db.execute(
            "INSERT INTO courses (id, name) VALUES (900, '压测课程')"
        )
        db.execute("INSERT INTO teachers (id, name) VALUES (900, '压测老师')")
        db.execute(
            "INSERT INTO classes (id, semester_id, course_id, teacher_id, name, capacity, fee_fen, "
            "                     min_age, community_id) "
            "VALUES (900, 1, 900, 900, '压测班', 30, 12000, 50, ?)",
            (COMMUNITY,),
        )
        db.execute(
            "INSERT INTO class_slots (class_id, room_id, weekday, start_time, end_time) "
            "VALUES (900, 4, 7, '19:00', '20:00')"
        )

        shift_day = (today + datetime.timedelta(days=3)).isoformat()
        db.execute(
            "INSERT INTO shifts (id, community_id, kind, title, place, date, start_time, end_time, "
            "                    needed, created_by) "
            "VALUES (900, ?, 'event', '压测活动', '压测地点', ?, '09:00', '11:00', 30, 900000)",
            (COMMUNITY, shift_day),
        )
        db.executemany(
            "INSERT INTO users (id, phone, display_name, password_hash) VALUES (?, ?, ?, 'x')",
            [(910000 + i, f"137{i:08d}", f"压测志愿者{i}") for i in range(VOLUNTEERS)],
        )
        db.executemany(
            "INSERT INTO user_roles (user_id, role) VALUES (?, 'volunteer')",
            [(910000 + i,) for i in range(VOLUNTEERS)],
        )

        db.execute(
            "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at) "
            "SELECT ?, id, ?, ?, ? FROM users WHERE phone = '13900000005'",
            (token_hash("bench-li-jun"), now, now, expires),
        )
        sessions = [("bench-family", 900000)]
        sessions += [(f"bench-volunteer-{i}", 910000 + i) for i in range(VOLUNTEERS)]
        for token, user in sessions:
            db.execute(
                "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (token_hash(token), user, now, now, expires),
            )
    db.close()
    json.dump(
        {
            "family": "bench-family",
            "li_jun": "bench-li-jun",
            "volunteers": [f"bench-volunteer-{i}" for i in range(VOLUNTEERS)],
            "elders": [900000 + i for i in range(ELDERS)],
        },
        sys.stdout,
    )


if __name__ == "__main__":
    main()
