#!/usr/bin/env bash
# `make run`: Folio as a billing system sees it. Starts `folio serve` on the
# embedded default (SQLite and blobs in ./folio-data), uploads and publishes
# the example plugins through the API, renders every example through the
# render API into out/, prints a demo key and the curl commands to try, and
# keeps serving until Ctrl-C. Safe to run again: existing versions are kept.
set -euo pipefail
cd "$(dirname "$0")/.."

FOLIO=${FOLIO:-target/release/folio}
BUNDLES=${BUNDLES:-target/bundles}
DATA=${FOLIO_DATA_DIR:-folio-data}
ADDR=${FOLIO_ADDR:-127.0.0.1:8080}
AT=${AT:-2026-11-22T09:00:00Z}
OUT=${OUT:-out}
BASE="http://$ADDR"
export FOLIO_DATA_DIR=$DATA
unset FOLIO_DATABASE_URL

say() { printf 'run: %s\n' "$*"; }
source scripts/bundle.sh
die() { printf 'run: error: %s\n' "$*" >&2; exit 1; }

if curl -fsS "$BASE/healthz" >/dev/null 2>&1; then
  die "something is already serving on $ADDR; stop it or set FOLIO_ADDR=127.0.0.1:<port>"
fi

KEY=$("$FOLIO" keys create --scopes admin --name demo)
"$FOLIO" serve --addr "$ADDR" &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true' EXIT
trap 'exit 130' INT TERM
for _ in $(seq 1 100); do curl -fsS "$BASE/readyz" >/dev/null 2>&1 && break; sleep 0.1; done
curl -fsS "$BASE/readyz" >/dev/null || die "folio serve did not become ready on $ADDR"

api() { # method path [curl args...] -> body on stdout, fails on HTTP errors other than those allowed
  local method=$1 path=$2; shift 2
  curl -sS -X "$method" -H "Authorization: Bearer $KEY" "$BASE$path" "$@"
}

for plugin in ${PLUGINS:-invoice renewal-proposal usage-report}; do
  bundle=$BUNDLES/$plugin.folio
  [ -f "$bundle" ] || die "$bundle is missing; build it with make plugins"
  status=$(api POST /v1/plugins --data-binary "@$bundle" -o /tmp/folio-upload.json -w '%{http_code}')
  case $status in
    201) ;;
    409) ;; # this version is already registered
    *) die "uploading $bundle: HTTP $status: $(cat /tmp/folio-upload.json)";;
  esac
  read -r name version < <(bundle_identity "$bundle")
  api POST "/v1/plugins/$name/versions/$version/publish" -o /dev/null
  api PUT "/v1/plugins/$name/aliases/stable" -H 'content-type: application/json' -d "{\"version\":\"$version\"}" -o /dev/null -f
  say "plugin $name@$version published as $name:stable"
done

mkdir -p "$OUT"
for dir in examples/*/; do
  kind=$(basename "$dir")
  for input in "$dir"*.json; do
    locale=$(basename "$input" .json)
    for format in html pdf; do
      jq --arg kind "$kind" --arg format "$format" --arg at "$AT" \
        '{plugin: $kind, kind: $kind, format: $format, at: $at, store: true, customer: .customer, data: .data}' "$input" \
        | api POST /v1/documents -H 'content-type: application/json' --data-binary @- -f -o "$OUT/$kind-$locale.$format" -D /tmp/folio-headers
      id=$(sed -n 's/^folio-document-id: *\([^[:space:]]*\).*/\1/ip' /tmp/folio-headers)
      say "rendered $input as $format -> $OUT/$kind-$locale.$format (archived as $id)"
    done
  done
done

# Open-time rendering: each invoice's customer gets a stored profile and an
# open link (page and image), opened once now into out/.
for input in examples/invoice/*.json; do
  locale=$(basename "$input" .json)
  customer=$(jq -r '.customer.id' "$input")
  # A profile takes the same shape as a render request's inline customer.
  jq '.customer' "$input" \
    | api PUT "/v1/customers/$customer" -H 'content-type: application/json' --data-binary @- -f -o /dev/null
  jq '{plugin: "invoice", kind: "invoice", customer_id: .customer.id, data: .data, formats: ["html", "png"]}' "$input" \
    | api POST /v1/open-links -H 'content-type: application/json' --data-binary @- -f -o /tmp/folio-link.json
  html_url=$(jq -r .html_url /tmp/folio-link.json); image_url=$(jq -r .image_url /tmp/folio-link.json)
  curl -fsS "$html_url" -o "$OUT/invoice-$locale.open.html"
  curl -fsS "$image_url" -o "$OUT/invoice-$locale.open.block.png"
  say "open link for $customer: $html_url (page -> $OUT/invoice-$locale.open.html, image -> $OUT/invoice-$locale.open.block.png)"
done
MY_LINK=$(jq '{plugin: "invoice", kind: "invoice", customer_id: .customer.id, data: .data, formats: ["html", "png"]}' examples/invoice/ms-MY.json \
  | api POST /v1/open-links -H 'content-type: application/json' --data-binary @- -f)
MY_PAGE=$(jq -r .html_url <<<"$MY_LINK"); MY_IMAGE=$(jq -r .image_url <<<"$MY_LINK")

# Interactive documents: the US customer's renewal proposal, renewing in
# 40 days, is adjusted and accepted the way a script would (the page's
# forms do the same in a browser); the receipt is checked offline. A second
# link is left for you to accept in a browser.
renewal_link() {
  jq --arg renewal "$(date -u -d '+40 days' +%F)" \
    '{plugin: "renewal-proposal", kind: "renewal-proposal", customer_id: .customer.id, data: (.data | .renewal_date = $renewal), formats: ["html", "png"]}' \
    examples/renewal-proposal/en-US.json | api POST /v1/open-links -H 'content-type: application/json' --data-binary @- -f
}
jq '.customer' examples/renewal-proposal/en-US.json \
  | api PUT "/v1/customers/$(jq -r .customer.id examples/renewal-proposal/en-US.json)" -H 'content-type: application/json' --data-binary @- -f -o /dev/null
OFFER_PAGE=$(renewal_link | jq -r .html_url)
page=$(curl -fsS "$OFFER_PAGE")
snapshot=$(grep -o 'name="_snapshot" value="[^"]*"' <<<"$page" | head -1 | sed 's/.*value="//; s/"$//')
nonce=$(grep -o 'name="_nonce" value="[^"]*"' <<<"$page" | head -1 | sed 's/.*value="//; s/"$//')
act() { # action inputs file: the answer in file; its snapshot and nonce name the offer the next action sees
  curl -fsS "$OFFER_PAGE/actions/$1" -H 'content-type: application/json' -o "$3" \
    -d "{\"snapshot\": \"$snapshot\", \"nonce\": \"$nonce\", \"inputs\": $2}"
  snapshot=$(jq -r '.snapshot // empty' "$3"); nonce=$(jq -r '.nonce // empty' "$3")
}
act choose-option '{"option": "2-year"}' /tmp/folio-offer.json
act change-seats '{"seats": 320}' /tmp/folio-offer.json
say "renewal proposal: chose 2 years, changed seats to 320 -> total $(jq -r '.totals.total.amount + " " + .totals.total.currency' /tmp/folio-offer.json)"
act accept '{}' "$OUT/renewal-acceptance.json"
jq '.receipt' "$OUT/renewal-acceptance.json" > "$OUT/renewal-receipt.json"
api GET "/v1/documents/$(jq -r .pdf_document_id "$OUT/renewal-acceptance.json")/content" -f -o "$OUT/renewal-accepted.pdf"
say "accepted: $(jq -r '.id + " at " + .accepted_at' "$OUT/renewal-acceptance.json") -> $OUT/renewal-acceptance.json, $OUT/renewal-accepted.pdf"
say "$("$FOLIO" verify "$OUT/renewal-receipt.json" --document "$OUT/renewal-accepted.pdf")"
TRY_PAGE=$(renewal_link | jq -r .html_url)

# A billing run: every example invoice, in all four locales, 25 times over
# (100 PDFs), handed over as one NDJSON file and followed with a progress
# bar; the run's zip of PDFs goes to out/.
for round in $(seq 1 25); do
  for input in examples/invoice/*.json; do
    jq -c --arg round "$round" '{key: "\(.data.number)-\($round)", customer, data}' "$input"
  done
done > "$OUT/billing-run.ndjson"
FOLIO_API_KEY=$KEY "$FOLIO" batch submit "$OUT/billing-run.ndjson" --server "$BASE" --plugin invoice --kind invoice --format pdf --wait
RUN=$(api GET "/v1/batches?limit=1" -f | jq -r '.batches[0].id')
FOLIO_API_KEY=$KEY "$FOLIO" batch download "$RUN" --server "$BASE" -o "$OUT/billing-run.zip"

# Events: everything above (publications, alias moves, archived documents)
# is in the event log, as webhook endpoints would be sent it.
events=$(api GET "/v1/events?limit=1000" -f)
say "event log: $(jq -r '[.events[].type] | group_by(.) | map("\(length) \(.[0])") | join(", ")' <<<"$events")"

cat <<EOF_USAGE

Folio is serving on $BASE (data in $DATA). A demo admin key, shown only once:

  export FOLIO_KEY=$KEY

Try:
  curl -s $BASE/v1/plugins -H "Authorization: Bearer \$FOLIO_KEY" | jq .
  jq '{plugin: "invoice", kind: "invoice", format: "pdf", store: true, customer, data}' examples/invoice/ms-MY.json \\
    | curl -s $BASE/v1/documents -H "Authorization: Bearer \$FOLIO_KEY" -H 'content-type: application/json' -d @- -D - -o invoice.pdf
  curl -s $BASE/v1/customers/cus_my_0042/documents -H "Authorization: Bearer \$FOLIO_KEY" | jq .
  curl -s $BASE/v1/audit -H "Authorization: Bearer \$FOLIO_KEY" | jq .
  curl -s $BASE/openapi.json | jq '.paths | keys'
  curl -s $BASE/metrics | grep folio_renders_total

Events, as webhooks deliver them (Standard Webhooks, signed; docs/service.md):
  curl -s "$BASE/v1/events?types=document.created&limit=3" -H "Authorization: Bearer \$FOLIO_KEY" | jq .
  curl -s $BASE/v1/webhooks -H "Authorization: Bearer \$FOLIO_KEY" -H 'content-type: application/json' \
    -d '{"url": "https://hooks.example.com/folio", "events": ["document.created", "document.opened"]}' | jq .

Open-time rendering: the Malaysian invoice is due. Open its link, record the
payment, and open the same URLs again: the page and the image now say thank you.
  curl -s $MY_PAGE | grep -o 'Bayar sekarang'
  curl -s $MY_IMAGE -o before.png
  curl -s $BASE/v1/customers/cus_my_0042/events -H "Authorization: Bearer \$FOLIO_KEY" -H 'content-type: application/json' \\
    -d '{"events": [{"name": "paid:INV-2026-0042", "value": true}]}'
  curl -s $MY_PAGE | grep -o 'Terima kasih[^<]*'
  curl -s $MY_IMAGE -o after.png
  curl -s $BASE/v1/open-stats -H "Authorization: Bearer \$FOLIO_KEY" | jq .

Interactive documents: open this renewal proposal in a browser, choose an
option, change the seats and accept it (the page works with JavaScript off):
  $TRY_PAGE
  curl -s "$BASE/v1/acceptances?customer=cus_us_0420" -H "Authorization: Bearer \$FOLIO_KEY" | jq '.acceptances[].totals'
  $FOLIO verify $OUT/renewal-receipt.json --document $OUT/renewal-accepted.pdf

Billing runs: the run above, its results and its zip (folio batch --help):
  FOLIO_API_KEY=\$FOLIO_KEY $FOLIO batch status $RUN --server $BASE
  FOLIO_API_KEY=\$FOLIO_KEY $FOLIO batch results $RUN --server $BASE | head -3

Ctrl-C stops the server (requests in flight finish first).
EOF_USAGE
wait $server
