# Folio. Two commands matter:
#   make run    build the example plugins, start `folio serve` on the embedded default,
#               publish the plugins and render every example through the API
#   make test   everything: style checks, host tests (with real plugins, SQLite and PostgreSQL),
#               plugin unit tests, and the API fuzzed against its OpenAPI document
# Both install what is missing first (scripts/setup.sh).

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

# One guest target dir (std is built once) and one compiled-plugin cache,
# both inside the clone.
export FOLIO_GUEST_TARGET_DIR := $(CURDIR)/target/guest
export FOLIO_CACHE_DIR := $(CURDIR)/target/folio-cache
# Criterion reports go to the workspace target dir, not host/target.
export CRITERION_HOME := $(CURDIR)/target/criterion

# `make test`, `make run` and `make render` build the `ci` profile
# (Cargo.toml): release code at opt-level 1, a cold build in far less time.
# The benchmarks measure what ships, the release profile.
PROFILE ?= ci
FOLIO = target/$(PROFILE)/folio
PLUGINS := invoice renewal-proposal usage-report
RENDERED := invoice renewal-proposal usage-report
BUNDLES := target/bundles
OUT := out
# Examples are planned at a fixed instant so their output is reproducible.
AT := 2026-11-22T09:00:00Z

.PHONY: setup build compile plugins run render test lint lint-base test-host test-plugins test-api bench bench-load bench-open bench-offer bench-batch bench-webhooks bench-memory bench-peers screenshots

setup:
	@bash scripts/setup.sh

# Built with the test targets so the binary and the suite share one feature
# set (dev-dependencies change features of shared crates): `make run` after
# `make test`, or the other way round, compiles nothing twice.
build: setup compile

# On the ci profile, clippy's driver compiles Folio's own crates, as
# `cargo clippy` runs it (RUSTC_WORKSPACE_WRAPPER), with every warning an
# error: the build is the lint, and the dependencies are compiled once
# instead of also being checked apart (that check took 8 of CI's minutes).
# The benches are built too, so they are linted. Not for release: clippy's
# driver turns MIR optimisations off, and what ships is built by rustc.
CLIPPY_BUILD = $(if $(filter ci,$(PROFILE)),RUSTC_WORKSPACE_WRAPPER="$$(rustc --print sysroot)/bin/clippy-driver" CLIPPY_ARGS=-D__CLIPPY_HACKERY__warnings__CLIPPY_HACKERY__)
compile:
	$(CLIPPY_BUILD) cargo test --profile $(PROFILE) --workspace $(if $(filter ci,$(PROFILE)),--all-targets) --no-run

# One bundle per plugin, named by the plugin alone (target/bundles/invoice.folio):
# always the build of the current source, however many versions came before.
plugins: build
	@mkdir -p $(BUNDLES)
	@for p in $(PLUGINS); do $(FOLIO) plugin build plugins/$$p -o $(BUNDLES)/$$p.folio; done

run: plugins
	@FOLIO=$(FOLIO) PLUGINS="$(PLUGINS)" BUNDLES=$(BUNDLES) bash scripts/demo.sh

# The same examples rendered offline by the CLI, in all four formats, with plans.
render: plugins
	@mkdir -p $(OUT)
	@for p in $(PLUGINS); do echo; $(FOLIO) plugin check $(BUNDLES)/$$p.folio; done
	@echo
	@for p in $(PLUGINS); do \
	  for input in examples/$$p/*.json; do \
	    name=$$(basename $$input .json); \
	    $(FOLIO) plan --plugin $(BUNDLES)/$$p.folio --kind $$p --data $$input --at $(AT) > $(OUT)/$$p-$$name.plan.json; \
	    echo "planned  $$input -> $(OUT)/$$p-$$name.plan.json"; \
	  done; \
	done
	@for p in $(RENDERED); do \
	  for input in examples/$$p/*.json; do \
	    name=$$(basename $$input .json); \
	    for format in html text json pdf; do \
	      ext=$$format; [ $$format = text ] && ext=txt; \
	      $(FOLIO) render --plugin $(BUNDLES)/$$p.folio --kind $$p --data $$input --at $(AT) --format $$format -o $(OUT)/$$p-$$name.$$ext; \
	    done; \
	    echo "rendered $$input -> $(OUT)/$$p-$$name.{html,txt,json,pdf}"; \
	  done; \
	done
	@for input in examples/invoice/*.json; do \
	  name=$$(basename $$input .json); \
	  $(FOLIO) render --plugin $(BUNDLES)/invoice.folio --kind invoice --data $$input --at $(AT) --format png -o $(OUT)/invoice-$$name.block.png; \
	  echo "drew     $$input -> $(OUT)/invoice-$$name.block.png (the status block, as open-time emails show it)"; \
	done

# Only the host toolchain comes first: the rest of setup (apt packages, the
# browser and Python tools, PostgreSQL, the guest toolchain) installs while
# the host compiles, which needs nothing more; its output follows.
test:
	@bash scripts/setup.sh --host
	@mkdir -p target
	@bash scripts/setup.sh > target/setup.log 2>&1 & setup=$$!; \
	  built=0; $(MAKE) --no-print-directory lint-base compile || built=$$?; \
	  installed=0; wait $$setup || installed=$$?; cat target/setup.log; \
	  if [ $$installed -ne 0 ]; then echo "make test: scripts/setup.sh failed (above)" >&2; exit $$installed; fi; \
	  exit $$built
	@$(MAKE) --no-print-directory test-host test-plugins test-api

# Style and correctness checks, for the host and both plugin workspaces:
# formatting (rustfmt.toml), clippy with every warning an error (the host
# also denies unwrap/expect outside tests: nothing derived from input may
# panic it, see host/src/lib.rs), rustdoc with broken links an error, and
# each vendored crate checked against the published crate plus its patch.
# The tests' profile, so clippy and rustdoc share the build scripts and
# proc macros the tests build. `make test` runs all of it but the host's
# clippy and rustdoc as such: its build is the host's clippy (`compile`),
# and rustdoc would check every dependency once more.
lint: lint-base
	cargo clippy --profile $(PROFILE) --workspace --all-targets -- -D warnings
	RUSTDOCFLAGS="-D warnings" cargo doc --profile $(PROFILE) --no-deps --workspace

# The two guest workspaces share one target dir for their checks.
GUEST_WORKSPACES := plugins tests/plugins
GUEST_LINT := CARGO_TARGET_DIR=$(CURDIR)/target/guest-lint
lint-base:
	cargo fmt --all -- --check
	@for w in $(GUEST_WORKSPACES); do (cd $$w && cargo fmt --all -- --check); done
	@for w in $(GUEST_WORKSPACES); do echo "clippy: $$w"; (cd $$w && $(GUEST_LINT) cargo clippy --release --all-targets -- -D warnings); done
	@for w in $(GUEST_WORKSPACES); do echo "rustdoc: $$w"; (cd $$w && $(GUEST_LINT) RUSTDOCFLAGS="-D warnings" cargo doc --release --no-deps --workspace); done
	bash scripts/vendor.sh check

test-host:
	$(CLIPPY_BUILD) cargo test --profile $(PROFILE) --workspace

test-plugins:
	cd plugins && cargo test

# The API against its OpenAPI document: schemathesis (every check, every
# phase, a fixed seed) against a seeded server, and a generated Python
# client uploading, publishing, rendering and fetching (tests/api/run.sh).
test-api: plugins
	FOLIO=$(FOLIO) bash tests/api/run.sh

# What ships is what is measured: every benchmark builds the release profile.
bench bench-load bench-open bench-offer bench-batch bench-webhooks bench-memory bench-peers: PROFILE = release

bench: setup
	cargo bench --bench plan
	cargo bench --bench render
	cargo bench --bench contain

# Webhook delivery to a receiver on loopback: throughput against the
# receiver's own rate, and commit-to-first-attempt latency (p50, p95).
bench-webhooks: setup
	cargo bench --bench webhooks

# Memory of a serving Folio (summed PSS of the server and its render
# processes): at start, after PDFs in four locales, under 8 connections.
bench-memory: plugins
	@FOLIO=$(FOLIO) bash scripts/memory.sh

# Load test of the render API (wrk, loopback, bounded in time).
bench-load: plugins
	@bash scripts/setup.sh --bench
	@FOLIO=$(FOLIO) bash scripts/load.sh

# Load test of open-time rendering: 10,000 links opened as page and image,
# 20% re-opened (wrk, loopback, bounded). SOAK=600 adds a 10-minute memory soak.
bench-open: plugins
	@bash scripts/setup.sh --bench
	@FOLIO=$(FOLIO) bash scripts/load-open.sh

# Interactive documents: a customer's form post to the new page at 200/s,
# against the open page's own latency in the same run (wrk, loopback).
bench-offer: plugins
	@bash scripts/setup.sh --bench
	@FOLIO=$(FOLIO) bash scripts/load-offer.sh

# Folio's PDFs against Typst's (PyPI's typst, in-process), interleaved in one
# run: the one-page and the 60-line invoice, latency, documents/s at the best
# concurrency, CPU per document, peak memory, pages (scripts/peers/bench.py).
bench-peers: plugins
	@bash scripts/setup.sh --bench
	@FOLIO=$(FOLIO) bash scripts/bench-peers.sh

# Billing runs: 10,000 invoices (HTML, PDF) on SQLite in one process and on
# PostgreSQL with two workers, against the same renders with no queue in the
# same run; opens' p99 while a run goes; memory of a 100,000-item run and of
# a 1,000,000-line submission.
bench-batch: plugins
	cargo bench --bench batch

# The browser check: every rendered HTML in headless Chromium, every PDF's
# first page rasterised, as PNGs in out/ to look at.
screenshots: render
	@bash scripts/screenshots.sh
