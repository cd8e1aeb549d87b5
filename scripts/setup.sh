#!/usr/bin/env bash
# Installs what Gloss needs to build, serve and test, skipping whatever is already there.
# Idempotent: a second run only checks versions. Versions are pinned here and in Trunk.toml.
set -euo pipefail

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130   # must equal wasm-bindgen in Cargo.lock
BINARYEN_VERSION=132.0.0       # wasm-opt "version_132"; never Debian's binaryen 108
CARGO_FUZZ_VERSION=0.13.2      # fuzzing runs on the machine's nightly toolchain
# The Python package's build and tests (python/pyproject.toml pins the same), in a venv
# of their own: target/venv.
MATURIN_VERSION=1.16.0
PYTEST_VERSION=9.2.0
HYPOTHESIS_VERSION=6.170.17
PYSPARK_VERSION=4.3.0          # the Spark job's local-mode test; Spark runs on Java 17
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
want="${1:-all}"   # all | build (skip browser test tools and the fuzzer)

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (about 6 minutes)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 3 minutes)"
  # not --locked: its lockfile pins a webpki-roots release the registry lacks
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if ! wasm-opt --version 2>/dev/null | grep -q "version 132\|version_132"; then
  say "installing wasm-opt from npm binaryen@$BINARYEN_VERSION"
  if dpkg -s binaryen >/dev/null 2>&1; then
    say "removing Debian's binaryen (it corrupts wasm-bindgen output)"
    apt-get remove -y binaryen
  fi
  npm install -g "binaryen@$BINARYEN_VERSION"
fi

if [ "$want" = all ]; then
  if ! cargo fuzz --version 2>/dev/null | grep -q " $CARGO_FUZZ_VERSION"; then
    say "installing cargo-fuzz $CARGO_FUZZ_VERSION (about 2 minutes)"
    cargo install --locked cargo-fuzz --version "$CARGO_FUZZ_VERSION"
  fi
  if ! rustup toolchain list | grep -q '^nightly'; then
    say "installing the nightly toolchain (cargo-fuzz builds with it)"
    rustup toolchain install nightly --profile minimal
  fi
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "installing Debian chromium and chromium-driver"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
  fi
  venv="$ROOT/target/venv"
  if ! "$venv/bin/python" -c "import sys, pytest, hypothesis, maturin, pyspark
sys.exit(pytest.__version__ != '$PYTEST_VERSION' or hypothesis.__version__ != '$HYPOTHESIS_VERSION'
         or pyspark.__version__ != '$PYSPARK_VERSION')" 2>/dev/null \
    || ! "$venv/bin/maturin" --version 2>/dev/null | grep -q " $MATURIN_VERSION\$"; then
    if ! python3 -m venv --help >/dev/null 2>&1; then
      say "installing Debian python3-venv"
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv
    fi
    say "installing maturin $MATURIN_VERSION, pytest $PYTEST_VERSION, hypothesis $HYPOTHESIS_VERSION, pyspark $PYSPARK_VERSION in target/venv (about 40 s)"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "maturin==$MATURIN_VERSION" \
      "pytest==$PYTEST_VERSION" "hypothesis==$HYPOTHESIS_VERSION" "pyspark==$PYSPARK_VERSION"
  fi
  if ! java -version >/dev/null 2>&1; then
    say "installing Debian openjdk-17-jre-headless (Spark's local mode)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless
  fi
  if [ ! -d "$ROOT/tests/e2e/node_modules/playwright-core" ]; then
    say "installing playwright-core (npm ci in tests/e2e)"
    (cd "$ROOT/tests/e2e" && npm ci --no-audit --no-fund)
  fi
fi

(cd "$ROOT" && cargo fetch --quiet)
say "ready"
