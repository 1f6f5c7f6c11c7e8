"""Quantitative goals: "地区生产总值增长10%", "新增高新技术企业5家", "分别达到60家、300家".

A sentence is cut into clauses; every number-with-unit in a clause is a candidate. It is
dropped when it is

- an attribute of something named with it: "总投资23亿元", "36万平方米的X", "20亿元以上项目"
  (a threshold qualifier belongs to the metric: "引进1个20亿元以上产业项目" is a count of 1),
  a size or distance that describes ("规划总面积2万亩", "其中建设用地1.1万亩", "距机场35公里");
- a count describing what is being worked on rather than a result to reach: the count after a
  process verb ("推进12个重点项目建设", "抓好…等15个项目") or after a list of named things
  ("把A、B、C等12个部门…"), or of what already exists ("在建52个项目");

and it is marked ``actual`` when its section, sentence or clause reports the past (see
:mod:`.context`; "累计…", "截至…", "2016年,…"). A verb of result (完成, 新增, 引进, 建成 …)
before the number keeps it a goal. The metric is the noun phrase before the number (verbs,
modal words and enumerations of names trimmed), or the noun after a count ("建成3个区级公园"),
inherited by following clauses that only say "达到350亿元"; one value after a 、-list of
rates is a goal for each rate. The year is the plan year unless the clause, or an earlier
clause of the sentence, says "到2020年" or "3年内" (a five-year plan: the period's end).

Numbers may be written in Chinese numerals (十五家, 八公里, 百分之十二 = 12%): only the number
span is converted. A single digit counting the noun after it ("一个中心", "两个基本点", "一批")
is a slogan unless a verb of creation precedes it.

Tables: a header is a row of short labels. Project tables (项目名称 | 总投资 | 建设内容) state no
goals. Indicator tables are read by column: a goal column (目标, 预期, a year from the plan year
on) gives targets, a column of actual figures (完成, 实际, an earlier year) statistics. In task
tables (序号 | 重点工作 | 责任单位 | 完成时限) each cell of running text is read as a sentence and
the deadline column dates it; rows without their own number continue the row above.
"""
from __future__ import annotations

import dataclasses
import functools
import re
from decimal import Decimal

from zonekg.loaders.extraction import lexicon
from zonekg.loaders.extraction.context import (DUE, YEAR, Context, past_years, plan_years,
                                               sentence_year, without_comparisons)
from zonekg.loaders.extraction.layout import Page
from zonekg.loaders.extraction.model import Evidence, Target, TargetKind
from zonekg.loaders.extraction.numerals import before_unit, clean, to_decimal
from zonekg.loaders.extraction.text import Sentence, norm
from zonekg.loaders.extraction.wordscan import holds_any

CLAUSE_SEP = re.compile(r"[,，;；:：。!?！？]")
CN = "一二两三四五六七八九十"
# A number as plans write it: Arabic (23, 1.9) or Chinese numerals (十五, 八十六, 九点五, 二百).
# 万/亿 stay with the unit (三十万吨 is 30 万吨) unless the numerals run on through 亿 into a 万
# unit (四亿五千万元 is 45000 万元); after 第 it is an ordinal (第一批), not a number.
CN_NUM = r"(?<!第)(?:[一二两三四五六七八九十百千]+亿(?=[零〇一二两三四五六七八九十百千]+万))?" \
    r"[零〇一二两三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?"
NUM = rf"\d+(?:\.\d+)?|{CN_NUM}"
NOUN_CHARS = r"[\u4e00-\u9fffA-Za-z0-9“”\"‘’·\-+.]"
MONEY_QUALIFIER = r"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+)\s*(?:亿元|万元|亿美元|万美元|亿)(?:以上|级)?"


class Qty:
    """One number with its unit in a clause: "15家", "十五家", "百分之十二" (X with unit %)."""

    __slots__ = ("m",)

    def __init__(self, m: re.Match):
        self.m = m

    def start(self) -> int:
        return self.m.start()

    def end(self) -> int:
        return self.m.end()

    @property
    def percent(self) -> bool:
        return self.m.group("pct") is not None

    def group(self, name):
        if self.percent:
            return {"num": self.m.group("pnum"), "unit": "%", "mod": self.m.group("pmod"),
                    "num2": None, "range": None}.get(name, self.m.group(name))
        return self.m.group(name)


class QtyRe:
    """``finditer``/``match`` of the quantity pattern, yielding :class:`Qty`."""

    def __init__(self, rx: re.Pattern):
        self.rx = rx

    def finditer(self, text: str) -> list[Qty]:
        return [Qty(m) for m in self.rx.finditer(text)]

    def match(self, text: str, pos: int = 0) -> Qty | None:
        m = self.rx.match(text, pos)
        return Qty(m) if m else None


def is_chinese_number(num: str) -> bool:
    return bool(num) and not num[0].isdigit()


def _rule(id: str) -> re.Pattern[str]:
    """A pattern of data/targets.yaml (slogan numerals, ordinals, a zone opening a metric), compiled once."""
    return lexicon.pattern("targets", id)


@functools.cache
def _cfg():
    cfg = lexicon.load("targets")
    unit_kind: dict[str, TargetKind] = {}
    for kind, units in cfg["units"].items():
        for u in units:
            unit_kind.setdefault(u, TargetKind(kind))
    for u in cfg["units"]["count"]:
        if not u.startswith(("万", "亿")):
            unit_kind.setdefault("万" + u, TargetKind.COUNT)  # "1.5万个岗位", "3万户"
    units = sorted(unit_kind, key=len, reverse=True)
    # a unit in Latin letters ends the word: "500P", not the P of "500PB"
    unit_re = "|".join(re.escape(u) + ("(?![A-Za-z])" if u[-1].isascii() and u[-1].isalpha() else "")
                       for u in units)
    qty = QtyRe(re.compile(
        rf"(?P<pct>百分之)(?P<pnum>{NUM})(?P<pmod>以上|左右|以内)?"
        rf"|(?P<num>{NUM})(?:\s*(?P<range>[-—~到至])\s*(?P<num2>{NUM}))?"
        rf"\s*(?:余|多)?(?P<unit>{unit_re})(?P<mod>以上|左右|以内|多)?"
    ))
    # "超10亿元、超百亿元的大项目": a list of amounts that ends on a noun qualifies that noun
    attr_list = re.compile(
        rf"^(?:以上|左右)?、(?:超|过|逾|近|约)?(?:\d+(?:\.\d+)?|[{CN}百千]+)\s*(?:{unit_re})"
        rf"(?:以上|左右)?(?:的|[\u4e00-\u9fff](?<![和及、并]))"
    )
    verbs = {}
    for v in cfg["process_verbs"]:
        verbs[v] = "process"
    for v in cfg["result_verbs"]:
        verbs[v] = "result"
    verb_re = re.compile("|".join(re.escape(v) for v in sorted(verbs, key=len, reverse=True)))
    return cfg, unit_kind, qty, attr_list, verbs, verb_re


@functools.cache
def _bracketed_attribute_re() -> re.Pattern:
    """An attribute word opening a bracket right before the amount: "X（建筑面积8.5万平方米）"."""
    cfg = lexicon.load("targets")
    words = "|".join(re.escape(w) for w in sorted(cfg["attribute_before"] + cfg["always_attribute_before"],
                                                  key=len, reverse=True))
    return re.compile(rf"[(（](?:{words})(?:约|近|达|超|为)?$")


@functools.cache
def _alternation(key: str) -> str:
    """The words of targets.yaml's ``key`` as one regex alternation, longest first."""
    return "|".join(re.escape(w) for w in _longest_first(tuple(lexicon.load("targets")[key])))


@functools.cache
def _ends_with_word_re(key: str) -> re.Pattern:
    """One of the words of targets.yaml's ``key`` at the end of a text, perhaps with 约/近/达/超/为
    after it ("总投资23亿元", "规划总面积约"): one pattern for every word, not a search per word."""
    words = "|".join(re.escape(w) for w in lexicon.load("targets")[key])
    return re.compile(rf"(?:{words})(?:约|近|达|超|为)?$" if words else r"(?!)")


@functools.lru_cache(maxsize=64)
def _longest_first(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(words, key=len, reverse=True))


def _strip_prefix(metric: str, prefixes: list[str]) -> str:
    changed = True
    ordered = _longest_first(tuple(prefixes))
    while changed and metric.startswith(ordered):  # (a pass that strips nothing ends it)
        changed = False
        for p in ordered:
            if metric.startswith(p) and len(metric) > len(p):
                metric, changed = metric[len(p):], True
    return metric


def _strip_verbs(metric: str, verbs: list[str]) -> str:
    changed = True
    ordered = _longest_first(tuple(verbs))
    while changed and metric.endswith(ordered):  # (a pass that strips nothing ends it)
        changed = False
        for v in ordered:
            if metric.endswith(v) and len(metric) > len(v):
                metric, changed = metric[: -len(v)], True
    return metric


def find(page: Page, main_zone: str | None) -> list[Target]:
    """Stage 7: all goals (and, with ``actual=True``, past statistics) of the document; a goal
    no sentence sets for another zone is the plan's zone's."""
    found = _document_targets(page.body, page.context)
    for t in found:
        t.zone = t.zone or main_zone
    return found


def _document_targets(sents: list[Sentence], ctx: Context) -> list[Target]:
    out: list[Target] = []
    header: tuple[str, ...] | None = None
    row: list[str] | None = None  # cells of the table row read last, open for continuations
    row_s: Sentence | None = None
    gap = 0  # lines of text since the last table row

    def flush():
        nonlocal row, row_s
        if row is not None and row_s is not None:  # (set together)
            out.extend(_row_targets(header, tuple(row), row_s, ctx))
        row, row_s = None, None

    for s in sents:
        if s.index in ctx.chrome:
            continue
        if s.cells is None:
            piece = _continuation_line(s.text)
            if row is not None and piece is not None:
                row[_content_column(header, row)] += piece  # "  | 建成投产 |  |  |"
                continue
            flush()
            gap += 1
            if gap > 1 or not s.heading:
                header = None  # a heading line between rows ("二、项目建设") keeps the header
            if s.header_row or _rule("heading_count").match(s.text):
                continue  # "一、项目建设类（4项）": the number of items below the heading
            out.extend(_sentence_targets(s, ctx))
            continue
        gap = 0
        cells = list(s.cells)
        if _is_header(cells):
            flush()
            header = s.cells
            continue
        note = _note(cells)
        if note is not None:
            flush()  # "注：2025年计划完成重大项目投资22.7亿元": a note under the table is prose
            out.extend(_sentence_targets(dataclasses.replace(s, text=note, cells=None, raw=None, origins=None), ctx))
            continue
        if row is not None and _continues(cells, row):
            _merge(row, cells)
            continue
        flush()
        filled = [c for c in cells if c]
        if len(filled) == 1 and (not re.search(r"\d", filled[0]) or _rule("heading_count").match(filled[0])):
            continue  # a section row inside the table ("一、主要经济指标", "二、续建项目（4个）")
        row, row_s = cells, s
    flush()
    return _restated_once(out)


def _restated_once(found: list[Target]) -> list[Target]:
    """A goal a document states twice (a report's lead and its body: "经济总量力争突破700亿元")
    is one goal; the statement that dates it ("到2022年,…") gives its year."""
    out: list[Target] = []
    first: dict[tuple, Target] = {}
    for t in found:
        key = (t.metric, t.kind, t.value, t.unit, t.actual)
        kept = first.get(key)
        if kept is None:
            first[key] = t
            out.append(t)
        elif DUE.search(norm(t.evidence.quote)) and not DUE.search(norm(kept.evidence.quote)):
            kept.year = t.year
    return out


# a figure cell; a goal may be written as a floor or a ceiling ("≥88", "≤0.45")
NUMBER_CELL = re.compile(r"(?:[-+]|[≥≤><＞＜]\s*)?\d+(?:\.\d+)?\s*(?:%|％)?")
BOUND = "≥≤><＞＜"
ROW_NUMBER = re.compile(r"[(（]?(?:\d{1,3}|[一二三四五六七八九十]{1,3})[)）]?[.、．]?")
UNIT_IN = re.compile(r"[(（]([^)）]{1,6})[)）]")


def _note(cells: list[str]) -> str | None:
    """The text of a note a table carries as a row of its own ("注：…", "备注：…" in its one
    filled cell), which states goals in sentences like the text around the table."""
    filled = [c.strip() for c in cells if c.strip()]
    if len(filled) != 1:
        return None
    label, _, text = filled[0].partition("：" if "：" in filled[0][:4] else ":")
    return text if text and label.strip() in lexicon.words("targets", "table_note_labels") else None


def _is_header(cells: list[str]) -> bool:
    """"序号 | 重点工作 | 责任单位 | 完成时限", "指标 | 单位 | 2022年目标": short labels, no
    numbers of their own, at least one word that heads a column."""
    cfg = _cfg()[0]
    filled = [c for c in cells if c]
    if len(filled) < 2 or any(len(c) > 14 or re.search(r"[,，。;；]", c) for c in filled):
        return False
    if any(NUMBER_CELL.fullmatch(c) or ROW_NUMBER.fullmatch(c) for c in filled):
        return False
    if _cfg()[2].finditer(" ".join(filled)):
        return False
    return any(w in c for c in filled for w in cfg["table_header_words"])


def _continuation_line(text: str) -> str | None:
    """"| 建成投产,二期完成主体工程 |  |  |": a cell running onto a line of its own."""
    t = text.strip()
    if not t.startswith("|"):
        return None
    parts = [p.strip() for p in t.split("|") if p.strip()]
    return parts[0] if len(parts) == 1 else None


def _continues(cells: list[str], row: list[str]) -> bool:
    """A row without its own number under a numbered row (or with an empty first cell)
    carries on the cells of the row above: "化工企业隐患整改" + "率100%". A row as full as
    the one above, or with a number where the row above has a value, is a row of its own
    (" | 工业增加值 | 亿元 | 80" under a category cell spanning rows)."""
    first = cells[0]
    if first and (ROW_NUMBER.fullmatch(first) or re.match(r"[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]", first)):
        return False
    if first and not ROW_NUMBER.fullmatch(row[0]):
        return False
    filled = [c for c in cells if c]
    if len(filled) >= max(2, len([c for c in row if c]) - 1):
        return False
    shift = 1 if first and len(cells) < len(row) else 0
    return not any(c and NUMBER_CELL.fullmatch(c) and k + shift < len(row) and row[k + shift]
                   for k, c in enumerate(cells))


def _merge(row: list[str], cells: list[str]) -> None:
    shift = 1 if cells[0] and len(cells) < len(row) else 0  # the empty number cell was dropped
    for k, c in enumerate(cells):
        if c and k + shift < len(row):
            row[k + shift] += c


def _column_role(h: str, cfg) -> str:
    for role in ("skip", "time"):
        if holds_any(h, cfg["table_columns"][role]):
            return role
    return "text"


def _content_column(header, row: list[str]) -> int:
    """The column of running text: 重点工作/任务/内容 in the header, else the longest cell."""
    cfg = _cfg()[0]
    if header is not None and len(header) == len(row):
        for k, h in enumerate(header):
            if _column_role(h, cfg) == "text" and any(w in h for w in cfg["table_text_words"]):
                return k
    return max(range(len(row)), key=lambda k: (len(row[k]) if not ROW_NUMBER.fullmatch(row[k]) else -1))


def _row_targets(header, cells: tuple[str, ...], s: Sentence, ctx: Context) -> list[Target]:
    """Targets of one table row. A project table (项目名称 | 总投资 | 建设内容) states no goals;
    an indicator table (指标 | 单位 | 2023年目标) is read by column; in other tables (序号 | 重点工作
    | 责任单位 | 完成时限) each cell of running text is read as a sentence, so that row numbers,
    names and deadlines do not leak into the metric, and a deadline cell gives the due year."""
    cfg = _cfg()[0]
    text = " | ".join(c for c in cells if c)
    row = Sentence(text, s.block, s.index, s.para, cells=cells, raw=s.raw if text == s.text else None)
    if header is not None and len(header) == len(cells):
        if _is_project_table(header, cfg):
            return []
        if any(NUMBER_CELL.fullmatch(c) for c in cells if c):
            got = _table_targets(header, row, ctx)
            if got:
                return got
        roles = [_column_role(h, cfg) for h in header]
    else:
        roles = ["skip" if ROW_NUMBER.fullmatch(c) else "text" for c in cells]
    due = None
    for role, c in zip(roles, cells):
        if role == "time" and (year := YEAR.search(c)):
            due = int(year.group(1))
    out: list[Target] = []
    texts = _rejoin_wrapped([c for role, c in zip(roles, cells) if role == "text" and c and not NUMBER_CELL.fullmatch(c)])
    for c in texts:
        for t in _sentence_targets(Sentence(c, s.block, s.index, s.para), ctx):
            if due and ctx.plan_year and due >= ctx.plan_year and \
                    sentence_year(c, ctx.plan_year) is None and t.year != due:
                t.year = due  # "完成时限: 2023年12月底"
            t.evidence = Evidence(row.quote, s.block)
            out.append(t)
    return out


# A cell that carries on the sentence of the cell before it: it opens with the number the
# line ended before ("…力争产值达到" + "310亿元，新增…", "…新开工项目" + "12个。")
WRAPPED_ON = re.compile(r"^\d+(?:\.\d+)?\s*[\u4e00-\u9fff%％]")


def _rejoin_wrapped(texts: list[str]) -> list[str]:
    """Text cells of a flattened row with a sentence that wrapped onto the next line joined
    again, so its number meets its metric."""
    out: list[str] = []
    for text in texts:
        if out and WRAPPED_ON.match(text) and not re.search(r"[。；;，,！!？?]$", out[-1]):
            out[-1] += text
        else:
            out.append(text)
    return out


def _is_project_table(header, cfg) -> bool:
    """"序号 | 项目名称 | 总投资(亿元) | 建设内容": a list of projects and what they build."""
    return any(w in h for h in header for w in cfg["project_table_name"]) and \
        any(w in h for h in header for w in cfg["project_table_columns"])


def _table_targets(header: tuple[str, ...], row: Sentence, ctx: Context) -> list[Target]:
    """"| 地区生产总值 | 亿元 | 610 | 670 |" under "| 指标 | 单位 | 2021年完成 | 2022年目标 |":
    the goal columns (目标, 预期, a year from the plan year on) give targets, the columns of
    actual figures (完成, 实际, an earlier year) statistics."""
    cfg, unit_kind, *_ = _cfg()
    cells = row.cells or ()  # (a table row: it has cells)
    words = [c for h, c in zip(header, cells)
             if c and not NUMBER_CELL.fullmatch(c) and not ROW_NUMBER.fullmatch(c)
             and _column_role(h, cfg) == "text" and "单位" not in h]
    named = [c for h, c in zip(header, cells) if c in words and any(w in h for w in cfg["table_metric_words"])]
    metric = (named or words or [""])[0]  # the 指标 column, not a category cell before it
    # the unit column (单位, 计量单位) holds a measure; a 责任单位 column beside it an agency
    unit = next((c for h, c in zip(header, cells) if "单位" in h and c in unit_kind), "")
    m = UNIT_IN.search(metric)
    if not unit and m:
        unit = m.group(1)
    metric = UNIT_IN.sub("", metric).strip()
    if not metric:
        return []
    out = []
    for k, (h, c) in enumerate(zip(header, cells)):
        if not c or not NUMBER_CELL.fullmatch(c):
            continue
        growth = _growth_column(header, k)
        if growth is not None:
            h = growth  # "增速(%)" after "2025年目标": the growth of that column's figure
        years = [int(y) for y in YEAR.findall(h)]
        plan = ctx.plan_year
        goal = any(w in h for w in cfg["table_goal_words"])
        actual = any(w in h for w in cfg["table_actual_words"])
        if years and plan and not goal and not actual:
            goal, actual = years[-1] >= plan, years[-1] < plan
        if not goal and not actual and not any(
                YEAR.search(x) or holds_any(x, cfg["table_goal_words"] + cfg["table_actual_words"])
                for x in header):
            # no column says goal or actual: a plan's indicators are its goals
            actual = row.index in ctx.past
            goal = not actual
        if goal == actual:
            continue  # a column that is neither, or both: not read
        stated = UNIT_IN.search(h)
        u = "%" if growth is not None else \
            unit or ("%" if c.endswith(("%", "％")) else (stated.group(1) if stated else ""))
        if u not in unit_kind:
            continue
        value = to_decimal(c.lstrip(BOUND).strip().rstrip("%％"))
        if value is None:
            continue
        kind = unit_kind[u]
        if u == "%":
            kind = TargetKind.GROWTH_RATE if growth is not None or re.search(r"增长|增速|下降|降低", metric + h) \
                else TargetKind.SHARE
        year = years[-1] if years else ctx.year_of.get(row.index, ctx.default_due or plan)
        out.append(Target(metric=metric, kind=kind, value=clean(value), unit=u, year=year,
                          text=f"{metric} {c}" + ("" if c.endswith(("%", "％")) else u), evidence=Evidence(row.quote, row.block),
                          actual=actual))
    return out


def _growth_column(header: tuple[str, ...], k: int) -> str | None:
    """The header of the figure column a growth column ("增速(%)", "增幅", "同比增长") states
    the growth of: the nearest column before it that is dated or says goal/actual; None when
    column ``k`` is no such growth column (or says its own year, goal or actual)."""
    cfg = _cfg()[0]

    def dated(h: str) -> bool:
        return bool(YEAR.search(h)) or any(w in h for w in cfg["table_goal_words"] + cfg["table_actual_words"])

    if not any(w in header[k] for w in cfg["table_growth_words"]) or dated(header[k]):
        return None
    return next((header[j] for j in range(k - 1, -1, -1) if dated(header[j])), None)


def _clauses(text: str) -> list[tuple[int, str]]:
    bounds = [0] + [m.end() for m in CLAUSE_SEP.finditer(text)] + [len(text) + 1]
    out = []
    for c0, c1 in zip(bounds, bounds[1:]):
        clause = text[c0:c1].rstrip(",，;；:：。!?！？")
        if clause.strip():
            out.append((c0, clause))
    return out


def _clause_years(clauses: list[tuple[int, str]], base: int | None, plan: int | None) -> list:
    """One due year per clause: the sentence's year, unless the sentence names several
    ("计划到2018年,完成…,3年内完成…"): then each holds from its clause on."""
    stated = [sentence_year(c, plan) for _, c in clauses]
    if any(y is not None for y in stated):
        # "全年…增长10%,两年内建成…": 全年/年内 state the plan year for their clause
        stated = [plan if y is None and re.search(r"全年|年内|今年|本年", c) else y
                  for y, (_, c) in zip(stated, clauses)]
    if len([y for y in stated if y is not None]) < 2:
        return [base] * len(clauses)
    out, cur = [], next(y for y in stated if y is not None)
    for y in stated:
        cur = y if y is not None else cur
        out.append(cur)
    return out


def _sentence_targets(s: Sentence, ctx: Context) -> list[Target]:  # noqa: PLR0915 — one pass over the clauses that carries the subject and its year from clause to clause # long: same reason, the subject is the state
    cfg, unit_kind, qty, attr_list, verbs, verb_re = _cfg()
    text = s.text
    plan = ctx.plan_year
    section_past = s.index in ctx.past
    # (a quantity a clause holds is one the sentence holds: without one, no clause is read)
    clauses = _clauses(text) if qty.rx.search(text) else []
    # the goal quantities first: most sentences hold none, and then their clauses' years and
    # pasts (the costly part) are never read; a clause after the last one holding a quantity
    # only carries state no later clause reads
    held = [_goal_quantities(clause, cfg, qty, attr_list, verbs, verb_re, unit_kind) for _, clause in clauses]
    last = max((k for k, quantities in enumerate(held) if quantities), default=-1)
    if last < 0:
        return []
    years = _clause_years(clauses, ctx.year_of.get(s.index, ctx.default_due or plan), plan)
    out: list[Target] = []
    subject, subject_start, subject_past = "", 0, False
    carried_past = s.index in ctx.stat  # the sentence (or an earlier clause) is anchored in the past
    for (c0, clause), year, quantities in zip(clauses[:last + 1], years, held):
        clause_past, strong = _clause_past(clause, text[:c0], plan, cfg, s.index in ctx.goal)
        # a clause that commits, or is set in the plan's own year, ends the report before it
        committed = not strong and (DUE.search(clause) is not None or _set_now(clause, plan, cfg))
        if strong:
            carried_past = True
        elif committed:
            carried_past = False
        past_here = section_past or clause_past or carried_past
        stated = _rule("goal_in_brackets").search(clause)
        goal = next((m for m in qty.finditer(clause) if stated and stated.start(1) <= m.start() < stated.end(1)), None)
        if stated is not None and goal is not None and subject:
            # "完成产值68.2亿元，完成全年目标（165亿元）的41.3%": the year's goal of the subject,
            # stated inside a report of progress; the share reached is progress
            out.append(_target(goal, subject, (c0 + stated.start(), c0 + stated.end()), s, year, False, unit_kind))
            continue
        if not quantities:
            continue
        first = quantities[0]
        lead = clause[: first.start()]
        # "A、B分别达到60家、300家": one subject list, several values
        if "分别" in lead and len(quantities) > 1:
            subj = _strip_verbs(lead.split("分别")[0].strip(), cfg["metric_verbs"])
            subj = _strip_prefix(subj, cfg["metric_prefix"])
            items = [i for i in re.split(r"、", subj) if i]
            if len(items) != len(quantities):
                items = [i for i in re.split(r"[、和及与]", subj) if i]
            items = [_trim_tail(i, cfg) for i in items]
            for k, m in enumerate(quantities):
                metric = items[k] if len(items) == len(quantities) else subj
                out.append(_target(m, metric, (c0, c0 + len(clause)), s, year, past_here, unit_kind))
            subject, subject_start, subject_past = subj, c0, past_here
            continue
        prev_end = 0
        for m in quantities:
            seg = clause[prev_end: m.start()]
            after = clause[m.end():]
            metric = _metric(seg, after, clause[: m.start()], m, cfg, verbs, verb_re, unit_kind, qty)
            # "今年共列重点项目9个，年度计划投资26.8亿元" in a report of progress: the year's plan
            past = past_here and not _rule("plan_total").search(clause[: m.start()])
            if not metric and subject:
                metric = subject
                span = (subject_start, c0 + m.end())
                past = past or (subject_past and not committed)  # "去年增长8.1%，今年力争增长8.5%"
            else:
                span = (c0 + prev_end, c0 + m.end())
            # "A率、B率、C率达100%": one value shared by a list of rates
            items = [i for i in metric.split("、") if i]
            if len(items) > 1 and all(re.search(r"(率|比重|占比)$", i) for i in items):
                for i in items:
                    out.append(_target(m, i, span, s, year, past, unit_kind))
            else:
                out.append(_target(m, metric, span, s, year, past, unit_kind))
            if metric and metric != subject and not seg.strip().startswith(("达到", "达")):
                subject, subject_start, subject_past = metric, c0 + prev_end, past
            prev_end = m.end()
    return [t for t in out if t.metric]


def _goal_quantities(clause: str, cfg, qty: QtyRe, attr_list, verbs, verb_re, unit_kind) -> list[Qty]:
    """The quantities of a clause that may be goals, in order (each judged beside those kept
    before it)."""
    quantities: list[Qty] = []
    for m in qty.finditer(clause):
        if _is_goal_quantity(clause, m, quantities, cfg, attr_list, verbs, verb_re, unit_kind):
            quantities.append(m)
    return quantities


def _clause_past(clause: str, before: str, plan: int | None, cfg,
                 goal_section: bool = False) -> tuple[bool, bool]:
    """(the clause reports the past, it anchors what follows in the past too)."""
    if re.search(r"由[^,，]*(?:去年|上年)[^,，]*(?:提升|提高|增加|增长|下降|降低)(?:至|到)", clause):
        return False, False  # "由去年的47.8%提升至50%": a goal measured from last year
    plain = without_comparisons(clause)
    if holds_any(plain, cfg["past_strong"]) or past_years(clause, plan):
        if not DUE.search(clause):
            return True, True
    if holds_any(clause, cfg["past_markers"]):
        # a section of goals commits all it says ("能耗累计下降15%" under 发展目标); so does a
        # clause dated in the plan's own year or later ("2019年工业总产值同比增长12%" of a
        # 2019 plan)
        committed = goal_section or any(w in before + clause for w in cfg["commitment_words"]) \
            or _dated_from_plan_year(before + clause, plan)
        return not committed, False
    return False, False


def _set_now(clause: str, plan: int | None, cfg) -> bool:
    """Whether a clause commits ("力争", "确保") or speaks of the plan's own time ("今年…",
    "2025年，…" of a 2025 plan): a report that sets last year's figure beside this year's goal
    ("去年增长8.1%，今年力争增长8.5%") turns from the past to the goal there."""
    return holds_any(clause, cfg["commitment_words"] + cfg["present_words"]) \
        or bool(plan_years(clause, plan))


def _dated_from_plan_year(text: str, plan: int | None) -> bool:
    """Whether the text names the plan year or a later one as its own time ("2019年,…")."""
    if not plan:
        return False
    return any(int(y) >= plan for y in YEAR.findall(text))


def _chinese_quantity(clause: str, m: Qty, cfg, unit_kind) -> bool:
    """Is a number written in Chinese numerals a quantity? 百分之十二, 十五家, 八公里 and
    二十个 are; 一个中心, 两个基本点, 一批项目 (a single digit counting the noun after it) are
    slogans, unless a verb of creation stands right before it ("新建三个公园") and the clause
    is no string of such slogans."""
    if m.percent or m.group("num2") or m.group("mod") == "以上":
        return True
    num, unit = m.group("num"), m.group("unit")
    before, after = clause[: m.start()], clause[m.end():]
    if before and before[-1] in cfg["numeral_word_chars"]:
        return False  # "统一", "唯一", "之一": the numeral is part of a word
    if len(num) > 1 or num == "十":
        return True
    if unit_kind[unit] is not TargetKind.COUNT:
        return True  # "新建道路八公里", "突破百亿元"
    if unit in cfg["vague_classifiers"]:
        return False  # "一批", "两批": not a number of things
    if re.match(r"\s*(?:$|[、和及与])", after):
        return True  # "其中亿元以上项目六个": the count closes the clause
    others = _rule("slogan_numeral").findall(clause[: m.start()] + " " + clause[m.end():])
    return any(before.endswith(v) for v in cfg["creation_verbs"]) and not others


def _last_verb(before: str, verb_re, verbs) -> tuple[str | None, int]:
    """The kind ("result"/"process") and end of the last listed verb in ``before``."""
    kind, end = None, -1
    for v in verb_re.finditer(before):
        kind, end = verbs[v.group(0)], v.end()
    return kind, end


def _is_goal_quantity(clause: str, m: Qty, kept: list[Qty], cfg, attr_list, verbs,
                      verb_re, unit_kind) -> bool:
    """Drop attributes, sizes, distances, qualifiers and descriptive counts."""
    unit = m.group("unit")
    before = clause[: m.start()]
    after = clause[m.end():]
    num = m.group("num")
    if is_chinese_number(num) and not _chinese_quantity(clause, m, cfg, unit_kind):
        return False  # "一个中心", "两个基本点", "一批项目": slogans, not goals
    if re.match(r"[年月日号期级倍强]", after) or YEAR.match(clause[m.start():]):
        return False
    if _rule("condition_case").match(after):
        return False  # "责任单位有两个及以上的，…": the case a rule provides for
    if _rule("ordinal_before").search(before):
        return False  # "第38次常务会议", "第15届134次": an ordinal, not a number of things
    if unit == "%" and re.search(r"由[^,，]*$", before) and re.match(r"\s*(提升|提高|增加|上升|下降)", after):
        return False  # "由去年的47.8%提升至50%": the starting value
    if unit in cfg["duration_units"] and (re.match(r"内", after) or re.search(r"[在于]$", before)):
        return False  # "在3个工作日内完成上报": a deadline of a procedure, not a goal
    if unit in cfg["distance_units"] and re.search(r"(?:距|距离|离)[^,，、]{0,20}$", before):
        return False  # "距机场35公里": where the place lies
    verb_kind, verb_end = _last_verb(before, verb_re, verbs)
    if kept and re.search(r"(?:超|过|逾|达)$", before):
        k = kept[-1]
        if unit_kind[k.group("unit")] in (TargetKind.COUNT, TargetKind.SHARE) and \
                not re.search(r"[、,，和及与]", clause[k.end(): m.start()]):
            return False  # "50%以上村营业收入超50万元": the threshold of the counted things
    if unit in cfg["attribute_units"] and _qualifies_a_thing(m, before, after, kept, verb_kind, verb_end):
        return False
    if unit_kind[unit] is TargetKind.COUNT and _descriptive_count(before, after, verb_kind, verb_end):
        return False
    if unit_kind[unit] is TargetKind.COUNT and _rule("counted_base_of_rate").match(after):
        return False  # "确保9个签约项目年内开工率达到80%": the things the rate is of
    return True


def _qualifies_a_thing(m: Qty, before: str, after: str, kept: list[Qty], verb_kind: str | None,
                       verb_end: int) -> bool:
    """An amount of money or size that describes a thing, not a goal: a threshold ("20亿元以上
    产业项目"), an attribute word before it ("总投资23亿元"), a noun right after it ("20亿元企业")."""
    cfg, unit_kind, qty, attr_list, verbs, verb_re = _cfg()
    if re.match(r"(?:以上|级)[\u4e00-\u9fff]", after) or \
            (kept and kept[-1].end() == m.start() and unit_kind[kept[-1].group("unit")] is TargetKind.COUNT):
        return True  # "引进1个20亿元以上产业项目": a threshold qualifying the counted things
    if attr_list.match(after):
        return True  # "超10亿元、超百亿元的大项目"
    if _bracketed_attribute_re().search(before):
        return True  # "建成X人才社区（建筑面积8.5万平方米）": the facility's size, in brackets
    always = _ends_with_word_re("always_attribute_before").search(before)
    if always and not before[:always.start()].endswith(tuple(cfg["agreed_totals"])):
        return True  # "总投资23亿元", "规划总面积2万亩"; not "协议总投资180亿元"
    ending = _ends_with_word_re("attribute_before").search(before)  # (else none of them ends it)
    for w in sorted(cfg["attribute_before"], key=len, reverse=True) if ending else ():
        a = re.search(re.escape(w) + r"(?:约|近|达|超|为)?$", before)
        if a:
            # the verb must stand before the word, not inside it ("建设用地" is a noun)
            kind_before = _last_verb(before[: a.start()], verb_re, verbs)[0]
            supplied = re.search("(?:" + "|".join(cfg["land_verbs"]) + r")[^,，;；、]{0,10}$",
                                 before[: a.start()])  # "保障新城建设用地300亩"
            if kind_before != "result" and not supplied and not _indicator(before, w, cfg):
                return True  # "投资7亿元,启动建设…", "其中建设用地1.1万亩"
    if re.match(r"(?:以上|左右)?的", after):
        return True  # "36万平方米的X", "总投资502亿元的27个项目"
    if re.match(r"(?:以上|左右)?[\u4e00-\u9fff](?<![和及、并])", after):
        # "20亿元企业", "3万平方米X大厦封顶": the size of a named thing; a size right
        # after a verb of result is a goal ("完成80万平方米办公区建设"), unless another
        # amount follows ("500亩园区80万平方米办公区": the first qualifies the second)
        rest = re.split(r"[,，;；。、]", after, maxsplit=1)[0]
        between = before[verb_end:].strip()
        if verb_kind != "result" or re.search(r"\d", rest) or qty.finditer(rest) or \
                (len(between) > 2 and not re.match(r"\d", between)):
            return True
    return False


def _descriptive_count(before: str, after: str, verb_kind: str | None, verb_end: int) -> bool:
    """A count that describes, not a goal: a move in a ranking, things a process works on
    ("推进12个项目建设"), things that exist ("在建52个项目"), the things just named."""
    cfg = _cfg()[0]
    if re.match(r"(?:以上|左右)?(?:" + "|".join(cfg["rank_nouns"]) + ")", after):
        return True  # "前进10个位次": a move in a ranking
    if verb_kind == "process" and not _counted_after_its_noun(before[verb_end:], after):
        return True  # "推进12个项目建设", "重点抓好…等15个项目"
    if re.search(r"(?:" + "|".join(cfg["existing_markers"]) + r")[^,，、]{0,8}$", before):
        return True  # "在建52个项目", "以列入市本级56个项目为主导"
    if verb_kind is None and re.search(r"(?:把|将)[^,，]*、", before) and \
            re.search(r"等(?:[^、,，]{0,14}的)?$", before):
        return True  # "把A、B、C等12个部门明确为…": a count of the things just named
    return False


def _counted_after_its_noun(between: str, after: str) -> bool:
    """"实施区级重点项目120个": a count written after its noun, closing the clause, is the
    goal's figure whatever the verb; after a process verb a count before its noun ("推进12个
    项目建设", "紧盯在手80多个成熟项目") or closing a list of named things ("抓好A、B等15个项目")
    describes the work."""
    between = between.strip()
    closes = re.match(r"(?:以上|左右|以内)?(?:$|[^\u4e00-\u9fff])", after) is not None
    return closes and len(between) >= 2 and "\u4e00" <= between[-1] <= "\u9fff" \
        and not re.search(r"[\d等、和及与]", between)


def _indicator(before: str, word: str, cfg) -> bool:
    """"全社会固定资产投资130亿元": an economic indicator ending in 投资, not a project's."""
    head = before[: before.rfind(word)]
    return bool(head) and any(head.endswith(w) for w in cfg["indicator_modifiers"])


def _clean_metric(seg: str, cfg) -> str:
    metric = seg.strip().lstrip("、和及与")
    metric = re.sub(r"[(（][^)）]*[)）]", "", metric)
    metric = re.sub(r"^[(（]?[一二三四五六七八九十\d]+[)）、.]", "", metric)
    m = re.search(r"由[^由]*(?:提升|提高|增加|上升|下降|降低)(?:至|到)?$", metric)
    if m:
        metric = metric[: m.start()]  # "占比由去年的47.8%提升至" → "占比"
    metric = re.sub(r"^(?:力争|计划|争取)?(?:(?:到|至)?(?:19|20)\d\d年(?:底|末)?|"
                    r"[\d一二三四五六七八九十两]+(?:[-—~至到][\d一二三四五六七八九十]+)?年(?:内|之内))",
                    "", metric)  # "2019年计划完成投资", "3年内完成园区建设投资"
    metric = _strip_prefix(metric, cfg["metric_prefix"])
    metric = _rule("zone_opening").sub("", metric)  # "某某高新区经济总量": the zone is not the metric
    metric = _strip_prefix(metric, cfg["metric_prefix"])
    return _trim_tail(metric, cfg).strip("“”\"‘’ (（)）、")


def _trim_tail(core: str, cfg) -> str:
    """Verbs and modal words at the end of a metric: "污水处理率争取达" → "污水处理率"."""
    for _ in range(3):
        core = _strip_verbs(core, cfg["metric_verbs"])
        core = _strip_verbs(core, cfg["metric_suffix"])
        core = re.sub(r"(?<=[^人平])均$", "", core)  # "A和B均", not "人均"
        core = re.sub(rf"(?<=[^比较同])(?:{'|'.join(cfg['metric_time_words'])})$", "", core)
    return core


def _metric(seg: str, after: str, before: str, m: Qty, cfg, verbs, verb_re, unit_kind, qty) -> str:
    """The thing measured: the words before the number, or the noun after a count."""
    core = _clean_metric(seg, cfg)
    if core in cfg["metric_prefix"] or core in cfg["metric_verbs"] or core in cfg["metric_suffix"]:
        core = ""  # "增长10%、力争12%", "比上年增长8%": the subject of the clause before
    core = _drop_enumeration(core, verb_re)
    noun = _noun_after(after, qty)
    if noun and (unit_kind[m.group("unit")] is TargetKind.COUNT or not core
                 or unit_kind[m.group("unit")] is TargetKind.LEVEL and _last_verb(before, verb_re, verbs)[0] == "result"):
        # "建成3个区级公园", "完成门楼镇8个村的集中连片治理": modifier before + noun after
        modifier = re.split(r"[和及与、]", seg)[-1]
        verbs_in = list(verb_re.finditer(modifier))
        if verbs_in:
            modifier = modifier[verbs_in[-1].end():]
        modifier = _strip_prefix(modifier.strip(), cfg["metric_prefix"])
        if len(modifier) > 8 or modifier in cfg["metric_prefix"] or modifier.endswith("等"):
            modifier = ""  # "完成A、B等3个片区的改造": the names are not the metric
        return (modifier + noun).replace("的", "") if modifier else noun
    return core


def _drop_enumeration(core: str, verb_re) -> str:
    """"引进A、B等各类顶尖人才" → "引进各类顶尖人才"; "引进A、B、C等" → "引进A、B、C"."""
    if "等" not in core:
        return core
    i = core.rfind("等")
    tail = core[i + 1:]
    if not tail:
        return core[:i]
    if "、" not in core[:i]:
        return core
    v = verb_re.match(core)
    return (v.group(0) if v else "") + tail.lstrip("的")


def _noun_after(after: str, qty) -> str:
    """The noun phrase right after a count: "个区级公园、41个…" → "区级公园"."""
    m = re.match(rf"(?:以上|左右|多)?(?:的)?((?:{MONEY_QUALIFIER})?(?=[\u4e00-\u9fffA-Za-z“\"]){NOUN_CHARS}"
                 rf"(?:{NOUN_CHARS}|、){{1,23}})", after)  # (not "……8月2日": an ellipsis and a date)
    if not m:
        return ""
    noun = m.group(1)
    start = m.start(1)
    # stop where the next item of a list begins: "、41个", "和38条"
    cut = len(noun)
    for sep in re.finditer(r"[、和及与]", noun):
        nxt = qty.match(after, start + sep.end())
        if nxt or sep.group(0) != "、":
            cut = sep.start()
            if nxt and re.search(r"[级类型]$", noun[:cut]):
                # "20条市、区级和38条街道级黑臭河": the first borrows the shared head
                rest = _noun_after(after[nxt.end():], qty)
                k = max(rest.rfind(c) for c in "级类型")
                if 0 <= k < len(rest) - 1:
                    return noun[:cut] + rest[k + 1:]
            break
    noun = noun[:cut]
    noun = re.split(r"[(（]|" + _alternation("count_noun_stops"), noun)[0]
    return noun.strip("“”\"‘’") if len(noun) >= 2 else ""


def _target(m: Qty, metric: str, span: tuple[int, int], s: Sentence, year, past: bool,
            unit_kind) -> Target:
    """The target of quantity ``m`` stated by ``s.text[span]`` (quoted as the document writes
    it, list words and spaces at its edges trimmed)."""
    a, b = span
    while a < b and (s.text[a] in "、和及与" or s.text[a].isspace()):
        a += 1
    while b > a and s.text[b - 1].isspace():
        b -= 1
    unit = m.group("unit")
    value = before_unit(m.group("num"), unit) or Decimal(0)
    kind = unit_kind[unit]
    if unit == "%":
        if re.search(r"(比重|占比|比例|率|份额)", metric):
            kind = TargetKind.SHARE
        elif re.search(r"(增长|增速|改善|下降|降低|提高|提升)", s.text[a:b]):
            kind = TargetKind.GROWTH_RATE
        else:
            kind = TargetKind.SHARE
    return Target(metric=metric, kind=kind, value=clean(value), unit=unit, year=year,
                  text=s.original(a, b), evidence=Evidence(s.quote, s.block), actual=past)
