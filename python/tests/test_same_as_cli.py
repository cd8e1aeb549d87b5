"""The package gives what the command line prints, on the same inputs."""

from __future__ import annotations

import pytest

import gloss
from conftest import ARTICLES, PAGES


def test_there_are_articles_of_every_format_to_compare():
    suffixes = {p.suffix for p in ARTICLES}
    assert {".txt", ".md", ".html"} <= suffixes, suffixes
    assert len(ARTICLES) >= 10


@pytest.fixture(scope="module")
def cli_lines(cli):
    """`gloss analyze`'s output over every article, as the lines it prints."""
    return cli("analyze", *map(str, ARTICLES), raw=True)


@pytest.fixture(scope="module")
def cli_reports(cli):
    """`gloss analyze` over every article at once (a batch writes what each file alone does)."""
    lines = cli("analyze", *map(str, ARTICLES))
    assert [line["file"] for line in lines] == list(map(str, ARTICLES))
    return dict(zip(ARTICLES, lines))


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
def test_the_report_is_the_command_lines(path, cli_reports):
    expected = cli_reports[path]
    data = path.read_bytes()
    # bytes, named as the command line names the file (its format from the extension)
    assert gloss.analyze(data, file=str(path)) == expected
    # a str is its UTF-8 bytes
    assert gloss.analyze(data.decode("utf-8"), file=str(path)) == expected
    # no file: no "file" key, the format given by name
    fmt = {".txt": "text", ".md": "markdown", ".html": "html"}[path.suffix]
    alone = dict(expected)
    del alone["file"]
    assert gloss.analyze(data, fmt) == alone
    assert gloss.analyze(data, format=fmt) == alone
    assert "file" not in gloss.analyze(data)


def test_analyze_json_is_the_command_lines_line_byte_for_byte(cli_lines):
    assert len(cli_lines) == len(ARTICLES)
    for path, line in zip(ARTICLES, cli_lines):
        assert gloss.analyze_json(path.read_bytes(), file=str(path)) == line


@pytest.mark.parametrize("path", ARTICLES[:4], ids=lambda p: p.name)
def test_without_a_name_the_format_is_guessed_as_for_standard_input(path, cli):
    data = path.read_bytes()
    [expected] = cli("analyze", "-", stdin=data)
    assert expected.pop("file") == "-"
    assert gloss.analyze(data) == expected


@pytest.mark.parametrize(
    "fields", ["text,claims", "entities", "title,metadata,diagnostics", ""]
)
def test_fields_choose_the_parts_as_on_the_command_line(fields, cli):
    path = ARTICLES[0]
    [expected] = cli("analyze", "--fields", fields, str(path))
    assert gloss.analyze(path.read_bytes(), file=str(path), fields=fields) == expected
    names = [f for f in fields.split(",") if f]
    assert gloss.analyze(path.read_bytes(), file=str(path), fields=names) == expected
    assert gloss.analyze(path.read_bytes(), file=str(path), fields=tuple(names)) == expected


def test_every_field_is_offered_and_asked_for_by_default():
    report = gloss.analyze("Bridge\n\nThe mayor, Ana Silva, said the bridge cost 4 million euros.")
    assert set(gloss.FIELDS) | {"offsetUnit", "entityNames"} == set(report)
    assert report["offsetUnit"] == "codepoint"


def test_binary_data_gives_the_command_lines_report_with_the_reason(cli, tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(bytes(range(256)) * 4)
    [expected] = cli("analyze", str(path))
    got = gloss.analyze(path.read_bytes(), file=str(path))
    assert got == expected
    assert got["diagnostics"][0]["severity"] == "error"
    assert "binary" in got["diagnostics"][0]["message"]


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_main_text_is_what_gloss_page_prints(path, cli):
    [expected] = cli("page", str(path))
    assert gloss.main_text(path.read_bytes(), file=str(path)) == expected
    alone = dict(expected)
    del alone["file"]
    assert gloss.main_text(path.read_text(encoding="utf-8")) == alone


def test_main_text_finds_the_story_and_its_metadata():
    page = next(p for p in PAGES if p.name == "quay-market.html")
    story = gloss.main_text(page.read_bytes())
    assert story["metadata"]["publisher"] == "Alder Weekly"
    assert story["metadata"]["published"].startswith("2026-03-05")
    assert "José Martínez" in story["body"]
    assert "Most read" not in story["body"]
    dropped = {b["text"] for b in story["blocks"] if b.get("dropped")}
    assert any("Privacy" in t for t in dropped)
