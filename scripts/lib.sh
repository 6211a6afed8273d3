#!/usr/bin/env bash
# Shared helpers for the project scripts: logging, and installing each tool only when it is missing.
# Sourced by scripts/setup.sh, scripts/run.sh and scripts/test.sh; it runs nothing by itself.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CARGO_LEPTOS_VERSION="0.3.11"
BINARYEN_NPM_VERSION="132.0.0"

step() { printf '\n\033[1;34m==> %s\033[0m\n' "$*"; }
note() { printf '    %s\n' "$*"; }
die() { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; exit 1; }
have() { command -v "$1" >/dev/null 2>&1; }

# Runs a command as root: directly when we are root, through sudo otherwise.
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif have sudo; then sudo "$@"; else die "need root for: $*"; fi
}

is_debian() { [ -f /etc/debian_version ] && have apt-get; }

APT_UPDATED=0
apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && { note "apt packages present: $*"; return 0; }
  is_debian || die "please install: ${missing[*]}"
  if [ "$APT_UPDATED" = 0 ]; then as_root apt-get update -qq; APT_UPDATED=1; fi
  note "apt-get install ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
}

# The version of a crate as resolved in Cargo.lock.
locked_version() {
  awk -v name="$1" '$0 == "name = \"" name "\"" { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

# Waits until URL answers (up to 30 s). Gives up at once, showing LOG, if process PID has
# ended: wait_until_up URL PID LOG.
wait_until_up() {
  local url="$1" pid="$2" log="$3"
  for _ in $(seq 1 150); do
    curl -fsS "$url" >/dev/null 2>&1 && return 0
    kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; die "the server did not start"; }
    sleep 0.2
  done
  cat "$log" >&2
  die "the server did not answer on $url"
}

# The places a race of end2end/bench/race.mjs took, as the database has them, on one line:
# orders, enrolled, waitlisted for the class, confirmed, waitlisted for the shift.
# COUNT is a command that prints the number its SQL selects: race_places COUNT.
race_places() {
  local count="$1"
  echo "$("$count" "SELECT count(*) FROM orders WHERE service_id = 901 AND status <> 'cancelled'")" \
    "$("$count" "SELECT count(*) FROM enrollments WHERE class_id = 900 AND status = 'enrolled'")" \
    "$("$count" "SELECT count(*) FROM enrollments WHERE class_id = 900 AND status = 'waitlisted'")" \
    "$("$count" "SELECT count(*) FROM shift_signups WHERE shift_id = 900 AND status = 'confirmed'")" \
    "$("$count" "SELECT count(*) FROM shift_signups WHERE shift_id = 900 AND status = 'waitlisted'")"
}

# What the server reads to find the site cargo-leptos built (with content-hashed file names).
export_site_settings() {
  export LEPTOS_OUTPUT_NAME=xingfu LEPTOS_SITE_ROOT="${1:-target/site}" LEPTOS_SITE_PKG_DIR=pkg \
    LEPTOS_ENV=PROD LEPTOS_HASH_FILES=true
}

# Writes FILE.br (brotli, quality 11) and FILE.gz (gzip -9) beside each file in DIR matching
# PATTERN (default: the text and WebAssembly files a browser downloads), for the server to send
# as they are.
precompress_dir() {
  local dir="$1" pattern="${2:-}"
  local names=(-name '*.js' -o -name '*.wasm' -o -name '*.css' -o -name '*.svg' -o -name '*.html' -o -name '*.json')
  [ -n "$pattern" ] && names=(-name "$pattern")
  find "$dir" -type f \( "${names[@]}" \) -print0 |
    while IFS= read -r -d '' file; do
      brotli --quality=11 --force --keep --output="$file.br" "$file"
      gzip -9 --no-name --force --keep "$file"
    done
}

# The release build (server and browser bundle split by page group, precompressed), skipped
# when no source is newer than the last one.
build_release() {
  local stamp="$ROOT/target/release/.xingfu-release-built"
  if [ -f "$stamp" ] && [ -z "$(find "$ROOT/app" "$ROOT/server" "$ROOT/frontend" "$ROOT/style" \
    "$ROOT/public" "$ROOT/migrations" "$ROOT/Cargo.toml" "$ROOT/Cargo.lock" -newer "$stamp" -print -quit)" ]; then
    note "release build is up to date"
    return 0
  fi
  step "Building the server and the browser bundle (release)"
  rm -rf "$ROOT/target/site/pkg"
  cargo leptos build --release --split
  precompress_dir "$ROOT/target/site"
  touch "$stamp"
}
