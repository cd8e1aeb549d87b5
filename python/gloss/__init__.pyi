"""Type stubs for ``gloss`` (the functions live in the native module ``gloss._gloss``)."""

from typing import Any, Iterable, Literal, Optional, Union

__version__: str
#: The parts of a report ``analyze`` can be asked for, in order.
FIELDS: list[str]

Format = Literal["text", "markdown", "html"]
Source = Union[str, bytes, bytearray]

def analyze(
    source: Source,
    format: Optional[Format] = None,
    *,
    fields: Optional[Union[str, Iterable[str]]] = None,
    file: Optional[str] = None,
) -> dict[str, Any]:
    """The report ``gloss analyze`` prints for an article, as a dict.

    Raises ``ValueError`` for an unknown format or field, ``TypeError`` for a source that
    is neither ``str`` nor ``bytes``.
    """

def analyze_json(
    source: Source,
    format: Optional[Format] = None,
    *,
    fields: Optional[Union[str, Iterable[str]]] = None,
    file: Optional[str] = None,
) -> str:
    """The report ``gloss analyze`` prints, as the very JSON line it prints (no newline)."""

def main_text(html: Source, *, file: Optional[str] = None) -> dict[str, Any]:
    """A web page's story and metadata (``metadata``, ``body``, ``blocks``), as
    ``gloss page`` prints them."""

def to_article_file(
    source: Source,
    format: Optional[Format] = None,
    *,
    file: Optional[str] = None,
    created: Optional[str] = None,
    id: Optional[str] = None,
) -> str:
    """A Gloss article file (JSON text) that the app imports with its suggestions ready.

    Raises ``ValueError`` where the app would refuse the article (binary data, no text),
    and for a ``created`` that is not ISO 8601 or an empty ``id``.
    """

def batch_id(
    source: Source, format: Optional[Format] = None, file: Optional[str] = None
) -> str:
    """The id ``to_article_file`` gives the article made from ``source`` by default."""
