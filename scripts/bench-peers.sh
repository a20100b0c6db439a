#!/usr/bin/env bash
# `make bench-peers`: Folio's PDFs against Typst's, in one run on this
# machine (scripts/peers/bench.py says what is measured and how).
# Starts a fresh `folio serve` (SQLite in a temporary directory), publishes
# the invoice plugin, and runs the comparison with the Typst package that
# scripts/setup.sh --bench installs into scripts/peers/.venv.
#
#   DURATION  seconds per measured point (default 10)
#   ROUNDS    interleaved rounds (default 2)
#   OUT       where the figures go as JSON (default target/peers.json)
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10}
ROUNDS=${ROUNDS:-2}
OUT=${OUT:-target/peers.json}
python=scripts/peers/.venv/bin/python
[ -x "$python" ] || { echo "bench-peers: $python is missing; run scripts/setup.sh --bench (make bench-peers does)" >&2; exit 1; }
for tool in wrk pdfinfo pdftotext curl; do
  command -v "$tool" >/dev/null 2>&1 || { echo "bench-peers: $tool is missing; run scripts/setup.sh --bench" >&2; exit 1; }
done
source scripts/load-common.sh

start_server peers
publish_invoice
mkdir -p "$(dirname "$OUT")"
"$python" scripts/peers/bench.py run --base "$BASE" --key "$KEY" --server-pid "$server" --work "$work" \
  --duration "$DURATION" --rounds "$ROUNDS" --json "$OUT"
echo "bench-peers: figures in $OUT"
