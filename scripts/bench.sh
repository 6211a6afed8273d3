#!/usr/bin/env bash
# Prints how light and fast 幸福里 is on this machine. Nothing is asserted: these are figures
# to compare before and after a change (the tests stay deterministic).
#   scripts/bench.sh                 everything (about 6 minutes after the release build)
#   BENCH_SECONDS=5 scripts/bench.sh shorter load runs
#   BENCH_ONLY="static orders" scripts/bench.sh   some parts: pages, static, orders, races
#   BENCH_DATABASE=postgres BENCH_ONLY="orders races" scripts/bench.sh   the server built for
#                                    PostgreSQL, on a throw-away one (durable: fsync on)
#
# It builds the release if the sources are newer than the last one, starts the server on a
# throw-away demo database with benchmark data beside the demo (scripts/bench/seed.py), and
# prints:
#   1. per page, the bytes of a first visit and the time to hydrated at 1x and 4x CPU (Chromium);
#   2. requests/s and p50/p99 at 64 and 256 connections for three server-rendered pages, each
#      beside the same bytes served as a static file by the same server (wrk);
#   3. meal orders/s through HTTP at 16 connections beside raw SQLite commits/s on the same
#      disk in the same durability mode (WAL, synchronous=FULL) — on PostgreSQL beside
#      pgbench's commits/s of one connection inserting one row per transaction;
#   4. 1,000 simultaneous orders, enrollments and shift sign-ups for 30 places each.

source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ROOT"
ensure_build_tools
ensure_browser
have wrk || apt_install wrk
have python3 || apt_install python3
have brotli || apt_install brotli
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

seconds="${BENCH_SECONDS:-10}"
only="${BENCH_ONLY:-pages static orders races}"
wanted() { [[ " $only " == *" $1 "* ]]; }
work="$(mktemp -d)"
engine="${BENCH_DATABASE:-sqlite}"
server_pid=""
stop_server() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  server_pid=""
}
trap 'stop_server; [ -n "${BENCH_KEEP:-}" ] && note "kept $work" || rm -rf "$work"; [ "$engine" = postgres ] && stop_postgres' EXIT
if [ "$engine" = postgres ]; then
  source "$ROOT/scripts/postgres.sh"
  POSTGRES_DURABLE=1 start_postgres
  # The build checks every query against the schema, in a database of its own.
  psql -X -q "$POSTGRES_URL" -c "CREATE DATABASE build"
  build_url="${POSTGRES_URL%/*}/build"
  migrate_postgres "$build_url"
  step "Building the server for PostgreSQL and the browser bundle (release)"
  rm -f target/release/.xingfu-release-built # the SQLite build is due again after this one
  DATABASE_URL="$build_url" SQLX_OFFLINE=false cargo leptos build --release --split --bin-features postgres
  precompress_dir "$ROOT/target/site"
  database_url="$POSTGRES_URL"
  count() { psql -X -A -t "$POSTGRES_URL" -c "$1"; }
else
  build_release
  database_url="sqlite:$work/bench.db"
  count() { python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])" "$work/bench.db" "$1"; }
fi

port="${BENCH_PORT:-3500}"
url="http://127.0.0.1:$port"
start_server() {
  export_site_settings "$work/site"
  LEPTOS_SITE_ADDR="127.0.0.1:$port" DATABASE_URL="$database_url" XINGFU_DEMO_DATA=1 \
    RUST_LOG=warn target/release/server >>"$work/server.log" 2>&1 &
  server_pid=$!
  wait_until_up "$url/healthz" "$server_pid" "$work/server.log"
}

today="$(TZ=Asia/Shanghai date +%F)"
day() { TZ=Asia/Shanghai date -d "$today + $1 day" +%F; }

cp -r target/site "$work/site"
start_server
python3 scripts/bench/seed.py "${database_url#sqlite:}" "$today" >"$work/seed.json"

if wanted pages; then
step "1. First visit per page (Chromium; cold cache; median of 3 visits)"
(cd end2end && BENCH_URL="$url" BENCH_COOKIE=bench-li-jun node bench/pages.mjs) ||
  note "(a page logged a console error or did not hydrate: see above)"
fi

if wanted static; then
step "2. Server-rendered pages beside the same bytes as a static file (wrk, ${seconds}s each)"
# The static copies are written into the site before the server starts again, as a build's
# files would be, and compressed the way the build compresses its files.
pages=("/" "/canteen/1" "/school")
cookies=("" "" "bench-li-jun")
for i in "${!pages[@]}"; do
  cookie="${cookies[$i]}"
  curl -fsS ${cookie:+-H "Cookie: xf_session=$cookie"} "$url${pages[$i]}" >"$work/site/pkg/bench-page-$i.html"
done
stop_server
precompress_dir "$work/site/pkg" 'bench-page-*.html'
start_server
load() { # path cookie connections
  wrk -t2 -c"$3" -d"${seconds}s" --timeout 10s -s scripts/bench/get.lua "$url" -- "$1" "$2" |
    awk '/^RESULT/ { printf "%s | %s | %s | %s", $2, $3, $4, $5 }'
}
printf '| page | KiB | conns | SSR req/s | p50 ms | p99 ms | errors | static req/s | p50 ms | p99 ms | errors |\n'
printf '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n'
for i in "${!pages[@]}"; do
  kib=$(awk -v b="$(stat -c %s "$work/site/pkg/bench-page-$i.html")" 'BEGIN { printf "%.1f", b / 1024 }')
  for conns in 64 256; do
    ssr=$(load "${pages[$i]}" "${cookies[$i]}" "$conns")
    static=$(load "/pkg/bench-page-$i.html" "" "$conns")
    printf '| %s | %s | %s | %s | %s |\n' "${pages[$i]}" "$kib" "$conns" "$ssr" "$static"
  done
done
fi

if wanted orders; then
if [ "$engine" = postgres ]; then
step "3. Meal orders through HTTP beside raw PostgreSQL commits (fsync on, synchronous_commit on)"
psql -X -q "$POSTGRES_URL" -c "CREATE TABLE raw_commits (id bigserial PRIMARY KEY, v text)"
echo "INSERT INTO raw_commits (v) VALUES ('一份敬老套餐');" >"$work/raw.sql"
raw=$("$(postgres_bin pgbench)" -n -c 1 -T 3 -f "$work/raw.sql" "$POSTGRES_URL" 2>/dev/null |
  awk '/^tps/ { printf "%.0f", $3 }')
else
step "3. Meal orders through HTTP beside raw SQLite commits (WAL, synchronous=FULL)"
raw=$(python3 - "$work/raw.db" <<'EOF'
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("PRAGMA journal_mode=WAL")
db.execute("PRAGMA synchronous=FULL")
db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")
n, started = 0, time.perf_counter()
while time.perf_counter() - started < 3:
    db.execute("BEGIN IMMEDIATE")
    db.execute("INSERT INTO t (v) VALUES ('一份敬老套餐')")
    db.execute("COMMIT")
    n += 1
print(f"{n / (time.perf_counter() - started):.0f}")
EOF
)
fi
days=()
for offset in $(seq 1 13); do days+=("$(day "$offset")"); done
orders=$(wrk -t2 -c16 -d"${seconds}s" --timeout 10s -s scripts/bench/orders.lua "$url" -- \
  2 bench-family 900000 5000 "${days[@]}" | awk '/^RESULT/ { print $2, $3, $4, $5, $6 }')
read -r per_second p50 p99 placed refused <<<"$orders"
placed_in_db=$(count "SELECT count(*) FROM orders WHERE service_id = 900")
share=$(awk -v a="$per_second" -v b="$raw" 'BEGIN { printf "%.0f", 100 * a / b }')
printf '| raw %s commits/s | orders/s (16 conns) | share | p50 ms | p99 ms | answered ok | refused | orders in the database |\n' "$engine"
printf '|---:|---:|---:|---:|---:|---:|---:|---:|\n'
printf '| %s | %s | %s %% | %s | %s | %s | %s | %s |\n' "$raw" "$per_second" "$share" "$p50" "$p99" "$placed" "$refused" "$placed_in_db"
fi

if wanted races; then
step "4. 1,000 at once for 30 places"
race=$(cd end2end && BENCH_URL="$url" BENCH_SEED="$work/seed.json" BENCH_DAY="$(day 1)" node bench/race.mjs)
read -r orders_taken seats_taken waitlisted confirmed shift_waitlisted < <(race_places count)
printf '| race | places | took ms | HTTP answers | places taken (database) |\n|---|---:|---:|---|---|\n'
while read -r _ name ms statuses; do
  case "$name" in
    orders) got="$orders_taken orders" ;;
    enrollments) got="$seats_taken enrolled, $waitlisted waitlisted" ;;
    sign-ups) got="$confirmed confirmed, $shift_waitlisted waitlisted" ;;
  esac
  printf '| %s | 30 | %s | %s | %s |\n' "$name" "$ms" "$statuses" "$got"
done <<<"$race"
fi

stop_server
if grep -q "ERROR" "$work/server.log"; then
  note "the server logged errors (first 10):"
  grep "ERROR" "$work/server.log" | head -n 10
fi
step "Done ($(git rev-parse --short HEAD 2>/dev/null || echo 'no git')$(git diff --quiet 2>/dev/null || echo ', with uncommitted changes'))"
