#!/usr/bin/env bash
# A throw-away PostgreSQL server for tests and benchmarks: PostgreSQL from Debian's packages
# (installed when missing), a new cluster in a temporary directory, on a free port, listening
# on 127.0.0.1 only. Never a machine-wide server. The calling script removes it again with
# stop_postgres, from the EXIT trap it sets before start_postgres:
#
#   source scripts/postgres.sh; trap stop_postgres EXIT; start_postgres   # sets POSTGRES_URL
#
# Sourced by scripts/test.sh; it runs nothing by itself.

POSTGRES_MAJOR=15

ensure_postgres() {
  step "PostgreSQL $POSTGRES_MAJOR (Debian packages)"
  if [ ! -x "$(postgres_bin initdb)" ] && [ ! -e /etc/postgresql-common/createcluster.conf ]; then
    # Only the binaries: no machine-wide cluster is created or started by the package.
    as_root mkdir -p /etc/postgresql-common
    echo "create_main_cluster = false" | as_root tee /etc/postgresql-common/createcluster.conf >/dev/null
  fi
  apt_install "postgresql-$POSTGRES_MAJOR" "postgresql-client-$POSTGRES_MAJOR"
}

postgres_bin() { echo "/usr/lib/postgresql/$POSTGRES_MAJOR/bin/$1"; }

# PostgreSQL refuses to run as root; the Debian package's `postgres` account runs it then.
as_postgres_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Starts the server and creates the database; POSTGRES_URL points at it. Durability is off
# (fsync) unless POSTGRES_DURABLE=1: a test cluster is thrown away anyway.
start_postgres() {
  ensure_postgres
  POSTGRES_DIR="$(mktemp -d /tmp/xingfu-postgres.XXXXXX)"
  chmod 755 "$POSTGRES_DIR"
  [ "$(id -u)" = 0 ] && chown postgres: "$POSTGRES_DIR"
  local durability=off
  POSTGRES_PORT="$(free_port)"
  [ "${POSTGRES_DURABLE:-0}" = 1 ] && durability=on
  POSTGRES_OPTIONS="-p $POSTGRES_PORT -c listen_addresses=127.0.0.1 -k $POSTGRES_DIR -c fsync=$durability -c max_connections=300"
  as_postgres_owner "$(postgres_bin initdb)" --pgdata="$POSTGRES_DIR/data" --username=xingfu \
    --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$POSTGRES_DIR/initdb.log" 2>&1 ||
    { cat "$POSTGRES_DIR/initdb.log"; die "initdb failed"; }
  postgres_ctl start
  POSTGRES_URL="$(create_database xingfu)"
  export POSTGRES_URL
  note "PostgreSQL $POSTGRES_MAJOR on port $POSTGRES_PORT ($POSTGRES_DIR)"
}

# Starts or stops the running test server (`postgres_ctl stop`, then `start` brings it back on
# the same port with the same data).
postgres_ctl() {
  if [ "$1" = start ]; then
    as_postgres_owner "$(postgres_bin pg_ctl)" --pgdata="$POSTGRES_DIR/data" --wait \
      --log="$POSTGRES_DIR/server.log" -o "$POSTGRES_OPTIONS" start >/dev/null ||
      { cat "$POSTGRES_DIR/server.log"; die "PostgreSQL did not start"; }
  else
    as_postgres_owner "$(postgres_bin pg_ctl)" --pgdata="$POSTGRES_DIR/data" --mode=fast --wait stop >/dev/null
  fi
}

# Creates another, empty database on the running test server and prints its URL.
create_database() {
  "$(postgres_bin createdb)" -h 127.0.0.1 -p "$POSTGRES_PORT" -U xingfu "$1"
  echo "postgres://xingfu@127.0.0.1:$POSTGRES_PORT/$1"
}

# Applies migrations/postgres/ to the database at URL (for a build to check its queries against).
migrate_postgres() {
  local migration
  for migration in "$ROOT"/migrations/postgres/*.sql; do
    psql -X -q -v ON_ERROR_STOP=1 "$1" -f "$migration" >/dev/null
  done
}

stop_postgres() {
  [ -n "${POSTGRES_DIR:-}" ] || return 0
  as_postgres_owner "$(postgres_bin pg_ctl)" --pgdata="$POSTGRES_DIR/data" --mode=fast stop >/dev/null 2>&1 || true
  rm -rf "$POSTGRES_DIR"
  POSTGRES_DIR=""
}
