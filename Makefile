# The two commands a newcomer needs are `make run` and `make test`; both install what is missing.
SHELL := /bin/bash
TOOLS ?= $(HOME)/.cache/sitecost-tools
export SITECOST_TOOLS := $(TOOLS)
export PATH := $(TOOLS)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
PORT ?= 8080

.PHONY: run dist test setup bench bench-check peer lighthouse

## setup: install the pinned tools (idempotent).
setup:
	@scripts/setup

## dist: build the release app into dist/.
dist: setup
	trunk build --release --offline

## run: build, then serve dist/ on 127.0.0.1.
run: dist
	@echo "sitecost is at http://127.0.0.1:$(PORT)/ (Ctrl-C to stop)"
	python3 -m http.server $(PORT) --bind 127.0.0.1 --directory dist

## test: the gates (formatting, clippy for the native and the wasm build), then every test, native
## and in headless Chromium against the release build, then one closing line with the totals (the
## doc-test run, which has no tests, would otherwise close it).
test: dist
	cargo fmt --check
	cargo clippy --locked --all-targets --all-features -- -D warnings
	cargo clippy --locked --lib --bins --target wasm32-unknown-unknown -- -D warnings
	@mkdir -p target
	set -o pipefail; cargo test --locked --lib --bins --tests 2>&1 | tee target/test-output.log
	@awk '/^test result:/ { passed += $$4; failed += $$6 } END { printf "%d passed, %d failed\n", passed, failed }' target/test-output.log

## bench: input latency, first-chart time and sizes of the release build, in headless Chromium.
bench: dist peer
	cargo bench --locked --bench latency

## bench-check: the same and Lighthouse, failing when a target of BENCHMARKS.md is missed.
bench-check: dist peer
	@status=0; cargo bench --locked --bench latency -- --check || status=1; \
	  scripts/lighthouse --check || status=1; exit $$status

## lighthouse: Lighthouse's mobile run on the hosted build from loopback, median of three
## (installs Lighthouse from npm, pinned, if missing; Debian's Chromium).
lighthouse: dist
	scripts/lighthouse

## peer: the bench's plain Chart.js page (chart.js pinned in benches/peer, from npm), in one file.
peer:
	python3 benches/peer/build.py target/peer/peer.html
