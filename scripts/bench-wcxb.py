#!/usr/bin/env python3
"""Main-text extraction on pages Gloss was never tuned on: WCXB (Murrough-Foley's Web
Content eXtraction Benchmark, CC BY 4.0), scored by its own evaluate.py (word F1).

    scripts/bench-wcxb.py WCXB [--split test] [--type article] [--gloss PATH]

WCXB is a checkout of the benchmark (SPLIT/html/*.html.gz, SPLIT/ground-truth/*.json,
evaluate.py). Gloss's body without the headline (`gloss page`) is scored beside
trafilatura, run in the same process on the same pages when this Python can import it. Gloss's extractor was
written and tuned on the article-extraction-benchmark's development pages only; none of
WCXB was looked at while writing it, so this is a held-out figure. Nothing of WCXB is
copied into this repository.
"""
import argparse
import gzip
import importlib.util
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("wcxb", type=Path)
    ap.add_argument("--split", default="test", choices=["dev", "test"])
    ap.add_argument("--type", default="article", help="page type, or 'all'")
    ap.add_argument("--gloss", default=None)
    args = ap.parse_args()
    root = Path(__file__).resolve().parent.parent
    gloss = args.gloss
    if gloss is None:
        subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "gloss"], cwd=root, check=True)
        gloss = str(root / "target" / "release" / "gloss")

    spec = importlib.util.spec_from_file_location("wcxb_evaluate", args.wcxb / "evaluate.py")
    ev = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(ev)

    gt = {}
    for f in sorted((args.wcxb / args.split / "ground-truth").glob("*.json")):
        d = json.loads(f.read_text())
        if args.type != "all" and ev.get_page_type(d) != args.type:
            continue
        g = d.get("ground_truth", {})
        gt[f.stem] = {
            "main_content": g.get("main_content", "") or "",
            "with": g.get("with", []) or [],
            "without": g.get("without", []) or [],
            "page_type": ev.get_page_type(d),
            "title": g.get("title", ""),
        }
    keys = sorted(gt)
    pages = {}
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for k in keys:
            html = gzip.decompress((args.wcxb / args.split / "html" / f"{k}.html.gz").read_bytes())
            pages[k] = html
            f = Path(tmp) / f"{k}.html"
            f.write_bytes(html)
            files.append(str(f))
        t0 = time.perf_counter()
        out = subprocess.run([gloss, "page", *files], capture_output=True, check=True)
        elapsed = time.perf_counter() - t0
    ours = {}
    for line in out.stdout.decode().splitlines():
        rec = json.loads(line)
        ours[Path(rec["file"]).stem] = rec["body"]
    mb = sum(map(len, pages.values())) / 1e6
    print(f"WCXB {args.split}, type {args.type}: {len(keys)} pages, {mb:.1f} MB; gloss {mb / elapsed:.0f} MB/s with process start")

    def report(name, preds):
        print(f"== {name}")
        ev.evaluate_results(gt, {k: preds.get(k, "") for k in keys})

    report("gloss", ours)
    try:
        import trafilatura
    except ImportError:
        return 0
    t0 = time.perf_counter()
    traf = {k: trafilatura.extract(h.decode("utf-8", "replace")) or "" for k, h in pages.items()}
    peer = time.perf_counter() - t0
    report(f"trafilatura {trafilatura.__version__} (run here, {mb / peer:.1f} MB/s)", traf)
    return 0


if __name__ == "__main__":
    sys.exit(main())
