# What the load scripts share (sourced by scripts/load.sh,
# scripts/load-open.sh and scripts/memory.sh): a fresh `folio serve` on loopback with the
# invoice plugin published, and wrk's figures.
#
#   start_server NAME [serve flags...]  sets work (a temporary directory),
#                                       KEY (an admin key), BASE (the URL)
#                                       and stops the server on exit
#   publish NAME                        uploads, publishes and aliases
#                                       target/bundles/NAME.folio
#   publish_invoice                     publish invoice
#   summary LABEL...                    requests/s, p50 and p99 of each
#                                       "$work/LABEL.txt" wrk report

FOLIO=${FOLIO:-target/release/folio}
source scripts/bundle.sh

start_server() {
  local name=$1; shift
  work=$(mktemp -d)
  export FOLIO_DATA_DIR=$work/data
  unset FOLIO_DATABASE_URL
  KEY=$("$FOLIO" keys create --scopes admin --name "$name")
  "$FOLIO" serve --addr 127.0.0.1:0 "$@" > "$work/serve.out" 2> "$work/serve.err" &
  server=$!
  trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT
  for _ in $(seq 1 100); do grep -q listening "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
  BASE=$(sed -n 's/^listening on //p' "$work/serve.out")
  [ -n "$BASE" ] || { echo "$name: folio serve did not start" >&2; cat "$work/serve.err" >&2; exit 1; }
}

publish_invoice() {
  publish invoice
}

publish() { # uploads, publishes and aliases target/bundles/NAME.folio
  local name=$1 auth=(-H "Authorization: Bearer $KEY") bundle version
  bundle=target/bundles/$name.folio
  [ -f "$bundle" ] || { echo "$bundle is missing; build it with make plugins" >&2; exit 1; }
  curl -fsS "${auth[@]}" "$BASE/v1/plugins" --data-binary "@$bundle" -o /dev/null
  read -r _ version < <(bundle_identity "$bundle")
  curl -fsS "${auth[@]}" -X POST "$BASE/v1/plugins/$name/versions/$version/publish" -o /dev/null
  curl -fsS "${auth[@]}" -X PUT "$BASE/v1/plugins/$name/aliases/stable" -H 'content-type: application/json' -d "{\"version\":\"$version\"}" -o /dev/null
}

summary() {
  echo
  echo "summary (requests/s, p50, p99):"
  local label rps p50 p99
  for label in "$@"; do
    rps=$(awk '/Requests\/sec/ {print $2}' "$work/$label.txt")
    p50=$(awk '$1=="50%" {print $2}' "$work/$label.txt")
    p99=$(awk '$1=="99%" {print $2}' "$work/$label.txt")
    printf '  %-12s %10s req/s  p50 %-9s p99 %s\n' "$label" "$rps" "$p50" "$p99"
  done
}
