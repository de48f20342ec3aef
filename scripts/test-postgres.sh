#!/usr/bin/env bash
# Start a throw-away PostgreSQL server on 127.0.0.1 for the integration tests and print the
# URL to use as TRIBUNAL_TEST_PG_URL. Usage: eval "$(scripts/test-postgres.sh start)"; ... ; scripts/test-postgres.sh stop
set -euo pipefail
PORT=${TRIBUNAL_PG_PORT:-54329}
DIR=${TRIBUNAL_PG_DIR:-/tmp/tribunal-pg}
BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$BIN" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; }
run() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
case "${1:-start}" in
  start)
    if [ ! -f "$DIR/PG_VERSION" ]; then
      mkdir -p "$DIR"; [ "$(id -u)" = 0 ] && chown postgres "$DIR"
      run "$BIN/initdb -D $DIR -U postgres -A trust -E UTF8 --locale=C.UTF-8" >/dev/null
    fi
    run "$BIN/pg_ctl -D $DIR status" >/dev/null 2>&1 || run "$BIN/pg_ctl -D $DIR -o '-p $PORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off' -l $DIR/server.log -w start" >/dev/null
    run "$BIN/createdb -h 127.0.0.1 -p $PORT -U postgres tribunal_test" 2>/dev/null || true
    echo "export TRIBUNAL_TEST_PG_URL=postgresql+psycopg://postgres@127.0.0.1:$PORT/tribunal_test"
    ;;
  stop)
    run "$BIN/pg_ctl -D $DIR -m fast stop" >/dev/null || true
    ;;
esac
