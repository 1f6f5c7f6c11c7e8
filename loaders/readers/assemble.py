"""The shared back half of every reader: raw lines in, a clean :class:`SourceDocument` out.

Steps, in order: clean each line (export artefacts, odd spaces) → drop chrome and harvest
metadata lines → find text tables → join hard-wrapped lines → one :class:`Paragraph` per
logical line (bullets removed) → pick the title.  Readers that find real tables (HTML, DOCX)
pass them in as :class:`Table` items between runs of lines.
"""
from __future__ import annotations

import re
from pathlib import Path
from collections.abc import Iterable

from zonekg.loaders.document import Paragraph, SourceDocument, Table, UnreadableDocument
from zonekg.loaders.limits import DEFAULT_LIMITS, DocumentLimits
from zonekg.loaders.readers.chrome import (
    clean_line,
    is_chrome,
    merge_metadata,
    parse_date,
    parse_metadata,
)
from zonekg.loaders.readers.lines import join_label_values, join_wrapped, starts_item, strip_bullet, wrap_width
from zonekg.loaders.readers.tables import split_blocks

Item = str | Table

_BARE_DATE = re.compile(
    r"^[（(]?\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?\s*[）)]?$"
)
_TITLE_NUMBER = re.compile(r"^\d{1,3}\s*[-－—–_]\s*(?=\D)")
_NOT_TITLE_END = re.compile(r"[。，,；;：:]$")


def strip_chrome(items: Iterable[Item], metadata: dict[str, str]) -> list[Item]:
    """Clean lines, drop chrome, move metadata lines into ``metadata``; tables pass through."""
    out: list[Item] = []
    for item in items:
        if isinstance(item, Table):
            out.append(item)
            continue
        line = clean_line(item)
        if not line.strip(" \t\u3000"):
            out.append("")
            continue
        if is_chrome(line):
            found = parse_metadata(line)
            if found:
                merge_metadata(metadata, found)
            continue
        found = parse_metadata(line)
        if found is not None:
            merge_metadata(metadata, found)
            continue
        out.append(line)
    return out


def to_blocks(items: list[Item], *, find_tables: bool = True, join: bool | int = True
              ) -> list[Paragraph | Table]:
    """Turn cleaned items into blocks: text tables, wrap joining, paragraphs.

    ``join``: True detects hard wrapping, False never joins, an int forces that wrap width.
    """
    expanded: list[Item] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            expanded.extend(split_blocks(run) if find_tables else run)
            run.clear()

    for item in items:
        if isinstance(item, Table):
            flush()
            expanded.append(item)
        else:
            run.append(item)
    flush()

    plain = [x for x in expanded if isinstance(x, str)]
    if join is True:
        width = wrap_width(plain)
    elif join is False:
        width = None
    else:
        width = int(join)

    blocks: list[Paragraph | Table] = []
    pending: list[str] = []

    def emit() -> None:
        lines = join_label_values(join_wrapped(pending, width) if width else pending)
        for line in lines:
            text = strip_bullet(line)
            if text:
                blocks.append(Paragraph(text))
        pending.clear()

    for item in expanded:
        if isinstance(item, Table):
            emit()
            if any(any(cell for cell in row) for row in item.rows):
                blocks.append(item)
        else:
            pending.append(item)
    emit()
    return blocks


def _title_like(text: str) -> bool:
    return 2 <= len(text) <= 80 and not _NOT_TITLE_END.search(text)


def choose_title(blocks: list[Paragraph | Table], fallback: str) -> str:
    """The first paragraph that reads like a heading; ``fallback`` if the body opens with prose."""
    for block in blocks[:3]:
        if isinstance(block, Paragraph):
            if _title_like(block.text) and not starts_item(block.text):
                return clean_title(block.text)
            break
    return fallback


def clean_title(text: str) -> str:
    """Drop site listing numbers (``01-``) and surplus spaces from a title."""
    text = _TITLE_NUMBER.sub("", text.strip(" \t\u3000"))
    return re.sub(r"\s+", " ", text)


def date_from_body(blocks: list[Paragraph | Table]) -> str | None:
    """A bare date line (``（2018年12月）``, ``2017年6月9日``) near the top or the end."""
    paragraphs = [b.text for b in blocks if isinstance(b, Paragraph)]
    for text in paragraphs[:4] + paragraphs[-4:][::-1]:
        if _BARE_DATE.match(text.strip()):
            return parse_date(text)
    return None


def _length(item: Item) -> int:
    return len(item) if isinstance(item, str) else sum(len(cell) for row in item.rows for cell in row)


def build(path: Path, items: Iterable[Item], *, encoding: str | None = None,
          metadata: dict[str, str] | None = None, title: str | None = None,
          find_tables: bool = True, join: bool | int = True, warnings: Iterable[str] = (),
          limits: DocumentLimits = DEFAULT_LIMITS) -> SourceDocument:
    """Run the whole pipeline and wrap the result; empty bodies are unreadable, and a body
    over the character limit is refused before any of the work."""
    items = list(items)
    limits.check_chars(sum(map(_length, items)))
    metadata = dict(metadata or {})
    cleaned = strip_chrome(items, metadata)
    blocks = to_blocks(cleaned, find_tables=find_tables, join=join)
    if not blocks:
        raise UnreadableDocument(path, "no body text left after removing page chrome")
    if "date" not in metadata:
        date = date_from_body(blocks)
        if date:
            metadata["date"] = date
    final_title = clean_title(title) if title and title.strip() else choose_title(blocks, path.stem)
    return SourceDocument(path=path, title=final_title, blocks=blocks, metadata=metadata,
                          encoding=encoding, warnings=list(warnings))
