"""Page breaks left in a text dump of a printed document (PDF copied to .txt).

Such a dump keeps each page's furniture where the page ended: a page number ("— 3 —",
"第3页 共9页") and, on the next page, the running header (document number, title). A sentence,
a name or a bracketed （牵头单位：…） broken by the page boundary then falls into pieces. A page
break is found by its page-number line (at least two of them in the file); the header is a
line that follows two or more of them unchanged. Both are dropped with the blank lines around
them, so the wrap joining sees one sentence across the boundary.
"""
from __future__ import annotations

import re
from collections import Counter

# A printed page number on a line of its own: "— 3 —", "- 3 -", "第3页", "第3页 共9页".
_PAGE_NUMBER = re.compile(r"^(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?)$")


def _next_text(lines: list[str], i: int) -> int | None:
    """The index of the first non-blank line after i, if any."""
    for j in range(i + 1, len(lines)):
        if lines[j].strip():
            return j
    return None


def drop_page_breaks(lines: list[str]) -> list[str]:
    """The lines without page numbers, running headers and the blank lines around them."""
    breaks = [i for i, line in enumerate(lines) if _PAGE_NUMBER.match(line.strip())]
    if len(breaks) < 2:
        return lines
    after = {i: _next_text(lines, i) for i in breaks}
    heads = Counter(lines[j].strip() for j in after.values() if j is not None)
    drop: set[int] = set()
    for i in breaks:
        start = i
        while start > 0 and not lines[start - 1].strip():
            start -= 1
        j = after[i]
        last = j if j is not None and heads[lines[j].strip()] >= 2 else i  # the header too
        resume = _next_text(lines, last)
        drop.update(range(start, len(lines) if resume is None else resume))
    return [line for k, line in enumerate(lines) if k not in drop]
