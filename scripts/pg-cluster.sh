#!/usr/bin/env bash
# A private, throw-away PostgreSQL cluster for tests and CI (never for production).
#
#   scripts/pg-cluster.sh start [port]   prints the DATABASE_URL of a fresh cluster
#   scripts/pg-cluster.sh stop           stops it and deletes its directory
#
# Debian's `postgresql` package must be installed. initdb refuses to run as
# root, so as root the cluster runs as the `postgres` user, in a temp dir that
# user owns; it listens on 127.0.0.1 and a private socket dir only. fsync is off:
# a test cluster's data does not need to survive a power cut, and it makes
# every commit cheap. The role the app uses may create databases (the unit
# tests make one per test file, and `migrate dev` needs a shadow database).
set -euo pipefail

STATE=${PG_CLUSTER_STATE:-/tmp/wegwijzer-pg-cluster}
BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$BIN" ] || { echo "PostgreSQL is not installed (apt-get install -y postgresql)" >&2; exit 1; }

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    PORT=${2:-55432}
    if [ -f "$STATE/url" ]; then cat "$STATE/url"; exit 0; fi
    DIR=$(mktemp -d /tmp/wegwijzer-pg.XXXXXX)
    mkdir -p "$DIR/data" "$DIR/socket"
    [ "$(id -u)" = 0 ] && chown -R postgres: "$DIR"
    as_owner "$BIN/initdb" -D "$DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log"
    as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w \
      -o "-p $PORT -k $DIR/socket -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
    as_owner "$BIN/psql" -h "$DIR/socket" -p "$PORT" -U postgres -q -v ON_ERROR_STOP=1 \
      -c "CREATE ROLE wegwijzer LOGIN PASSWORD 'wegwijzer' CREATEDB" \
      -c "CREATE DATABASE wegwijzer OWNER wegwijzer"
    mkdir -p "$STATE"
    echo "$DIR" >"$STATE/dir"
    echo "postgresql://wegwijzer:wegwijzer@127.0.0.1:$PORT/wegwijzer" >"$STATE/url"
    cat "$STATE/url"
    ;;
  stop)
    [ -f "$STATE/dir" ] || exit 0
    DIR=$(cat "$STATE/dir")
    as_owner "$BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null || true
    rm -rf "$DIR" "$STATE"
    ;;
  *)
    echo "usage: $0 start [port] | stop" >&2
    exit 2
    ;;
esac
