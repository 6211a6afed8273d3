#!/usr/bin/env bash
# Regenerates .sqlx/, the checked query data that lets the app build without a database.
# Run it after changing a query or a migration, and commit .sqlx/.

source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ROOT"
ensure_rust_toolchain
have sqlite3 || apt_install sqlite3

db="$ROOT/target/sqlx-prepare.db"
mkdir -p "$ROOT/target"
rm -f "$db"
for migration in migrations/*.sql; do sqlite3 "$db" < "$migration"; done

step "Checking every query against a freshly migrated database"
rm -rf .sqlx
mkdir -p .sqlx
# Touch the crates with queries so that every macro runs again and writes its file.
touch app/src/lib.rs server/src/lib.rs
DATABASE_URL="sqlite:$db" SQLX_OFFLINE=false SQLX_OFFLINE_DIR="$ROOT/.sqlx" \
  cargo check --quiet -p server --all-targets
note "$(ls .sqlx | wc -l) queries in .sqlx/"
