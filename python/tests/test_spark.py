"""The Spark job in local mode gives what the command line gives, on a small archive written
for these tests (fixtures/archive) with a hidden file, a file that is no article and a
binary one added. Skipped, saying why, where pyspark or Java is missing."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import gloss
from conftest import ARCHIVE, HERE

if importlib.util.find_spec("pyspark") is None:
    pytest.skip(
        "pyspark is not installed: pip install pyspark==4.3.0 to test the Spark job",
        allow_module_level=True,
    )


def _java_works() -> bool:
    java = shutil.which("java") or (
        os.path.join(os.environ["JAVA_HOME"], "bin", "java") if os.environ.get("JAVA_HOME") else None
    )
    if not java:
        return False
    return subprocess.run([java, "-version"], capture_output=True, check=False).returncode == 0


if not _java_works():
    pytest.skip(
        "Java is missing: Spark's local mode needs Java 17 or later "
        "(apt-get install openjdk-17-jre-headless, or set JAVA_HOME)",
        allow_module_level=True,
    )

sys.path.insert(0, str(HERE.parent / "spark"))
import gloss_job  # noqa: E402
import unpack  # noqa: E402

NOW = "2026-01-02T03:04:05.000Z"


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    # the executors' Python is this one, where gloss is installed
    os.environ["PYSPARK_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("gloss-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """The archive, with what a folder also holds: a hidden file, a CSV, a binary "article"."""
    root = tmp_path_factory.mktemp("archive") / "archive"
    shutil.copytree(ARCHIVE, root)
    (root / ".draft.txt").write_text("A hidden draft.")
    (root / "2026" / "notes.csv").write_text("not,an,article")
    (root / "2026" / "scan.txt").write_bytes(bytes(range(256)) * 8)
    return root


def _jsonl_output(folder: Path) -> list[str]:
    return sorted(line for f in folder.glob("part-*") for line in f.read_text("utf-8").splitlines())


def test_reports_from_a_folder_are_the_command_lines_lines(spark, archive, tmp_path, cli):
    out = tmp_path / "reports"
    gloss_job.run(spark, str(archive), str(out))
    expected = cli("analyze", str(archive), raw=True)
    assert len(expected) == 5  # four articles and the binary one, not the hidden or the CSV
    assert _jsonl_output(out) == sorted(expected)


def test_reports_from_json_lines_are_the_command_lines(spark, archive, tmp_path, cli):
    """Records of text and of HTML, named by file or by URL, and a line that is no record."""
    files = sorted(p for p in archive.rglob("*") if p.suffix in (".txt", ".md", ".html"))
    files = [p for p in files if not p.name.startswith(".") and p.name != "scan.txt"]
    records = []
    for p in files:
        if p.suffix == ".html":
            records.append({"url": str(p), "html": p.read_text("utf-8")})
        else:
            records.append({"file": str(p), "text": p.read_text("utf-8")})
    source = tmp_path / "archive.jsonl"
    source.write_text(
        "\n".join(json.dumps(r) for r in records) + "\n[1, 2]\n", encoding="utf-8"
    )
    out = tmp_path / "reports-jsonl"
    gloss_job.run(spark, str(source), str(out), partitions=3)
    lines = [json.loads(line) for line in _jsonl_output(out)]
    by_file = {line["file"]: line for line in lines}
    assert len(by_file) == len(files) + 1
    for p, expected in zip(files, cli("analyze", *map(str, files))):
        assert by_file[str(p)] == expected
    assert "not a JSON record" in by_file[f"{source}#{len(files) + 1}"]["error"]


def test_article_files_as_parquet_are_the_packages_and_unpack_to_a_folder(spark, archive, tmp_path):
    out = tmp_path / "articles"
    gloss_job.run(spark, str(archive), str(out), mode="article", to="parquet", created=NOW)
    rows = {r.file: r for r in spark.read.parquet(str(out)).collect()}
    assert len(rows) == 5
    for name, row in rows.items():
        if name.endswith("scan.txt"):
            assert row.article is None and "binary" in row.error
            continue
        assert row.error is None
        data = (archive.parent / name).read_bytes()
        assert row.article == gloss.to_article_file(data, file=name, created=NOW)
    # as JSON lines, then a folder the app imports
    lines = tmp_path / "articles-jsonl"
    gloss_job.run(spark, str(archive), str(lines), mode="article", created=NOW)
    folder = tmp_path / "library"
    assert unpack.unpack(lines, folder) == (4, 1)
    written = sorted(folder.glob("*.gloss.json"))
    assert len(written) == 4
    for f in written:
        file = json.loads(f.read_text("utf-8"))
        assert file["format"] == "gloss.article"
        assert f.name.endswith(f".{file['article']['id']}.gloss.json")
        assert all(s["decision"] == "pending" for s in file["suggestions"])
        assert file["suggestions"], f.name


def test_the_job_runs_as_spark_submit_runs_it(archive, tmp_path):
    """The script's own command line (what spark-submit runs), in local mode."""
    out = tmp_path / "cli-out"
    env = dict(os.environ, PYSPARK_PYTHON=sys.executable)
    done = subprocess.run(
        [sys.executable, str(HERE.parent / "spark" / "gloss_job.py"), str(archive), str(out),
         "--fields", "title,claims"],
        env=env, capture_output=True, check=False, timeout=300,
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    lines = [json.loads(line) for line in _jsonl_output(out)]
    assert len(lines) == 5
    assert all(set(line) <= {"file", "title", "claims", "offsetUnit", "diagnostics", "error"} for line in lines)
