"""Who leads what: "(牵头部门:经发局;参与部门:财政局、建设局)", "由X牵头", responsibility
tables (序号 | 重点工作 | 责任领导 | 责任单位 | 完成时限).

A task that names its lead department is a project (GUIDELINES), named by its heading or
task text. People in a 责任领导 column are never agencies, so that column is skipped.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from zonekg.loaders.extraction import lexicon
from zonekg.loaders.extraction.text import HEADING_NUMBER, Sentence

SPLIT = re.compile(r"[、,，;；/\s]+|和|及")


@dataclass
class Assignment:
    task: str
    lead: list[str]
    participants: list[str]
    sentence: Sentence
    extra: dict = field(default_factory=dict)


@functools.cache
def _cfg():
    return lexicon.load("responsibility")


@functools.cache
def _label_re() -> re.Pattern:
    c = _cfg()
    labels = sorted(c["lead_labels"] + c["responsible_labels"] + c["participant_labels"],
                    key=len, reverse=True)
    return re.compile(rf"({'|'.join(labels)})\s*[:：]\s*([^;；)）:：]+)")


def agencies_of(cell: str) -> list[str]:
    """Split a list of units as written ("财政局、建设局和国土分局") into names."""
    out = []
    for part in SPLIT.split(cell):
        part = part.strip("。.()（）“”\"' ")
        part = re.sub(r"^(?:等|各)|等$|等(?:\d+个)?(?:部门|单位)$", "", part)
        if len(part) >= 2 and not part.isdigit():
            out.append(part)
    return out


def task_name(text: str) -> str:
    """A task's name: its heading or first clause without numbering or the bracket."""
    t = re.sub(r"[(（][^()（）]*(?:牵头|责任|参与|配合)[^()（）]*[)）]", "", text)
    t = HEADING_NUMBER.sub("", t, count=1).strip()
    t = re.split(r"[。;；:：]", t)[0]
    if len(t) > 30:
        t = re.split(r"[,，]", t)[0]
    return t.strip(" 。,，")


def from_sentences(sents: list[Sentence]) -> list[Assignment]:
    """Assignments stated in running text, attached to the task they follow."""
    c = _cfg()
    out: list[Assignment] = []
    para_first: dict[int, Sentence] = {}
    last_heading: Sentence | None = None
    for s in sents:
        if s.cells is not None:
            continue
        para_first.setdefault(s.para, s)
        if s.heading:
            last_heading = s
        labels = list(_label_re().finditer(s.text))
        lead: list[str] = []
        part: list[str] = []
        if labels:
            has_lead = any(m.group(1) in c["lead_labels"] for m in labels)
            for m in labels:
                names = agencies_of(m.group(2))
                if m.group(1) in c["lead_labels"]:
                    lead += names
                elif m.group(1) in c["responsible_labels"]:
                    (part if has_lead else lead).extend(names)
                else:
                    part += names
        for m in re.finditer(r"由([^,，。;；由]{2,20}?)牵头", s.text):
            lead += agencies_of(m.group(1))
        if not lead:
            continue
        # the task: this sentence when it is a heading or starts the paragraph with the label
        # in brackets, else the paragraph's first sentence, else the last heading
        if s.heading or labels and s.text.lstrip().startswith(tuple("(（一二三四五六七八九十0123456789•")):
            task_src = s
        elif para_first.get(s.para) is not s:
            task_src = para_first[s.para]
        elif last_heading is not None and (labels and _label_re().search(s.text).start() == 0
                                           or s.text.startswith("由")):
            task_src = last_heading
        else:
            task_src = s
        name = task_name(task_src.text)
        if len(name) >= 4:
            out.append(Assignment(name, lead, part, s))
    return out


def from_tables(sents: list[Sentence]) -> list[Assignment]:
    """Assignments from responsibility tables (Table blocks or text rows)."""
    c = _cfg()
    out: list[Assignment] = []
    header: dict[str, int] | None = None
    prev: Assignment | None = None
    prev_block = None
    for s in sents:
        if s.cells is None:
            header, prev = None, None
            continue
        if s.block != prev_block and not s.header_row and header is None:
            pass
        prev_block = s.block
        cells = s.cells
        found = _header(cells)
        if found:
            header, prev = found, None
            continue
        if header is None:
            continue
        get = lambda key: cells[header[key]] if key in header and header[key] < len(cells) else ""
        task = get("task")
        # a cell spanning several lines: continuation rows leave the number cell empty
        # (readers may drop the empty leading cell, so a non-number first cell counts too;
        # cells are then read by content: unit names join the leads, the rest the task)
        if prev is not None and "no" in header and not re.fullmatch(r"[\d一二三四五六七八九十]+[.、]?", get("no")):
            for cell in cells:
                if not cell or cell in prev.extra.get("people", ()):
                    continue
                units = agencies_of(cell)
                if units and all(re.search(r"(局|办|委|室|中心|镇|街道|组|公司)$", u) for u in units):
                    prev.lead += units
                elif not re.search(r"\d+年|\d+月", cell) and len(cell) > 3:
                    prev.task += cell
            continue
        leads = agencies_of(get("lead"))
        parts = agencies_of(get("part"))
        if "part" not in header and "lead_explicit" not in header and len(leads) > 1:
            # 责任单位 "A、B": first is the lead when the table has no separate 牵头 column
            pass
        if task and leads:
            prev = Assignment(task, leads, parts, s)
            out.append(prev)
    for a in out:
        a.task = task_name(a.task)
    return [a for a in out if len(a.task) >= 2]


def _header(cells: tuple[str, ...]) -> dict[str, int] | None:
    c = _cfg()
    cols: dict[str, int] = {}
    for i, cell in enumerate(cells):
        cell = cell.replace(" ", "")
        if cell in ("序号", "编号", "序"):
            cols["no"] = i
        elif any(w == cell or cell.startswith(w) for w in c["person_columns"]):
            cols["person"] = i
        elif any(w in cell for w in c["deadline_columns"]):
            cols["deadline"] = i
        elif any(w in cell for w in c["participant_labels"]) or cell in ("配合", "参与"):
            cols["part"] = i
        elif any(w in cell for w in c["lead_labels"] + c["responsible_labels"]):
            cols["lead"] = i
        elif any(w in cell for w in c["task_columns"]):
            cols.setdefault("task", i)
    return cols if "task" in cols and "lead" in cols else None
