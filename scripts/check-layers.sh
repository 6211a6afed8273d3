#!/usr/bin/env bash
# Checks that imports in app/src point down the layers (docs/architecture.md): no model, rules,
# db or policy file uses a server-function (api) module, no model or rules file uses a db
# module, and no db file uses a policy; and that no db file decides who may act (takes the
# signed-in account: the policy hands it ids and scopes instead). Prints each offending line and
# fails if there is one.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../app/src"

failed=0
# check LAYER_GLOB... -- FORBIDDEN_LAYER
check() {
  local forbidden="$1"
  shift
  local files
  files=$(find "$@" -name '*.rs' 2>/dev/null || true)
  [ -z "$files" ] && return 0
  # crate::<feature>::<forbidden>  or  super::<forbidden> (a sibling layer)
  if grep -nE "(crate|super)::([a-z_]+::)?${forbidden}(::|\b)" $files; then
    echo "  ↑ imports '${forbidden}' from a lower layer (see docs/architecture.md)" >&2
    failed=1
  fi
}

layers() { for f in */"$1" */"$1".rs; do [ -e "$f" ] && echo "$f"; done; }

check api $(layers model) $(layers rules) $(layers db) $(layers policy) domain db.rs
check db $(layers model) $(layers rules) domain
check policy $(layers db) db.rs
check pages $(layers model) $(layers rules) $(layers db) $(layers policy) $(layers api)

# The account's own table is read by auth's db; every other db file gets ids and scopes.
db_files=$(for f in $(layers db); do find "$f" -name '*.rs'; done | grep -v '^auth/')
if grep -n "CurrentUser" $db_files; then
  echo "  ↑ a db function takes the signed-in account; let the feature's policy decide" >&2
  failed=1
fi

if [ "$failed" -ne 0 ]; then
  exit 1
fi
echo "Layers: imports point down; who may act is decided above db."
