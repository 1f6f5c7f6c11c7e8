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
from zonekg.loaders.readers.tables import TOTAL, has_header

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


def _header_at(runs: list[_Run], start: int) -> tuple[list[float], list[str], int]:
    """The columns' x and texts of a header whose first cell is ``runs[start]``, and the index
    after it: the cells drawn on its baseline, with the lines of a header cell wrapped inside
    its column ("总投资（万元" / "）") drawn below, which come amid the header's cells, and
    those of that second line after them (a row cut by the page before, drawn below a
    repeated header, is no part of it)."""
    y0 = runs[start].y
    base_end = max(j for j in range(start, len(runs)) if abs(runs[j].y - y0) <= _SAME)
    columns: list[float] = []
    texts: list[str] = []
    wrap_y: float | None = None
    end = start
    for run in runs[start:]:
        k = _column(run.x, columns)
        if abs(run.y - y0) <= _SAME and (not columns or run.x > columns[-1]):
            columns.append(run.x)
            texts.append(run.text.strip())
        elif k and run.y < y0 and (end < base_end if wrap_y is None else abs(run.y - wrap_y) <= _SAME):
            texts[k] += run.text.strip()
            wrap_y = run.y
        else:
            break
        end += 1
    return columns, texts, end


def _table_at(runs: list[_Run], start: int) -> tuple[Table, int] | None:
    """The table whose header starts at ``runs[start]`` and the index after its last run. A
    row whose first column is empty right after the header is the rest of a row the page
    before cut (a header repeated above it): it opens a row of its own, which the rows'
    reading joins to the one before."""
    columns, header, end = _header_at(runs, start)
    if len(header) < 3 or not has_header(header):
        return None
    rows: list[list[str]] = [header]
    for run in runs[end:]:
        k = _column(run.x, columns)
        if k is None:
            break
        if k == 0 or len(rows) == 1 or TOTAL.match(run.text.strip()):
            rows.append([""] * len(columns))  # (a totals row may leave its first cell empty)
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
