#!/usr/bin/env bash
# Prints the figures reported on issues: bundle size (gzip -9, every file the page loads),
# native parse, suggestion and layout speed (criterion), wasm parse speed, load times and
# graph layout (against d3-force) and drag frame times in headless Chromium.
# Benchmarks, not tests: nothing here passes or fails on time.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh all >/dev/null
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

trunk build --release >/dev/null 2>&1
echo "== bundle (dist/, gzip -9)"
total=0
for f in dist/*; do
  raw=$(stat -c%s "$f"); gz=$(gzip -9c "$f" | wc -c); total=$((total + gz))
  printf '  %-44s %9d B raw %8d B gzip\n' "${f#dist/}" "$raw" "$gz"
done
printf '  %-44s %27d B gzip\n' "total" "$total"
echo "== where the wasm's bytes go (before wasm-opt)"
python3 scripts/wasm-sizes.py target/wasm-bindgen/release/gloss-web_bg.wasm --top 15

echo "== command line, whole process"
./scripts/bench-cli.sh --no-criterion

echo "== native parse and suggestions (criterion)"
cargo bench --bench parse --bench extract --bench layout -- --noplot 2>/dev/null | grep -E "^(parse|suggest|layout)/|time:|thrpt:"

echo "== Chromium (wasm parse and suggestions vs compromise, 1 MB article, navigation)"
node tests/e2e/bench.mjs

echo "== Chromium (graph: layout vs d3-force on 2,000 nodes and 10,000 edges, dragging in a 200-node graph)"
node tests/e2e/graph-bench.mjs

echo "== Chromium, cold cache over DevTools' Slow 4G profile"
node tests/e2e/slow4g.mjs
