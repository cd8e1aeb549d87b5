"""Gloss's claim and entity extraction for news articles, from the same Rust core as the app.

- ``analyze(source, format=None, *, fields=None, file=None) -> dict``: the report
  ``gloss analyze`` prints (text, paragraphs, sentences, entities, suggested claims with
  their check-worthiness, metadata), offsets in code points (``str`` indices);
  ``analyze_json`` gives the same as the JSON text the command line prints, for JSON lines;
- ``main_text(html, *, file=None) -> dict``: a web page's story and metadata, as
  ``gloss page`` prints them;
- ``to_article_file(source, format=None, *, file=None, created=None, id=None) -> str``: a
  Gloss article file that the app imports with its suggested claims ready to decide.

Bad input raises ``ValueError`` with Gloss's own words. The work runs without the GIL, so
threads analyse articles side by side.
"""

from ._gloss import (
    FIELDS,
    __version__,
    analyze,
    analyze_json,
    batch_id,
    main_text,
    to_article_file,
)

__all__ = [
    "FIELDS",
    "__version__",
    "analyze",
    "analyze_json",
    "batch_id",
    "main_text",
    "to_article_file",
]
