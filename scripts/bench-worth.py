#!/usr/bin/env python3
"""How well Gloss's check-worthiness ranks sentences the way fact-checkers did, beside
trivial baselines; and how its scores spread over articles.

    scripts/bench-worth.py DATA [--split train|test] [--gloss PATH] [--errors N]
    scripts/bench-worth.py --articles FILE... [--gloss PATH]

DATA is one of (nothing of either is copied into this repository):
- CLEF2019-CheckThat! Task 1 (Atanasova et al. 2019; "free for general research use"):
  the repository's `data` folder, with `training/*.tsv` (--split train) and
  `test_annotated/*.tsv` (--split test); each line `line<TAB>speaker<TAB>text<TAB>label`,
  label 1 for a sentence the fact-checkers chose. One debate or speech a file.
  github.com/apepa/clef2019-factchecking-task1 (also telsayed/…).
- ClaimBuster (Arslan et al. 2020, CC BY 4.0): a folder with `train.json` and `test.json`
  (`[{text, label}]`, label 1 for a check-worthy factual sentence, as in
  utaresearch/claimbuster-spotter `data/two_class`), or Zenodo's `crowdsourced.csv`
  (--split train) and `groundtruth.csv` (--split test), Verdict 1 counted as positive.
`train` is for development; `test` is held out: score it once, never study or tune on it.

Each sentence is written as its own paragraph of a text file (one file per debate, or per
500 sentences for ClaimBuster, whose sentences stand alone) and `gloss scores` scores every
claim found in it; a line's score is its best claim's. Entities and attributions are
found as in an article.

Figures (positives are the labelled sentences):
- AP: average precision of the ranking of all sentences pooled; ties keep data order.
- MAP: for CLEF, the mean over debates of each debate's AP (the task's main measure).
- AUC: ROC area, ties counted half (no tie-breaking luck).
- P@k: precision of the k best-scored sentences, pooled (and per debate for CLEF).
- Distinct: how many different scores are given (a score that ties everything ranks
  nothing).
Baselines: `words` (more words, higher), `digit` (has a digit, then more words), `random`
(a fixed seed).

--articles prints, for each file and all together, the distribution of Gloss's scores over
every claim found and over those suggested (attributed, or factual at or above 0.4).
"""

import argparse
import csv
import glob
import json
import os
import random
import subprocess
import sys
import tempfile
from collections import Counter


def load(data, split):
    """[(group, text, label)] of the split."""
    rows = []
    tsv_dir = os.path.join(data, "training" if split == "train" else "test_annotated")
    if os.path.isdir(tsv_dir):
        for path in sorted(glob.glob(os.path.join(tsv_dir, "*.tsv"))):
            name = os.path.basename(path)
            with open(path, encoding="utf-8") as f:
                for line in f:
                    parts = line.rstrip("\n").split("\t")
                    if len(parts) < 4:
                        continue
                    rows.append((name, parts[2], int(parts[3])))
        return "clef", rows
    js = os.path.join(data, f"{split}.json")
    if os.path.exists(js):
        for i, x in enumerate(json.load(open(js, encoding="utf-8"))):
            rows.append((f"part{i // 500:03d}", x["text"], int(x["label"] == 1)))
        return "claimbuster", rows
    name = "crowdsourced.csv" if split == "train" else "groundtruth.csv"
    path = os.path.join(data, name)
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for i, r in enumerate(csv.DictReader(f)):
                rows.append((f"part{i // 500:03d}", r["Text"], int(int(r["Verdict"]) == 1)))
        return "claimbuster", rows
    sys.exit(f"no {split} split found in {data}")


def clean(text):
    return " ".join(text.split())


def gloss_scores(gloss, texts, tmp):
    """Gloss's score of each text, one paragraph each, in one document."""
    path = os.path.join(tmp, "doc.txt")
    keep = [clean(t) for t in texts]
    with open(path, "w", encoding="utf-8") as f:
        f.write("Sentences\n\n" + "\n\n".join(k if k else "." for k in keep) + "\n")
    out = subprocess.run([gloss, "scores", path], capture_output=True, check=True)
    best = [0.0] * len(texts)
    reasons = [[] for _ in texts]
    seen = set()
    for line in out.stdout.decode().splitlines():
        c = json.loads(line)
        i = c["block"] - 1
        if i < 0:
            continue
        seen.add(i)
        if c["score"] >= best[i]:
            best[i] = c["score"]
            reasons[i] = c["reasons"]
    # every paragraph has a sentence, and every sentence a claim: each line is seen
    if seen != set(range(len(texts))):
        sys.exit(f"paragraphs did not map to the {len(texts)} lines ({len(seen)} seen)")
    return best, reasons


def rank(scores):
    """Indices best first; ties keep data order."""
    return sorted(range(len(scores)), key=lambda i: -scores[i])


def ap(scores, labels):
    hits, total = 0, 0.0
    for k, i in enumerate(rank(scores), 1):
        if labels[i]:
            hits += 1
            total += hits / k
    return total / hits if hits else 0.0


def p_at(scores, labels, k):
    top = rank(scores)[:k]
    return sum(labels[i] for i in top) / max(1, len(top))


def auc(scores, labels):
    pos = [s for s, l in zip(scores, labels) if l]
    neg = sorted(s for s, l in zip(scores, labels) if not l)
    if not pos or not neg:
        return 0.0
    import bisect
    total = 0.0
    for s in pos:
        lo = bisect.bisect_left(neg, s)
        hi = bisect.bisect_right(neg, s)
        total += lo + 0.5 * (hi - lo)
    return total / (len(pos) * len(neg))


def report(name, scores, labels, groups, kind):
    line = f"{name:8} AP {ap(scores, labels):.3f}  AUC {auc(scores, labels):.3f}"
    for k in (10, 50, 100):
        line += f"  P@{k} {p_at(scores, labels, k):.2f}"
    if kind == "clef":
        by = {}
        for s, l, g in zip(scores, labels, groups):
            by.setdefault(g, ([], []))
            by[g][0].append(s)
            by[g][1].append(l)
        m = [ap(s, l) for s, l in by.values()]
        p10 = [p_at(s, l, 10) for s, l in by.values()]
        line += f"  | per debate: MAP {sum(m) / len(m):.3f}  P@10 {sum(p10) / len(p10):.2f}"
    line += f"  distinct {len(set(scores))}"
    print(line)


def histogram(scores, label):
    bins = Counter(min(9, int(s * 10)) for s in scores)
    n = len(scores) or 1
    cells = " ".join(f"{b / 10:.1f}:{bins.get(b, 0) * 100 / n:3.0f}%" for b in range(10))
    mean = sum(scores) / n
    sd = (sum((s - mean) ** 2 for s in scores) / n) ** 0.5
    top = Counter(scores).most_common(1)
    mode = f"{top[0][0]:.2f} x{top[0][1]}" if top else "-"
    print(f"  {label:10} n={len(scores):4}  mean {mean:.2f}  sd {sd:.2f}  distinct "
          f"{len(set(scores)):3}  most common {mode}\n    {cells}")


def articles(gloss, files):
    every, suggested = [], []
    for path in files:
        out = subprocess.run([gloss, "scores", path], capture_output=True, check=True)
        lines = [json.loads(x) for x in out.stdout.decode().splitlines()]
        a = [c["score"] for c in lines]
        s = [c["score"] for c in lines if c["suggested"]]
        every += a
        suggested += s
        print(f"{os.path.basename(path)}: {len(s)} suggested of {len(a)} claims "
              f"({sum(1 for c in lines if c['suggested'] and not c['attributed'])} factual)")
        histogram(s, "suggested")
    print("all together:")
    histogram(every, "every")
    histogram(suggested, "suggested")


def main():
    ap_ = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap_.add_argument("data", nargs="?")
    ap_.add_argument("--split", default="train", choices=["train", "test"])
    ap_.add_argument("--gloss", default=os.path.join(
        os.environ.get("CARGO_TARGET_DIR", "target"), "release", "gloss"))
    ap_.add_argument("--articles", nargs="+")
    ap_.add_argument("--errors", type=int, default=0,
                     help="print the N best-scored negatives and worst-scored positives")
    a = ap_.parse_args()
    if a.articles:
        articles(a.gloss, a.articles)
        return
    if not a.data:
        ap_.error("DATA or --articles is needed")
    kind, rows = load(a.data, a.split)
    groups = [g for g, _, _ in rows]
    texts = [t for _, t, _ in rows]
    labels = [l for _, _, l in rows]
    print(f"{kind} {a.split}: {len(rows)} sentences, {sum(labels)} positive, "
          f"{len(set(groups))} {'debates' if kind == 'clef' else 'parts'}")
    scores, reasons = [], []
    with tempfile.TemporaryDirectory() as tmp:
        order = []
        for g in sorted(set(groups), key=groups.index):
            idx = [i for i, x in enumerate(groups) if x == g]
            s, r = gloss_scores(a.gloss, [texts[i] for i in idx], tmp)
            order += list(zip(idx, s, r))
    order.sort()
    scores = [s for _, s, _ in order]
    reasons = [r for _, _, r in order]
    words = [len(t.split()) for t in texts]
    digit = [(any(c.isdigit() for c in t), len(t.split())) for t in texts]
    digit = [d * 1000 + w for d, w in digit]
    rnd = random.Random(7)
    report("gloss", scores, labels, groups, kind)
    report("words", words, labels, groups, kind)
    report("digit", digit, labels, groups, kind)
    report("random", [rnd.random() for _ in texts], labels, groups, kind)
    histogram(scores, "gloss")
    pos = [s for s, l in zip(scores, labels) if l]
    neg = [s for s, l in zip(scores, labels) if not l]
    print(f"  mean score: positives {sum(pos) / max(1, len(pos)):.2f}, "
          f"negatives {sum(neg) / max(1, len(neg)):.2f}")
    # how often each reason comes with a positive, to see what helps (train only)
    if a.split == "train":
        seen = Counter()
        good = Counter()
        for r, l in zip(reasons, labels):
            for x in r:
                seen[x] += 1
                good[x] += l
        base = sum(labels) / len(labels)
        print(f"  reasons (share positive; all {base:.3f}):")
        for x, n in seen.most_common():
            print(f"    {x:30} {n:6}  {good[x] / n:.3f}")
    if a.errors and a.split == "train":
        r = rank(scores)
        print("best-scored negatives:")
        for i in [i for i in r if not labels[i]][: a.errors]:
            print(f"  {scores[i]:.2f} {reasons[i]} {texts[i][:150]}")
        print("worst-scored positives:")
        for i in [i for i in reversed(r) if labels[i]][: a.errors]:
            print(f"  {scores[i]:.2f} {reasons[i]} {texts[i][:150]}")


if __name__ == "__main__":
    main()
