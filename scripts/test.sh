#!/usr/bin/env bash
# Quick start 2: install what is missing, then run every test:
#   1. native: the pure core, CLI, goldens, schema, properties, benchmarks in test mode;
#      the Python package (its wheel built by maturin, pytest against the command line,
#      the Spark job in local mode);
#      then each fuzz target for a short, fixed time (cargo-fuzz on the nightly toolchain);
#   2. wasm-bindgen-test in headless Chromium: the web glue (storage, DOM selection);
#   3. a release build of the app, then Playwright driving Debian's Chromium as a user.
# Idempotent. Exits non-zero on the first failing stage.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh all
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

stage() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

stage "native tests (cargo test)"
cargo fmt --all -- --check
cargo test --workspace --all-targets

stage "the Python package (maturin wheel, pytest, Spark local mode)"
cargo fmt --manifest-path python/Cargo.toml -- --check
rm -f target/wheels/gloss_news-*.whl
target/venv/bin/maturin build --release --quiet -m python/Cargo.toml --out target/wheels
target/venv/bin/pip install --quiet --disable-pip-version-check --force-reinstall --no-deps \
  target/wheels/gloss_news-*.whl
# compared with the command line `cargo test` just built
GLOSS_BIN="${CARGO_TARGET_DIR:-target}/debug/gloss" target/venv/bin/python -m pytest -q python/tests

stage "fuzzing the core (cargo-fuzz, 15 s per target)"
./scripts/fuzz.sh 15

stage "web glue in headless Chromium (wasm-bindgen-test)"
cargo test --target wasm32-unknown-unknown --test web

stage "release build (trunk)"
trunk build --release

stage "the app in Chromium, as a user (Playwright)"
cd tests/e2e
node --test --test-concurrency=1 ./*.test.mjs
