#!/usr/bin/env bash
# Each vendored crate is the published crate plus one patch file:
#
#   scripts/vendor.sh check [CRATE]   vendor/CRATE == published CRATE (the
#                                     files listed below) + vendor/CRATE.patch
#   scripts/vendor.sh diff CRATE      rewrite vendor/CRATE.patch from the tree
#                                     (after editing vendor/CRATE by hand)
#
# The published crate is downloaded once from crates.io, checked against
# the checksum the crates.io index gives for it, and kept in target/.
# vendor/FOLIO-PATCH.md says what each patch does and why.
set -euo pipefail
cd "$(dirname "$0")/.."

# name, version, the crates.io index's `cksum` (also in Cargo.lock before
# the crate was vendored), and what is vendored of the published crate (the
# rest, examples, tests and CI files, is not needed to build it).
CRATES=(printpdf azul-layout azul-core)
declare -A VERSION=([printpdf]=0.12.8 [azul-layout]=0.0.16 [azul-core]=0.0.16)
declare -A SHA256=(
  [printpdf]=95d50369c5e18e18d4716bd855172db3a70f9e82c966687ae051ea58138f285c
  [azul-layout]=38d84675106afffa51082e9bd416ba19683663bb49eb6b52caefac9bf3c27a62
  [azul-core]=00174fb58e1c8cb8ae1b089c7c28b4ec17ffcec56ffab1af59a042390f907278
)
declare -A FILES=(
  [printpdf]="Cargo.toml LICENSE README.md CHANGELOG.md src defaultfonts"
  [azul-layout]="Cargo.toml README.md src assets"
  [azul-core]="Cargo.toml README.md src"
)
CACHE=target/vendor-check

fail() { echo "vendor: $*" >&2; exit 1; }

known() { # crate
  [ -n "${VERSION[$1]:-}" ] || fail "unknown crate '$1'; vendored crates: ${CRATES[*]}"
}

published_crate() { # crate
  local name=$1 version=${VERSION[$1]} sha=${SHA256[$1]}
  local crate=$CACHE/$name-$version.crate
  mkdir -p "$CACHE"
  if [ ! -f "$crate" ] || ! echo "$sha  $crate" | sha256sum --check --status; then
    # Cargo's own download, when some other checkout fetched it unpatched.
    local cached
    cached=$(ls ~/.cargo/registry/cache/*/$name-$version.crate 2>/dev/null | head -n 1 || true)
    if [ -n "$cached" ]; then
      cp "$cached" "$crate.part"
    else
      curl --fail --silent --show-error --location --retry 3 -o "$crate.part" \
        "https://static.crates.io/crates/$name/$name-$version.crate" \
        || fail "could not download $name $version from crates.io (the check needs the published files once; they are kept in $CACHE)"
    fi
    echo "$sha  $crate.part" | sha256sum --check --status \
      || fail "the downloaded $name-$version.crate does not have the crates.io checksum $sha"
    mv "$crate.part" "$crate"
  fi
  echo "$crate"
}

# Unpacks the published files of a crate into $2/$1.
unpack_published() { # crate, into
  local name=$1 into=$2 version=${VERSION[$1]} crate file
  crate=$(published_crate "$name")
  rm -rf "$into" && mkdir -p "$into/$name"
  tar -xzf "$crate" -C "$into"
  for file in ${FILES[$name]}; do
    cp -r "$into/$name-$version/$file" "$into/$name/"
  done
}

check() { # crate
  local name=$1 patch=vendor/$1.patch work=$CACHE/check-$1
  [ -f "$patch" ] || fail "$patch is missing"
  unpack_published "$name" "$work"
  patch --quiet --forward --batch -p1 -d "$work/$name" < "$patch" \
    || fail "$patch does not apply to the published $name ${VERSION[$name]}"
  if ! diff -r "$work/$name" "vendor/$name" > "$CACHE/check-$name.diff"; then
    cat "$CACHE/check-$name.diff" >&2
    fail "vendor/$name differs from published $name ${VERSION[$name]} + $patch (above). Keep every change in the patch: edit the tree, then run 'scripts/vendor.sh diff $name'."
  fi
  echo "vendor: vendor/$name is $name ${VERSION[$name]} as published plus $patch ($(grep -c '^@@' "$patch") hunks)"
}

case "${1:-check}" in
  check)
    if [ -n "${2:-}" ]; then known "$2"; check "$2"; else for crate in "${CRATES[@]}"; do check "$crate"; done; fi
    ;;
  diff)
    [ -n "${2:-}" ] || fail "usage: scripts/vendor.sh diff CRATE (one of: ${CRATES[*]})"
    known "$2"
    name=$2 work=$CACHE/diff-$2 patch=vendor/$2.patch
    unpack_published "$name" "$work"
    rm -rf "$work/a" "$work/b"
    mv "$work/$name" "$work/a"
    cp -r "vendor/$name" "$work/b"
    # diff exits 1 when the trees differ, which is the point; timestamps
    # are dropped so the patch changes only when its content does.
    (cd "$work" && { diff -ruN a b || [ $? -eq 1 ]; }) \
      | sed -E 's/^((---|\+\+\+) [^\t]*)\t.*/\1/' > "$patch.part"
    mv "$patch.part" "$patch"
    echo "vendor: wrote $patch ($(grep -c '^@@' "$patch") hunks)"
    ;;
  *)
    fail "usage: scripts/vendor.sh [check [CRATE] | diff CRATE]"
    ;;
esac
