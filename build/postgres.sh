#!/usr/bin/env bash
# Starts (or stops) a private PostgreSQL server on loopback for the tests, owned by the
# postgres user, in a folder of its own. Prints the connection string on start.
# usage: build/postgres.sh start|stop
set -euo pipefail
PGPORT=${COORDINATION_PG_PORT:-55432}
PGDIR=${COORDINATION_PG_DIR:-/tmp/coordination-pg}
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case "${1:-start}" in
  start)
    if ! as_postgres "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PGPORT"; then
      if [ ! -f "$PGDIR/PG_VERSION" ]; then
        mkdir -p "$PGDIR"; [ "$(id -u)" = 0 ] && chown postgres:postgres "$PGDIR"
        as_postgres "$BIN/initdb" -D "$PGDIR" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
      fi
      as_postgres "$BIN/pg_ctl" -D "$PGDIR" -l "$PGDIR/server.log" -w \
        -o "-c listen_addresses=127.0.0.1 -p $PGPORT -c unix_socket_directories=$PGDIR -c fsync=off -c max_connections=300" start >/dev/null
    fi
    echo "Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=postgres"
    ;;
  stop)
    [ -f "$PGDIR/PG_VERSION" ] && as_postgres "$BIN/pg_ctl" -D "$PGDIR" -m fast stop >/dev/null || true
    ;;
esac
