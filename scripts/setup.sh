#!/usr/bin/env bash
# Installs what Folio needs to build, test and run, and nothing that is
# already there. Safe to run again and again; `make` runs it first.
#
#   - a host Rust toolchain (rustup's, or Debian's rustc-web/cargo-web) >= 1.95
#   - a C compiler for crates with C parts
#   - the fonts PDFs embed (Noto Sans, Noto Sans CJK) and the PDF tools the
#     tests check output with (poppler-utils, qpdf)
#   - the Wasm guest toolchain for plugins: rustup's wasm32-unknown-unknown
#     target if installed, else Debian's rustc-web, cargo-web, rust-web-src
#     and lld (std is then built from source with -Zbuild-std)
set -euo pipefail

say() { printf 'setup: %s\n' "$*"; }
die() { printf 'setup: error: %s\n' "$*" >&2; exit 1; }

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 && SUDO="sudo" || SUDO=""
fi

apt_updated=0
missing_debs=()
need_deb() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed" || missing_debs+=("$1"); }

apt_install() {
  [ ${#missing_debs[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null 2>&1 || die "missing packages (${missing_debs[*]}) and no apt-get to install them; install them by hand"
  if [ "$(id -u)" -ne 0 ] && [ -z "$SUDO" ]; then
    die "missing packages (${missing_debs[*]}); run as root or install sudo"
  fi
  if [ $apt_updated -eq 0 ]; then
    say "apt-get update"
    $SUDO apt-get update -qq
    apt_updated=1
  fi
  say "installing ${missing_debs[*]}"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing_debs[@]}" >/dev/null
  missing_debs=()
}

# The newest lld-N package Debian offers (lld-22 where available).
newest_lld() {
  if apt-cache show lld-22 >/dev/null 2>&1; then echo lld-22; return; fi
  apt-cache search --names-only '^lld-[0-9]+$' 2>/dev/null | awk '{print $1}' | sort -t- -k2 -n | tail -1
}

# --- host toolchain -----------------------------------------------------------
command -v cc >/dev/null 2>&1 || need_deb build-essential
command -v pkg-config >/dev/null 2>&1 || need_deb pkg-config
if ! command -v cargo >/dev/null 2>&1; then
  say "no cargo on PATH: using Debian's Rust (rustc-web, cargo-web)"
  need_deb rustc-web
  need_deb cargo-web
fi
apt_install
rustc_version=$(rustc --version | awk '{print $2}')
case "$(printf '%s\n1.95.0\n' "$rustc_version" | sort -V | head -1)" in
  1.95.0) say "host Rust $rustc_version ok" ;;
  *) die "host Rust $rustc_version is older than 1.95 (wasmtime 48 needs 1.95); update it (rustup update)" ;;
esac

# --- PDF output and its tests ---------------------------------------------------
# Fonts PDFs embed (never whatever the machine happens to have), and poppler's
# pdftotext/pdfinfo/pdffonts and qpdf, which the tests use to check PDFs.
for pkg in fonts-noto-core fonts-noto-cjk poppler-utils qpdf; do need_deb "$pkg"; done
apt_install
say "PDF fonts and tools ok"

# --- Wasm guest toolchain -----------------------------------------------------
sysroot=$(rustc --print sysroot)
if [ "${FOLIO_GUEST_TOOLCHAIN:-}" != "debian" ] && [ -d "$sysroot/lib/rustlib/wasm32-unknown-unknown/lib" ]; then
  say "guest toolchain: rustup's wasm32-unknown-unknown target"
else
  for pkg in rustc-web cargo-web rust-web-src; do need_deb "$pkg"; done
  if ! ls /usr/lib/llvm-*/bin/wasm-ld >/dev/null 2>&1 && ! command -v wasm-ld >/dev/null 2>&1; then
    if [ $apt_updated -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
      say "apt-get update"; $SUDO apt-get update -qq; apt_updated=1
    fi
    lld=$(newest_lld)
    [ -n "$lld" ] || die "no lld package found for wasm-ld; install LLVM's lld"
    need_deb "$lld"
  fi
  apt_install
  [ -x /usr/bin/cargo ] && [ -d /usr/lib/rustlib/src/rust/library ] || die "Debian's Rust with std sources did not install"
  say "guest toolchain: Debian $(/usr/bin/rustc --version) with -Zbuild-std, $(ls /usr/lib/llvm-*/bin/wasm-ld 2>/dev/null | sort -V | tail -1)"
fi
say "ready"
