"""Shared by the package's tests: the repository's article fixtures and the command line
they are compared with."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent

#: Articles written for or kept by the project: the sample, the corpus fixtures (with their
#: licences in tests/fixtures/corpus/SOURCES.md), the saved pages, and this folder's own.
ARTICLES = sorted(
    [*ROOT.glob("seeds/*.txt")]
    + [*ROOT.glob("tests/fixtures/corpus/*.txt"), *ROOT.glob("tests/fixtures/corpus/*.html")]
    + [*ROOT.glob("tests/fixtures/pages/*.html")]
    + [p for p in HERE.glob("fixtures/**/*") if p.suffix in (".md", ".txt", ".html")]
)
#: A small archive in folders, written for these tests (its SOURCES says so).
ARCHIVE = HERE / "fixtures" / "archive"
PAGES = sorted(
    [*ROOT.glob("tests/fixtures/pages/*.html"), *ROOT.glob("tests/fixtures/corpus/*.html")]
    + [p for p in HERE.glob("fixtures/**/*.html")]
)


def _cli() -> Path | None:
    """The `gloss` command line: $GLOSS_BIN, else a release or debug build in the target
    folder ($CARGO_TARGET_DIR or the repository's)."""
    if os.environ.get("GLOSS_BIN"):
        return Path(os.environ["GLOSS_BIN"])
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    for build in ("release", "debug"):
        if (target / build / "gloss").is_file():
            return target / build / "gloss"
    found = shutil.which("gloss")
    return Path(found) if found else None


@pytest.fixture(scope="session")
def cli():
    """Runs the command line."""
    exe = _cli()
    if exe is None or not exe.is_file():
        pytest.fail(
            "the command line is needed to compare with: build it "
            "(cargo build --release --bin gloss) or name it in GLOSS_BIN"
        )

    def run(*args: str, stdin: bytes | None = None, raw: bool = False) -> list:
        """The JSON lines printed, parsed (or as text with `raw`)."""
        out = subprocess.run(
            [str(exe), *args], input=stdin, capture_output=True, check=False
        )
        assert out.returncode in (0, 1), out.stderr.decode(errors="replace")
        lines = out.stdout.decode("utf-8").splitlines()
        return lines if raw else [json.loads(line) for line in lines]

    return run
