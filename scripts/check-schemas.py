#!/usr/bin/env python3
"""Checks that the SQLite migrations (migrations/*.sql) and their PostgreSQL twins
(migrations/postgres/*.sql) build the same schema: the same tables, columns (kind, NULL or
not, with a default or not), primary keys, unique constraints and indexes, foreign keys, CHECK
constraints and triggers. It applies both sets to empty databases and compares what the
engines themselves report, so the two cannot drift apart unnoticed.

    scripts/check-schemas.py POSTGRES_URL      (an empty database; scripts/test.sh makes one)

The engines name kinds differently; these count as the same:
    SQLite INTEGER  ~ PostgreSQL bigint, or boolean where SQLite checks the column IN (0, 1)
    SQLite TEXT     ~ PostgreSQL text, or date (SQLite stores dates as ISO text)
"""

import glob
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def split_top_level(text):
    """Splits a column list at commas that are not inside parentheses."""
    parts, depth, current = [], 0, []
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == "," and depth == 0:
            parts.append("".join(current).strip())
            current = []
        else:
            current.append(ch)
    if "".join(current).strip():
        parts.append("".join(current).strip())
    return parts


def normalise_expression(expr):
    """One spelling for an index expression: PostgreSQL writes `coalesce(c, (0)::bigint)`
    where SQLite keeps `ifnull(c, 0)`."""
    expr = re.sub(r"\s+", " ", expr.strip().lower())
    expr = re.sub(r"::\w+", "", expr)
    expr = re.sub(r"\((\d+)\)", r"\1", expr)
    return expr.replace("ifnull(", "coalesce(")


# ---------------------------------------------------------------------------- SQLite


def sqlite_schema():
    with tempfile.TemporaryDirectory() as work:
        db = sqlite3.connect(os.path.join(work, "schema.db"))
        for path in sorted(glob.glob(os.path.join(ROOT, "migrations", "*.sql"))):
            with open(path, encoding="utf-8") as f:
                db.executescript(f.read())
        tables = [
            name
            for (name,) in db.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        schema = {}
        for table in tables:
            (sql,) = db.execute(
                "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
            ).fetchone()
            body = re.sub(r"--[^\n]*", "", sql[sql.index("(") + 1 : sql.rindex(")")])
            checked, booleans = set(), set()
            for part in split_top_level(body):
                m = re.match(r'"?(\w+)"?\s+\w+', part)
                if not m or "check" not in part.lower():
                    continue
                column = m.group(1)
                if re.search(r"check\s*\(\s*" + column + r"\s+in\s*\(\s*0\s*,\s*1\s*\)\s*\)", part, re.I):
                    booleans.add(column)
                else:
                    checked.add(column)
            columns = {}
            primary = []
            referencing = {row[3] for row in db.execute(f"PRAGMA foreign_key_list({table})")}
            pk_count = sum(1 for row in db.execute(f"PRAGMA table_info({table})") if row[5])
            for cid, name, kind, notnull, default, pk in db.execute(f"PRAGMA table_info({table})"):
                kind = kind.upper()
                if kind == "INTEGER":
                    kind = "bool" if name in booleans else "int"
                elif kind == "TEXT":
                    kind = "text"
                # A single INTEGER PRIMARY KEY numbers new rows itself, as an identity does.
                numbered = pk and kind == "int" and pk_count == 1 and name not in referencing
                columns[name] = {
                    "kind": kind, "not_null": bool(notnull or pk), "default": default is not None or numbered,
                }
                if pk:
                    primary.append((pk, name))
            indexes = set()
            for _, index, unique, origin, partial in db.execute(f"PRAGMA index_list({table})"):
                if origin == "pk":
                    continue
                cols = []
                for _, cid, name in db.execute(f"PRAGMA index_info({index})"):
                    cols.append(name if name is not None else "(expression)")
                (index_sql,) = db.execute(
                    "SELECT ifnull(sql, '') FROM sqlite_master WHERE name = ?", (index,)
                ).fetchone()
                label = index if origin == "c" else "(constraint)"
                indexes.add((label, bool(unique), tuple(cols), bool(partial), expression_of(index_sql)))
            foreign = set()
            for row in db.execute(f"PRAGMA foreign_key_list({table})"):
                _, _, target, column, target_column, _, on_delete, _ = row
                foreign.add((column, target, target_column or "id", on_delete.upper()))
            triggers = {
                name
                for (name,) in db.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", (table,)
                )
            }
            schema[table] = {
                "columns": columns,
                "primary_key": [name for _, name in sorted(primary)],
                "indexes": sorted(indexes),
                "foreign_keys": sorted(foreign),
                "checked_columns": sorted(checked),
                "triggers": sorted(triggers),
            }
        return schema


def expression_of(index_sql):
    """The expression columns of an index, normalised ('' when it has none)."""
    m = re.search(r"\bon\s+[\w.]+\s*(?:using\s+\w+\s*)?\(", index_sql, re.I)
    if not m:
        return ""
    depth, body = 1, []
    for ch in index_sql[m.end() :]:
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if depth == 0:
            break
        body.append(ch)
    parts = [normalise_expression(p) for p in split_top_level("".join(body))]
    return ",".join(p for p in parts if "(" in p)


# ---------------------------------------------------------------------------- PostgreSQL


def psql(url, sql):
    out = subprocess.run(
        ["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", url, "-c", sql],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(out) if out.strip() else []


def postgres_schema(url):
    for path in sorted(glob.glob(os.path.join(ROOT, "migrations", "postgres", "*.sql"))):
        subprocess.run(
            ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", url, "-f", path],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    columns = psql(
        url,
        """SELECT json_agg(json_build_array(c.table_name, c.column_name, c.data_type,
                  c.is_nullable = 'NO', c.column_default IS NOT NULL OR c.is_identity = 'YES'))
           FROM information_schema.columns c
           JOIN information_schema.tables t USING (table_schema, table_name)
           WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'""",
    )
    constraints = psql(
        url,
        """SELECT json_agg(json_build_array(
                  cl.relname, con.contype,
                  (SELECT json_agg(a.attname ORDER BY k.i)
                     FROM unnest(con.conkey) WITH ORDINALITY k(n, i)
                     JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n),
                  ref.relname,
                  (SELECT json_agg(a.attname ORDER BY k.i)
                     FROM unnest(con.confkey) WITH ORDINALITY k(n, i)
                     JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n),
                  con.confdeltype))
           FROM pg_constraint con
           JOIN pg_class cl ON cl.oid = con.conrelid
           JOIN pg_namespace ns ON ns.oid = cl.relnamespace AND ns.nspname = 'public'
           LEFT JOIN pg_class ref ON ref.oid = con.confrelid""",
    )
    indexes = psql(
        url,
        """SELECT json_agg(json_build_array(
                  t.relname, i.relname, ix.indisunique, ix.indisprimary,
                  (SELECT json_agg(coalesce(a.attname, '(expression)') ORDER BY k.i)
                     FROM unnest(ix.indkey::int2[]) WITH ORDINALITY k(n, i)
                     LEFT JOIN pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = k.n
                     WHERE k.i <= ix.indnkeyatts),
                  ix.indpred IS NOT NULL,
                  pg_get_indexdef(ix.indexrelid),
                  EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = ix.indexrelid)))
           FROM pg_index ix
           JOIN pg_class i ON i.oid = ix.indexrelid
           JOIN pg_class t ON t.oid = ix.indrelid
           JOIN pg_namespace ns ON ns.oid = t.relnamespace AND ns.nspname = 'public'""",
    )
    triggers = psql(
        url,
        """SELECT json_agg(json_build_array(c.relname, tg.tgname))
           FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid
           JOIN pg_namespace ns ON ns.oid = c.relnamespace AND ns.nspname = 'public'
           WHERE NOT tg.tgisinternal""",
    )
    kinds = {"bigint": "int", "boolean": "bool", "text": "text", "date": "date"}
    schema = {}

    def table(name):
        return schema.setdefault(
            name,
            {"columns": {}, "primary_key": [], "indexes": set(), "foreign_keys": set(),
             "checked_columns": set(), "triggers": set()},
        )

    for name, column, kind, not_null, default in columns:
        table(name)["columns"][column] = {
            "kind": kinds.get(kind, kind), "not_null": not_null, "default": default,
        }
    actions = {"a": "NO ACTION", "r": "RESTRICT", "c": "CASCADE", "n": "SET NULL", "d": "SET DEFAULT"}
    for name, kind, cols, target, target_cols, on_delete in constraints:
        if kind == "p":
            table(name)["primary_key"] = cols
        elif kind == "f":
            table(name)["foreign_keys"].add((cols[0], target, target_cols[0], actions[on_delete]))
        elif kind == "c":
            table(name)["checked_columns"].update(cols or [])
    for name, index, unique, primary, cols, partial, definition, is_constraint in indexes:
        if primary:
            continue
        label = "(constraint)" if is_constraint else index
        expression = expression_of(re.sub(r"\s+USING\s+btree\s*", " ", definition))
        table(name)["indexes"].add((label, unique, tuple(cols), partial, expression))
    for name, trigger in triggers or []:
        table(name)["triggers"].add(trigger)
    for t in schema.values():
        t["indexes"] = sorted(t["indexes"])
        t["foreign_keys"] = sorted(t["foreign_keys"])
        t["checked_columns"] = sorted(t["checked_columns"])
        t["triggers"] = sorted(t["triggers"])
    return schema


# ---------------------------------------------------------------------------- comparison


def same_kind(lite, pg):
    return lite == pg or (lite == "text" and pg == "date")


def compare(lite, pg):
    problems = []
    for name in sorted(set(lite) | set(pg)):
        if name not in pg:
            problems.append(f"{name}: a table in SQLite only")
            continue
        if name not in lite:
            problems.append(f"{name}: a table in PostgreSQL only")
            continue
        a, b = lite[name], pg[name]
        for column in sorted(set(a["columns"]) | set(b["columns"])):
            x, y = a["columns"].get(column), b["columns"].get(column)
            if x is None or y is None:
                problems.append(f"{name}.{column}: a column in {'PostgreSQL' if x is None else 'SQLite'} only")
            elif not same_kind(x["kind"], y["kind"]):
                problems.append(f"{name}.{column}: {x['kind']} in SQLite, {y['kind']} in PostgreSQL")
            elif x["not_null"] != y["not_null"]:
                problems.append(f"{name}.{column}: NOT NULL differs (SQLite {x['not_null']}, PostgreSQL {y['not_null']})")
            elif x["default"] != y["default"]:
                problems.append(f"{name}.{column}: a default in {'SQLite' if x['default'] else 'PostgreSQL'} only")
        for key in ("primary_key", "indexes", "foreign_keys", "checked_columns", "triggers"):
            if list(map(tuple_if_list, a[key])) != list(map(tuple_if_list, b[key])):
                problems.append(f"{name}: {key} differ\n      SQLite:     {a[key]}\n      PostgreSQL: {b[key]}")
    return problems


def tuple_if_list(value):
    if isinstance(value, (list, tuple)):
        return tuple(tuple_if_list(v) for v in value)
    return value


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    lite, pg = sqlite_schema(), postgres_schema(sys.argv[1])
    problems = compare(lite, pg)
    if problems:
        print("The SQLite and PostgreSQL migrations build different schemas:")
        for problem in problems:
            print("  - " + problem)
        sys.exit(1)
    columns = sum(len(t["columns"]) for t in lite.values())
    indexes = sum(len(t["indexes"]) for t in lite.values())
    print(f"    the same schema on both engines: {len(lite)} tables, {columns} columns, {indexes} indexes")


if __name__ == "__main__":
    main()
