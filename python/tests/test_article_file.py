"""`to_article_file`: an article file the app imports, with the report's claims as its
suggestions, each pending."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest

import gloss
from conftest import ARTICLES, ROOT

NOW = "2026-01-02T03:04:05.000Z"


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
def test_the_file_holds_the_article_and_the_reports_claims_pending(path):
    data = path.read_bytes()
    report = gloss.analyze(data, file=path.name)
    file = json.loads(gloss.to_article_file(data, file=path.name, created=NOW))
    assert (file["format"], file["version"], file["offsetUnit"]) == (
        "gloss.article",
        6,
        "codepoint",
    )
    article = file["article"]
    assert article["text"] == report["text"]
    assert article["sourceFormat"] == report["format"]
    assert article["sourceName"] == path.name
    assert article["created"] == article["modified"] == file["exported"] == NOW
    assert article["id"] == gloss.batch_id(data, file=path.name)
    assert article.get("metadata", {}) == report["metadata"]
    # the report's paragraphs are the file's blocks but the title
    blocks = [b for b in article["blocks"] if b["kind"] != "title"]
    assert [(b["kind"], b["start"], b["end"]) for b in blocks] == [
        (p["kind"], p["start"], p["end"]) for p in report["paragraphs"]
    ]
    # a suggestion for each claim of the report, on its sentence, none decided yet
    assert [(s["start"], s["end"]) for s in file["suggestions"]] == [
        (c["start"], c["end"]) for c in report["claims"]
    ]
    assert all(s["decision"] == "pending" for s in file["suggestions"])
    assert file["annotations"] == []
    if report["format"] == "html":
        # the whole page, so that a dropped block can be brought back in the app
        assert len(article["page"]) >= len(article["blocks"])


def test_the_same_input_gives_the_same_file():
    path = ARTICLES[0]
    a = gloss.to_article_file(path.read_bytes(), file=path.name, created=NOW)
    assert a == gloss.to_article_file(path.read_bytes(), file=path.name, created=NOW)
    b = gloss.to_article_file(path.read_bytes(), file="other.txt", created=NOW)
    assert json.loads(a)["article"]["id"] != json.loads(b)["article"]["id"]
    c = gloss.to_article_file(path.read_bytes(), created=NOW, id="my-id")
    assert json.loads(c)["article"]["id"] == "my-id"


def test_the_time_is_now_when_none_is_given():
    before = datetime.now(timezone.utc) - timedelta(seconds=2)
    file = json.loads(gloss.to_article_file("A headline\n\nThe minister said it rained."))
    made = datetime.strptime(file["article"]["created"], "%Y-%m-%dT%H:%M:%S.%fZ")
    made = made.replace(tzinfo=timezone.utc)
    assert before <= made <= datetime.now(timezone.utc) + timedelta(seconds=2)


def test_the_file_fits_the_article_file_schema():
    """The schema's required fields and enumerations (the app's importer is tested in Rust:
    core::article_file)."""
    schema = json.loads((ROOT / "schema/gloss-article.schema.json").read_text())
    path = next(p for p in ARTICLES if p.suffix == ".html")
    file = json.loads(gloss.to_article_file(path.read_bytes(), file=path.name, created=NOW))
    for key in schema["required"]:
        assert key in file, key
    article_schema = schema["properties"]["article"]
    for key in article_schema["required"]:
        assert key in file["article"], key
    assert file["article"]["sourceFormat"] in article_schema["properties"]["sourceFormat"]["enum"]
