#!/usr/bin/env bash
# `make bench-load`: load test of the render API on loopback.
# Starts a fresh `folio serve` (SQLite in a temporary directory), publishes
# the invoice plugin, then runs wrk against POST /v1/documents (invoice, HTML
# and PDF) and, as the baseline of the same run, GET /healthz (the HTTP
# stack alone). Concurrency 32; DURATION seconds each (default 30).
# Everything is bounded in time and stops by itself.
set -euo pipefail
cd "$(dirname "$0")/.."

FOLIO=${FOLIO:-target/release/folio}
DURATION=${DURATION:-30}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
command -v wrk >/dev/null 2>&1 || { echo "load: wrk is missing; run make setup" >&2; exit 1; }

work=$(mktemp -d)
export FOLIO_DATA_DIR=$work/data
unset FOLIO_DATABASE_URL
KEY=$("$FOLIO" keys create --scopes admin --name load)
"$FOLIO" serve --addr 127.0.0.1:0 > "$work/serve.out" &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do grep -q listening "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
BASE=$(sed -n 's/^listening on //p' "$work/serve.out")
[ -n "$BASE" ] || { echo "load: folio serve did not start" >&2; exit 1; }

auth=(-H "Authorization: Bearer $KEY")
bundle=$(ls target/bundles/invoice-*.folio | head -1)
curl -fsS "${auth[@]}" "$BASE/v1/plugins" --data-binary "@$bundle" -o /dev/null
version=$(tar -xzOf "$bundle" plugin.toml | sed -n 's/^version = "\(.*\)"/\1/p' | head -1)
curl -fsS "${auth[@]}" -X POST "$BASE/v1/plugins/invoice/versions/$version/publish" -o /dev/null
curl -fsS "${auth[@]}" -X PUT "$BASE/v1/plugins/invoice/aliases/stable" -H 'content-type: application/json' -d "{\"version\":\"$version\"}" -o /dev/null

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
echo
echo "summary (requests/s, p50, p99):"
for label in healthz render-html render-pdf; do
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/$label.txt")
  p50=$(awk '$1=="50%" {print $2}' "$work/$label.txt")
  p99=$(awk '$1=="99%" {print $2}' "$work/$label.txt")
  printf '  %-12s %10s req/s  p50 %-9s p99 %s\n' "$label" "$rps" "$p50" "$p99"
done
