"""Column roles of a responsibility or project table, and rows placed into them by what each
cell holds.

A table a site flattened to one cell per line (:func:`zonekg.loaders.readers.tables`) keeps
no trace of empty cells, so its rows are ragged: "1 | 地区生产总值增长6.5%。 | 区发改局" under
"序号 | 重点工作 | 区本级 | 任务数 | 责任单位". Each cell has a type (a row number, a task
text, people, units, a deadline, an amount), each column accepts some types, and the cells
are placed left to right into the next column that accepts them. Header words are in
``data/responsibility.yaml``.
"""
from __future__ import annotations

import functools
import re

from zonekg.loaders.extraction import lexicon, people
from zonekg.loaders.extraction.units import LEAD_MARK, agencies_of
from zonekg.loaders.extraction.wordscan import holds_any

ROW_NUMBER = re.compile(r"^(?:\d{1,3}[.、．]?|[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．]?)$")
# A task cell that carries the row's number: "2.一般公共预算收入增长6%"
NUMBERED_TASK = re.compile(r"^(\d{1,3})[.、．](?!\d)\s*(\S.*)$")
DEADLINE = re.compile(r"^(?:\d{4}年(?:底|末|内)?)?(?:\d{1,2}月(?:底|末|中旬|上旬|下旬)?|年底|年内|年末|全年|长期|持续推进"
                      r"|按.{1,6}推进)?(?:前|以前|完成)?$")
AMOUNT = re.compile(r"^[\d.,/%％个项家亿万元平方米亩条座公里\s以上左右]+$")

# Which cell types a column of each role takes.
ACCEPTS = {
    "no": {"number"},
    "task": {"text"},
    "project": {"text"},
    "content": {"text", "amount"},
    "person": {"people"},
    "lead": {"units"},
    "part": {"units"},
    "deadline": {"deadline"},
    "invest": {"amount"},
    "area": {"amount"},
    None: {"amount", "label"},
}


@functools.cache
def _cfg() -> dict:
    return lexicon.load("responsibility")


def header_roles(cells: tuple[str, ...], need_units: bool = True) -> dict[str, int] | None:
    """Role → column of a header row (``no``, ``task``, ``project``, ``person``, ``lead``,
    ``part``, ``deadline``, ``invest``, ``area``, ``content``), or None when the row is not the
    header of a responsibility or project table (it needs a task and a unit column; with
    ``need_units=False`` a project column alone, for a table whose lead the text states)."""
    cols: dict[str, int] = {}
    bare_project: int | None = None
    for i, cell in enumerate(cells):
        role = _header_role(cell.replace(" ", ""))
        if role == "unit":  # 第一责任单位 | 主要责任单位: the first column leads
            cols["part" if "lead" in cols and "part" not in cols else "lead"] = i
        elif role == "bare project":
            bare_project = i  # a project column, or the group a task column's rows fall under
        elif role == "project":
            cols["task"] = cols["project"] = i
        elif role == "task":
            cols.setdefault("task", i)
        elif role:
            cols[role] = i
    if bare_project is not None and "task" not in cols:
        cols["task"] = cols["project"] = bare_project
    if not need_units:
        return cols if "project" in cols else None
    return cols if "task" in cols and "lead" in cols else None


def _header_role(cell: str) -> str | None:
    """What a header cell (spaces removed) names: a role of :func:`header_roles`, ``unit``
    (a lead or responsible column), ``bare project`` (项目 alone), or None."""
    c = _cfg()
    bare = re.sub(r"[(（][^)）]*[)）]", "", cell)
    if cell in ("序号", "编号", "序"):
        return "no"
    if any(w == cell or cell.startswith(w) for w in c["person_columns"]):
        return "person"
    if holds_any(cell, c["deadline_columns"]):
        return "deadline"
    if holds_any(cell, c["participant_labels"]) or cell in ("配合", "参与"):
        return "part"
    if holds_any(cell, c["lead_labels"] + c["responsible_labels"]):
        return "unit"
    if any(bare == w or bare.startswith(w) for w in c["investment_columns"]):
        return "invest"
    if bare in c["area_columns"]:
        return "area"
    if bare in c["content_columns"]:
        return "content"
    if bare == "项目":
        return "bare project"
    if bare in c["project_columns"]:
        return "project"
    if holds_any(cell, c["task_columns"]):
        return "task"
    return None


def cell_type(cell: str) -> str:
    """number, people, units, deadline, amount, label (a short word) or text."""
    text = cell.strip()
    if ROW_NUMBER.match(text):
        return "number"
    if people.people_in(text):
        return "people"
    if text and DEADLINE.match(text.replace(" ", "")):
        return "deadline"
    if AMOUNT.match(text) and re.search(r"\d", text):
        return "amount"
    if _units(text):
        return "units"
    if len(text) <= 10 and "。" not in text and not re.search(r"[,，;；]", text):
        return "label"
    return "text"


# A row spanning the table that opens a section: "三、加快新城建设", "（二）基础设施项目（3个）"
SECTION = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[、.．]|[(（][一二三四五六七八九十]{1,3}[)）]|第[一二三四五六七八九十]{1,3}(?:部分|类|篇))"
                     r"\s*[\u4e00-\u9fff“]")


def section_row(cells: tuple[str, ...]) -> bool:
    """A row with one cell that opens a section of the table (not a task numbered 一、 with
    its units in the cells after it)."""
    filled = [c for c in cells if c.strip()]
    return len(filled) == 1 and SECTION.match(filled[0].strip()) is not None


def total_row(cells: tuple[str, ...]) -> bool:
    """A row that sums the rows above ("合计 | | 591000 | 129000"): its label is a total word."""
    labels = set(_cfg()["total_row_labels"])
    return any(c.replace(" ", "") in labels for c in cells[:3])


def units_in_place(roles: dict[str, int], cells: tuple[str, ...]) -> bool:
    """Whether the row's lead column holds units (or nothing while no other cell does): a
    row whose units were pushed into the next column by a wrapped task cell does not."""
    lead = roles.get("lead")
    if lead is None:
        return True
    cell = cells[lead] if lead < len(cells) else ""
    if cell.strip():
        return cell_type(cell) == "units"
    return not any(cell_type(c) == "units" for c in cells if c.strip())


def _units(text: str) -> bool:
    suffixes, more = tuple(_cfg()["unit_suffixes"]), tuple(_cfg()["table_unit_suffixes"])
    found = agencies_of(text)
    # (a table's own unit ends need a stem: 经济发展科, not a page cut off at 市科)
    named = [u for u in found if LEAD_MARK.sub("", u).endswith(suffixes)
             or LEAD_MARK.sub("", u).endswith(more) and len(LEAD_MARK.sub("", u)) >= 3]
    return bool(found) and len(named) * 3 >= len(found) * 2 and all(len(u) <= 16 for u in found) \
        and "。" not in text


# Where a glued unit ends and the next begins: a scope opens it (市发展改革委|市经贸委|各县…)
_SCOPE_START = "市区县省各"


# A deadline glued to the end of a row's last unit: "…县经信局2025年12月", "…县住建局年底前"
GLUED_DEADLINE = re.compile(r"(?:\d{4}年\d{1,2}月(?:底|末|中旬|上旬|下旬)?|\d{4}年(?:底|末)|年底|年内|长期)前?$")


def split_units_tail(cell: str) -> list[str]:
    """A task with its units (and a deadline) glued after it ("…增长12%。市财政局各县(市、区)
    政府、嘉兴港区", "…。经济发展科县统计局2025年12月") → [task, first unit, the other units
    (, deadline)]; any other cell → [cell]."""
    if len(cell) < 8 or cell_type(cell) != "text":
        return [cell]
    deadline = GLUED_DEADLINE.search(cell)
    if deadline and deadline.start() > 0 and cell[deadline.start() - 1] not in "。；;，,":
        split = split_units_tail(cell[: deadline.start()])
        if len(split) > 1:
            return split + [deadline.group()]
    for p in range(2, len(cell) - 1):
        if not (cell[p - 1] in "。；;" or cell[p] in _SCOPE_START and cell[p - 1] not in _SCOPE_START):
            continue
        units = _glued_units(cell[p:])
        if units and (cell[p - 1] in "。；;" or len(units) >= 2):  # one name alone may be the task's
            return [cell[:p], units[0], "、".join(units[1:])] if len(units) > 1 else [cell[:p], units[0]]
    return [cell]


def _glued_units(tail: str) -> list[str] | None:
    """Every unit of a tail made of unit names only, glued or separated; None otherwise."""
    suffixes = tuple(_cfg()["unit_suffixes"]) + tuple(_cfg()["table_unit_suffixes"])
    firms = tuple(_cfg()["company_suffixes"])
    own_zone = lexicon.words("names", "own_zone_words")
    out: list[str] = []
    for piece in re.split(r"[、,，;；]+(?![^()（）]*[)）])", tail.strip("。 ")):
        start = 0
        for k in range(1, len(piece)):
            # a unit starts at a scope word (市|区|县…) after a unit, or after a firm's name
            # ("X建设发展有限公司项目推进科"): no unit's name goes on after 公司/集团; a firm
            # named after the plan's own zone opens one too ("规划建设科开发区建设发展有限公司":
            # a bureau's branch, 局开发区分局, never ends in 公司)
            opens = piece[k] in _SCOPE_START or piece[start:k].endswith(firms) and piece.endswith(suffixes) \
                or piece.startswith(own_zone, k) and piece.endswith(firms)
            if opens and piece[:k].endswith(suffixes) and piece[start:k].endswith(suffixes) \
                    and "(" not in piece[start:k].replace(")", "") and k - start >= 3:
                out.append(piece[start:k])
                start = k
        out.append(piece[start:])
    ok = all(2 <= len(u) <= 16 and "。" not in u and (re.sub(r"等$", "", u).endswith(suffixes) or u.startswith("各"))
             for u in out)  # (a unit holds no full stop: "区人才驿站…工程。综合协调科" is a task's end)
    return out if out and ok else None


def align(roles: dict[str, int], width: int, cells: tuple[str, ...]) -> tuple[str, ...]:
    """The cells of a ragged row placed in the columns of a ``width``-column header."""
    role_of: dict[int, str | None] = {i: None for i in range(width)}
    for role, i in roles.items():
        if role_of.get(i) is None:
            role_of[i] = role
    out = [""] * width
    pos = 0
    for cell in [piece for whole in cells for piece in split_units_tail(whole)]:
        if not cell.strip():
            continue  # an empty cell says nothing about where the next one goes
        kind = cell_type(cell)
        numbered = NUMBERED_TASK.match(cell)
        if numbered and kind in ("text", "label") and "no" in roles and not out[roles["no"]]:
            out[roles["no"]] = numbered.group(1)  # the row's number written in its task
        if kind == "label" and "task" in roles and pos <= roles["task"] and \
                not any(role_of[j] is None for j in range(pos, roles["task"])):
            kind = "text"  # a short task ("招商引资")
        target = next((j for j in range(pos, width) if kind in ACCEPTS[role_of[j]]), None)
        if target is None and kind == "label":
            target = next((j for j in range(pos, width) if "text" in ACCEPTS[role_of[j]]), None)
        if target is None:
            if kind in ("text", "label") and "task" in roles and out[roles["task"]]:
                out[roles["task"]] += cell  # the task cell ran on
            continue
        out[target] = f"{out[target]}、{cell}" if out[target] and kind == "people" else out[target] + cell
        pos = target if kind == "people" else target + 1
    return tuple(out)
