#!/usr/bin/env bash
# The command line's speed, whole process (a figure, not a test): `gloss analyze` over one
# 20 MB article (the shared corpus's five articles, as the test fixtures hold them, repeated),
# and over a folder of the same 20 MB as 40 articles with 1 and 2 threads; best of 3 runs
# each, with the report's size. Also the suggestion core alone (criterion, the same text at
# 1 MB) for the ratio.
#   ./scripts/bench-cli.sh [--no-criterion]
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin gloss
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 - "$dir" <<'PY'
import glob, os, sys
d = sys.argv[1]
one = "".join(open(p, encoding="utf-8").read() + "\n\n" for p in sorted(glob.glob("tests/fixtures/corpus/*.txt")))
t = one * (20_000_000 // len(one.encode()) + 1)
open(os.path.join(d, "big.txt"), "w", encoding="utf-8").write(t)
os.mkdir(os.path.join(d, "many"))
n = len(t) // 40
for i in range(40):
    open(os.path.join(d, "many", f"a{i:02}.txt"), "w", encoding="utf-8").write(t[i * n:(i + 1) * n])
PY
bytes=$(stat -c%s "$dir/big.txt")
best() { # best wall time of 3 runs of the command, in seconds
  local b=999 t
  for _ in 1 2 3; do
    t=$( { /usr/bin/time -f "%e" "$@" > "$dir/out.jsonl"; } 2>&1 | tail -1)
    b=$(python3 -c "print(min($b, $t))")
  done
  echo "$b"
}
mbps() { python3 -c "print(f'{$bytes / 1e6 / $1:.1f}')"; }
t=$(best target/release/gloss analyze "$dir/big.txt")
printf 'one %d B article, whole process: %s s, %s MB/s; report %d B\n' "$bytes" "$t" "$(mbps "$t")" "$(stat -c%s "$dir/out.jsonl")"
t=$(best target/release/gloss analyze --fields entities,claims "$dir/big.txt")
printf '  --fields entities,claims: %s s, %s MB/s; report %d B\n' "$t" "$(mbps "$t")" "$(stat -c%s "$dir/out.jsonl")"
t1=$(best target/release/gloss analyze --jobs 1 "$dir/many")
t2=$(best target/release/gloss analyze --jobs 2 "$dir/many")
printf 'a folder of 40 articles, the same %d B: 1 thread %s s (%s MB/s), 2 threads %s s (%s MB/s), speed-up %s\n' \
  "$bytes" "$t1" "$(mbps "$t1")" "$t2" "$(mbps "$t2")" "$(python3 -c "print(f'{$t1 / $t2:.2f}')")"
if [ "${1:-}" != "--no-criterion" ]; then
  cargo bench --bench extract -- --noplot corpus_1mb 2>/dev/null | grep -E "thrpt" | sed 's/^/suggestion core alone (criterion, 1 MB): /'
fi
