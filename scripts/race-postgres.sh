#!/usr/bin/env bash
# The server on PostgreSQL, as a site would move to it and run it:
#  1. a SQLite site (the demo and a week of generated data) is copied into a new PostgreSQL
#     database with `server migrate-to-postgres`, which checks counts and sums of money; a
#     second copy into the same database is refused;
#  2. two server instances serve that database, and 1,000 requests at once for 30 places
#     each — meal orders, class enrollments, shift sign-ups — are spread over both through
#     HTTP. Fails unless exactly 30 of each are taken, the rest refused as full or waitlisted
#     in order, and no request gets a server error;
#  3. a session made on one instance is valid on the other and ended by logging out on either;
#     failed log-ins spread over both lock the number on both;
#  4. PostgreSQL is stopped (/readyz 503, 系统繁忙, no driver text) and started again (recovers).
#
#   scripts/race-postgres.sh POSTGRES_SERVER SQLITE_SERVER   (both built; scripts/test.sh)

source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
source "$ROOT/scripts/postgres.sh"
cd "$ROOT"
binary="$(realpath "${1:?the server binary built with --features postgres}")"
sqlite_binary="$(realpath "${2:?the server binary built for SQLite}")"

work="$(mktemp -d)"
mkdir -p "$work/site/pkg"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; done
  rm -rf "$work"
  stop_postgres
}
trap cleanup EXIT
start_postgres

# Starts one instance on a free port and waits until it answers; sets INSTANCE_URL.
start_instance() {
  local name="$1" port
  port="$(free_port)"
  shift
  env "$@" LEPTOS_SITE_ADDR="127.0.0.1:$port" LEPTOS_SITE_ROOT="$work/site" LEPTOS_SITE_PKG_DIR=pkg \
    LEPTOS_OUTPUT_NAME=xingfu LEPTOS_HASH_FILES=false DATABASE_URL="$POSTGRES_URL" RUST_LOG=warn \
    "$binary" >"$work/$name.log" 2>&1 &
  pids+=($!)
  wait_until_up "http://127.0.0.1:$port/readyz" "${pids[-1]}" "$work/$name.log"
  INSTANCE_URL="http://127.0.0.1:$port"
}

step "A SQLite site copied into PostgreSQL (server migrate-to-postgres)"
DATABASE_URL="sqlite:$work/site.db" "$sqlite_binary" demo --scale week >/dev/null
"$binary" migrate-to-postgres --from "sqlite:$work/site.db" --to "$POSTGRES_URL" | tail -n 3 | sed 's/^/    /'
if "$binary" migrate-to-postgres --from "sqlite:$work/site.db" --to "$POSTGRES_URL" 2>"$work/again.txt"; then
  die "a second copy into a database that has tables was not refused"
fi
note "a second copy is refused: $(cat "$work/again.txt")"

step "Two instances on one PostgreSQL database"
start_instance first
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
read -r orders enrolled waiting confirmed standby < <(race_places taken)
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

step "Sessions and log-in throttling shared by both instances"
# POSTs `phone` and `password` to the log-in on instance $1; the reply in $work/login.txt,
# headers in $work/login.headers.
log_in() {
  curl -s -o "$work/login.txt" -D "$work/login.headers" -w '%{http_code}' -H "Origin: $1" \
    -H "Accept: application/json" --data-urlencode "phone=$2" --data-urlencode "password=$3" \
    "$1/api/auth/login"
}
[ "$(log_in "$first" 13900000005 xingfu-demo)" = 200 ] || die "log-in on the first instance failed: $(cat "$work/login.txt")"
session="$(grep -io 'xf_session=[^;]*' "$work/login.headers" | head -n 1)"
[ -n "$session" ] || die "the log-in set no session cookie"
curl -s -H "Cookie: $session" "$second/canteen/orders" >"$work/mine.html"
grep -q "李军" "$work/mine.html" && grep -q "我的订餐" "$work/mine.html" || die "the second instance does not know the session made on the first"
curl -s -o /dev/null -H "Cookie: $session" -H "Origin: $second" --data "" "$second/api/auth/logout"
curl -s -L -H "Cookie: $session" "$first/canteen/orders" >"$work/after.html"
if grep -q "退出登录" "$work/after.html"; then
  die "after logging out on the second instance, the first still serves the session"
fi
note "a session made on the first serves 我的订餐 on the second; logging out on the second ends it on the first"
for attempt in 1 2 3 4 5; do
  [ $((attempt % 2)) = 1 ] && on="$first" || on="$second"
  log_in "$on" 13900000004 "wrong-$attempt" >/dev/null
done
locked_first="$(log_in "$first" 13900000004 xingfu-demo; cat "$work/login.txt")"
locked_second="$(log_in "$second" 13900000004 xingfu-demo; cat "$work/login.txt")"
case "$locked_first$locked_second" in
  *TooManyAttempts*TooManyAttempts*) ;;
  *) die "five failures spread over both instances did not lock the number on both: $locked_first / $locked_second" ;;
esac
note "five wrong passwords spread over both instances lock the number on both: $locked_second"

step "PostgreSQL stopped, then started again"
order() {
  curl -s -o "$work/answer.txt" -w '%{http_code}' -H "Cookie: xf_session=bench-family" \
    -H "Origin: $first" --data "form%5Belder_id%5D=$1&form%5Bservice_id%5D=900&form%5Bdates%5D%5B%5D=$tomorrow&form%5Bdishes%5D%5B%5D=900%3A1&form%5Bfulfilment%5D=dine_in&form%5Breplaces%5D=0" \
    "$first/api/canteen/order"
}
postgres_ctl stop
ready="$(curl -s -o /dev/null -w '%{http_code}' "$first/readyz")"
[ "$ready" = 503 ] || die "/readyz answered $ready with the database down, not 503"
answer="$(order 904000)"
curl -s -H "Cookie: xf_session=bench-family" "$first/canteen/orders" >"$work/page.html"
grep -q "系统繁忙" "$work/page.html" || die "我的订餐 with the database down does not say 系统繁忙"
if grep -qiE "postgres|sqlx|connection|refused|pool timed" "$work/answer.txt" "$work/page.html"; then
  die "a driver's error reached the family: $(cat "$work/answer.txt")"
fi
note "database down: /readyz 503; an order is answered $answer $(cat "$work/answer.txt") (the page's 系统繁忙), 我的订餐 says 系统繁忙"
postgres_ctl start
for _ in $(seq 1 100); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$first/readyz")" = 200 ] && break
  sleep 0.2
done
answer="$(order 904001)"
[ "$answer" = 200 ] || die "after the database came back an order got $answer: $(cat "$work/answer.txt")"
note "database back: ready again, and the next order is placed"
