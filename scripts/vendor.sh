#!/usr/bin/env bash
# The vendored printpdf is the published crate plus one patch file:
#
#   scripts/vendor.sh check   vendor/printpdf == published printpdf 0.12.8
#                             (the files listed below) + vendor/printpdf.patch
#   scripts/vendor.sh diff    rewrite vendor/printpdf.patch from the tree
#                             (after editing vendor/printpdf by hand)
#
# The published crate is downloaded once from crates.io, checked against
# the checksum the crates.io index gives for it, and kept in target/.
set -euo pipefail
cd "$(dirname "$0")/.."

NAME=printpdf
VERSION=0.12.8
# The crates.io index's `cksum` for printpdf 0.12.8.
SHA256=95d50369c5e18e18d4716bd855172db3a70f9e82c966687ae051ea58138f285c
# What is vendored of the published crate; the rest (examples, tests, CI
# files: 12 MB) is not needed to build it.
FILES=(Cargo.toml LICENSE README.md CHANGELOG.md src defaultfonts)
VENDORED=vendor/$NAME
PATCH=vendor/$NAME.patch
CACHE=target/vendor-check

fail() { echo "vendor: $*" >&2; exit 1; }

published_crate() {
  local crate=$CACHE/$NAME-$VERSION.crate
  mkdir -p "$CACHE"
  if [ ! -f "$crate" ] || ! echo "$SHA256  $crate" | sha256sum --check --status; then
    # Cargo's own download, when some other checkout fetched it unpatched.
    local cached
    cached=$(ls ~/.cargo/registry/cache/*/$NAME-$VERSION.crate 2>/dev/null | head -n 1 || true)
    if [ -n "$cached" ]; then
      cp "$cached" "$crate.part"
    else
      curl --fail --silent --show-error --location --retry 3 -o "$crate.part" \
        "https://static.crates.io/crates/$NAME/$NAME-$VERSION.crate" \
        || fail "could not download $NAME $VERSION from crates.io (the check needs the published files once; they are kept in $CACHE)"
    fi
    echo "$SHA256  $crate.part" | sha256sum --check --status \
      || fail "the downloaded $NAME-$VERSION.crate does not have the crates.io checksum $SHA256"
    mv "$crate.part" "$crate"
  fi
  echo "$crate"
}

# Unpacks the published files into $1/$NAME.
unpack_published() {
  local into=$1 crate
  crate=$(published_crate)
  rm -rf "$into" && mkdir -p "$into/$NAME"
  tar -xzf "$crate" -C "$into"
  for file in "${FILES[@]}"; do
    cp -r "$into/$NAME-$VERSION/$file" "$into/$NAME/"
  done
}

case "${1:-check}" in
  check)
    [ -f "$PATCH" ] || fail "$PATCH is missing"
    work=$CACHE/check
    unpack_published "$work"
    patch --quiet --forward --batch -p1 -d "$work/$NAME" < "$PATCH" \
      || fail "$PATCH does not apply to the published $NAME $VERSION"
    if ! diff -r "$work/$NAME" "$VENDORED" > "$CACHE/check.diff"; then
      cat "$CACHE/check.diff" >&2
      fail "$VENDORED differs from published $NAME $VERSION + $PATCH (above). Keep every change in the patch: edit the tree, then run 'scripts/vendor.sh diff'."
    fi
    echo "vendor: $VENDORED is $NAME $VERSION as published plus $PATCH ($(grep -c '^@@' "$PATCH") hunks)"
    ;;
  diff)
    work=$CACHE/diff
    unpack_published "$work"
    rm -rf "$work/a" "$work/b"
    mv "$work/$NAME" "$work/a"
    cp -r "$VENDORED" "$work/b"
    # diff exits 1 when the trees differ, which is the point; timestamps
    # are dropped so the patch changes only when its content does.
    (cd "$work" && { diff -ruN a b || [ $? -eq 1 ]; }) \
      | sed -E 's/^((---|\+\+\+) [^\t]*)\t.*/\1/' > "$PATCH.part"
    mv "$PATCH.part" "$PATCH"
    echo "vendor: wrote $PATCH ($(grep -c '^@@' "$PATCH") hunks)"
    ;;
  *)
    fail "usage: scripts/vendor.sh [check|diff]"
    ;;
esac
