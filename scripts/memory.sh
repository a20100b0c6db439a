#!/usr/bin/env bash
# `make bench-memory`: the memory a serving Folio holds, as the summed PSS of
# `folio serve` and its render processes (the zygote and its workers share
# pages; PSS splits shared pages between them, so the sum counts each once):
# at start, after one PDF invoice in each of the four locales, while 8
# connections render 60-line invoices for 15 s, and after. Loopback, SQLite,
# a data dir of its own.
#
#   FOLIO  the binary (default target/release/folio), to compare builds
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/load-common.sh
[ -x "$FOLIO" ] || { echo "memory: $FOLIO is missing; run make build" >&2; exit 1; }

start_server memory
publish_invoice

api() { curl -fsS -o /dev/null -H "Authorization: Bearer $KEY" "$@"; }
pss() { # label
  local total=0 n=0 kb
  for pid in $( { echo "$server"; pgrep -f "$FOLIO __zygote" || true; } | sort -u); do
    [ -r "/proc/$pid/smaps_rollup" ] || continue
    kb=$(awk '/^Pss:/{print $2}' "/proc/$pid/smaps_rollup")
    total=$((total + kb)) n=$((n + 1))
  done
  printf 'memory: %-52s summed PSS %4d MB over %d processes\n' "$1" $((total / 1024)) "$n"
}
pss "started"
for locale in en-US ms-MY zh-CN zh-TW; do
  jq '{plugin: "invoice", kind: "invoice", format: "pdf", customer: .customer, data: .data}' "examples/invoice/$locale.json" \
    | api -H 'content-type: application/json' --data-binary @- "$BASE/v1/documents"
done
pss "after a PDF in each of four locales"
jq '{plugin: "invoice", kind: "invoice", format: "pdf", customer: .customer,
     data: (.data | .lines = [range(1; 61) | {description: "Usage line \(.)", quantity: ., unit_price: "1.25", tax_rate: "8"}])}' \
  examples/invoice/en-US.json > "$work/sixty.json"
end=$((SECONDS + 15)) clients=()
for _ in $(seq 1 8); do
  ( while [ $SECONDS -lt $end ]; do api -H 'content-type: application/json' --data-binary "@$work/sixty.json" "$BASE/v1/documents"; done ) &
  clients+=($!)
done
sleep 12
pss "while 8 connections render 60-line invoices"
wait "${clients[@]}"
pss "after the load"
