"""Helpers of the extraction tests (this folder is a package, so test files import them)."""
from __future__ import annotations

from pathlib import Path

from zonekg.loaders.document import Paragraph, SourceDocument, Table


def doc(*blocks: str | Table, title: str = "某某开发区2020年工作要点", tables: tuple = ()) -> SourceDocument:
    """A plan made by hand: its title as the first paragraph, then each block (a string is a
    paragraph, a :class:`Table` stays a table), then ``tables`` (rows of cells)."""
    body = [Paragraph(title)] + [b if isinstance(b, Table) else Paragraph(b) for b in blocks]
    return SourceDocument(Path("x.txt"), title, body + [Table(t) for t in tables])
