"""Bad input raises ValueError (or TypeError for the wrong type) with Gloss's own words, and
nothing panics across the boundary."""

from __future__ import annotations

import pytest

import gloss

TEXT = "Bridge\n\nThe mayor, Ana Silva, said the bridge cost 4 million euros."
BINARY = bytes(range(256)) * 4


@pytest.mark.parametrize("call", [gloss.analyze, gloss.analyze_json, gloss.to_article_file])
def test_an_unknown_format_is_named(call):
    with pytest.raises(ValueError, match='no format called "pdf"'):
        call(TEXT, "pdf")


def test_an_unknown_field_is_named_as_on_the_command_line():
    with pytest.raises(ValueError, match='no field called "colour"'):
        gloss.analyze(TEXT, fields="text,colour")
    with pytest.raises(ValueError, match='no field called "colour"'):
        gloss.analyze(TEXT, fields=["text", "colour"])
    with pytest.raises(TypeError):
        gloss.analyze(TEXT, fields=["text", 3])


@pytest.mark.parametrize(
    "call", [gloss.analyze, gloss.analyze_json, gloss.main_text, gloss.to_article_file]
)
@pytest.mark.parametrize("source", [None, 3, ["a"], {"text": "a"}])
def test_a_source_that_is_not_text_is_a_type_error(call, source):
    with pytest.raises(TypeError, match="str or bytes"):
        call(source)


def test_text_that_is_not_unicode_is_a_value_error():
    # a lone surrogate cannot be written as UTF-8 (UnicodeEncodeError is a ValueError)
    with pytest.raises(ValueError):
        gloss.analyze("half a pair: \ud800")


def test_bytearray_and_bytes_read_alike():
    assert gloss.analyze(bytearray(TEXT.encode())) == gloss.analyze(TEXT.encode())


def test_binary_data_makes_no_article_file_in_the_apps_words():
    with pytest.raises(ValueError, match="looks like a binary file"):
        gloss.to_article_file(BINARY)


@pytest.mark.parametrize("empty", ["", "   \n\n  ", b"", "<html><body></body></html>"])
def test_an_empty_article_makes_no_article_file(empty):
    with pytest.raises(ValueError, match="no text"):
        gloss.to_article_file(empty)


@pytest.mark.parametrize("created", ["yesterday", "2026-02-30T10:00:00Z", "2026-03-05", ""])
def test_a_time_that_is_not_iso_8601_is_refused(created):
    with pytest.raises(ValueError, match="ISO 8601"):
        gloss.to_article_file(TEXT, created=created)


def test_an_empty_id_is_refused():
    with pytest.raises(ValueError, match="id is empty"):
        gloss.to_article_file(TEXT, id=" ")


def test_a_panic_in_the_core_is_a_runtime_error_and_the_interpreter_goes_on():
    with pytest.raises(RuntimeError, match="internal error.*on purpose"):
        gloss._gloss._panic_for_tests()
    # a RuntimeError, so `except Exception` catches it (pyo3's PanicException would not)
    try:
        gloss._gloss._panic_for_tests()
    except Exception as e:  # noqa: BLE001
        assert type(e) is RuntimeError
    assert gloss.analyze(TEXT)["title"] == "Bridge"
