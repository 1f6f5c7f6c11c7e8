"""Readers turn a file into a :class:`~zonekg.loaders.document.SourceDocument`.

:func:`read_document` dispatches on the file suffix (see :data:`SUPPORTED_SUFFIXES`) and
raises :class:`~zonekg.loaders.document.UnreadableDocument` — never anything else — for a file
it cannot read, with a human reason.

Modules: ``encoding`` (bytes → str), ``chrome`` (page chrome and metadata lines), ``lines``
(wrap joining), ``tables`` (text tables), ``assemble`` (the shared pipeline), and one reader
per format: ``text`` (.txt/.md), ``html``, ``docx``, ``pdf``.
"""
from __future__ import annotations

from pathlib import Path
from collections.abc import Callable

from zonekg.graph.errors import TooLarge
from zonekg.loaders.document import SourceDocument, UnreadableDocument
from zonekg.loaders.limits import DEFAULT_LIMITS, DocumentLimits

SUPPORTED_SUFFIXES = frozenset({".txt", ".md", ".html", ".htm", ".docx", ".pdf"})


Reader = Callable[[Path, DocumentLimits], SourceDocument]


def _reader(suffix: str) -> Reader:
    if suffix == ".txt":
        from zonekg.loaders.readers.text import read_text
        return read_text
    if suffix == ".md":
        from zonekg.loaders.readers.text import read_markdown
        return read_markdown
    if suffix in (".html", ".htm"):
        from zonekg.loaders.readers.html import read_html
        return read_html
    if suffix == ".docx":
        from zonekg.loaders.readers.docx import read_docx
        return read_docx
    from zonekg.loaders.readers.pdf import read_pdf
    return read_pdf


def supported_suffix(path: Path) -> str:
    """``path``'s suffix, lower case; :class:`UnreadableDocument` when no reader reads it (a
    check on the name alone: an upload is refused before it is written or read)."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        supported = " ".join(sorted(SUPPORTED_SUFFIXES))
        raise UnreadableDocument(
            path, f"unsupported file type {suffix or '(no suffix)'}; supported: {supported}")
    return suffix


def read_document(path: Path, limits: DocumentLimits = DEFAULT_LIMITS) -> SourceDocument:
    """Read ``path`` into a :class:`SourceDocument`; raise :class:`UnreadableDocument`, or
    :class:`~zonekg.graph.errors.TooLarge` past one of ``limits`` (checked before the costly
    steps: nesting before parsing, unpacked size before unpacking, characters before cleaning)."""
    path = Path(path)
    suffix = supported_suffix(path)
    if not path.is_file():
        raise UnreadableDocument(path, "no such file" if not path.exists() else "not a file")
    try:
        if path.stat().st_size == 0:
            raise UnreadableDocument(path, "file is empty")
        return _reader(suffix)(path, limits)
    except (UnreadableDocument, TooLarge):
        raise
    except RecursionError as exc:
        raise UnreadableDocument(path, "document structure is too deeply nested") from exc
    except Exception as exc:  # a reader bug or a library surprise: still a clear refusal
        raise UnreadableDocument(
            path, f"could not read {suffix} file ({type(exc).__name__}: {exc})") from exc


def page_line(line: str) -> dict[str, str] | None:
    """What a line left in a document's text says about the page it came from: None when the
    line is the document's own text; the metadata fields it states (often none) when it is page
    chrome (navigation, a footer, a view counter) or a metadata line (发布单位：… 发布日期：…).

    Readers drop such lines when they recognise them as chrome; one that reached the body (a
    footer inside the article's own block) is for extraction to skip, with the same rules."""
    from zonekg.loaders.readers.chrome import is_chrome, parse_metadata

    fields = parse_metadata(line)
    if fields is not None:
        return fields
    return {} if is_chrome(line) else None


__all__ = ["SUPPORTED_SUFFIXES", "Reader", "UnreadableDocument", "page_line", "read_document", "supported_suffix"]
