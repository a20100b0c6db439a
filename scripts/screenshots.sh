#!/usr/bin/env bash
# The browser check for rendered documents: opens every out/*.html in
# headless Chromium and saves a screenshot beside it (out/*.png), and turns
# the first page of every out/*.pdf into out/*.page1.png with pdftoppm.
# Look at them: a real browser's view of the HTML, a real rasteriser's of
# the PDF. Installs Chromium on first use (it is large, so `make setup`
# does not). Run `make run` first, or use `make screenshots`.
set -euo pipefail
cd "$(dirname "$0")/.."
shopt -s nullglob
html=(out/*.html)
[ ${#html[@]} -gt 0 ] || { echo "screenshots: no out/*.html; run \`make run\` first" >&2; exit 1; }
if ! command -v chromium >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "screenshots: installing chromium"
  $SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
for page in "${html[@]}"; do
  # The flags keep Chromium from reaching for the network this machine does not have.
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --window-size=760,1100 \
    --screenshot="${page%.html}.png" "file://$PWD/$page" >/dev/null 2>&1
  [ -s "${page%.html}.png" ] || { echo "screenshots: chromium produced nothing for $page" >&2; exit 1; }
done
for doc in out/*.pdf; do
  pdftoppm -png -r 72 -f 1 -l 1 -singlefile "$doc" "${doc%.pdf}.page1"
done
echo "screenshots: $(ls out/*.png | wc -l) images in out/ — open them and look"
