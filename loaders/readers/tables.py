"""Tables written as text: ``|``-separated rows, rows a spreadsheet exported with one tab
between cells, rows aligned with runs of wide spaces, comma-separated rows a spreadsheet
exported (CSV), and tables a web page or document site flattened to one cell per line.

:func:`split_blocks` takes the lines of a text body and returns, in order, plain lines and
:class:`Table` blocks.  A table is only recognised when several consecutive lines share the
same cell count (two lines suffice under a header such as ``序号 重点工作 责任单位 完成时限``);
lines that fill only some columns right under a row are continuation lines of multi-line
cells and are merged into the cells above by column position.
"""
from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass

from zonekg.loaders.document import Table
from zonekg.loaders.readers.boxes import box_table
from zonekg.loaders.readers.cells import continued_cell
from zonekg.loaders.readers.cells import merge_text as _merge_text
from zonekg.loaders.readers.lines import display_width

HEADER_WORDS = (
    "序号", "编号", "重点工作", "工作任务", "主要任务", "任务内容", "工作内容", "具体任务", "项目名称",
    "责任领导", "分管领导", "牵头领导", "责任单位", "牵头单位", "配合单位", "协办单位", "责任部门",
    "牵头部门", "配合部门", "责任人", "完成时限", "完成时间", "时间节点", "时限要求", "目标任务",
    "工作目标", "进度安排", "备注", "类别", "指标", "工作举措", "主要举措", "协同单位", "协同责任单位",
)

# Columns of a project table that head no responsibility ("总投资（亿元）", "年度计划投资"): a
# header flattened one cell a line goes on over them to its 责任单位 column
PROJECT_COLUMN_WORDS = ("建设内容", "建设规模", "建设地点", "建设性质", "建设年限", "总投资", "计划投资")

_PIPE = re.compile(r"[|｜]")
_MD_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
# A gap between cells: two or more spaces, or any run containing a full-width space / tab.
_GAP = re.compile(r"(?:[ \xa0]{2,}|[ \xa0]*[\u3000\t][ \xa0\u3000\t]*)")
_MAX_CELL = 60


@dataclass
class _Cell:
    text: str
    start: int  # display column where the fragment starts
    end: int


def pipe_cells(line: str) -> list[str] | None:
    """Cells of a ``|`` row (outer pipes optional), or None when the line has no pipe."""
    if not _PIPE.search(line):
        return None
    text = line.strip(" \t\u3000")
    if text[:1] in "|｜":
        text = text[1:]
    if text[-1:] in "|｜":
        text = text[:-1]
    return [c.strip(" \t\u3000") for c in _PIPE.split(text)]


def space_cells(line: str) -> list[_Cell]:
    """Fragments of a line separated by wide gaps, with display-column positions."""
    cells: list[_Cell] = []
    pos = 0
    for match in [*_GAP.finditer(line), None]:
        end = match.start() if match else len(line)
        frag = line[pos:end]
        if frag.strip():
            lead = len(frag) - len(frag.lstrip())
            col = display_width(line[:pos + lead])
            cells.append(_Cell(frag.strip(), col, col + display_width(frag.strip())))
        if match:
            pos = match.end()
    return cells


def has_header(cells: list[str]) -> bool:
    return sum(any(w in c for w in HEADER_WORDS) for c in cells) >= 2


def _looks_tabular(rows: list[list[str]]) -> bool:
    lengths = sorted(len(c) for r in rows for c in r)
    if not lengths:
        return False
    return lengths[len(lengths) // 2] <= 30 and lengths[-1] <= 200


def _raw_pipe_cells(line: str) -> list[str]:
    """All cells of a ``|`` row, outer pipes kept as empty edge cells."""
    return [c.strip(" \t\u3000") for c in _PIPE.split(line.strip(" \t\u3000"))]


def _row_cells(line: str, outer: tuple[bool, bool]) -> list[str] | None:
    """Cells of a row of a table whose header has (leading, trailing) outer pipes: a row
    written "  | more text |  |" under a header without outer pipes keeps its empty first
    cell, so continuation lines stay aligned with their columns."""
    if not _PIPE.search(line):
        return None
    cells = _raw_pipe_cells(line)
    lead, trail = outer
    if lead and cells and not cells[0]:
        cells = cells[1:]
    if trail and cells and not cells[-1]:
        cells = cells[:-1]
    return cells


_SECTION = re.compile(r"^[一二三四五六七八九十]+[、.．]|^[(（][一二三四五六七八九十]+[)）]")
_NUMBER_CELL = re.compile(r"^[(（]?[\d一二三四五六七八九十]+[)）]?[.、．]?$")


def _pipe_table(lines: list[str], start: int) -> tuple[Table, int] | None:
    """A ``|`` table from ``start`` on. Under a header row, a short section line between rows
    ("二、项目建设") stays in the table as a row of its own (text in the first cell, as an HTML
    colspan row reads), and a row whose numbered first cell is empty continues the cells of
    the row above (a cell running onto a second line)."""
    first = _raw_pipe_cells(lines[start])
    outer = (len(first) > 1 and not first[0], len(first) > 1 and not first[-1])
    header = has_header(_row_cells(lines[start], outer) or [])
    rows: list[list[str]] = []
    i = start
    while i < len(lines):
        if _MD_RULE.match(lines[i]) and _PIPE.search(lines[i]):
            i += 1
            continue
        cells = _row_cells(lines[i], outer)
        if cells is None and header and rows and _SECTION.match(lines[i].strip(" \t\u3000")) \
                and len(lines[i].strip()) <= 30 and "。" not in lines[i] \
                and i + 1 < len(lines) and _PIPE.search(lines[i + 1]):
            rows.append([lines[i].strip(" \t\u3000")])
            i += 1
            continue
        if cells is None or len(cells) < 2:
            break
        rows.append(cells)
        i += 1
    data = [r for r in rows if len(r) > 1]
    if len(data) < 2:
        return None
    width = Counter(len(r) for r in data).most_common(1)[0][0]
    if width < 2 or sum(len(r) == width for r in data) < max(2, 0.6 * len(data)):
        return None
    if not _looks_tabular(data):
        return None
    numbered = header and any(len(r) == width and _NUMBER_CELL.match(r[0]) for r in data[1:])
    fixed: list[list[str]] = []
    for r in rows:
        r = (r + [""] * width)[:width]
        above = fixed[-1] if fixed else None
        if numbered and above is not None and not r[0] and any(r) \
                and _NUMBER_CELL.match(above[0]) and any(above[1:]):
            for k, cell in enumerate(r):
                above[k] = continued_cell(fixed[0][k], above[k], cell)
            continue
        fixed.append(r)
    return Table(rows=tuple(tuple(r) for r in fixed)), i


def _column_of(cell: _Cell, starts: list[int]) -> int:
    """Index of the column whose start is closest to the fragment's start."""
    return min(range(len(starts)), key=lambda k: (abs(starts[k] - cell.start), k))


def _tab_stop(line: str) -> int | None:
    """The run of spaces a copy put for each tab, when every gap of ``line`` (a header) is
    that same run of plain spaces ("序号    项目名称    总投资"); else None."""
    gaps = _GAP.findall(line.strip(" "))
    sizes = {len(g) for g in gaps}
    return sizes.pop() if len(sizes) == 1 and all(set(g) == {" "} for g in gaps) else None


def _tab_stop_cells(line: str, stop: int, width: int) -> list[str] | None:
    """The cells of a row whose tabs became ``stop`` spaces each: a run of k·stop spaces parts
    two cells with k-1 empty ones between ("0.8        规划建设局"); None when a run is no
    multiple of the stop or the cells overflow the header's ``width``."""
    cells: list[str] = []
    pos = 0
    text = line.rstrip(" ")
    for gap in [*re.finditer(r" {2,}", text), None]:
        end = gap.start() if gap else len(text)
        cells.append(text[pos:end])
        if gap:
            if len(gap.group()) % stop:
                return None
            cells += [""] * (len(gap.group()) // stop - 1)
            pos = gap.end()
    return cells + [""] * (width - len(cells)) if len(cells) <= width else None


def _space_table(lines: list[str], start: int) -> tuple[Table, int] | None:  # noqa: C901 — one pass over the rows, each kind of line a branch
    first = space_cells(lines[start])
    width = len(first)
    if width < 2 or any(len(c.text) > _MAX_CELL for c in first):
        return None
    header = has_header([c.text for c in first])
    stop = _tab_stop(lines[start]) if header else None
    starts = [c.start for c in first]
    rows: list[list[str]] = [[c.text for c in first]]
    full_rows = 1
    i = start + 1
    while i < len(lines):
        line = lines[i]
        if not line.strip(" \t\u3000\xa0"):
            break
        cells = space_cells(line)
        if not cells or len(cells) > width or any(len(c.text) > _MAX_CELL for c in cells):
            break
        at_left = abs(cells[0].start - starts[0]) <= 2 and _column_of(cells[0], starts) == 0
        rest = space_cells(lines[i + 1]) if i + 1 < len(lines) else []
        if at_left and len(cells) == 1 and _ROW_NUMBER.match(cells[0].text) and len(rest) == width - 1:
            # a row that wrapped right after its number ("2\t" + the other cells on the next line)
            rows.append([cells[0].text] + [c.text for c in rest])
            full_rows += 1
            i += 2
            continue
        if len(cells) == width:
            rows.append([c.text for c in cells])
            starts = [c.start for c in cells]  # later rows align like the latest full row
            full_rows += 1
        elif stop and at_left and len(cells) > 1 and (by_stops := _tab_stop_cells(line, stop, width)):
            rows.append(by_stops)  # a row with empty cells, its tabs turned into spaces
            full_rows += 1
        elif header and at_left and len(cells) == 1 and _section_row(lines, i, _GAP):
            rows.append([cells[0].text])  # "二、社会事业项目（2个）" between the rows
        elif at_left and len(cells) == width - 1 and width >= 4:
            # a row with one empty cell (备注 left blank …): place fragments by position
            row = [""] * width
            for c in cells:
                k = _column_of(c, starts)
                row[k] = _merge_text(row[k], c.text)
            rows.append(row)
            full_rows += 1
        elif _PIPE.search(line) or not all(
            min(abs(c.start - st) for st in starts) <= 2 for c in cells
        ) or (at_left and len(cells) == 1):
            break  # prose or another construct: the table ended
        else:
            # continuation line of multi-line cells: append to the row above by position
            for c in cells:
                k = _column_of(c, starts)
                rows[-1][k] = _merge_text(rows[-1][k], c.text)
        i += 1
    needed = 2 if header else 3
    if full_rows < needed:
        return None
    if not _looks_tabular(rows):
        return None
    return Table(rows=tuple(tuple(r) for r in rows)), i


def _tab_cells(line: str) -> list[str]:
    return [c.strip(" \u3000\xa0") for c in line.split("\t")]


def _section_row(lines: list[str], i: int, marker: re.Pattern[str]) -> bool:
    """A short section line between the rows of a table ("二、新开工项目（3个）"), the next line
    a row again (one holding ``marker``)."""
    text = lines[i].strip(" \t\u3000")
    return bool(_SECTION.match(text)) and len(text) <= 30 and "。" not in text \
        and i + 1 < len(lines) and marker.search(lines[i + 1]) is not None


def _tab_table(lines: list[str], start: int) -> tuple[Table, int] | None:
    """A table a spreadsheet exported with one tab between cells, under a header row: every
    tab parts two cells, so an empty cell keeps its place ("\t合计\t\t20.7\t7.1" under
    "序号\t项目名称\t建设内容\t总投资（亿元）…"), which the positions of wide-space rows cannot
    tell. A section line between rows ("一、续建项目（2个）") stays a row of its own, as an HTML
    colspan row reads, and a row cut right after its number ("2\t") joins the line after it."""
    header = _tab_cells(lines[start])
    width = len(header)
    if width < 3 or not has_header(header):
        return None
    rows: list[list[str]] = [header]
    i = start + 1
    while i < len(lines):
        cells = _tab_cells(lines[i])
        if _ROW_NUMBER.match(cells[0]) and not any(cells[1:]) and i + 1 < len(lines) \
                and len(_tab_cells(lines[i + 1])) == width - 1:
            cells = cells[:1] + _tab_cells(lines[i + 1])  # "3" (its tab stripped or not)
            i += 1
        elif "\t" not in lines[i]:
            if not _section_row(lines, i, re.compile("\t")):
                break
            rows.append([lines[i].strip(" \t\u3000")])
            i += 1
            continue
        elif len(cells) < width:
            cells, i = _wrapped_row(lines, i, width)
        while len(cells) > width and not cells[-1]:
            cells.pop()
        if len(cells) > width:
            break
        rows.append(cells + [""] * (width - len(cells)))
        i += 1
    if sum(len(r) == width for r in rows) < 3 or not _looks_tabular(rows):
        return None
    return Table(rows=tuple(tuple(r) for r in rows)), i


_MAX_WRAPS = 4  # lines a row of a tab table may wrap onto


def _wrapped_row(lines: list[str], i: int, width: int) -> tuple[list[str], int]:
    """A row of a tab table whose cells wrapped onto the next lines (a word processor's cell
    broken in the middle of a name, "1\t砚港新能源" / "材料产业园\t新建…"): each next line's
    first piece continues the cell the line before ended in. The lines join when together
    they fill the header's columns exactly and none of them opens the next numbered row;
    else the row stays as it is (its last cells left empty). Returns the cells and the index
    of the row's last line."""
    cells = _tab_cells(lines[i])
    for k in range(i + 1, min(i + 1 + _MAX_WRAPS, len(lines))):
        more = _tab_cells(lines[k])
        if not lines[k].strip(" \t\u3000\xa0") or _ROW_NUMBER.match(more[0]) \
                or len(cells) + len(more) - 1 > width:
            break
        cells = cells[:-1] + [_merge_text(cells[-1], more[0])] + more[1:]
        if len(cells) == width:
            return cells, k
    return _tab_cells(lines[i]), i


# A header cell of a single-space table is a short column word ("联系人" too: a contact's column)
_WORD_HEADER_MAX = 10
_CONTACT_WORDS = ("联系人",)


def _word_table(lines: list[str], start: int) -> tuple[Table, int] | None:
    """A table a PDF or Word copy left with one plain space between cells: a header line made
    only of column words ("序号 工作任务 责任单位 责任人 联系人 完成时限"), then rows that open
    with their number ("1 建成X平台，新增… 产业促进局 王立新（副主任） 李雯 2025年9月").
    Task cells in the genre hold no spaces, so each space parts two cells; a row stays ragged
    when a cell is empty, and extraction places its cells by what they hold. Section lines
    between rows stay rows of their own; a blank line or prose ends the table."""
    header = lines[start].split()
    known = [w for w in header if any(h in w for h in HEADER_WORDS + _CONTACT_WORDS)]
    if len(header) < 3 or len(known) != len(header) or any(len(w) > _WORD_HEADER_MAX for w in header) \
            or not any(re.search(r"单位|部门", w) for w in header):
        return None
    rows: list[list[str]] = [header]
    i = start + 1
    row_start = re.compile(r"^\s*\d{1,3}[.、．]?\s")
    while i < len(lines):
        if row_start.match(lines[i]):
            rows.append(lines[i].split())
        elif _section_row(lines, i, row_start):
            rows.append([lines[i].strip(" \t\u3000")])
        else:
            break
        i += 1
    if sum(len(r) > 2 for r in rows[1:]) < 2:
        return None
    return Table(rows=tuple(tuple(r) for r in rows)), i


# A line that is only table debris: the "|" a site leaves between flattened cells.
_DEBRIS = re.compile(r"^[\s|｜?？]*$")
# A row's own number on a line of its own: 3, 3., (一), 一、
_ROW_NUMBER = re.compile(r"^(?:\d{1,3}[.、．]?|[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．]?)$")
# A task cell that starts with its number ("2.一般公共预算收入增长6%"), or a section row ("一、主要指标")
_NUMBERED_TEXT = re.compile(r"^(?:\d{1,3}[.、．](?!\d)|[一二三四五六七八九十]{1,3}[、.．])\s*\S")
_NOTE = re.compile(r"^(?:注|说明)\s*[:：]")
TOTAL = re.compile(r"^(?:合计|总计|小计)$")  # a totals row opens a row of its own
_HEADER_LINE_MAX = 10
_CELL_LINE_MAX = 300


def _header_word(line: str) -> bool:
    text = line.replace(" ", "")
    return len(text) <= _HEADER_LINE_MAX and any(w in text for w in HEADER_WORDS)


def _project_column(line: str) -> bool:
    text = line.replace(" ", "")
    return len(text) <= _HEADER_LINE_MAX and any(w in text for w in PROJECT_COLUMN_WORDS)


def _cell_lines(lines: list[str], start: int, end: int) -> list[tuple[int, str]]:
    return [(k, lines[k].strip(" \t\u3000\xa0")) for k in range(start, end) if not _DEBRIS.match(lines[k])]


def _line_table(lines: list[str], start: int) -> tuple[Table, int] | None:
    """A table flattened to one cell per line (cells parted by blank lines or "|" debris).

    The header is a run of short lines holding column words (序号, 重点工作, 责任领导,
    责任单位 …) and short words between them ("区本级"). Rows start
    at a line holding only a row number ("3", "(一)") or at a numbered task ("2.一般公共预算
    收入增长6%") once the row above has its text. Rows stay ragged: an empty cell leaves no
    line, so extraction places each cell in its column by what it holds (a number, a task,
    people, units, a deadline).
    """
    cells = _cell_lines(lines, start, min(len(lines), start + 60))
    header: list[str] = []
    i = start
    for k, text in cells:
        if _ROW_NUMBER.match(text) or _NUMBERED_TEXT.match(text):
            break
        if _header_word(text) or (header and (len(text) <= 4 or _project_column(text))):
            header.append(text.replace(" ", ""))  # a short word between column words: "区本级"
        else:
            break
        i = k + 1
    words = sum(1 for h in header if any(w in h for w in HEADER_WORDS))
    if words < 3 or not any(re.search(r"单位|部门", h) for h in header):
        return None
    rows: list[list[str]] = [header]
    row: list[str] | None = None
    end = i
    for k, text in _cell_lines(lines, i, len(lines)):
        if len(text) > _CELL_LINE_MAX or _NOTE.match(text):
            break  # a note under the table ("注：排在第一位的为牵头单位") is text again
        starts = TOTAL.match(text) or _ROW_NUMBER.match(text) and _numbers_row(text, row, header) or (
            _NUMBERED_TEXT.match(text) and (row is None or _NUMBERED_TEXT.match(row[0])
                                            or any(len(c) >= 8 or "。" in c for c in row[1:])))
        if row is None or starts:
            row = [text]
            rows.append(row)
        elif len(row) > 1 and _wrapped_on(row[-1], text):
            row[-1] += text
        else:
            row.append(text)
        end = k + 1
    if len(rows) < 2:
        return None
    while end < len(lines) and lines[end].strip() and _DEBRIS.match(lines[end]):
        end += 1  # the "|" left after the last cell
    return Table(rows=tuple(tuple(r) for r in rows)), end


# A column of figures ("总投资（亿元）", "年度计划投资", "金额（万元）"): a number on its line is its cell
_FIGURE_COLUMN = re.compile(r"投资|[亿万]元|金额|资金")


def _numbers_row(text: str, row: list[str] | None, header: list[str]) -> bool:
    """Does a line holding a number alone open the next row? In a row whose next column holds
    figures ("1 | X项目 | 建设内容" before 总投资) it is that cell ("45"), and in a row of
    numbered rows only the number after the row's own opens one."""
    if row is None or not text.isdigit():
        return True
    if len(row) < len(header) and _FIGURE_COLUMN.search(header[len(row)]):
        return False
    return not row[0].isdigit() or int(text) == int(row[0]) + 1


def _wrapped_on(cell: str, line: str) -> bool:
    """A task cell cut before a figure ("…力争园区产值达到" + "260亿元，新增…。"): a long text
    that stops mid-sentence and a line that opens with an amount (a number and its measure;
    not a date: a deadline cell "2024年12月" follows a task cell that ends without a stop too)."""
    return len(cell) >= 12 and cell[-1] not in "。；;！!？?)）" and _FIGURE_START.match(line) is not None


_FIGURE_START = re.compile(r"\d+(?:\.\d+)?\s*(?:[个家项亿万千百元%％倍条座批次名人户亩套处]|平方米|公里)")


# A glued header: three or more column words with nothing between them
_GLUED_HEADER = re.compile("(?:" + "|".join(sorted(HEADER_WORDS, key=len, reverse=True)) + ")")
# Measure words after a number that make it an amount, not a row number ("6万元", "3个")
_MEASURE = "年月日号个家项亿万元%％倍条座期批次名人户亩米层天小时度"
_SECTION_GLUED = re.compile(r"(?<![一二三四五六七八九十])[一二三四五六七八九十]{1,3}、(?=[\u4e00-\u9fff])")


def _glued_header(line: str) -> tuple[int, int, list[str]] | None:
    """(start, end, cells) of a header whose column words are glued together
    ("序号主要工作任务第一责任单位主要责任单位"): each cell runs from the end of the column
    word before it to the end of its own word, so "主要", "第一" stay with their column."""
    hits = list(_GLUED_HEADER.finditer(line))
    for k in range(len(hits)):
        run = [hits[k]]
        for h in hits[k + 1:]:
            if h.start() - run[-1].end() > 3:
                break
            run.append(h)
        if len(run) >= 3 and any(re.search(r"单位|部门", h.group()) for h in run):
            cells, prev = [], run[0].start()
            for h in run:
                cells.append(line[prev:h.end()])
                prev = h.end()
            return run[0].start(), run[-1].end(), cells
    return None


def _next_row_number(text: str, number: int, start: int) -> int | None:
    """Where row ``number`` begins in glued text: the number alone (not part of a longer
    number, an amount "6万元" or a page mark "—2—"), followed by the row's text."""
    for m in re.finditer(rf"(?<![\d.—\-]){number}(?![\d.—\-])", text[start:]):
        at = start + m.start()
        after = text[at + len(str(number)):at + len(str(number)) + 1]
        if after and after not in _MEASURE and re.match(r"[\u4e00-\u9fff“(（]", after):
            return at
    return None


def _glued_table(line: str) -> tuple[str, Table] | None:
    """A Word table a document site dumped with no separators at all: a glued header, then
    rows found by their running numbers 1, 2, 3 … (section titles 一、二、 in between).
    Returns the text before the table and the table with ragged one-text-cell rows; the
    extraction splits each row's task from the units glued after it."""
    found = _glued_header(line)
    if found is None:
        return None
    start, end, header = found
    body = re.sub(r"—\s*\d{1,3}\s*—", "", line[end:])  # page marks "—2—" between rows
    cuts: list[int] = []
    number, pos = 1, 0
    while (at := _next_row_number(body, number, pos)) is not None:
        cuts.append(at)
        number, pos = number + 1, at + 1
    if len(cuts) < 2:
        return None
    cuts += [m.start() for m in _SECTION_GLUED.finditer(body)]
    cuts = sorted(set(cuts))
    rows: list[tuple[str, ...]] = [tuple(header)]
    if body[:cuts[0]].strip():
        rows.append((body[:cuts[0]].strip(),))
    for a, b in zip(cuts, cuts[1:] + [len(body)]):
        piece = re.sub(r"—\d+—", "", body[a:b]).strip()
        number_cell = re.match(r"^\d+(?=\D)", piece)
        rows.append((number_cell.group(), piece[number_cell.end():].strip()) if number_cell else (piece,))
    return line[:start].strip(), Table(rows=tuple(rows))


# A quoted CSV cell may hold line breaks; a record spanning more lines than this is no record.
_CSV_RECORD_LINES = 12


def _csv_record(lines: list[str], start: int) -> tuple[list[str], int] | None:
    """The cells of the CSV record that opens at ``start`` and the line after it: a quoted
    cell ("A,B" or one broken over lines) is one cell, its line breaks read as a comma (an
    exported cell's line break parts its items: two units, a work and its size)."""
    text = lines[start]
    end = start + 1
    while text.count('"') % 2 and end < len(lines) and end - start < _CSV_RECORD_LINES:
        text += "\n" + lines[end]
        end += 1
    if text.count('"') % 2:
        return None
    [cells] = list(csv.reader([text.replace("\n", "\r")], skipinitialspace=True)) or [[]]
    return [_joined_breaks(c.strip(" \t\u3000")) for c in cells], end


def _joined_breaks(cell: str) -> str:
    out = ""
    for part in (p.strip() for p in cell.split("\r")):
        if part:
            out += part if not out or out[-1] in "，,、；;。：:" else "，" + part
    return out


def _csv_table(lines: list[str], start: int) -> tuple[Table, int] | None:
    """A table a spreadsheet exported as CSV: a header line of comma-separated column words
    (序号,工作任务,牵头单位,…), then records of as many cells, empty ones kept ("9,,区财政局")
    and trailing separators of an empty row (",,,,") skipped. It ends at the first line that
    is no record of that width (a note under the table)."""
    first = _csv_record(lines, start)
    if first is None or len(first[0]) < 3 or not has_header(first[0]):
        return None
    header, i = first
    rows = [header]
    while i < len(lines):
        record = _csv_record(lines, i)
        if record is None or len(record[0]) != len(header):
            break
        cells, i = record
        if any(cells):
            rows.append(cells)
    if len(rows) < 2:
        return None
    return Table(rows=tuple(tuple(r) for r in rows)), i


def split_blocks(lines: list[str]) -> list[str | Table]:
    """Split body lines into plain lines and tables, keeping their order."""
    out: list[str | Table] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        found = box_table(lines, i)
        if found is None and _header_word(line.strip(" \t\u3000\xa0")):
            found = _line_table(lines, i)
        if found is None and "," in line and not _PIPE.search(line):
            found = _csv_table(lines, i)
        if found is None and len(line) > 200 and not _PIPE.search(line):
            glued = _glued_table(line)
            if glued is not None:
                before, table = glued
                out += [before, table] if before else [table]
                i += 1
                continue
        stripped = line.strip(" \t\u3000\xa0")
        if found is None and " " in stripped and not _GAP.search(stripped) and not _PIPE.search(line):
            found = _word_table(lines, i)
        if found is None and _PIPE.search(line):
            found = _pipe_table(lines, i)
        elif found is None and _GAP.search(line.strip(" \t\u3000\xa0")):
            found = (_tab_table(lines, i) if "\t" in line else None) or _space_table(lines, i)
        if found is not None:
            table, i = found
            out.append(table)
            continue
        out.append(line)
        i += 1
    return out
