#!/usr/bin/env bash
# Fuzzes the pure core with cargo-fuzz (libFuzzer, on the nightly toolchain): every target
# in fuzz/fuzz_targets for SECONDS each (default 20), starting from the seeds written for
# them (fuzz/seeds/<target>) and whatever corpus earlier runs kept (fuzz/corpus, not in
# git). Prints each target's executions; exits non-zero on a failure, whose input libFuzzer
# saves in fuzz/artifacts/<target>/ (copy it to fuzz/regressions/<target>/ with the fix,
# and tests/fuzz_regressions.rs keeps it from coming back).
#   scripts/fuzz.sh          # CI: a short, fixed time per target
#   scripts/fuzz.sh 600      # a campaign
# The slowest input of each target's corpus, timed natively:
#   GLOSS_FUZZ_CORPUS=fuzz/corpus cargo test --release --test fuzz_regressions -- --ignored --nocapture
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-20}
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
targets=(parse import roundtrip suggest exports backup wire interchange)
# No sanitizer: the core is safe Rust, the fuzzers look for panics and broken checks, and
# without ASan they run about three times as many inputs.
cargo +nightly fuzz build --fuzz-dir fuzz -O -s none 2>&1 | tail -1
for t in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$t"
  log=$(mktemp)
  if ! cargo +nightly fuzz run --fuzz-dir fuzz -O -s none "$t" "fuzz/corpus/$t" "fuzz/seeds/$t" -- \
      -max_total_time="$secs" -print_final_stats=1 -rss_limit_mb=4096 -timeout=10 >"$log" 2>&1; then
    tail -40 "$log"
    echo "[fuzz] $t FAILED: the input is in fuzz/artifacts/$t/" >&2
    exit 1
  fi
  runs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
  echo "[fuzz] $t: $runs inputs in ${secs}s, no failure"
  rm -f "$log"
done
