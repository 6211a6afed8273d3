#!/usr/bin/env bash
# Runs every check and test: formatting, the layers, that the SQLite and PostgreSQL migrations
# build the same schema and that every query is right for both (on a throw-away PostgreSQL),
# clippy for the server and the wasm build, the Rust tests (domain, database, server), the
# Playwright suite in Chromium — with JavaScript on and off — against a fresh build on a
# throw-away database, and last the server on PostgreSQL: the database and server tests again,
# then scripts/race-postgres.sh (a site copied over, two instances racing for places, the
# database stopped and started). The browser
# tests use the debug profile, which shares its compiled dependencies with the Rust tests;
# `scripts/run.sh` builds the release profile.
#
# A full run compiles each crate once, so it keeps no incremental caches: they would double the
# disk the debug build takes (set CARGO_INCREMENTAL=1 to keep them while iterating).

source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
source "$ROOT/scripts/postgres.sh"
cd "$ROOT"
ensure_test_tools
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"
started=$(date +%s)
work="$(mktemp -d)"
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && { kill $server_pid 2>/dev/null; wait $server_pid 2>/dev/null; }
  rm -rf "$work"
  stop_postgres
}
trap cleanup EXIT

step "Formatting"
cargo fmt --all --check

step "Layers: imports point down (docs/architecture.md)"
bash scripts/check-layers.sh

step "Schemas: the SQLite and PostgreSQL migrations build the same tables"
start_postgres
python3 scripts/check-schemas.py "$POSTGRES_URL"

step "Clippy: the server built for PostgreSQL (every query checked against its schema)"
DATABASE_URL="$POSTGRES_URL" SQLX_OFFLINE=false \
  cargo clippy --quiet -p app -p server --features server/postgres --all-targets -- -D warnings
stop_postgres

step "Clippy: server side"
cargo clippy --quiet -p app -p server --features app/ssr --all-targets -- -D warnings

step "Clippy: browser side (wasm32)"
cargo clippy --quiet -p app -p frontend --features app/hydrate --target wasm32-unknown-unknown -- -D warnings

# One cargo call per engine: the app is compiled once for both packages' tests.
step "Rust tests: domain rules, database functions, server routes"
cargo test -p app -p server --features app/ssr

step "Build the app for the browser tests"
cargo leptos build --split

# Runs the Playwright specs given (all when none) against target/debug/server on the
# database at URL, loaded with the demo data: browser_tests URL [SPEC…].
browser_tests() {
  local url="$1" port="${E2E_PORT:-3400}"
  shift
  (export_site_settings; LEPTOS_SITE_ADDR="127.0.0.1:$port" DATABASE_URL="$url" XINGFU_DEMO_DATA=1 \
    RUST_LOG=warn exec target/debug/server) >"$work/server.log" 2>&1 &
  server_pid=$!
  wait_until_up "http://127.0.0.1:$port/healthz" $server_pid "$work/server.log"
  if ! (cd end2end && E2E_PORT="$port" npx playwright test "$@"); then
    note "server log:"; tail -n 50 "$work/server.log"
    die "browser tests failed"
  fi
  kill $server_pid 2>/dev/null; wait $server_pid 2>/dev/null || true
  server_pid=""
}

step "Browser tests (Playwright, Chromium)"
browser_tests "sqlite:$work/e2e.db"
cp target/debug/server "$work/server-sqlite"

step "PostgreSQL: the database functions and the server routes, each test on a new database"
start_postgres
migrate_postgres "$POSTGRES_URL"
# The build checks its queries against this database's schema; `#[sqlx::test]` creates a
# database per test on the same server and drops it afterwards.
export DATABASE_URL="$POSTGRES_URL" SQLX_OFFLINE=false
cargo test -p app -p server --features app/postgres,server/postgres --test db --test http

step "PostgreSQL: every route as its role, rendered and hydrated (Playwright)"
cargo leptos build --split --bin-features postgres
unset DATABASE_URL; export SQLX_OFFLINE=true
browser_tests "$(create_database pages)" tests/every-route.spec.ts
stop_postgres

step "PostgreSQL: a SQLite site copied over, two server instances racing for places"
cp target/debug/server "$work/server-postgres"
bash scripts/race-postgres.sh "$work/server-postgres" "$work/server-sqlite"

step "All checks passed in $(( ($(date +%s) - started) / 60 )) min; target/ takes $(du -sh target | cut -f1)"
