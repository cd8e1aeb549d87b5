#!/usr/bin/env bash
# Quick start 1: install what is missing, build, and serve Gloss at http://127.0.0.1:8080
# with the sample article open. Idempotent; stop with Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh build
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
echo "[serve] Gloss at http://127.0.0.1:8080"
# No auto-reload: Trunk would inject its reload script into the page at serve time, after
# the build has hashed the page's scripts into its Content Security Policy, so the policy
# would (rightly) refuse it.
exec trunk serve --release --no-autoreload
