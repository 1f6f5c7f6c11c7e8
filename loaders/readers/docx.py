"""Word documents (.docx) via python-docx: paragraphs and tables in document order.

Merged cells: a vertically merged cell's text is repeated in every row it covers; a
horizontally merged cell fills its first grid column and leaves the others empty (the same
policy as HTML ``rowspan``/``colspan``).  The title is the first ``Title``/``Heading``-styled
paragraph, else the core-properties title, else the first heading-like line. Word's automatic
list numbers are put back in front of their paragraphs (:mod:`wordnumbers`).
"""
from __future__ import annotations

import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from zonekg.loaders.document import SourceDocument, Table, UnreadableDocument
from zonekg.loaders.limits import DEFAULT_LIMITS, DocumentLimits
from zonekg.loaders.readers.assemble import Item, build
from zonekg.loaders.readers.wordnumbers import Numbering

if TYPE_CHECKING:  # python-docx is imported when a .docx is read
    from docx.document import Document as WordDocument
    from docx.table import Table as WordTable
    from docx.text.paragraph import Paragraph as WordParagraph


def _open(path: Path, limits: DocumentLimits) -> WordDocument:
    import docx  # python-docx
    from docx.opc.exceptions import PackageNotFoundError

    if not zipfile.is_zipfile(path):
        if path.stat().st_size == 0:
            raise UnreadableDocument(path, "file is empty")
        head = path.read_bytes()[:8]
        if head.startswith(b"\xd0\xcf\x11\xe0"):
            raise UnreadableDocument(
                path, "old binary Word (.doc) or encrypted document saved as .docx; "
                "not a readable .docx")
        raise UnreadableDocument(path, "not a valid Word .docx file: not a ZIP package (corrupt, truncated or another format)")
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise UnreadableDocument(path, f"corrupt Word .docx file ({exc})") from exc
    # A part never unpacks past its declared size (zipfile stops there and checks the CRC), so
    # the declared sizes bound what opening the package costs: a zip bomb is refused unopened.
    limits.check_unpacked(sum(part.file_size for part in parts))
    names = {part.filename for part in parts}
    if "word/document.xml" not in names and "[Content_Types].xml" not in names:
        raise UnreadableDocument(path, "not a valid Word .docx file: a ZIP archive without "
                                 "word/document.xml")
    try:
        return docx.Document(str(path))
    except PackageNotFoundError as exc:
        raise UnreadableDocument(path, "not a valid Word .docx file (no Word document inside "
                                 "the package)") from exc
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise UnreadableDocument(path, f"corrupt Word .docx file ({exc})") from exc
    except Exception as exc:  # lxml XMLSyntaxError and friends from a damaged package
        raise UnreadableDocument(path, f"corrupt Word .docx file ({type(exc).__name__}: "
                                 f"{exc})") from exc


def _table_rows(table: WordTable) -> tuple[tuple[str, ...], ...]:
    rows: list[tuple[str, ...]] = []
    for row in table.rows:
        cells: list[str] = []
        previous = None
        for cell in row.cells:
            if previous is not None and cell._tc is previous:
                cells.append("")  # horizontal merge: the value sits in the first column
                continue
            previous = cell._tc
            parts = [p.text.strip(" \t\u3000\xa0") for p in cell.paragraphs]
            for inner in cell.tables:  # nested tables flattened into the cell
                for inner_row in _table_rows(inner):
                    parts.append(" ".join(c for c in inner_row if c))
            cells.append(" ".join(p for p in parts if p))
        if any(cells):
            rows.append(tuple(cells))
    return tuple(rows)


def _is_heading(paragraph: WordParagraph) -> bool:
    name = (paragraph.style.name if paragraph.style is not None else "") or ""
    return name == "Title" or name.startswith("Heading") or name in ("标题", "标题 1")


def read_docx(path: Path, limits: DocumentLimits = DEFAULT_LIMITS) -> SourceDocument:
    from docx.table import Table as WordTable

    document = _open(path, limits)
    items: list[Item] = []
    title = None
    try:
        numbering = Numbering.of(document)
        for block in document.iter_inner_content():
            if isinstance(block, WordTable):
                rows = _table_rows(block)
                if rows:
                    items.append(Table(rows=rows))
                continue
            text = block.text
            if title is None and text.strip() and _is_heading(block):
                title = text.strip()
            text = numbering.number(block) + text  # Word's automatic "一、", "（一）", "1." are in no run
            # soft line breaks inside one paragraph are kept as separate lines
            items.extend(text.split("\n"))
            items.append("")
        core_title = (document.core_properties.title or "").strip()
    except Exception as exc:  # damaged XML parts surface lazily
        raise UnreadableDocument(path, f"corrupt Word .docx file ({type(exc).__name__}: "
                                 f"{exc})") from exc
    return build(path, items, encoding=None, title=title or core_title or None, join=False, limits=limits)
