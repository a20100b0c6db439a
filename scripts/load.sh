#!/usr/bin/env bash
# `make bench-load`: load test of the render API on loopback.
# Starts a fresh `folio serve` (SQLite in a temporary directory), publishes
# the invoice plugin, then runs wrk against POST /v1/documents (invoice, HTML
# and PDF) and, as the baseline of the same run, GET /healthz (the HTTP
# stack alone). Concurrency 32; DURATION seconds each (default 30).
# Everything is bounded in time and stops by itself.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-30}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
command -v wrk >/dev/null 2>&1 || { echo "load: wrk is missing; run scripts/setup.sh --bench (make bench-load does)" >&2; exit 1; }
source scripts/load-common.sh

start_server load
publish_invoice
auth=(-H "Authorization: Bearer $KEY")

cat > "$work/post.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("FOLIO_KEY")
local f = assert(io.open(os.getenv("BODY_FILE"), "r"))
wrk.body = f:read("*a")
f:close()
LUA

run() { # label, wrk args...
  local label=$1; shift
  echo "== $label: $THREADS threads, $CONNECTIONS connections, ${DURATION}s"
  FOLIO_KEY=$KEY wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "$@" | tee "$work/$label.txt"
  # wrk prints "Non-2xx or 3xx responses: N" only when there were some.
  if grep -q 'Non-2xx' "$work/$label.txt" || grep -q 'Socket errors' "$work/$label.txt"; then
    echo "load: $label had errors" >&2; exit 1
  fi
}

run healthz "$BASE/healthz"
for format in html pdf; do
  jq --arg format "$format" '{plugin: "invoice", kind: "invoice", format: $format, at: "2026-11-22T09:00:00Z", customer: .customer, data: .data}' \
    examples/invoice/en-US.json > "$work/$format.json"
  # Warm up (loads the plugin, compiles templates, parses fonts).
  curl -fsS "${auth[@]}" -H 'content-type: application/json' --data-binary "@$work/$format.json" "$BASE/v1/documents" -o /dev/null
  BODY_FILE=$work/$format.json run "render-$format" -s "$work/post.lua" "$BASE/v1/documents"
done
summary healthz render-html render-pdf
