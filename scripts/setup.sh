#!/usr/bin/env bash
# Installs what building and testing need, skipping everything already present.
#   scripts/setup.sh          tools to build and run the app
#   scripts/setup.sh --test   plus Chromium for the browser tests
# scripts/run.sh and scripts/test.sh source it and call ensure_build_tools / ensure_test_tools,
# which also export the chosen toolchain (RUSTUP_TOOLCHAIN) and PATH for the rest of the script.

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

debian_std_ready() {
  [ -x /usr/bin/rustc ] && ls /usr/lib/rustlib/wasm32-unknown-unknown/lib/libstd-*.rlib >/dev/null 2>&1
}

use_debian_toolchain() {
  if ! rustup toolchain list 2>/dev/null | grep -q '^system'; then
    rustup toolchain link system /usr
  fi
  export RUSTUP_TOOLCHAIN=system
  note "toolchain: Debian's $(/usr/bin/rustc --version) (RUSTUP_TOOLCHAIN=system)"
}

# Debian ships rustc-web with the standard library's source; the browser target's standard
# library is compiled from it once.
build_debian_wasm_std() {
  apt_install rustc-web cargo-web rust-web-src lld-22 rust-web-clippy rustfmt-web
  local dir
  dir="$(mktemp -d)"
  note "compiling the wasm32 standard library from rust-web-src (about a minute)"
  (
    cd "$dir"
    /usr/bin/cargo new --quiet --lib wasm-std
    cd wasm-std
    printf '\n[lib]\ncrate-type = ["cdylib"]\n' >> Cargo.toml
    RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 /usr/bin/cargo build --quiet --release \
      --target wasm32-unknown-unknown -Z build-std=std,panic_abort
    as_root mkdir -p /usr/lib/rustlib/wasm32-unknown-unknown/lib
    as_root cp target/wasm32-unknown-unknown/release/deps/lib*.rlib /usr/lib/rustlib/wasm32-unknown-unknown/lib/
  )
  rm -rf "$dir"
}

# The active rustup toolchain's minor version (95 for 1.95.0); 0 when there is no rustc yet.
rustc_minor() {
  local minor
  minor=$(rustc --version 2>/dev/null | awk '{ split($2, v, "."); print v[2] + 0 }')
  echo "${minor:-0}"
}

# One toolchain builds the server, the browser bundle and cargo-leptos, which needs Rust >= 1.96.
ensure_rust_toolchain() {
  step "Rust toolchain (>= 1.96) with the wasm32-unknown-unknown target"
  have rustup || die "rustup is needed: https://rustup.rs"
  if debian_std_ready; then use_debian_toolchain; return; fi
  if [ "$(rustc_minor)" -ge 96 ]; then
    if rustup target list --installed 2>/dev/null | grep -q wasm32-unknown-unknown ||
      timeout 60 rustup target add wasm32-unknown-unknown >/dev/null 2>&1; then
      note "toolchain: $(rustc --version)"; return
    fi
  fi
  is_debian || die "need Rust >= 1.96 with the wasm32-unknown-unknown target (rustup update; rustup target add wasm32-unknown-unknown)"
  note "using Debian's rustc-web (1.96), whose wasm32 standard library is built here once"
  build_debian_wasm_std
  use_debian_toolchain
}

ensure_cargo_leptos() {
  step "cargo-leptos $CARGO_LEPTOS_VERSION"
  if cargo leptos --version 2>/dev/null | grep -q "$CARGO_LEPTOS_VERSION"; then note "present"; return; fi
  note "cargo install cargo-leptos (takes 15-25 minutes on two cores)"
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install --quiet --locked cargo-leptos --version "$CARGO_LEPTOS_VERSION"
}

ensure_wasm_bindgen() {
  local want
  want="$(locked_version wasm-bindgen)"
  step "wasm-bindgen-cli $want (the version in Cargo.lock)"
  if wasm-bindgen --version 2>/dev/null | grep -q " $want\$"; then note "present"; return; fi
  cargo install --quiet --force wasm-bindgen-cli --version "=$want"
}

ensure_node_packages() {
  step "Node packages in end2end/ (wasm-opt from binaryen, Playwright)"
  have npm || apt_install nodejs npm
  if [ -f "$ROOT/end2end/node_modules/.installed" ] &&
    [ "$ROOT/end2end/node_modules/.installed" -nt "$ROOT/end2end/package-lock.json" ]; then
    note "present"
  else
    (cd "$ROOT/end2end" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
    touch "$ROOT/end2end/node_modules/.installed"
  fi
  # cargo-leptos takes the first wasm-opt on PATH: it must be binaryen's current one.
  export PATH="$ROOT/end2end/node_modules/.bin:$PATH"
}

ensure_browser() {
  step "Chromium for the end-to-end tests (and curl to wait for the server)"
  have curl || apt_install curl
  if [ -x /usr/bin/chromium ]; then note "present"; return; fi
  apt_install chromium chromium-driver
}

ensure_build_tools() {
  have brotli || apt_install brotli
  ensure_rust_toolchain
  ensure_node_packages
  ensure_cargo_leptos
  ensure_wasm_bindgen
  export SQLX_OFFLINE=true
}

ensure_test_tools() {
  ensure_build_tools
  ensure_browser
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  if [ "${1:-}" = "--test" ]; then ensure_test_tools; else ensure_build_tools; fi
  step "Tools ready"
fi
