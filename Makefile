# Petromaks: build, run and test on Debian/Ubuntu. Each target installs what it needs first and skips
# whatever is already there (a second run does not touch apt, npm or cargo install).
#
#   make run     build and start the desktop app on its default database (PETROMAKS_DB overrides it)
#   make test    core tests (SQLite, then PostgreSQL in a throwaway cluster), UI unit tests, desktop build,
#                end-to-end tests in a headless window (on a file, then on a throwaway PostgreSQL server)
#   make lint    rustfmt check and clippy with warnings as errors
#   make fmt     format the Rust code
#   make bench   register cases and print certificates on a scratch database, timed (release build)
#   make package release build (both binaries in one cargo run) and target/package/petromaks_<version>_amd64.deb
#                (and the .rpm under target/release/bundle/); see scripts/package
#   make package-check  as root: build the package and the previous release's, lintian, install, upgrade with
#                500 cases in place, run the installed CLI and window as ordinary users, remove (not in make test)

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help
export PATH := $(HOME)/.cargo/bin:$(PATH)

# Building Tauri 2 (WebKitGTK 4.1).
BUILD_PACKAGES := libwebkit2gtk-4.1-dev libxdo-dev libayatana-appindicator3-dev librsvg2-dev libssl-dev \
	build-essential file pkg-config ca-certificates
# Running the window headless, driving it, and checking PDFs and QR codes.
TEST_PACKAGES := xvfb xauth imagemagick x11-utils webkit2gtk-driver fonts-dejavu-core poppler-utils qpdf \
	zbar-tools sqlite3 cups printer-driver-cups-pdf postgresql postgresql-contrib python3-openpyxl

# Checking the package the way an office installs it (`make package-check`).
PACKAGE_CHECK_PACKAGES := lintian desktop-file-utils xvfb xauth imagemagick x11-utils dbus bc sqlite3 man-db \
	file git

XVFB := xvfb-run -a -s '-screen 0 1366x768x24'
# A last guard so a stuck window can never hang `make test` (the suite itself takes well under a minute).
E2E_TIMEOUT := timeout --signal=TERM 900
PHASE := scripts/phase

.PHONY: help run test lint fmt bench package package-check deps-build deps-test npm-deps tauri-driver

help:
	@sed -n 's/^#   //p' Makefile

## Dependencies ----------------------------------------------------------------------------------------

deps-build:
	@scripts/ensure-apt $(BUILD_PACKAGES)
	@pkg-config --exists webkit2gtk-4.1 || { echo "webkit2gtk-4.1 not found by pkg-config" >&2; exit 1; }
	@scripts/ensure-toolchain

deps-test: deps-build
	@scripts/ensure-apt $(TEST_PACKAGES)
	@$(MAKE) --no-print-directory npm-deps tauri-driver

# npm ci only when package-lock.json changed since the last install. No install scripts: the tools need none,
# and webdriverio's optional browser-driver packages would try to download binaries.
npm-deps: node_modules/.package-lock.json
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	@touch $@

tauri-driver:
	@command -v tauri-driver >/dev/null || cargo install tauri-driver --version '^2' --locked

## Run -------------------------------------------------------------------------------------------------

run: deps-build
	cargo run -p petromaks-desktop

## Test ------------------------------------------------------------------------------------------------

test: deps-test
	@mkdir -p target && : > target/phase-times.txt
	@$(PHASE) "core tests (cargo test)" cargo test --quiet
	@$(PHASE) "core tests on PostgreSQL" scripts/with-postgres cargo test --quiet --test core
	@scripts/ensure-cups-pdf
	@$(PHASE) "printing to CUPS-PDF" cargo test --quiet --test core printer -- --ignored
	@$(PHASE) "ui unit tests (node)" node --test ui/tests
	@$(PHASE) "ui types (tsc --checkJs)" node_modules/.bin/tsc -p tsconfig.json
	@# One cargo invocation for both binaries: built apart, the CLI would see other features of shared crates
	@# than with Tauri in the graph and recompile printpdf, rusqlite and friends (~3 min cold).
	@$(PHASE) "build desktop app and cli" cargo build -p petromaks-desktop -p petromaks --bins
	@$(PHASE) "desktop unit tests" cargo test --quiet -p petromaks-desktop
	@$(PHASE) "end-to-end tests (Xvfb)" $(E2E_TIMEOUT) $(XVFB) node --test --test-concurrency=1 tests/e2e
	@# Desks on the office server: the same window on a register in a throwaway cluster, which the test stops
	@# and starts again under a half-typed form (tests/e2e/server.test.mjs skips itself in the phase above).
	@$(PHASE) "end-to-end on PostgreSQL (Xvfb)" $(E2E_TIMEOUT) scripts/with-postgres $(XVFB) node --test tests/e2e/server.test.mjs
	@echo "==> all phases passed"; cat target/phase-times.txt

## Code quality ----------------------------------------------------------------------------------------

fmt:
	cargo fmt --all

lint: deps-build
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings

bench: deps-build
	cargo run --release --bin petromaks -- bench

## Package ---------------------------------------------------------------------------------------------

package: deps-build npm-deps
	scripts/package

package-check: deps-build npm-deps
	@scripts/ensure-apt $(PACKAGE_CHECK_PACKAGES)
	scripts/package-check
