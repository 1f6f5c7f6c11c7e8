"""The format-neutral shape of a document once a reader has parsed it.

Every reader (text, HTML, DOCX, PDF) produces a :class:`SourceDocument`; extraction only ever
sees this shape, so it never has to know where a sentence or a table row came from.
"""
from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from zonekg.graph.errors import ZonekgError

_NOT_ALNUM = re.compile(r"[\W_]+")
"""What a content digest drops: exactly the characters for which ``str.isalnum`` is false
(``\\w`` is alphanumeric or ``_``), removed in one C pass rather than a generator per character."""


@functools.lru_cache(maxsize=2)
def _digest(text: str) -> str:
    """:meth:`SourceDocument.content_digest` of a body (memoised for the last documents: the
    mapping and the summary of one document both ask for it)."""
    folded = unicodedata.normalize("NFKC", text).lower()
    return hashlib.sha256(_NOT_ALNUM.sub("", folded).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of running text, with page chrome already removed."""

    text: str


@dataclass(frozen=True)
class Table:
    """A table as rows of cell texts; the first row is the header when the source marks one.

    Tables come from HTML ``<table>``, DOCX tables, and text rows whose cells are separated by
    ``|`` or runs of wide spaces.
    """

    rows: tuple[tuple[str, ...], ...]

    def row_text(self, index: int) -> str:
        """The row as a quotable line, cells joined by `` | ``."""
        return " | ".join(cell for cell in self.rows[index] if cell)


Block = Paragraph | Table


@dataclass
class SourceDocument:
    """A parsed document: its body as blocks plus what the page said about itself.

    ``metadata`` holds the page's own facts (发布单位, 发布日期, 索引号, 文号 …) under the keys
    ``publisher``, ``date``, ``index_number``, ``doc_number``, ``source`` and ``site_owner``
    (the body a page footer credits: 版权所有/主办单位); readers fill what
    they find and leave the rest out.
    """

    path: Path
    title: str
    blocks: list[Block]
    metadata: dict[str, str] = field(default_factory=dict)
    encoding: str | None = None
    warnings: list[str] = field(default_factory=list)
    """What the reader had to repair and the user should know (a cut last character …)."""

    @property
    def name(self) -> str:
        """The file name: what users and the scorer call the document."""
        return self.path.name

    def content_digest(self) -> str:
        """A fingerprint of what the body says, blind to its format: the SHA-256 of its letters
        and digits after NFKC folding. The same plan saved as .docx and as .html has one digest
        (spacing, punctuation, table rules and page chrome do not count)."""
        return _digest(self.text())

    def text(self) -> str:
        """The whole body as text, tables flattened row by row."""
        lines: list[str] = []
        for block in self.blocks:
            if isinstance(block, Paragraph):
                lines.append(block.text)
            else:
                lines.extend(block.row_text(i) for i in range(len(block.rows)))
        return "\n".join(lines)


class UnreadableDocument(ZonekgError):
    """A file that no reader can turn into text (unknown format, corrupt, encrypted…).

    ``str()`` starts with the path (for the command line); ``reason`` alone is what a web
    client sees, with the file's name, since the path is the server's business.
    """

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason

    def __reduce__(self) -> tuple[type, tuple[Path, str]]:
        return type(self), (self.path, self.reason)  # crosses process boundaries whole


def reason_of(error: Exception) -> str:
    """Why a document failed, for a report line that already names the file."""
    return error.reason if isinstance(error, UnreadableDocument) else str(error)
