"""Tables drawn with box characters, as a word processor or a console tool prints them:

    ┌────┬──────────┬────────┬────────┬──────────┐
    │序号│项目名称  │进度安排│        │责任单位  │
    │    │          │2024年  │2025年  │          │
    ├────┼──────────┼────────┼────────┼──────────┤
    │1   │城东污水处│完成主体│投入运行│城管局、  │
    │    │理厂      │        │        │水务公司  │
    └────┴──────────┴────────┴────────┴──────────┘

The rule lines (─ ┼ ├ …) part the rows and the bars (│) the cells, so no bar or rule
reaches the text. All the lines between two rules are one row: a cell that wrapped onto the
next line continues there. A header cell over several columns (进度安排 over the years)
leaves the cells to its right empty on its line while the line under it fills them: each of
those columns is headed by both ("进度安排2025年"). A table drawn without rules between its
rows has one row per line, and a line whose first cell is empty continues the row above.
"""
from __future__ import annotations

from zonekg.loaders.document import Table
from zonekg.loaders.readers.cells import continued_cell

BARS = "│┃║"
# Corners, joints and lines of the box-drawing block: a line of only these is a rule.
_RULE_CHARS = frozenset("─━═┌┐└┘├┤┬┴┼┏┓┗┛┣┫┳┻╋╔╗╚╝╠╣╦╩╬╒╓╕╖╘╙╛╜╞╟╡╢╤╥╧╨╪╫┝┥┯┷┿" + BARS)
_OPENERS = frozenset("┌├└┏┣┗╔╠╚╒╓╞╟╘╙┝") | frozenset(BARS)
# Rule-separated groups (the header's and at least two rows') that make each group one row.
_RULED = 3


def _is_rule(text: str) -> bool:
    return bool(text) and all(ch in _RULE_CHARS for ch in text) and any(ch not in BARS for ch in text)


def _cells(text: str) -> list[str] | None:
    """The cells of a line drawn between bars, or None when the line is not one."""
    if not text or text[0] not in BARS:
        return None
    inner = text[1:-1] if text[-1:] in BARS else text[1:]
    for bar in BARS[1:]:
        inner = inner.replace(bar, BARS[0])
    return [c.strip(" \t\u3000\xa0") for c in inner.split(BARS[0])]


def _groups(lines: list[str], start: int) -> tuple[list[list[list[str]]], int]:
    """The lines of cells between rules, grouped, and the index of the first line after."""
    groups: list[list[list[str]]] = [[]]
    i = start
    while i < len(lines):
        text = lines[i].strip(" \t\u3000\xa0")
        if _is_rule(text):
            groups.append([])
        elif (cells := _cells(text)) is not None:
            groups[-1].append(cells)
        else:
            break
        i += 1
    return [g for g in groups if g], i


def _by_first_cell(group: list[list[str]]) -> list[list[list[str]]]:
    """Rows of a group drawn without rules between them: a line with its first cell filled
    opens a row, any other line continues it."""
    rows: list[list[list[str]]] = []
    for line in group:
        if line[0] or not rows:
            rows.append([line])
        else:
            rows[-1].append(line)
    return rows


def _spanned(lines: list[list[str]]) -> list[list[str]]:
    """Header lines with a cell over several columns repeated into the empty cells to its
    right, where the next line fills them ("进度安排", "", "" over "2024年", "2025年", "2026年")."""
    out = [list(line) for line in lines]
    for upper, lower in zip(out, out[1:]):
        for k in range(1, len(upper)):
            if not upper[k] and upper[k - 1] and k < len(lower) and lower[k] and lower[k - 1]:
                upper[k] = upper[k - 1]
    return out


def _joined(lines: list[list[str]], header: list[str] | None) -> list[str]:
    """One row from the lines it was drawn on, cell by cell."""
    width = max(len(line) for line in lines)
    row = [""] * width
    for line in lines:
        for k, cell in enumerate(line):
            row[k] = continued_cell(header[k] if header and k < len(header) else "", row[k], cell)
    return row


def box_table(lines: list[str], start: int) -> tuple[Table, int] | None:
    """A box-drawn table from ``start`` on and the index of the line after it, or None when no
    such table opens there (fewer than two rows of at least two cells)."""
    if lines[start].lstrip(" \t\u3000\xa0")[:1] not in _OPENERS:
        return None
    groups, end = _groups(lines, start)
    if len(groups) < _RULED:
        groups = [row for group in groups for row in _by_first_cell(group)]
    if len(groups) < 2:
        return None
    header = _joined(_spanned(groups[0]), None)
    rows = [header] + [_joined(group, header) for group in groups[1:]]
    if sum(len(r) >= 2 for r in rows) < 2:
        return None
    return Table(rows=tuple(tuple(r) for r in rows)), end
