#!/usr/bin/env bash
# What a change costs in download: builds the app at BASE (a commit, in a temporary git
# worktree with its own target directory) and at the working tree, the same way
# (`trunk build --release`), and prints the gzip -9 total of every file the page loads for
# both, and the difference. A figure, not a test.
#   ./scripts/bundle-delta.sh 1b2c3bc     # the last commit before the relationship graph
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:?usage: scripts/bundle-delta.sh BASE_COMMIT}
./scripts/setup.sh all >/dev/null
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

gz_total() {
  local t=0 f
  for f in "$1"/*; do t=$((t + $(gzip -9c "$f" | wc -c))); done
  echo "$t"
}

wt=$(mktemp -d)
trap 'git worktree remove --force "$wt" >/dev/null 2>&1 || rm -rf "$wt"' EXIT
git worktree add --detach "$wt" "$base" >/dev/null 2>&1
(cd "$wt" && CARGO_TARGET_DIR="${TMPDIR:-/tmp}/gloss-bundle-base-target" trunk build --release >/dev/null 2>&1)
trunk build --release >/dev/null 2>&1
before=$(gz_total "$wt/dist")
after=$(gz_total dist)
printf 'base %s: %d B gzip\nworking tree: %d B gzip\ndifference: %+d B\n' \
  "$(git rev-parse --short "$base")" "$before" "$after" "$((after - before))"
