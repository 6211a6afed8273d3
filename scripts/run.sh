#!/usr/bin/env bash
# Runs 幸福里 on http://127.0.0.1:3000 with an embedded SQLite database and demo data:
# installs what is missing, builds in release mode, migrates the database, serves.
#   LEPTOS_SITE_ADDR   address to listen on        (default 127.0.0.1:3000)
#   DATABASE_URL       the SQLite database          (default sqlite:data/xingfu.db)
#   XINGFU_DEMO_DATA   1: load demo data when empty (default 1 here; 0 to start empty)

source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ROOT"
ensure_build_tools

build_release

export LEPTOS_SITE_ADDR="${LEPTOS_SITE_ADDR:-127.0.0.1:3000}"
export DATABASE_URL="${DATABASE_URL:-sqlite:data/xingfu.db}"
export XINGFU_DEMO_DATA="${XINGFU_DEMO_DATA:-1}"
export_site_settings

step "Serving on http://$LEPTOS_SITE_ADDR (database: $DATABASE_URL; demo data: $XINGFU_DEMO_DATA)"
note "demo accounts: 13900000001 (admin) … 13900000007, password xingfu-demo — see README.md"
exec target/release/server
