#!/usr/bin/env bash
# Smoke-test a built bundle: create a database, load the demo, list cases as JSON, check the
# database, and show the main window offscreen once. Usage: installer/smoke_test.sh PATH/TO/tribunal
set -euo pipefail
exe=${1:?usage: smoke_test.sh PATH/TO/tribunal}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$exe" --db "$tmp/smoke.sqlite3" demo
"$exe" --db "$tmp/smoke.sqlite3" cases --json | python3 -c "import json,sys; rows=json.load(sys.stdin); assert len(rows) >= 30, rows; print(f'{len(rows)} cases listed')"
"$exe" --db "$tmp/smoke.sqlite3" db check
# The hearing pack exercises ReportLab, the bundled fonts and the QR barcode modules.
hearing=$("$exe" --db "$tmp/smoke.sqlite3" hearings --json | python3 -c "import json,sys; print(next(h['id'] for h in json.load(sys.stdin) if h['public']))")
mkdir "$tmp/docs"
"$exe" --db "$tmp/smoke.sqlite3" docs pack --hearing "$hearing" --out "$tmp/docs" >/dev/null
find "$tmp/docs" -name '*.pdf' | grep -q . || { echo "no PDF was written" >&2; exit 1; }
echo "hearing pack written: $(find "$tmp/docs" -name '*.pdf' | wc -l) PDF files"
QT_QPA_PLATFORM=offscreen TRIBUNAL_BENCH_QUIT_AFTER_SHOW=1 "$exe" --db "$tmp/smoke.sqlite3" | grep -q '^window-shown '
echo "smoke test passed"
