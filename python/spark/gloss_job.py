"""Gloss over an archive on Apache Spark: one report, or one article file, per input.

    spark-submit python/spark/gloss_job.py INPUT OUTPUT [--mode report|article]
        [--to jsonl|parquet] [--fields LIST] [--created TIME] [--partitions N]

INPUT is a folder of articles (its .txt, .md, .markdown, .html and .htm files, in
subfolders too, hidden ones left out, as ``gloss analyze FOLDER`` reads it) or a JSON-lines
file (or a folder of them: ``--input jsonl``) of records ``{"file": NAME, "text": ...}``
or ``{"url": URL, "html": ...}`` (``"format"`` may name the format; otherwise ``html``
means HTML, else the name's extension decides, else Gloss guesses).

OUTPUT is a folder Spark writes:

- ``--mode report --to jsonl`` (the default): each line is the line ``gloss analyze``
  prints for that input, byte for byte (``{"file", "error"}`` where it prints one);
- ``--mode article``: each input's Gloss article file, its suggestions pending, as
  ``{"file", "article"}`` (the file's text) or ``{"file", "error"}`` where the app would
  refuse it; ``unpack.py`` writes them out as a folder the app imports;
- ``--to parquet``: columns ``file``, ``report`` or ``article`` (JSON text), ``error``.

Lines are in no particular order (``file`` names each). Every executor needs the ``gloss``
wheel installed (``pip install gloss_news-*.whl``); see README, "Python on Spark".
"""

from __future__ import annotations

import argparse
import json
import os
import posixpath
import sys
from datetime import datetime, timezone
from typing import Iterable, Iterator, NamedTuple, Optional

#: What ``gloss analyze`` reads from a folder.
ARTICLE_EXTENSIONS = (".txt", ".md", ".markdown", ".html", ".htm")


class Source(NamedTuple):
    """One input: its name (as the command line names it), its content, and its format
    when the input says (None: from the name's extension, else guessed); or, for a record
    that could not be read, why not."""

    file: str
    content: object  # bytes from a folder, str from JSON lines
    format: Optional[str] = None
    problem: Optional[str] = None


class Result(NamedTuple):
    """What became of one input: the JSON text made (a report or an article file), or why
    none was, and the output line either way."""

    file: str
    made: Optional[str]
    error: Optional[str]
    line: str


def error_line(file: str, error: str) -> str:
    """The line ``gloss analyze`` prints for an input that fails (keys in name order)."""
    return json.dumps({"error": error, "file": file}, ensure_ascii=False, separators=(",", ":"))


def process(sources: Iterable[Source], mode: str, fields: Optional[str], created: str) -> Iterator[Result]:
    """Runs Gloss on each source (in a Spark partition, or anywhere else)."""
    import gloss  # on the executor

    for s in sources:
        if s.problem is not None:
            yield Result(s.file, None, s.problem, error_line(s.file, s.problem))
            continue
        try:
            if mode == "report":
                made = gloss.analyze_json(s.content, s.format, fields=fields, file=s.file)
                yield Result(s.file, made, None, made)
            else:
                made = gloss.to_article_file(s.content, s.format, file=s.file, created=created)
                line = json.dumps({"file": s.file, "article": made}, ensure_ascii=False)
                yield Result(s.file, made, None, line)
        except (ValueError, TypeError, RuntimeError) as e:
            yield Result(s.file, None, str(e), error_line(s.file, str(e)))


def _relative_name(path: str, root_uri: str, root_arg: str) -> str:
    """A file's name as ``gloss analyze ROOT`` prints it: ROOT as given, joined with the
    file's path under it (Spark lists files by URI)."""
    if path.startswith(root_uri):
        rest = path[len(root_uri):].lstrip("/")
        return posixpath.join(root_arg, rest) if root_arg else rest
    return path


def _local_uri(path: str) -> str:
    """The URI Spark lists a local path's files under (``file:/abs/path``)."""
    if "://" in path or path.startswith("file:"):
        return path.rstrip("/")
    return "file:" + os.path.abspath(path).rstrip("/")


def folder_sources(spark, folder: str, partitions: Optional[int] = None):
    """The articles of a folder, as an RDD of `Source`s."""
    root = _local_uri(folder)
    files = (
        spark.read.format("binaryFile")
        .option("recursiveFileLookup", "true")
        .load(folder)
        .select("path", "content")
    )
    arg = folder.rstrip("/") if folder not in ("/", "") else folder

    def keep(row) -> bool:
        name = row.path.lower()
        # hidden files and folders are left out (Spark already leaves out "_" and "." ones)
        rest = row.path[len(root):] if row.path.startswith(root) else row.path
        hidden = any(part.startswith(".") for part in rest.split("/") if part)
        return name.endswith(ARTICLE_EXTENSIONS) and not hidden

    rdd = files.rdd.filter(keep).map(
        lambda row: Source(_relative_name(row.path, root, arg), bytes(row.content), None)
    )
    return rdd.repartition(partitions) if partitions else rdd


def record_source(line: str, where: str) -> Source:
    """One JSON line of input as a `Source`; a line that is not a record fails in its place."""
    try:
        record = json.loads(line)
    except ValueError as e:
        return Source(where, None, problem=f"not a JSON record: {e}")
    if not isinstance(record, dict):
        return Source(where, None, problem="not a JSON record (an object)")
    name = record.get("file") or record.get("url") or record.get("id") or where
    if "html" in record:
        content, fmt = record["html"], "html"
    else:
        content, fmt = record.get("text"), None
    fmt = record.get("format", fmt)
    if not isinstance(content, str):
        return Source(str(name), None, problem='the record has no "text" or "html" string')
    return Source(str(name), content, fmt)


def jsonl_sources(spark, path: str, partitions: Optional[int] = None):
    """The records of JSON-lines input, as an RDD of `Source`s (a bad line is an input that
    fails, named ``PATH#LINE``)."""
    lines = spark.sparkContext.textFile(path, minPartitions=partitions or None)
    return lines.zipWithIndex().map(lambda li: record_source(li[0], f"{path}#{li[1] + 1}"))


_SHIPPED: set = set()


def _ship_this_module(spark) -> None:
    """Imported as a module (not run as the script), the executors need this file to find
    the functions they are sent: add it to the job once per Spark context."""
    if __name__ == "__main__":
        return
    context = spark.sparkContext
    key = (id(context), context.applicationId)
    if key not in _SHIPPED:
        context.addPyFile(os.path.abspath(__file__))
        _SHIPPED.add(key)


def run(spark, input_path: str, output: str, *, mode: str = "report", to: str = "jsonl",
        input_format: Optional[str] = None, fields: Optional[str] = None,
        created: Optional[str] = None, partitions: Optional[int] = None) -> None:
    """Reads the input, runs Gloss on every executor, writes the output folder."""
    from pyspark.sql.types import StringType, StructField, StructType

    if mode not in ("report", "article"):
        raise ValueError(f'no mode called "{mode}": use "report" or "article"')
    if to not in ("jsonl", "parquet"):
        raise ValueError(f'no output called "{to}": use "jsonl" or "parquet"')
    created = created or datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    if input_format not in (None, "folder", "jsonl"):
        raise ValueError(f'no input called "{input_format}": use "folder" or "jsonl"')
    _ship_this_module(spark)
    is_jsonl = input_format == "jsonl" or (
        input_format is None and input_path.endswith((".jsonl", ".json"))
    )
    sources = jsonl_sources(spark, input_path, partitions) if is_jsonl else folder_sources(spark, input_path, partitions)
    results = sources.mapPartitions(lambda part: process(part, mode, fields, created))
    made = "report" if mode == "report" else "article"
    schema = StructType([
        StructField("file", StringType(), False),
        StructField(made, StringType(), True),
        StructField("error", StringType(), True),
        StructField("line", StringType(), False),
    ])
    frame = spark.createDataFrame(results, schema)
    if to == "jsonl":
        frame.select("line").write.mode("overwrite").text(output)
    else:
        frame.drop("line").write.mode("overwrite").parquet(output)


def main(argv: Optional[list] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", help="a folder of articles, or JSON lines of records")
    parser.add_argument("output", help="the folder to write")
    parser.add_argument("--mode", choices=["report", "article"], default="report")
    parser.add_argument("--to", choices=["jsonl", "parquet"], default="jsonl")
    parser.add_argument("--input", dest="input_format", choices=["folder", "jsonl"],
                        help="what INPUT is (default: JSON lines when it ends in .jsonl or .json)")
    parser.add_argument("--fields", help="the report's parts, as gloss analyze --fields")
    parser.add_argument("--created", help="the article files' time (ISO 8601; default: now)")
    parser.add_argument("--partitions", type=int, help="how many partitions to spread the input over")
    args = parser.parse_args(argv)

    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName("gloss").getOrCreate()
    try:
        run(spark, args.input, args.output, mode=args.mode, to=args.to,
            input_format=args.input_format,
            fields=args.fields, created=args.created, partitions=args.partitions)
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
