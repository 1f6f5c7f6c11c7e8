"""Word's automatic numbers: the "一、", "（一）", "1." a list definition draws before a paragraph.

A plan written in Word often numbers its sections and tasks with a multilevel list (``w:numPr``
on the paragraph or its style) instead of typing the numbers, so they are in no text run. The
extraction reads a task by its number ("1.推进X建设。（牵头单位：甲）"), so the reader puts each
number back in front of its paragraph, counted as Word counts it: per list, a level's counter
restarting whenever a level above it is used.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from docx.document import Document as WordDocument
    from docx.text.paragraph import Paragraph as WordParagraph

_DIGITS = "零一二三四五六七八九"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


@dataclass(frozen=True)
class _Level:
    start: int
    fmt: str  # w:numFmt (decimal, chineseCounting …)
    text: str  # w:lvlText ("%1、", "（%2）", "%3.")


def _chinese(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 105 (a plan's list never runs that long)."""
    if not 0 < n < 100:
        return str(n)
    tens, ones = divmod(n, 10)
    return (("" if tens == 1 else _DIGITS[tens]) + "十" if tens else "") + (_DIGITS[ones] if ones else "")


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + letters, n - value
    return out


def _formatted(n: int, fmt: str) -> str:
    if fmt.startswith(("chineseCounting", "ideographTraditional", "japaneseCounting", "taiwaneseCounting")):
        return _chinese(n)
    if fmt == "decimalEnclosedCircle" or fmt == "decimalEnclosedCircleChinese":
        return _CIRCLED[n - 1] if 0 < n <= len(_CIRCLED) else str(n)
    if fmt in ("upperLetter", "lowerLetter"):
        letter = chr(ord("A") + (n - 1) % 26)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("upperRoman", "lowerRoman"):
        return _roman(n) if fmt == "upperRoman" else _roman(n).lower()
    return str(n)  # decimal, decimalZero, decimalFullWidth … read as digits


def _attr(element: Any, tag: str) -> str | None:
    from docx.oxml.ns import qn

    found = element.find(qn(tag)) if element is not None else None
    return found.get(qn("w:val")) if found is not None else None


@dataclass
class Numbering:
    """The list definitions of one document and the counters read so far."""

    lists: dict[str, dict[int, _Level]] = field(default_factory=dict)  # numId → level → definition
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    @classmethod
    def of(cls, document: WordDocument) -> Numbering:
        from docx.oxml.ns import qn

        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            return cls()  # a document without list definitions
        abstract = {a.get(qn("w:abstractNumId")): {
            int(lvl.get(qn("w:ilvl"), "0")): _Level(int(_attr(lvl, "w:start") or 1), _attr(lvl, "w:numFmt") or "decimal",
                                                    _attr(lvl, "w:lvlText") or "")
            for lvl in a.findall(qn("w:lvl"))} for a in root.findall(qn("w:abstractNum"))}
        lists = {n.get(qn("w:numId")): abstract.get(_attr(n, "w:abstractNumId"), {}) for n in root.findall(qn("w:num"))}
        return cls(lists)

    def number(self, paragraph: WordParagraph) -> str:
        """The number Word draws before the paragraph ("（二）"), counted; "" for none or a bullet."""
        num_id, level = _num_pr(paragraph)
        levels = self.lists.get(num_id or "", {})
        if level not in levels:
            return ""
        counts = self.counters.setdefault(num_id or "", {})
        counts[level] = counts.get(level, levels[level].start - 1) + 1
        for deeper in [k for k in counts if k > level]:
            del counts[deeper]  # a level restarts after any level above it
        if levels[level].fmt in ("bullet", "none"):
            return ""
        text = levels[level].text
        for k, definition in levels.items():
            text = text.replace(f"%{k + 1}", _formatted(counts.get(k, definition.start), definition.fmt))
        return text


def _num_pr(paragraph: WordParagraph) -> tuple[str | None, int]:
    """(numId, level) of the paragraph's own w:numPr, else of its style's; (None, 0) for none."""
    from docx.oxml.ns import qn

    for owner in (paragraph._p, paragraph.style.element if paragraph.style is not None else None):
        ppr = owner.find(qn("w:pPr")) if owner is not None else None
        num_pr = ppr.find(qn("w:numPr")) if ppr is not None else None
        if num_pr is not None:
            num_id = _attr(num_pr, "w:numId")
            return (None if num_id in (None, "0") else num_id), int(_attr(num_pr, "w:ilvl") or 0)
    return None, 0
