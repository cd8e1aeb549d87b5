"""Writes the article files of a ``gloss_job.py --mode article`` run (JSON lines) out as a
folder of ``.gloss.json`` files, the folder Gloss imports as a library.

    python python/spark/unpack.py OUTPUT FOLDER

OUTPUT is the job's output folder (its ``part-*`` files) or one JSON-lines file. Each
article is written as ``<its file's name>.<its id>.gloss.json``, so two inputs with the same
name never overwrite each other and a run made again writes the same names. Inputs that
made no article are listed on standard error. Needs no Spark.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Iterator


def lines_of(output: Path) -> Iterator[str]:
    """The JSON lines of a job's output folder, or of one file."""
    files = sorted(output.glob("part-*")) if output.is_dir() else [output]
    for f in files:
        with f.open(encoding="utf-8") as lines:
            yield from (line for line in lines if line.strip())


def file_name(file: str, article_id: str) -> str:
    """``<stem>.<id>.gloss.json``, the stem cut to plain letters, digits and dashes."""
    stem = re.sub(r"[^\w-]+", "-", Path(file).stem).strip("-")[:60] or "article"
    return f"{stem}.{article_id}.gloss.json"


def unpack(output: Path, folder: Path) -> tuple[int, int]:
    """Writes each article file into `folder`; how many were written and how many failed."""
    folder.mkdir(parents=True, exist_ok=True)
    written = failed = 0
    for line in lines_of(output):
        record = json.loads(line)
        if "article" not in record:
            failed += 1
            print(f"unpack: {record.get('file')}: {record.get('error')}", file=sys.stderr)
            continue
        article_id = json.loads(record["article"])["article"]["id"]
        (folder / file_name(record["file"], article_id)).write_text(record["article"], encoding="utf-8")
        written += 1
    return written, failed


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    written, failed = unpack(Path(argv[0]), Path(argv[1]))
    print(f"unpack: {written} article files in {argv[1]}" + (f", {failed} inputs failed" if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
