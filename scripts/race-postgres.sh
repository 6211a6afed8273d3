#!/usr/bin/env bash
# Two server instances on one PostgreSQL database, and 1,000 requests at once for 30 places
# each — meal orders, class enrollments, shift sign-ups — spread over both instances through
# HTTP. Fails unless exactly 30 of each are taken, the rest refused as full or waitlisted in
# order, and no request gets a server error. Sessions made once are valid on either instance.
#
#   scripts/race-postgres.sh SERVER_BINARY     (built with --features postgres; scripts/test.sh)

source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
source "$ROOT/scripts/postgres.sh"
cd "$ROOT"
binary="$(realpath "${1:?the server binary built with --features postgres}")"

work="$(mktemp -d)"
mkdir -p "$work/site/pkg"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; done
  rm -rf "$work"
  stop_postgres
}
start_postgres
trap cleanup EXIT

# Starts one instance on a free port and waits until it answers; sets INSTANCE_URL.
start_instance() {
  local name="$1" port
  port="$(free_port)"
  shift
  env "$@" LEPTOS_SITE_ADDR="127.0.0.1:$port" LEPTOS_SITE_ROOT="$work/site" LEPTOS_SITE_PKG_DIR=pkg \
    LEPTOS_OUTPUT_NAME=xingfu LEPTOS_HASH_FILES=false DATABASE_URL="$POSTGRES_URL" RUST_LOG=warn \
    "$binary" >"$work/$name.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 150); do
    curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && { INSTANCE_URL="http://127.0.0.1:$port"; return; }
    sleep 0.2
  done
  cat "$work/$name.log" >&2
  die "instance $name did not start"
}

step "Two instances on one PostgreSQL database"
start_instance first XINGFU_DEMO_DATA=1
first="$INSTANCE_URL"
start_instance second
second="$INSTANCE_URL"
note "$first and $second"
today="$(TZ=Asia/Shanghai date +%F)"
python3 scripts/bench/seed.py "$POSTGRES_URL" "$today" >"$work/seed.json"

step "1,000 at once for 30 places, spread over both"
tomorrow="$(TZ=Asia/Shanghai date -d "$today + 1 day" +%F)"
race=$(cd end2end && BENCH_URL="$first,$second" BENCH_SEED="$work/seed.json" BENCH_DAY="$tomorrow" \
  node bench/race.mjs)
echo "$race" | sed 's/^/    /'
taken() { psql -X -A -t "$POSTGRES_URL" -c "$1"; }
orders=$(taken "SELECT count(*) FROM orders WHERE service_id = 901 AND status <> 'cancelled'")
enrolled=$(taken "SELECT count(*) FROM enrollments WHERE class_id = 900 AND status = 'enrolled'")
waiting=$(taken "SELECT count(*) FROM enrollments WHERE class_id = 900 AND status = 'waitlisted'")
confirmed=$(taken "SELECT count(*) FROM shift_signups WHERE shift_id = 900 AND status = 'confirmed'")
standby=$(taken "SELECT count(*) FROM shift_signups WHERE shift_id = 900 AND status = 'waitlisted'")
note "orders $orders; enrolled $enrolled, waitlisted $waiting; sign-ups confirmed $confirmed, waitlisted $standby"

failed=0
[ "$orders" = 30 ] || { note "expected 30 orders"; failed=1; }
[ "$enrolled" = 30 ] && [ "$waiting" = 970 ] || { note "expected 30 enrolled and 970 waitlisted"; failed=1; }
[ "$confirmed" = 30 ] && [ "$standby" = 970 ] || { note "expected 30 confirmed and 970 waitlisted"; failed=1; }
echo "$race" | grep -q "RACE orders [0-9]* 200×30 409×970$" || { note "orders: expected 200×30 409×970"; failed=1; }
echo "$race" | grep -q "RACE enrollments [0-9]* 200×1000$" || { note "enrollments: expected 200×1000"; failed=1; }
echo "$race" | grep -q "RACE sign-ups [0-9]* 200×1000$" || { note "sign-ups: expected 200×1000"; failed=1; }
for name in first second; do
  if grep -q "ERROR" "$work/$name.log"; then
    note "instance $name logged errors:"; grep "ERROR" "$work/$name.log" | head -5; failed=1
  fi
done
[ "$failed" = 0 ] || die "the race on two instances broke a guarantee"
note "exactly 30 each, over two instances"
