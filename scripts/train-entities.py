#!/usr/bin/env python3
"""Trains Gloss's entity model (src/core/extract/model/) on GUM and writes its weights.

    scripts/train-entities.py GUM_GIT_DIR OUT [--features-bin PATH] [--epochs N]
                              [--cv K] [--measure SPLIT:GENRES] [--parity FILE]

GUM_GIT_DIR is a git directory of the GUM repository (a bare mirror is enough); nothing
of it is copied into this repository. The model learns only from GUM's `train` split of
the genres whose texts are CC-BY (academic, court, news, interview; GUM's annotations are
CC-BY 4.0): TRAIN_GENRES below. GUM's `test` split is never read.

Gold is built by scripts/bench-entities-gum.py's own functions (imported, not copied):
GUM's named PERSON, ORG and place mentions, each a span of the text. The features are
Gloss's own: `examples/entity_features.rs` (built with `cargo build --release --example
entity_features`, or given with --features-bin) prints, for each text, each sentence's
words with their feature buckets (hashed in Rust, so the trainer and Gloss read the same
features), and the rules' mentions. Each word's gold tag is O, or B- or I- of PERSON, ORG,
PLACE (the words inside a gold span).

The model: an averaged perceptron read greedily left to right over the words Gloss scores,
each word's features plus two dense tables (the previous tag, and the previous tag with
the word's rule tag); fixed seed, fixed epochs. Weights are scaled to integers (rows in
-LEVELS..LEVELS: 47 levels decide as well as 255 and gzip 14 KB smaller) and rows all zero
are left out. OUT is the weight file (the format `Weights::parse` reads).

Decisions are Gloss's (`decide_with` in model/mod.rs, written again here in `decide`): the
model's people and organisations, with the rules' sure mentions (a lexicon's whole entry,
an acronym, a brand, an organisation by its context, a person after a title or
with a given name and a surname, groups,
places) kept where they overlap one; a place of the model's only on a rule mention's very
words; a model name over two of the rules', or one word inside one of theirs, gives way
to theirs; a rule person of two words or more stays where nothing else is over it; a
model name ends on a possessive word, drops a sentence opener the rules left out, is no
compass word alone; the document is read again (`by_document`). The epochs (6) and the place policy were
chosen on GUM train documents of the genres not learnt from (--measure), never on dev.

--cv K         also scores K-fold cross-validation over the training documents (by
               document), rules alone and rules with the model, exact and lenient F1
--measure S:G  also scores the final model on split S, genres G (e.g. train:bio,fiction:
               GUM train documents the model did not learn from)
--parity FILE  writes FILE: hand-written sentences (PARITY below) with the decisions the
               trainer makes on them, for the Rust test that Gloss decides the same
"""
import argparse
import importlib.util
import json
import random
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("bench_gum", ROOT / "scripts" / "bench-entities-gum.py")
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)

TRAIN_GENRES = ("academic", "court", "interview", "news")
SEED = 20240601
EPOCHS = 6
# Row weights run in -LEVELS..LEVELS; a row whose largest weight is below PRUNE is left out.
LEVELS = 23
PRUNE = 1
CLASSES = 7  # O, B-PERSON, I-PERSON, B-ORG, I-ORG, B-PLACE, I-PLACE
RULE_TAGS = 11
BUCKET_BITS = 16
MAGIC = b"GLNER1"
LABEL_CLASS = {"PERSON": 1, "ORG": 3, "PLACE": 5}
CLASS_LABEL = {1: "PERSON", 3: "ORG", 5: "GPE"}
PLACE = {"GPE", "LOC"}

PARITY = [
    "Clean Rivers Now said the spill had killed fish along the Wenlow.",
    "Maria Okafor of Harbour Watch met officials in Tallinburg on Friday.",
    "The report by Northfield Analytics was published in Brisbane, Australia.",
    "Dr. Ann Lee, a researcher at Greenway Labs, told reporters that Kessler Holdings had paid.",
    "President Joe Biden spoke in Washington; the United Nations replied.",
    "Emoji 😀 and Zoë Ñúñez visited São Paulo with the Société Générale team — 東京 too.",
]


def load_docs(gitdir, split, genres):
    return bench.load(gitdir, split, set(genres) if genres else None)


def read_features(docs, features_bin):
    """Gloss's reading of each document: {name: {sentences, rules}}."""
    out = {}
    texts = {d["name"]: d["text"] for d in docs}
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for d in docs:
            p = Path(tmp) / f"{d['name']}.txt"
            p.write_text(d["text"], encoding="utf-8")
            paths.append(str(p))
        for k in range(0, len(paths), 50):
            r = subprocess.run([features_bin] + paths[k:k + 50], capture_output=True, check=True)
            for line in r.stdout.decode("utf-8").splitlines():
                rec = json.loads(line)
                if not rec["same_text"]:
                    print(f"note: Gloss read {rec['name']} as another text", file=sys.stderr)
                rec["text"] = texts[rec["name"]]
                out[rec["name"]] = rec
    return out


def gold_tags(sentences, gold):
    """Each word's gold tag (words wholly inside a gold span); how many spans no word
    boundary fits."""
    spans = sorted((g["start"], g["end"], LABEL_CLASS[g["label"]]) for g in gold)
    tags = []
    k, last_k = 0, -1
    for s in sentences:
        t = []
        for tok in s:
            a, b = tok[0], tok[1]
            while k < len(spans) and spans[k][1] <= a:
                k += 1
            c = 0
            if k < len(spans) and spans[k][0] <= a and b <= spans[k][1]:
                c = spans[k][2] if k != last_k else spans[k][2] + 1
                last_k = k
            t.append(c)
        tags.append(t)
    word_starts = {tok[0] for s in sentences for tok in s}
    word_ends = {tok[1] for s in sentences for tok in s}
    misfit = sum(1 for g in gold if g["start"] not in word_starts or g["end"] not in word_ends)
    return tags, misfit


def allowed(c, prev, slot):
    if c == 0:
        return True
    if c % 2 == 1:
        return slot == 1
    return prev != 0 and (prev + 1) // 2 == c // 2


def best_allowed(scores, prev, slot):
    """The allowed class with the highest score (the first of equals), as Rust's
    `Weights::choose` picks it."""
    best, best_s = 0, None
    for c in range(CLASSES):
        if allowed(c, prev, slot) and (best_s is None or scores[c] > best_s):
            best, best_s = c, scores[c]
    return best


class Model:
    """Perceptron weights: hashed rows, transitions, previous tag with rule tag."""

    def __init__(self, dtype=np.float64):
        self.w = np.zeros((1 << BUCKET_BITS, CLASSES), dtype)
        self.trans = np.zeros((CLASSES, CLASSES), dtype)
        self.prev_rule = np.zeros((CLASSES, RULE_TAGS, CLASSES), dtype)

    def scores(self, tok, prev):
        s = self.w[tok[5]].sum(0) if tok[5] else np.zeros(CLASSES, self.w.dtype)  # tok: see read_features
        return s + self.trans[prev] + self.prev_rule[prev, min(tok[4], RULE_TAGS - 1)]

    def tag(self, sentence):
        out, prev = [], 0
        for tok in sentence:
            if tok[2] == 0:
                out.append(0)
                prev = 0
                continue
            best = best_allowed(self.scores(tok, prev), prev, tok[2])
            out.append(best)
            prev = best
        return out


def train(items, epochs=EPOCHS, seed=SEED):
    """Averaged perceptron over (sentence, gold tags), read greedily with the predicted
    previous tag."""
    m = Model()
    acc = Model()  # sum of step x update, for the average
    step = 1
    order = list(range(len(items)))
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(order)
        for i in order:
            sentence, gold = items[i]
            prev = 0
            for tok, y in zip(sentence, gold):
                if tok[2] == 0:
                    prev = 0
                    continue
                p = best_allowed(m.scores(tok, prev), prev, tok[2])
                if p != y:
                    r = min(tok[4], RULE_TAGS - 1)
                    for c, d in ((y, 1.0), (p, -1.0)):
                        for f in tok[5]:
                            m.w[f, c] += d
                            acc.w[f, c] += d * step
                        m.trans[prev, c] += d
                        acc.trans[prev, c] += d * step
                        m.prev_rule[prev, r, c] += d
                        acc.prev_rule[prev, r, c] += d * step
                prev = p
                step += 1
    avg = Model()
    avg.w = m.w - acc.w / step
    avg.trans = m.trans - acc.trans / step
    avg.prev_rule = m.prev_rule - acc.prev_rule / step
    return avg


def quantise(m, levels=LEVELS, prune=PRUNE):
    """Integer weights, one scale for all, from the largest row weight: rows in
    -levels..levels (stored as i8; fewer levels compress better), a row whose largest
    weight is below `prune` dropped; the two small dense tables as i16 (their sums run
    larger)."""
    allw = m.w.ravel()
    nz = np.abs(allw[allw != 0])
    top = nz.max() if len(nz) else 1.0
    scale = levels / top
    q = Model(np.int32)
    q.w = np.clip(np.round(m.w * scale), -levels, levels).astype(np.int32)
    q.w[np.abs(q.w).max(axis=1) < prune] = 0
    q.trans = np.clip(np.round(m.trans * scale), -32767, 32767).astype(np.int32)
    q.prev_rule = np.clip(np.round(m.prev_rule * scale), -32767, 32767).astype(np.int32)
    return q


def varint(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def write_weights(q, path):
    out = bytearray(MAGIC)
    out += bytes([BUCKET_BITS, CLASSES, RULE_TAGS])
    out += q.trans.astype("<i2").tobytes()
    out += q.prev_rule.astype("<i2").tobytes()
    rows = [f for f in range(q.w.shape[0]) if q.w[f].any()]
    out += varint(len(rows))
    last = 0
    for f in rows:
        out += varint(f - last)
        out += q.w[f].astype(np.int8).tobytes()
        last = f
    Path(path).write_bytes(bytes(out))
    return len(rows), len(out)


def decide(q, reading, sure_policy=True):
    """Gloss's decisions (model/mod.rs `decide_with`): (start, end, label) in code points."""
    model = []
    for s in reading["sentences"]:
        tags = q.tag(s)
        i = 0
        while i < len(s):
            c = tags[i]
            if c % 2 == 0:
                i += 1
                continue
            j = i + 1
            while j < len(s) and tags[j] == c + 1:
                j += 1
            nxt = j
            # a possessive word ends the name unless the rules read on over it
            for k in range(i, j - 1):
                if s[k][7] and not (s[k + 1][4] > 0 and s[k + 1][4] % 2 == 0):
                    j = k + 1
                    break
            start = i
            # a sentence's first word the rules left out of the name after it
            if j - i >= 2 and s[i][8] and s[i][4] == 0 and s[i + 1][4] % 2 == 1:
                start = i + 1
            last = j - 1
            while last > start and s[last][3]:
                last -= 1
            # a name ending on an event's head word ("... Act") is none; a compass word alone
            if s[last][6] or (last == start and s[start][9]):
                i = nxt
                continue
            model.append([s[start][0], s[last][1], CLASS_LABEL[c]])
            i = nxt
    rules = reading["rules"]
    out = [[r[0], r[1], r[2]] for r in rules if r[3] and sure_policy]
    for m in model:
        keep, same, covered = True, False, []
        for r in rules:
            if r[0] < m[1] and m[0] < r[1]:
                covered.append(r)
                if r[3] and sure_policy:
                    keep = False
                if (r[0], r[1]) == (m[0], m[1]) and r[2] in ("GPE", "LOC"):
                    same = True
                    if m[2] == "GPE" and r[2] == "LOC":
                        m[2] = "LOC"
        if len(covered) >= 2:  # two rule names run together: theirs stand
            out.extend([r[0], r[1], r[2]] for r in covered)
            continue
        inside = [r for r in covered if r[0] <= m[0] and m[1] <= r[1] and (r[0], r[1]) != (m[0], m[1])]
        if inside and len(covered) == 1:  # one word inside a longer rule name: theirs stands
            if keep and inside[0][2] != "NORP":
                out.append([inside[0][0], inside[0][1], inside[0][2]])
            continue
        if keep and (same or m[2] != "GPE"):
            out.append(m)
    out.sort(key=lambda m: (m[0], m[1]))
    kept = []
    for r in rules:  # a rule person of several words stays where nothing is over it
        if r[2] == "PERSON" and r[4] and not any(o[0] < r[1] and r[0] < o[1] for o in out):
            kept.append([r[0], r[1], r[2]])
    out = sorted(out + kept, key=lambda m: (m[0], m[1]))
    dedup = []
    for m in out:
        if dedup and dedup[-1][0] < m[1] and m[0] < dedup[-1][1]:
            continue
        dedup.append(m)
    return by_document(reading["text"], rules, dedup, sure_policy)


# lexicon/words.rs CORP_SUFFIXES
CORP_SUFFIXES = set("Corp Inc Ltd Plc PLC AG SA NV LLC LLP GmbH Bros Limited Incorporated".split())


def after_the(text, start, end):
    """model/decide.rs `after_the`: a name right after "the", or beginning with it, is no
    person's."""
    if text[start:end].startswith("The "):
        return True
    before = text[:start]
    for art in ("the ", "The "):
        if before.endswith(art):
            rest = before[:-len(art)]
            return not (rest and rest[-1].isalnum())
    return False


def by_document(text, rules, out, sure_policy=True):
    """model/decide.rs `by_document`: rule mentions back where the document names them so
    elsewhere; a one-word model person whose word elsewhere only begins longer names goes."""
    def words(m):
        return text[m[0]:m[1]].split()
    named = {(text[m[0]:m[1]], m[2]) for m in out}
    surnames, ends, begins = set(), set(), set()
    for m in out + [r[:3] for r in rules]:
        w = words(m)
        if not w:
            continue
        if len(w) >= 2:
            begins.add(w[0])
            ends.add(w[-1])
            if m[2] == "PERSON":
                surnames.add(w[-1])
    for r in rules:  # a person of one word counts only when the rules found it so
        if r[2] == "PERSON" and len(words(r)) == 1:
            ends.add(words(r)[0])
    rule_people = {(r[0], r[1]) for r in rules if r[2] == "PERSON"}
    kept = []
    for m in out:
        s = text[m[0]:m[1]]
        if s in CORP_SUFFIXES:
            # model/decide.rs: a legal form alone is no name
            continue
        if m[2] == "PERSON" and after_the(text, m[0], m[1]):
            continue
        if m[2] == "PERSON" and (m[0], m[1]) not in rule_people and not any(ch.isspace() for ch in s):
            if s in begins and s not in ends:
                continue
        kept.append(m)
    back = []
    for r in rules:
        if r[3] and sure_policy:
            continue
        if any(k[0] < r[1] and r[0] < k[1] for k in kept):
            continue
        s = text[r[0]:r[1]]
        if r[2] == "PERSON" and after_the(text, r[0], r[1]):
            continue
        if (s, r[2]) in named or (r[2] == "PERSON" and not any(ch.isspace() for ch in s) and s in surnames):
            back.append([r[0], r[1], r[2]])
    out = sorted(kept + back, key=lambda m: (m[0], m[1]))
    dedup = []
    for m in out:
        if dedup and dedup[-1][0] < m[1] and m[0] < dedup[-1][1]:
            continue
        dedup.append(m)
    return dedup


def as_preds(text, mentions):
    preds = []
    for a, b, label in mentions:
        label = "PLACE" if label in PLACE else label
        if label in bench.CLASSES:
            a, b = bench.trim(text, a, b)
            preds.append({"start": a, "end": b, "label": label, "raw": label})
    return preds


def score(docs, preds):
    tot, _ = bench.evaluate(docs, preds)
    e = bench.prf(tot["exact"], tot["pred"], tot["gold"])[2]
    l = bench.prf(tot["lenient"], tot["pred"], tot["gold"])[2]
    return e, l


def items_of(docs, readings):
    items, misfit = [], 0
    for d in docs:
        r = readings[d["name"]]
        tags, mf = gold_tags(r["sentences"], d["gold"])
        misfit += mf
        for s, t in zip(r["sentences"], tags):
            if any(tok[2] for tok in s):
                items.append((s, t))
    return items, misfit


def report(name, docs, readings, q):
    rules = {d["name"]: as_preds(d["text"], [r[:3] for r in readings[d["name"]]["rules"]]) for d in docs}
    both = {d["name"]: as_preds(d["text"], decide(q, readings[d["name"]])) for d in docs}
    alone = {d["name"]: as_preds(d["text"], decide(q, readings[d["name"]], False)) for d in docs}
    for what, p in (("rules", rules), ("rules+model", both), ("model, no sure", alone)):
        e, l = score(docs, p)
        print(f"{name:<28} {what:<16} exact F1 {e:.3f}  lenient F1 {l:.3f}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gum", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--features-bin", default=None)
    ap.add_argument("--epochs", type=int, default=EPOCHS)
    ap.add_argument("--cv", type=int, default=0)
    ap.add_argument("--measure", action="append", default=[])
    ap.add_argument("--parity", type=Path, default=None)
    ap.add_argument("--levels", type=int, default=LEVELS)
    ap.add_argument("--prune", type=int, default=PRUNE)
    args = ap.parse_args()
    fb = args.features_bin
    if fb is None:
        subprocess.run(["cargo", "build", "--release", "--quiet", "--example", "entity_features"],
                       cwd=ROOT, check=True)
        import os
        target = os.environ.get("CARGO_TARGET_DIR", str(ROOT / "target"))
        fb = str(Path(target) / "release" / "examples" / "entity_features")

    docs = load_docs(args.gum, "train", TRAIN_GENRES)
    readings = read_features(docs, fb)
    items, misfit = items_of(docs, readings)
    print(f"train: {len(docs)} documents, {len(items)} sentences with names to score, "
          f"{sum(len(d['gold']) for d in docs)} gold names ({misfit} not on word boundaries)")

    if args.cv:
        rules_p, model_p, alone_p = {}, {}, {}
        for k in range(args.cv):
            held = [d for i, d in enumerate(docs) if i % args.cv == k]
            kept = [d for i, d in enumerate(docs) if i % args.cv != k]
            q = quantise(train(items_of(kept, readings)[0], args.epochs), args.levels, args.prune)
            for d in held:
                r = readings[d["name"]]
                rules_p[d["name"]] = as_preds(d["text"], [x[:3] for x in r["rules"]])
                model_p[d["name"]] = as_preds(d["text"], decide(q, r))
                alone_p[d["name"]] = as_preds(d["text"], decide(q, r, False))
        for what, p in (("rules", rules_p), ("rules+model", model_p), ("model, no sure", alone_p)):
            e, l = score(docs, p)
            print(f"cv{args.cv} train {','.join(TRAIN_GENRES):<20} {what:<16} exact F1 {e:.3f}  lenient F1 {l:.3f}")

    q = quantise(train(items, args.epochs), args.levels, args.prune)
    rows, size = write_weights(q, args.out)
    print(f"wrote {args.out}: {rows} rows, {size} bytes")

    for spec in args.measure:
        split, _, genres = spec.partition(":")
        if split == "test":
            sys.exit("the test split is the evaluation: not measured here")
        mdocs = load_docs(args.gum, split, None if genres in ("", "all") else genres.split(","))
        report(f"{split} {genres}", mdocs, read_features(mdocs, fb), q)

    if args.parity:
        with tempfile.TemporaryDirectory() as tmp:
            pdocs = [{"name": f"p{i}", "text": t} for i, t in enumerate(PARITY)]
            rd = read_features(pdocs, fb)
            lines = []
            for d in pdocs:
                text = d["text"]
                ms = decide(q, rd[d["name"]])
                byte = lambda i: len(text[:i].encode("utf-8"))
                lines.append(text + "\t" + " ".join(f"{byte(a)}:{byte(b)}:{lab}" for a, b, lab in ms))
        args.parity.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {args.parity}")


if __name__ == "__main__":
    main()
