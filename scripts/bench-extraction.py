#!/usr/bin/env python3
"""Main-text extraction against the article-extraction-benchmark (scrapinghub, MIT).

    scripts/bench-extraction.py BENCH [--split dev|eval|all] [--gloss PATH] [--keep DIR]

BENCH is a checkout of the benchmark (html/*.html.gz, ground-truth.json, evaluate.py,
output/*.json). Gloss reads each page (`gloss page`), its body without the headline is
scored by the benchmark's own evaluate.py, and the recorded outputs of Readability.js,
trafilatura and rs_trafilatura are scored on the same pages beside it. Nothing of the
benchmark is copied into this repository.

Splits (issue 9): dev = the 65 pages whose file name starts with 0-5 (develop on these);
eval = the other 116 (held out: run only to report, never to tune).
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

PEERS = ["readability_js", "trafilatura", "rs_trafilatura"]


def in_split(key, split):
    dev = key[:1] in "012345"
    return split == "all" or (split == "dev") == dev


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("bench", type=Path)
    ap.add_argument("--split", default="dev", choices=["dev", "eval", "all"])
    ap.add_argument("--gloss", default=None, help="the gloss binary (default: cargo build --release)")
    ap.add_argument("--keep", type=Path, help="write Gloss's output per page here, to study mistakes")
    ap.add_argument("--n-bootstrap", type=int, default=1000)
    ap.add_argument("--peer-speed", action="store_true",
                    help="also time trafilatura (if this Python can import it) on the same pages")
    args = ap.parse_args()
    root = Path(__file__).resolve().parent.parent
    gloss = args.gloss
    if gloss is None:
        subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "gloss"], cwd=root, check=True)
        gloss = str(root / "target" / "release" / "gloss")

    spec = importlib.util.spec_from_file_location("evaluate", args.bench / "evaluate.py")
    ev = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(ev)

    truth_all = json.loads((args.bench / "ground-truth.json").read_text())
    keys = sorted(k for k in truth_all if in_split(k, args.split))
    truth = {k: truth_all[k] for k in keys}

    ours = {}
    total_bytes = 0
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for k in keys:
            html = gzip.decompress((args.bench / "html" / f"{k}.html.gz").read_bytes())
            total_bytes += len(html)
            f = Path(tmp) / f"{k}.html"
            f.write_bytes(html)
            files.append(f)
        t0 = time.perf_counter()
        out = subprocess.run([gloss, "page", *map(str, files)], capture_output=True, check=True)
        elapsed = time.perf_counter() - t0
        for line in out.stdout.decode().splitlines():
            rec = json.loads(line)
            k = Path(rec["file"]).name[: -len(".html")]
            ours[k] = {"articleBody": rec["body"]}
            if args.keep:
                args.keep.mkdir(parents=True, exist_ok=True)
                (args.keep / f"{k}.json").write_text(json.dumps(rec, ensure_ascii=False, indent=1))

    print(f"{args.split} split: {len(keys)} pages, {total_bytes / 1e6:.1f} MB of HTML; "
          f"gloss page took {elapsed:.2f} s with process start ({total_bytes / 1e6 / elapsed:.0f} MB/s)")
    if args.peer_speed:
        try:
            import trafilatura
        except ImportError:
            print("trafilatura is not importable here: no peer speed")
        else:
            pages = [gzip.decompress((args.bench / "html" / f"{k}.html.gz").read_bytes()).decode("utf-8", "replace")
                     for k in keys]
            t0 = time.perf_counter()
            for html in pages:
                trafilatura.extract(html)
            peer = time.perf_counter() - t0
            print(f"trafilatura {trafilatura.__version__} in-process: {peer:.2f} s ({total_bytes / 1e6 / peer:.1f} MB/s); "
                  f"gloss is {peer / elapsed:.1f}x faster")
    print(f"{'':<16} {'F1':<13}  {'precision':<13}  {'recall':<13}")
    rows = [("gloss", ours)]
    for peer in PEERS:
        pred, _ = ev.load_prediction(args.bench / "output" / f"{peer}.json")
        rows.append((peer, {k: pred.get(k, {"articleBody": ""}) for k in keys}))
    for name, pred in rows:
        m = ev.evaluate(truth, pred, args.n_bootstrap)
        print(f"{name:<16} {m['f1']:.3f} ± {m['f1_std']:.3f}  {m['precision']:.3f} ± {m['precision_std']:.3f}  "
              f"{m['recall']:.3f} ± {m['recall_std']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
