"""Readers turn a file into a :class:`~zonekg.loaders.document.SourceDocument`.

(Placeholder: plain UTF-8 text only; the full readers replace this.)
"""
from __future__ import annotations

from pathlib import Path

from zonekg.loaders.document import Paragraph, SourceDocument, UnreadableDocument

SUPPORTED_SUFFIXES = frozenset({".txt"})


def read_document(path: Path) -> SourceDocument:
    path = Path(path)
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        raise UnreadableDocument(path, f"unsupported file type {path.suffix or '(none)'}")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UnreadableDocument(path, str(exc)) from exc
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    title = lines[0] if lines else path.stem
    return SourceDocument(path=path, title=title, blocks=[Paragraph(l) for l in lines])
