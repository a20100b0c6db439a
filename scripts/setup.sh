#!/usr/bin/env bash
# Installs what Folio needs to build, test and run, and nothing that is
# already there. Safe to run again and again; `make` runs it first.
#
#   - a host Rust toolchain (rustup's, or Debian's rustc-web/cargo-web) >= 1.95
#   - a C compiler for crates with C parts (with --host, only these two)
#   - the fonts PDFs embed (Noto Sans, Noto Sans CJK) and the PDF tools the
#     tests check output with (poppler-utils, qpdf)
#   - the Wasm guest toolchain for plugins: rustup's wasm32-unknown-unknown
#     target if installed, else Debian's rustc-web, cargo-web, rust-web-src
#     and lld (std is then built from source with -Zbuild-std)
#   - curl and jq, which `make run` drives the service with; with --bench
#     also wrk, which only the load tests (`make bench-load`, `bench-open`) use,
#     and Typst (PyPI's typst in scripts/peers/.venv), which `make bench-peers`
#     compares Folio's PDFs with
#   - a PostgreSQL server on 127.0.0.1:5432 with a database `test` that
#     accepts user postgres without a password from loopback, for the
#     storage tests; installed and started only when none is answering, and
#     its pg_hba.conf changed only when it refuses that connection
#
#   - Debian's Chromium, Node.js and, in tests/browser/node_modules,
#     playwright-core (pinned by its package-lock.json): the browser tests
#   - Python 3 with venv and, in tests/api/.venv, schemathesis,
#     openapi-python-client and standardwebhooks (pinned by
#     requirements.lock): the API tests, and the independent check of
#     webhook signatures
#
# It changes the machine only where something is missing: a second run
# installs, starts and edits nothing.
set -euo pipefail

with_bench=0 host_only=0
case "${1:-}" in
  --bench) with_bench=1 ;;
  --host) host_only=1 ;;
  "") ;;
  *) echo "usage: scripts/setup.sh [--bench | --host]" >&2; exit 2 ;;
esac

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
# --host: only what compiling the host needs (`make test` installs the rest
# while its linters compile).
[ $host_only -eq 0 ] || exit 0

# --- PDF output and its tests ---------------------------------------------------
# Fonts PDFs embed (never whatever the machine happens to have), and poppler's
# pdftotext/pdfinfo/pdffonts and qpdf, which the tests use to check PDFs.
for pkg in fonts-noto-core fonts-noto-cjk poppler-utils qpdf; do need_deb "$pkg"; done
apt_install
say "PDF fonts and tools ok"

# --- HTTP clients for the demo and the load test -----------------------------------------------------
command -v curl >/dev/null 2>&1 || need_deb curl
# The CA store webhook deliveries verify receivers' certificates against.
need_deb ca-certificates
command -v jq >/dev/null 2>&1 || need_deb jq
if [ $with_bench -eq 1 ]; then command -v wrk >/dev/null 2>&1 || need_deb wrk; fi
apt_install

# --- A real browser for the browser tests --------------------------------------
# Debian's Chromium, driven by playwright-core from npm (never a browser
# download of its own), installed into tests/browser/node_modules from the
# committed lockfile; reinstalled only when the lockfile changes.
command -v chromium >/dev/null 2>&1 || need_deb chromium
command -v node >/dev/null 2>&1 || need_deb nodejs
command -v npm >/dev/null 2>&1 || need_deb npm
apt_install
browser_dir=$(cd "$(dirname "$0")/.." && pwd)/tests/browser
stamp=$browser_dir/node_modules/.folio-lock.sha256
lock_sum=$(sha256sum "$browser_dir/package-lock.json" | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_sum" ]; then
  say "installing playwright-core into tests/browser (npm ci)"
  (cd "$browser_dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) || die "npm ci in tests/browser failed"
  echo "$lock_sum" > "$stamp"
fi
say "browser tests ok: $(chromium --version 2>/dev/null | head -1), playwright-core $(node -p "require('$browser_dir/node_modules/playwright-core/package.json').version")"

# --- Python tools for the API tests ---------------------------------------------
# schemathesis (the fuzzer) and openapi-python-client (a generated client),
# from PyPI into tests/api/.venv, pinned by tests/api/requirements.lock;
# reinstalled only when the lock changes.
command -v python3 >/dev/null 2>&1 || need_deb python3
apt_install
python3 -c 'import venv, ensurepip' >/dev/null 2>&1 || need_deb python3-venv
apt_install
root_dir=$(cd "$(dirname "$0")/.." && pwd)
# A virtual environment at DIR/.venv with DIR/requirements.lock installed;
# remade only when it lacks BIN or the lock changed since it was made.
#   python_venv DIR BIN WHAT
python_venv() {
  local dir=$root_dir/$1 bin=$2 what=$3
  local stamp=$dir/.venv/.folio-lock.sha256 sum
  sum=$(sha256sum "$dir/requirements.lock" | cut -d' ' -f1)
  if [ ! -x "$dir/.venv/bin/$bin" ] || [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$sum" ]; then
    say "installing $what into $1/.venv"
    rm -rf "$dir/.venv"
    python3 -m venv "$dir/.venv" || die "python3 -m venv failed; install python3-venv"
    "$dir/.venv/bin/pip" install --quiet --disable-pip-version-check -r "$dir/requirements.lock" \
      || die "pip install -r $1/requirements.lock failed"
    echo "$sum" > "$stamp"
  fi
}
python_venv tests/api schemathesis "schemathesis, openapi-python-client and standardwebhooks"
api_dir=$root_dir/tests/api
say "API test tools ok: $("$api_dir/.venv/bin/schemathesis" --version 2>/dev/null | head -1)"

# --- Typst for the peer benchmark (--bench only) -----------------------------------
# `make bench-peers` compares Folio's PDFs with Typst's: the typst package
# from PyPI in scripts/peers/.venv, pinned by scripts/peers/requirements.lock.
if [ $with_bench -eq 1 ]; then
  python_venv scripts/peers python typst
  say "Typst ok: $("$root_dir/scripts/peers/.venv/bin/python" -c 'import typst; print(typst.__version__)')"
fi

# --- PostgreSQL for the storage tests ------------------------------------------
# The tests connect to $FOLIO_TEST_POSTGRES_URL (default below). If nothing
# answers on 127.0.0.1:5432, install Debian's server and start its cluster.
# Only if the server then refuses a password-less loopback connection is
# its pg_hba.conf changed (this is for test machines), and only once.
pg_url=${FOLIO_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/test}
command -v pg_isready >/dev/null 2>&1 && command -v psql >/dev/null 2>&1 || need_deb postgresql-client
apt_install
local_cluster() { ls /etc/postgresql 2>/dev/null | sort -V | tail -1; }
if ! pg_isready -q -h 127.0.0.1 -p 5432; then
  if ! ls /etc/postgresql/*/main/postgresql.conf >/dev/null 2>&1; then
    need_deb postgresql
    apt_install
  fi
  pg_version=$(local_cluster)
  [ -n "$pg_version" ] || die "PostgreSQL installed but no cluster found under /etc/postgresql"
  say "starting PostgreSQL $pg_version"
  $SUDO pg_ctlcluster --skip-systemctl-redirect "$pg_version" main start || $SUDO pg_ctlcluster "$pg_version" main restart
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
  pg_isready -q -h 127.0.0.1 -p 5432 || die "PostgreSQL did not start; see /var/log/postgresql/"
fi
pg_server=${pg_url%/*}/postgres
if ! psql "$pg_server" -qtAc 'SELECT 1' >/dev/null 2>&1; then
  pg_version=$(local_cluster)
  hba=/etc/postgresql/$pg_version/main/pg_hba.conf
  [ -n "$pg_version" ] && [ -f "$hba" ] && ! grep -q '^# folio: trust loopback' "$hba" \
    || die "PostgreSQL at $pg_server refuses connections; set FOLIO_TEST_POSTGRES_URL to a server the tests may use"
  say "PostgreSQL $pg_version refuses password-less loopback connections: trusting loopback (test machine)"
  tmp=$(mktemp)
  { echo '# folio: trust loopback'; echo 'host all all 127.0.0.1/32 trust'; echo 'host all all ::1/128 trust'; cat "$hba"; } > "$tmp"
  $SUDO cp "$tmp" "$hba"; rm -f "$tmp"
  $SUDO pg_ctlcluster --skip-systemctl-redirect "$pg_version" main reload || $SUDO pg_ctlcluster "$pg_version" main reload
  for _ in $(seq 1 10); do psql "$pg_server" -qtAc 'SELECT 1' >/dev/null 2>&1 && break; sleep 1; done
fi
if ! psql "$pg_url" -qtAc 'SELECT 1' >/dev/null 2>&1; then
  pg_db=${pg_url##*/}
  say "creating PostgreSQL database $pg_db"
  psql "$pg_server" -qc "CREATE DATABASE \"$pg_db\"" >/dev/null \
    || die "cannot create database $pg_db at ${pg_url%/*}; set FOLIO_TEST_POSTGRES_URL to a database the tests may use"
fi
psql "$pg_url" -qtAc 'SELECT 1' >/dev/null 2>&1 || die "PostgreSQL at $pg_url refuses connections; set FOLIO_TEST_POSTGRES_URL"
say "PostgreSQL ok at $pg_url"

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
