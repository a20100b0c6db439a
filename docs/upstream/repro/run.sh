#!/usr/bin/env bash
# Runs the reproductions (../README.md) against the published crates,
# against them with the upstream patches in this directory, and against
# Folio's vendored printpdf. Needs cargo, network access to crates.io and
# pdftotext (poppler-utils). Not part of `make test`: it builds printpdf and
# azul-layout four times over. `ONLY="kinsoku padded_rows"` runs only the
# reproductions named.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
work=$root/target/upstream-repro
export CARGO_TARGET_DIR=$work/target
mkdir -p "$work"

# Published sources: printpdf as scripts/vendor.sh fetches and checks it,
# azul-layout from crates.io the same way.
fetch() { # name version sha256
  local crate=$work/$1-$2.crate
  [ -f "$crate" ] || curl --fail --silent --show-error --location -o "$crate" "https://static.crates.io/crates/$1/$1-$2.crate"
  echo "$3  $crate" | sha256sum --check --status || { echo "$crate: checksum mismatch" >&2; exit 1; }
  rm -rf "$work/$1-$2" && tar -xzf "$crate" -C "$work"
}
fetch printpdf 0.12.8 "$(sed -n 's/^printpdf 0.12.8 //p' "$here/checksums")"
fetch azul-layout 0.0.16 "$(sed -n 's/^azul-layout 0.0.16 //p' "$here/checksums")"

# A copy of a published crate with patches applied: tree NAME SOURCE PATCH...
tree() {
  local dir=$work/$1 source=$work/$2; shift 2
  rm -rf "$dir" && cp -r "$source" "$dir"
  for p in "$@"; do patch --quiet -p1 -d "$dir" < "$here/../$p"; done
  echo "$dir"
}
fonts_fix=printpdf-0001-register-builtin-fonts-once-per-pool.patch
tag_fix=printpdf-0003-six-letter-subset-tag.patch
thead_fix=printpdf-0002-draw-repeated-table-header-text.patch
azul_fix=azul-layout-0001-shift-text-layout-under-repeated-header.patch
printpdf_fixed=$(tree printpdf-fixed printpdf-0.12.8 "$fonts_fix" "$thead_fix" "$tag_fix")
azul_fixed=$(tree azul-layout-fixed azul-layout-0.0.16 "$azul_fix")

run() { # label bin [patch-config...]
  local label=$1 bin=$2; shift 2
  [ -z "${ONLY:-}" ] || [[ " $ONLY " == *" $bin "* ]] || return 0
  echo "== $bin: $label"
  # Build output (the patched copies' own warnings) goes to a log.
  (cd "$here" && cargo build --release --bin "$bin" "$@" 2> "$work/build.log") || { cat "$work/build.log" >&2; exit 1; }
  "$CARGO_TARGET_DIR/release/$bin" "$work/$bin.pdf" || true
}
with_printpdf() { echo "--config=patch.crates-io.printpdf.path=\"$1\""; }
with_azul() { echo "--config=patch.crates-io.azul-layout.path=\"$1\""; }

run "published printpdf 0.12.8, azul-layout 0.0.16" repeated_thead
run "printpdf with $thead_fix" repeated_thead "$(with_printpdf "$printpdf_fixed")"
run "printpdf with $thead_fix, azul-layout with $azul_fix" repeated_thead \
  "$(with_printpdf "$printpdf_fixed")" "$(with_azul "$azul_fixed")"
run "Folio's vendored printpdf (vendor/printpdf.patch)" repeated_thead "$(with_printpdf "$root/vendor/printpdf")"

run "published printpdf 0.12.8" font_registration
run "printpdf with $fonts_fix" font_registration "$(with_printpdf "$printpdf_fixed")"

run "published printpdf 0.12.8" subset_tag
run "printpdf with $tag_fix" subset_tag "$(with_printpdf "$printpdf_fixed")"
run "Folio's vendored printpdf (vendor/printpdf.patch)" subset_tag "$(with_printpdf "$root/vendor/printpdf")"

# An azul-layout fix reproduced three ways: published, with its upstream
# patch, and Folio's vendored trees. azul_fix BIN PATCH
azul_fix() {
  local bin=$1 patch=$2 fixed
  fixed=$(tree "azul-layout-$bin-fixed" azul-layout-0.0.16 "$patch")
  run "published printpdf 0.12.8, azul-layout 0.0.16" "$bin"
  run "azul-layout with $patch" "$bin" "$(with_azul "$fixed")"
  run "Folio's vendored printpdf and azul-layout (vendor/*.patch)" "$bin" \
    "$(with_printpdf "$root/vendor/printpdf")" "$(with_azul "$root/vendor/azul-layout")"
}
azul_fix padded_rows azul-layout-0002-clip-text-to-the-content-box.patch
azul_fix kinsoku azul-layout-0003-break-lines-by-uax14.patch
azul_fix paragraph_split azul-layout-0004-line-boxes-from-baselines.patch
