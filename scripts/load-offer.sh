#!/usr/bin/env bash
# `make bench-offer`: the interaction round trip of interactive documents
# (a customer's form post → the new page) under load, on loopback.
#
# Starts a fresh `folio serve` (SQLite in a temporary directory, per-address
# rate limit off), publishes the renewal-proposal plugin, stores LINKS
# customer profiles with one open link each, and reads each page's snapshot
# and nonce. Then, at RATE posts a second (default 200) for SECONDS, wrk
# posts `change-seats` forms to the links in turn, the seat count changing
# every time, so every post re-plans, renders the new page and records a
# snapshot with its event. The baseline of the same run is the open page
# itself (GET /o/{token}, which plans and renders the current offer) at
# the same rate. Every answer must be a 200 page.
set -euo pipefail
cd "$(dirname "$0")/.."

LINKS=${LINKS:-200}
RATE=${RATE:-200}
SECONDS_EACH=${SECONDS_EACH:-30}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
for tool in wrk curl jq; do
  command -v $tool >/dev/null 2>&1 || { echo "load-offer: $tool is missing; run scripts/setup.sh --bench (make bench-offer does)" >&2; exit 1; }
done
source scripts/load-common.sh

start_server load-offer --open-rate-limit 0
publish renewal-proposal

echo "== creating $LINKS customer profiles and open links"
renewal=$(date -u -d '+40 days' +%F)
data='{"plan":{"name":"Business","seats":120,"price_per_seat_month":"42.00","currency":"USD"},"renewal_date":"'"$renewal"'","two_year_discount_percent":"10","max_seats":500}'
: > "$work/links.txt"
for i in $(seq 1 "$LINKS"); do
  id=$(printf 'cus_%05d' "$i")
  curl -fsS -X PUT "$BASE/v1/customers/$id" -H "Authorization: Bearer $KEY" -H 'content-type: application/json' \
    -d '{"display_name":"Customer '"$i"'","locale":"en-US","timezone":"America/New_York"}' -o /dev/null
  url=$(curl -fsS "$BASE/v1/open-links" -H "Authorization: Bearer $KEY" -H 'content-type: application/json' \
    -d '{"plugin":"renewal-proposal","kind":"renewal-proposal","customer_id":"'"$id"'","data":'"$data"'}' | jq -r .html_url)
  path=${url#http*://*/}
  page=$(curl -fsS "$BASE/$path")
  snapshot=$(grep -o 'name="_snapshot" value="[^"]*"' <<< "$page" | head -1 | sed 's/.*value="//; s/"$//')
  nonce=$(grep -o 'name="_nonce" value="[^"]*"' <<< "$page" | head -1 | sed 's/.*value="//; s/"$//')
  [ -n "$snapshot" ] && [ -n "$nonce" ] || { echo "load-offer: no form on /$path" >&2; exit 1; }
  echo "/$path $snapshot $nonce" >> "$work/links.txt"
done

cat > "$work/offer.lua" <<'LUA'
-- Each request is the next link's page (GET) or a change-seats form post
-- to it (POST), the seat count stepping through 130..489.
local links, n = {}, 0
function init(args)
  for line in io.lines(os.getenv("LINKS_FILE")) do
    local path, snapshot, nonce = line:match("(%S+) (%S+) (%S+)")
    table.insert(links, { path = path, snapshot = snapshot, nonce = nonce })
  end
  mode = os.getenv("MODE")
  pause = tonumber(os.getenv("CONNECTIONS")) * 1000 / tonumber(os.getenv("RATE"))
  failed = 0
end
function delay()
  return pause
end
function request()
  n = n + 1
  local link = links[(n % #links) + 1]
  if mode == "get" then
    return wrk.format("GET", link.path)
  end
  local body = "_snapshot=" .. link.snapshot .. "&_nonce=" .. link.nonce .. "&seats=" .. (130 + (n * 7) % 360)
  return wrk.format("POST", link.path .. "/actions/change-seats", { ["Content-Type"] = "application/x-www-form-urlencoded" }, body)
end
function response(status, headers, body)
  if status ~= 200 or not body:find("<form", 1, true) then failed = failed + 1 end
end
LUA

run() { # label, mode
  echo "== $1: $RATE/s offered for ${SECONDS_EACH}s, $CONNECTIONS connections"
  LINKS_FILE=$work/links.txt MODE=$2 RATE=$RATE CONNECTIONS=$CONNECTIONS \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency -s "$work/offer.lua" "$BASE" | tee "$work/$1.txt"
  if grep -q 'Non-2xx\|Socket errors' "$work/$1.txt"; then
    echo "load-offer: $1 had errors" >&2; exit 1
  fi
}
run open-page get
run interaction post
snapshots=$(curl -fsS "$BASE/metrics" | awk '/^folio_http_requests_total/ && /actions/ { s += $NF } END { print s + 0 }')
echo "action posts answered: $snapshots"
summary open-page interaction
