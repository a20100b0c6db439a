#!/usr/bin/env bash
# `make bench-open`: load test of open-time rendering on loopback.
#
# Starts a fresh `folio serve` (SQLite in a temporary directory, per-address
# rate limit off: every request comes from 127.0.0.1), publishes the invoice
# plugin, stores LINKS customer profiles and one open link each (serving
# html and png), then opens them with wrk the way an email's readers do:
# every link once and REOPEN (default 0.2) of them again, in random order,
# first as the HTML page, then as the PNG image. Each wrk thread stops when
# its share is done. The baseline of the same run is GET /healthz.
#
# RATE_HTML / RATE_PNG (opens/s) make the connections pause between opens
# to offer about that load instead of as much as they can.
#
# Every response must be a 200; every PNG answer must be a PNG. Fallbacks
# are read from the server's metrics. Set SOAK=<seconds> to then keep
# opening (page and image, links cycling, profiles updated so renders stay
# fresh) for that long while the memory of the server, its zygote and its
# render workers (PSS) is sampled.
# Everything is bounded in time and stops by itself.
set -euo pipefail
cd "$(dirname "$0")/.."

LINKS=${LINKS:-10000}
REOPEN=${REOPEN:-0.2}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
LIMIT=${LIMIT:-120}   # seconds at most per wrk run
# Offered rates (opens/s) for the page and image runs; 0 = as fast as the
# connections go (closed loop: latency then measures the queue at saturation).
RATE_HTML=${RATE_HTML:-0}
RATE_PNG=${RATE_PNG:-0}
SOAK=${SOAK:-0}
for tool in wrk curl jq; do
  command -v $tool >/dev/null 2>&1 || { echo "load-open: $tool is missing; run scripts/setup.sh --bench (make bench-open does)" >&2; exit 1; }
done
source scripts/load-common.sh

start_server load-open --open-rate-limit 0
publish_invoice

# LINKS profiles and links, through the API, 16 requests at a time. Each
# customer's invoice is due (not paid), so the page and image carry the
# amount and the pay button.
echo "== creating $LINKS customer profiles and open links"
data=$(jq -c '.data | .issued_on = "'"$(date -u +%F)"'"' examples/invoice/en-US.json)
mkdir -p "$work/links"
{
  for i in $(seq 1 "$LINKS"); do
    [ "$i" -gt 1 ] && echo next
    printf 'url = "%s/v1/customers/cus_%05d"\nrequest = "PUT"\nheader = "Authorization: Bearer %s"\nheader = "Content-Type: application/json"\n' "$BASE" "$i" "$KEY"
    printf 'data = "{\\"display_name\\": \\"Customer %d\\", \\"locale\\": \\"en-US\\", \\"timezone\\": \\"America/New_York\\"}"\noutput = "/dev/null"\nfail\n' "$i"
  done
} > "$work/profiles.curl"
curl -sS --no-progress-meter -Z --parallel-max 16 -K "$work/profiles.curl"
{
  for i in $(seq 1 "$LINKS"); do
    body=$(printf '{"plugin":"invoice","kind":"invoice","customer_id":"cus_%05d","formats":["html","png"],"data":%s}' "$i" "$data" | sed 's/\\/\\\\/g; s/"/\\"/g')
    [ "$i" -gt 1 ] && echo next
    printf 'url = "%s/v1/open-links"\nheader = "Authorization: Bearer %s"\nheader = "Content-Type: application/json"\ndata = "%s"\noutput = "%s/links/%05d.json"\nfail\n' "$BASE" "$KEY" "$body" "$work" "$i"
  done
} > "$work/links.curl"
curl -sS --no-progress-meter -Z --parallel-max 16 -K "$work/links.curl"
cat "$work"/links/*.json | jq -r '.html_url' | sed 's|^https\?://[^/]*||' > "$work/paths.txt"
created=$(wc -l < "$work/paths.txt")
[ "$created" -eq "$LINKS" ] || { echo "load-open: created $created links of $LINKS" >&2; exit 1; }
# Opens within 10 s of a link's creation count as link scanners; wait them out
# so the opens below are classified as a person's would be.
sleep 10

cat > "$work/open.lua" <<'LUA'
-- Each thread opens its share of the links: each once, plus REOPEN of them
-- again, in random order; then it stops.
local threads, next_id = {}, 0
function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  local nthreads, reopen = tonumber(os.getenv("THREADS")), tonumber(os.getenv("REOPEN"))
  suffix = os.getenv("SUFFIX") or ""
  local mine = {}
  local i = 0
  for line in io.lines(os.getenv("PATHS")) do
    if i % nthreads == id then table.insert(mine, line .. suffix) end
    i = i + 1
  end
  math.randomseed(1000 + id)
  seq, opened = {}, 0
  local reopens = math.floor(#mine * reopen + 0.5)
  local remaining_reopens = reopens
  while opened < #mine or remaining_reopens > 0 do
    local new_left = #mine - opened
    if opened > 0 and remaining_reopens > 0 and math.random() * (new_left + remaining_reopens) < remaining_reopens then
      table.insert(seq, mine[math.random(opened)])
      remaining_reopens = remaining_reopens - 1
    else
      opened = opened + 1
      table.insert(seq, mine[opened])
    end
  end
  sent, answered, failed, broken = 0, 0, 0, 0
end

-- With RATE set, each connection waits between its requests so that all
-- of them together offer about RATE opens a second.
local pause = 0
if (tonumber(os.getenv("RATE") or "0") or 0) > 0 then
  pause = tonumber(os.getenv("CONNECTIONS")) * 1000 / tonumber(os.getenv("RATE"))
end
function delay()
  return pause
end

function request()
  sent = sent + 1
  -- Connections still in flight once the share is sent repeat an open.
  local path = seq[sent] or seq[math.random(#seq)]
  return wrk.format("GET", path, { ["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) Thunderbird/128.0" })
end

function response(status, headers, body)
  answered = answered + 1
  if status ~= 200 then failed = failed + 1 end
  local content_type = headers["content-type"] or headers["Content-Type"]
  if suffix == ".png" and (content_type ~= "image/png" or body:sub(1, 4) ~= "\137PNG") then
    broken = broken + 1
  end
  if answered == #seq then
    -- Tell the script this thread's share is done, then stop.
    local marker = io.open(os.getenv("DONE_DIR") .. "/" .. id, "w")
    marker:close()
    wrk.thread:stop()
  end
end

function done(summary, latency, requests)
  local f, b, n = 0, 0, 0
  for _, t in ipairs(threads) do
    f = f + t:get("failed"); b = b + t:get("broken"); n = n + t:get("answered")
  end
  io.write(string.format("answered %d, non-200 %d, broken images %d\n", n, f, b))
end
LUA

metric_sum() { # sum of a metric's samples whose labels match a regex
  curl -fsS "$BASE/metrics" | awk -v m="$1" -v re="$2" 'index($0, m"{") == 1 && $0 ~ re { s += $NF } END { print s + 0 }'
}

run() { # label, seconds at most, wrk args...
  local label=$1 seconds=$2; shift 2
  echo "== $label: $THREADS threads, $CONNECTIONS connections"
  rm -rf "$work/done"; mkdir -p "$work/done"
  DONE_DIR=$work/done wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" --latency "$@" > "$work/$label.txt" &
  local loader=$!
  # wrk runs for its whole duration even when every thread has stopped; once
  # each thread has marked its share done, SIGINT makes it report at once,
  # with requests/s over the time it really ran.
  while kill -0 $loader 2>/dev/null && [ "$(ls "$work/done" | wc -l)" -lt "$THREADS" ]; do sleep 0.02; done
  kill -INT $loader 2>/dev/null || true
  wait $loader || true
  cat "$work/$label.txt"
  if grep -q 'Non-2xx' "$work/$label.txt" || grep -q 'Socket errors' "$work/$label.txt"; then
    echo "load-open: $label had errors" >&2; exit 1
  fi
  if grep -q 'broken images' "$work/$label.txt" && ! grep -q 'non-200 0, broken images 0' "$work/$label.txt"; then
    echo "load-open: $label had failed opens or broken images" >&2; exit 1
  fi
}

# Baseline: the HTTP stack alone, 10 s.
echo "== healthz: $THREADS threads, $CONNECTIONS connections"
wrk -t"$THREADS" -c"$CONNECTIONS" -d10s --latency "$BASE/healthz" | tee "$work/healthz.txt"
grep -q 'Non-2xx\|Socket errors' "$work/healthz.txt" && { echo "load-open: healthz had errors" >&2; exit 1; }
for format in html png; do
  suffix=""; [ $format = png ] && suffix=".png"
  before=$(metric_sum folio_opens_total 'outcome="fallback"')
  rate=$RATE_HTML; [ $format = png ] && rate=$RATE_PNG
  PATHS=$work/paths.txt REOPEN=$REOPEN THREADS=$THREADS CONNECTIONS=$CONNECTIONS SUFFIX=$suffix RATE=$rate \
    run "open-$format" "$LIMIT" -s "$work/open.lua" "$BASE"
  after=$(metric_sum folio_opens_total 'outcome="fallback"')
  echo "fallbacks: $((after - before))" | tee -a "$work/open-$format.txt"
  [ "$((after - before))" -eq 0 ] || { echo "load-open: open-$format served fallbacks" >&2; exit 1; }
done
echo "cache: $(metric_sum folio_opens_total 'outcome="cached"') cached of $(metric_sum folio_opens_total '') opens"

if [ "$SOAK" -gt 0 ]; then
  echo "== soak: ${SOAK}s of opens (page and image), profiles updated every 5 s"
  # The memory of the whole service: the server, its zygote and every
  # render worker. Forked workers share pages with the zygote, so each
  # process counts its proportional share (PSS), not its resident size.
  tree() { local p; echo "$1"; for p in $(cat "/proc/$1/task/"*/children 2>/dev/null); do tree "$p"; done; }
  rss() {
    local total=0 pid pss
    for pid in $(tree "$server"); do
      pss=$(awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup" 2>/dev/null || true)
      total=$((total + ${pss:-0}))
    done
    echo "$total"
  }
  echo "rss_kib_start $(rss)" > "$work/rss.txt"
  cat > "$work/soak.lua" <<'LUA'
local paths = {}
function init(args)
  for line in io.lines(os.getenv("PATHS")) do table.insert(paths, line) end
  math.randomseed(os.time())
end
function request()
  local path = paths[math.random(#paths)]
  if math.random() < 0.15 then path = path .. ".png" end
  return wrk.format("GET", path, { ["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) Thunderbird/128.0" })
end
LUA
  PATHS=$work/paths.txt wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SOAK}s" --latency -s "$work/soak.lua" "$BASE" > "$work/soak.txt" &
  loader=$!
  end=$((SECONDS + SOAK))
  n=0
  while [ $SECONDS -lt $end ] && kill -0 $loader 2>/dev/null; do
    sleep 5
    # A payment-unrelated event bumps some profiles, so their renders go stale.
    for i in $(seq 1 50); do
      [ "$i" -gt 1 ] && echo next
      printf 'url = "%s/v1/customers/cus_%05d/events"\nheader = "Authorization: Bearer %s"\nheader = "Content-Type: application/json"\ndata = "{\\"events\\": [{\\"name\\": \\"usage.seen\\", \\"value\\": %d}]}"\noutput = "/dev/null"\n' \
        "$BASE" "$(( (RANDOM * 32768 + RANDOM) % LINKS + 1 ))" "$KEY" "$n"
    done > "$work/events.curl"
    curl -sS --no-progress-meter -Z --parallel-max 4 -K "$work/events.curl" || true
    n=$((n + 1))
    echo "rss_kib $(rss)" >> "$work/rss.txt"
  done
  wait $loader
  cat "$work/soak.txt"
  echo "rss_kib_end $(rss)" >> "$work/rss.txt"
  awk '/^rss_kib / { v[++n] = $2 } /rss_kib_start/ { s = $2 } /rss_kib_end/ { e = $2 }
       END { m = 0; for (i = 1; i <= n; i++) if (v[i] > m) m = v[i]
             q = int(n / 4); early = 0; for (i = 1; i <= q; i++) if (v[i] > early) early = v[i]
             printf "soak memory, server + zygote + workers, PSS (MiB): start %.0f, max of first quarter %.0f, max %.0f, end %.0f, samples %d\n", s/1024, early/1024, m/1024, e/1024, n }' "$work/rss.txt"
  if grep -q 'Non-2xx' "$work/soak.txt" || grep -q 'Socket errors' "$work/soak.txt"; then
    echo "load-open: the soak had errors" >&2; exit 1
  fi
fi

summary healthz open-html open-png
