"""Turn a SourceDocument into normalised sentences that keep their block index.

Everything downstream works on NFKC text (full-width digits and punctuation folded), split
into sentences on 。；; and line ends, because evidence must quote one sentence, not a whole
paragraph. Text rows of tables ("a | b | c") are recognised here too, so the rest of the
engine never has to care whether a reader produced a Table or a Paragraph.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from zonekg.loaders.document import Paragraph, SourceDocument, Table

SENTENCE_END = re.compile(r"(?<=[。;!?！？])")
WIDE_SPACES = re.compile(r"\s{3,}|\u3000{2,}")
HEADING_NUMBER = re.compile(
    r"^\s*(?:[•·●◆■□\-—]+\s*|[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]"
    r"|\d+[、.．](?!\d)|[①②③④⑤⑥⑦⑧⑨⑩])\s*"
)
TOP_HEADING = re.compile(r"^\s*(?:[•●◆■]\s*|[一二三四五六七八九十]+[、.．])")


def norm(text: str) -> str:
    """NFKC-fold and drop zero-width junk; keeps 、 and 。 which NFKC leaves alone."""
    text = unicodedata.normalize("NFKC", text)
    return text.replace("\u200b", "").replace("\ufeff", "")


@dataclass
class Sentence:
    """One quotable unit: a sentence of a paragraph, or a whole table row."""

    text: str
    block: int
    index: int  # position in the document's sentence list
    para: int  # index of the paragraph (block-level unit) it came from
    cells: tuple[str, ...] | None = None  # table rows only
    heading: bool = False
    top_heading: bool = False
    header_row: bool = False
    extra: dict = field(default_factory=dict)


def split_row(text: str) -> tuple[str, ...] | None:
    """Cells of a text-rendered table row, or None when the line is running text."""
    if text.count("|") >= 2:
        t = text.strip()
        parts = t.split("|")
        if t.startswith("|") and t.endswith("|"):
            parts = parts[1:]  # "| a | b |": outer pipes; "| b | c" keeps its empty first cell
        if t.endswith("|"):
            parts = parts[:-1]
        cells = tuple(c.strip() for c in parts)
        return cells if len([c for c in cells if c]) >= 2 else None
    return None


def is_heading(text: str) -> bool:
    """Short numbered or bulleted lines without a full stop are section headings."""
    t = re.sub(r"[(（][^)）]*[)）]", "", text).strip()
    if len(t) > 60 or "。" in t:
        return False
    return bool(HEADING_NUMBER.match(t)) or (len(t) <= 20 and not re.search(r"[,，;；]", t))


def split_sentences(text: str) -> list[str]:
    """Split running text on 。；; ! ? keeping the delimiter; trims whitespace.

    Delimiters inside brackets do not split: "(牵头部门:A;参与部门:B)" stays with its task.
    """
    out, start, depth = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "(（[【":
            depth += 1
        elif ch in ")）]】":
            depth = max(0, depth - 1)
        elif ch in "。;!?！？" and depth == 0:
            out.append(text[start:i + 1])
            start = i + 1
    out.append(text[start:])
    return [p.strip() for p in out if p.strip()]


def sentences(document: SourceDocument) -> list[Sentence]:
    """All sentences of the document, in order, each knowing its block and paragraph."""
    out: list[Sentence] = []
    para = 0
    for b, block in enumerate(document.blocks):
        if isinstance(block, Table):
            for r, row in enumerate(block.rows):
                cells = tuple(norm(c).strip() for c in row)
                if not any(cells):
                    continue
                out.append(Sentence(" | ".join(c for c in cells if c), b, len(out), para,
                                    cells=cells, header_row=(r == 0)))
                para += 1
            continue
        assert isinstance(block, Paragraph)
        for line in norm(block.text).splitlines():
            line = line.strip()
            if not line:
                continue
            cells = split_row(line)
            if cells is None and WIDE_SPACES.search(line) and len(WIDE_SPACES.split(line)) >= 3:
                cells = tuple(c.strip() for c in WIDE_SPACES.split(line))
            if cells is not None:
                out.append(Sentence(" | ".join(c for c in cells if c), b, len(out), para,
                                    cells=cells))
                para += 1
                continue
            head = is_heading(line)
            top = head and bool(TOP_HEADING.match(line))
            for s in split_sentences(line):
                out.append(Sentence(s, b, len(out), para, heading=head, top_heading=top))
            para += 1
    return out
