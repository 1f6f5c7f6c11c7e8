"""A table a PDF draws as positioned cells, read by where each cell is drawn.

The plain text of such a page gives one cell a line, and a cell wrapped inside its column
("…中试平" / "台") leaves its second line after the whole row, where nothing tells its column;
pypdf's layout mode guesses the columns from character counts and misplaces those lines.
Each line of text is drawn at a point, though: the header's cells give the columns' x, a line
drawn at the first column's x opens a row, any other line drawn at a column's x is (more of)
that column's cell, and a line drawn elsewhere (a 抄送 line, a page footer) ends the table.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from zonekg.loaders.document import Table
from zonekg.loaders.readers.tables import has_header

if TYPE_CHECKING:
    from pypdf import PageObject

# Points two drawing positions may differ by and still be one column (or one baseline)
_SAME = 2.0
# A header and this many rows make positioned cells a table
_MIN_ROWS = 2


class _Run(NamedTuple):
    """One line of the page's plain text and the point it was drawn at."""

    x: float
    y: float
    text: str


def _runs(page: PageObject) -> list[_Run]:
    """The page's text lines as its plain text gives them, each with the point it starts at."""
    runs: list[_Run] = []
    open_at: tuple[float, float] | None = None
    parts: list[str] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: object) -> None:
        nonlocal open_at
        if open_at is None and text.strip():
            x, y = tm[4] * cm[0] + tm[5] * cm[2] + cm[4], tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            open_at = (x, y)
        if open_at is not None:
            parts.append(text)
            if text.endswith("\n"):
                runs.append(_Run(*open_at, "".join(parts).rstrip("\n")))
                open_at = None
                parts.clear()

    page.extract_text(visitor_text=visit)
    if open_at is not None:
        runs.append(_Run(*open_at, "".join(parts)))
    return runs


def _column(x: float, columns: list[float]) -> int | None:
    return next((k for k, c in enumerate(columns) if abs(c - x) <= _SAME), None)


def _table_at(runs: list[_Run], start: int) -> tuple[Table, int] | None:
    """The table whose header starts at ``runs[start]`` and the index after its last run."""
    header = [r for r in runs[start:] if abs(r.y - runs[start].y) <= _SAME]
    if len(header) < 3 or not has_header([r.text.strip() for r in header]) \
            or runs[start:start + len(header)] != header:
        return None
    columns = [r.x for r in header]
    rows: list[list[str]] = [[r.text.strip() for r in header]]
    end = start + len(header)
    for run in runs[end:]:
        k = _column(run.x, columns)
        if k is None or k != 0 and len(rows) == 1:
            break
        if k == 0:
            rows.append([""] * len(columns))
        rows[-1][k] += run.text.strip()
        end += 1
    if len(rows) <= _MIN_ROWS:
        return None
    return Table(rows=tuple(tuple(r) for r in rows)), end


def page_items(page: PageObject) -> list[str | Table] | None:
    """The page's plain text lines with each table drawn as positioned cells read as a
    :class:`Table`; None when the page draws no such table."""
    runs = _runs(page)
    items: list[str | Table] = []
    i, found = 0, False
    while i < len(runs):
        table = _table_at(runs, i)
        if table is None:
            items.append(runs[i].text)
            i += 1
            continue
        items.append(table[0])
        i, found = table[1], True
    return items if found else None
