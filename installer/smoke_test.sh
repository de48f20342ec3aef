#!/usr/bin/env bash
# Smoke-test a built bundle: create a database, load the demo, list cases as JSON, check the
# database, and show the main window offscreen once. Usage: installer/smoke_test.sh PATH/TO/tribunal
set -euo pipefail
exe=${1:?usage: smoke_test.sh PATH/TO/tribunal}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$exe" --db "$tmp/smoke.sqlite3" demo
"$exe" --db "$tmp/smoke.sqlite3" cases --json | python3 -c "import json,sys; rows=json.load(sys.stdin); assert len(rows) >= 30, rows; print(f'{len(rows)} cases listed')"
"$exe" --db "$tmp/smoke.sqlite3" db check
QT_QPA_PLATFORM=offscreen TRIBUNAL_BENCH_QUIT_AFTER_SHOW=1 "$exe" --db "$tmp/smoke.sqlite3" | grep -q '^window-shown '
echo "smoke test passed"
