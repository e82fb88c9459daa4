#!/usr/bin/env bash
# The server's two outside checks (docs/server.md), run by .ci/run after `cargo test`
# with the debug binary it built:
#  1. schemathesis generates requests from schemas/openapi.json and checks the answers
#     (no 5xx, documented status codes, content types, headers and response schemas,
#     invalid input refused).
#  2. The web page in Debian's Chromium, driven by Playwright (tests/browser/).
# Usage: bash .ci/server_checks.sh BINARY PYTHON_VENV
set -euo pipefail
bin=$(realpath "$1")
venv=$2
work=$(mktemp -d)
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill -TERM "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "-- schemathesis"
"$venv/bin/pip" install -q schemathesis==4.32.5
db="$work/db"
printf '%s\n' \
  '{"type":"report","claim":"The Harbour Bridge will reopen in May.","chain":"Daily Ledger via Reuters via Mayor Ana Ortiz"}' \
  '{"type":"report","claim":"The Harbour Bridge will reopen in May.","chain":"Evening Courier via ~a city official"}' \
  | "$bin" --db "$db" import - >/dev/null
token=$("$bin" --db "$db" user add schemathesis --role admin | tail -n 1)
"$bin" --db "$db" serve --addr 127.0.0.1:0 >"$work/serve.out" 2>"$work/serve.err" &
server_pid=$!
for _ in $(seq 100); do
  grep -q '^listening on ' "$work/serve.out" 2>/dev/null && break
  sleep 0.1
done
url=$(sed -n 's/^listening on //p' "$work/serve.out")
test -n "$url" || { cat "$work/serve.err"; echo "error: the server did not start" >&2; exit 1; }
# Not run: positive_data_acceptance (the document does not spell out every rule the
# library checks, such as name characters, so some schema-valid inputs are refused with
# 400 on purpose); /api/import (schemathesis cannot generate JSON Lines bodies; tests/
# server.rs covers it); resetting or removing users (it would reset its own token).
"$venv/bin/schemathesis" run "$url/api/openapi.json" \
  -H "Authorization: Bearer $token" \
  --exclude-checks positive_data_acceptance \
  --exclude-path /api/import --exclude-path-regex '^/api/users/' \
  --max-examples 30 --generation-deterministic
kill -TERM "$server_pid"; wait "$server_pid" || true; server_pid=""

echo "-- browser (tests/browser: Playwright with Debian's Chromium)"
if ! command -v chromium >/dev/null 2>&1; then
  apt-get update -qq && apt-get install -y -qq chromium >/dev/null
fi
chromium --version
(cd tests/browser && npm ci --silent --no-audit --no-fund)
node tests/browser/run.mjs "$bin"
