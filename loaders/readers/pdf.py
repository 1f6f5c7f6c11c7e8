"""PDF files via pypdf: text per page, page furniture removed, wrapped lines joined.

Page numbers (``- 3 -``, ``第3页 共9页``, ``3/9``) and running headers/footers repeated on
most pages are dropped before the pages are concatenated, so a sentence broken across a page
boundary is joined like any other wrapped line.  Encrypted PDFs that need a password and PDFs
without a text layer (scans) are unreadable.
"""
from __future__ import annotations

import logging
import re
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from zonekg.loaders.document import SourceDocument, Table, UnreadableDocument
from zonekg.loaders.limits import DEFAULT_LIMITS, DocumentLimits
from zonekg.loaders.readers.assemble import Item, build
from zonekg.loaders.readers.lines import ends_sentence, starts_item
from zonekg.loaders.readers.pdfcells import page_items

if TYPE_CHECKING:  # pypdf is imported when a PDF is read
    from pypdf import PdfReader

_PAGE_NUMBER = re.compile(
    r"^(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|"
    r"\d{1,4}\s*/\s*\d{1,4}|\d{1,4}|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$",
    re.IGNORECASE,
)


def _open(path: Path) -> PdfReader:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    data = path.read_bytes()
    if not data.strip():
        raise UnreadableDocument(path, "file is empty")
    if b"%PDF" not in data[:1024]:
        raise UnreadableDocument(path, "not a PDF file (no %PDF header)")
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(path, strict=False)
    except PdfReadError as exc:
        raise UnreadableDocument(path, f"corrupt PDF ({exc})") from exc
    except Exception as exc:
        raise UnreadableDocument(path, f"corrupt PDF ({type(exc).__name__}: {exc})") from exc
    if reader.is_encrypted:
        try:
            ok = reader.decrypt("")
        except Exception as exc:  # unsupported algorithm / missing crypto dependency
            raise UnreadableDocument(path, f"encrypted PDF that cannot be opened ({exc})") from exc
        if not ok:
            raise UnreadableDocument(path, "encrypted PDF: a password is required")
    return reader


def _page_lines(reader: PdfReader, path: Path) -> list[list[Item]]:
    pages: list[list[Item]] = []
    try:
        for page in reader.pages:
            pages.append(page_items(page) or list((page.extract_text() or "").splitlines()))
    except UnreadableDocument:
        raise
    except Exception as exc:
        raise UnreadableDocument(path, f"corrupt PDF: text extraction failed "
                                 f"({type(exc).__name__}: {exc})") from exc
    return pages


def _continued_tables(pages: list[list[Item]]) -> list[list[Item]]:
    """A page whose first table repeats the header of the last table on the page before goes
    on with that table: its rows join that table's, and a first row with an empty first cell
    is the rest of the row the page break cut ("…中试" / "车间…"), joined cell by cell."""
    out: list[list[Item]] = []
    last: tuple[int, int] | None = None  # (page, index) of the last table so far
    for lines in pages:
        lines = list(lines)
        first = next((i for i, item in enumerate(lines) if isinstance(item, Table)), None)
        if first is not None and last is not None:
            before, table = out[last[0]][last[1]], lines[first]
            assert isinstance(before, Table) and isinstance(table, Table)
            if table.rows[0] == before.rows[0]:
                rows, more = list(before.rows), list(table.rows[1:])
                if more and not more[0][0] and len(rows) > 1:  # the cut row's rest
                    rows[-1] = tuple(a + b for a, b in zip(rows[-1], more.pop(0)))
                out[last[0]][last[1]] = Table(rows=tuple(rows + more))
                del lines[first]
        out.append(lines)
        tables = [i for i, item in enumerate(lines) if isinstance(item, Table)]
        if tables:
            last = (len(out) - 1, tables[-1])
    return out


def _strip_furniture(pages: list[list[Item]]) -> list[Item]:
    """Concatenate pages without page numbers and running headers/footers (a table drawn as
    positioned cells passes through)."""
    repeated: set[str] = set()
    if len(pages) >= 3:
        edges: Counter[str] = Counter()
        for lines in pages:
            nonblank = [line.strip() for line in lines if isinstance(line, str) and line.strip()]
            edges.update(set(nonblank[:2] + nonblank[-2:]))
        repeated = {line for line, n in edges.items() if n >= max(3, 0.6 * len(pages))}
    out: list[Item] = []
    for lines in pages:
        page_start = True
        for line in lines:
            text = line.strip() if isinstance(line, str) else ""
            if text and (_PAGE_NUMBER.match(text) or text in repeated):
                continue
            if page_start and text and isinstance(line, str) and out and _cut_by_page(out[-1], line):
                out[-1] = f"{out[-1]}{text}"  # "其中工业投资" / (header, footer) / "55亿元，同比增长12%"
                page_start = False
                continue
            page_start = page_start and not text
            out.append(line)
    return out


def _cut_by_page(last: Item, first: str) -> bool:
    """Did the page break cut a sentence: the page's last line stops mid-clause (no sentence
    end, a clause mark inside it: no heading) and the next page goes on without an indent or an
    item number? Such a line is short, so the wrap joining would leave it a paragraph."""
    return isinstance(last, str) and bool(last.strip()) and not ends_sentence(last) \
        and any(mark in last for mark in "，,、") and first[:1] not in " \t\u3000" and not starts_item(first)


def read_pdf(path: Path, limits: DocumentLimits = DEFAULT_LIMITS) -> SourceDocument:
    reader = _open(path)
    pages = _continued_tables(_page_lines(reader, path))
    lines = _strip_furniture(pages)
    if not any(not isinstance(line, str) or line.strip() for line in lines):
        raise UnreadableDocument(path, "PDF has no text layer (scanned images?); OCR is not "
                                 "supported")
    title = None
    try:
        info = reader.metadata
        title = (info.title or "").strip() if info else None
    except Exception:
        title = None
    # A PDF title property is often a file name or template name; use it only if it is Chinese.
    if title and not any("\u4e00" <= c <= "\u9fff" for c in title):
        title = None
    return build(path, lines, encoding=None, title=title or None, join=True, limits=limits)
