"""Document-level context: plan year, main zone, issuer, and per-sentence year and tense.

A target's year is the plan year unless the text says otherwise ("到2021年", "3年内"), and a
number in a retrospective section ("发展基础", "2016年,全区实现…") is a statistic, not a goal.
Both depend on where a sentence sits, so they are computed here in one pass.

Sections: a paragraph that opens with a numbering mark ("一、", "(一)", "1.", "(1)", "①") or a
short unnumbered heading line starts a section of that level. A section whose title says it
describes the past or the starting point (发展基础, 基本情况, 工作回顾, 主要成绩 …) makes every
sentence in it a statistic until the next heading of the same or a higher level (总体要求,
发展目标 …). Outside such sections a sentence anchored on the past ("2016年,…", "截至…",
"建区以来,…") is a statistic, and so are the ；-continuations of it in the same paragraph.

Years: the plan year is the year an annual list states ("2024年度责任清单" of a 2024—2026
action), else the title's (the later one of "2022年工作总结和2023年工作安排"; the next one after
a one-year summary), else the first year of a multi-year plan, whose undated goals are due at
its end. A heading with a year and a word of planning ("二、2023年工作安排") dates its section.
"""
from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field

from zonekg.loaders.document import SourceDocument
from zonekg.loaders.extraction import lexicon
from zonekg.loaders.extraction.numerals import to_decimal
from zonekg.loaders.extraction.text import Sentence, norm
from zonekg.loaders.extraction.wordscan import holds_any
from zonekg.loaders.readers import page_line

YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*年(?![度代])")
TITLE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*年(?!代)")  # in titles 2024年度 plans 2024 too
DATE = re.compile(r"((?:19|20)\d\d)\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")
META_DATE = re.compile(r"((?:19|20)\d\d)[-/.年]")
DUE = re.compile(r"(?<!截)(?:到|至|力争到|力争至)\s*((?:19|20)\d\d)\s*年?(?:底|末)?")
WITHIN = re.compile(r"([\d一二三四五六七八九十两]+)(?:[-—~至到][\d一二三四五六七八九十]+)?年(?:内|之内)")


@dataclass
class Context:
    plan_year: int | None
    issuer: str | None
    title: str
    year_of: dict[int, int] = field(default_factory=dict)  # sentence index → due year
    past: set[int] = field(default_factory=set)  # sentence indexes in retrospective parts
    stat: set[int] = field(default_factory=set)  # sentences anchored on the past (2016年,…)
    goal: set[int] = field(default_factory=set)  # sentences in sections of goals and tasks
    default_due: int | None = None  # due year of undated goals when not the plan year (十四五 → 2025)
    chrome: set[int] = field(default_factory=set)  # page chrome lines still in the text


@functools.lru_cache(maxsize=8192)
def is_chrome(text: str) -> bool:
    """Page chrome or a metadata line the reader left in the text (the readers' own rules;
    memoised: the plan year and the sections both ask of every sentence)."""
    return page_line(text) is not None


def plan_year(document: SourceDocument, sents: list[Sentence]) -> int | None:
    """The year of a list stated for one year (2024年度责任清单), else the title year, else a
    year in the first body sentences, else the signature date, else the page date, else the
    most frequent year."""
    title = norm(document.title)
    period = plan_period(title)
    body = [s for s in sents if not is_chrome(s.text) and title not in s.text]
    annual = annual_year([title] + [s.text for s in preamble(body)])
    title_year = heading_year(title)
    if period and (title_year is None or title_year == period[1]):
        # the 2024 list of a 2024—2026 action is due in 2024; else the period starts the plan
        return annual if annual and period[0] <= annual <= period[1] else period[0]
    if title_year:
        return title_year
    if annual:
        return annual
    for s in body[:4]:
        if is_past_heading(heading_title(s.text), None, lexicon.load("targets")):
            continue  # "一、2016年工作回顾" does not date the plan
        m = YEAR.search(s.text)
        if m and not re.match(r"\s*月", s.text[m.end():]):
            return heading_year(s.text) or int(m.group(1))
    for s in reversed(body):
        m = DATE.search(s.text)
        if m and len(s.text) < 20:
            return int(m.group(1))
    for key in ("date",):
        m = META_DATE.search(document.metadata.get(key, ""))
        if m:
            return int(m.group(1))
    for s in sents:
        if is_chrome(s.text):
            m = META_DATE.search(s.text)
            if m:
                return int(m.group(1))
    years = Counter(int(y) for s in sents for y in YEAR.findall(s.text))
    return years.most_common(1)[0][0] if years else None


def heading_year(text: str) -> int | None:
    """The year a title plans for: "2018年工作要点" → 2018; "2017年工作总结和2018年工作要点"
    (a report of one year and the plan of the next) → 2018; a period's end is not read here."""
    years = [int(y) for y in TITLE_YEAR.findall(RANGE.sub("", text))]
    if not years:
        return None
    if len(years) > 1 and re.search(r"总结|回顾|完成情况|执行情况", text):
        return max(years)
    if re.search(r"总结|回顾|完成情况|执行情况", text) and not re.search(r"半年|季度|\d+月", text) and \
            not re.search("|".join(FORWARD_TITLE), text):
        return years[0] + 1  # "2023年工作总结": a report on a year; what it plans is for the next
    return years[0]


FORWARD_TITLE = ["计划", "要点", "安排", "打算", "思路", "目标", "任务"]  # a title that also plans


def preamble(body: list[Sentence]) -> list[Sentence]:
    """The sentences before the first numbered section (at most eight): where a document says
    what it is ("研究确定了2024年度责任清单")."""
    out = []
    for s in body[:8]:
        if any(rx.match(s.text) for rx, _ in HEADING_MARKS) or s.cells is not None:
            break
        out.append(s)
    return out


def annual_year(texts: list[str]) -> int | None:
    """"2024年度责任清单", "2023年度工作要点": the one year a list or plan is stated for."""
    for t in texts:
        m = ANNUAL.search(t)
        if m:
            return int(m.group(1))
    return None


FIVE_YEAR = re.compile(r"(十[一二三四五六七八九]五)")
FIVE_YEAR_START = {"十一五": 2006, "十二五": 2011, "十三五": 2016, "十四五": 2021, "十五五": 2026,
                   "十六五": 2031}
# "(2024—2026年)", "2021-2025年": a period of several years written as a range of years
RANGE = re.compile(r"((?:19|20)\d\d)\s*年?\s*[-—–~～至到]\s*((?:19|20)\d\d)\s*年(?![度代])")
# "2024年度责任清单": a list, plan or set of tasks stated for one year (words of the genre)
ANNUAL = re.compile(r"((?:19|20)\d\d)\s*年度[^,，。;；:：]{0,12}?"
                    r"(?:清单|要点|计划|任务|重点工作|目标|安排|方案)")


def five_year_period(title: str) -> tuple[int, int] | None:
    """"“十四五”产业发展规划" → (2021, 2025): a five-year plan's first and last year."""
    m = FIVE_YEAR.search(title)
    if m and m.group(1) in FIVE_YEAR_START and "规划" in title:
        start = FIVE_YEAR_START[m.group(1)]
        return start, start + 4
    return None


def plan_period(title: str) -> tuple[int, int] | None:
    """The first and last year of a plan for several years: a five-year plan (十四五), or a
    title with a range of years ("三年行动(2024—2026年)", "2021—2025年发展规划")."""
    period = five_year_period(title)
    if period:
        return period
    m = RANGE.search(title)
    if m and int(m.group(1)) < int(m.group(2)) <= int(m.group(1)) + 15:
        return int(m.group(1)), int(m.group(2))
    return None


def build(document: SourceDocument, sents: list[Sentence]) -> Context:  # noqa: C901, PLR0915 — one pass over the sentences whose open sections (past, goals, due year) are its locals # long: the section state is read and set by each step of the pass
    """Compute plan year, issuer, the year every sentence's goals are due and past parts."""
    year = plan_year(document, sents)
    issuer = document.metadata.get("publisher")
    ctx = Context(year, issuer, norm(document.title))
    period = plan_period(ctx.title)
    body = [s for s in sents if not is_chrome(s.text) and ctx.title not in s.text]
    if period and year == period[0] and annual_year([ctx.title] + [s.text for s in preamble(body)]) != year:
        ctx.default_due = period[1]  # undated goals of a plan for several years: its end
    cfg = lexicon.load("targets")
    # (a bulletin's title line may follow its issuer's name and its number: "关于…的通报")
    reported = next((m for t in [ctx.title] + [s.text for s in preamble(body) if len(s.text) <= TITLE_LINE]
                     if (m := reported_month(norm(t), cfg)) is not None), None)
    past_level: float | None = None  # level of the open retrospective section, if any
    goal_level: float | None = None  # level of the open section of goals, if any
    due_chain: int | None = None  # "到2025年,A…;B…;": the year runs on over ；
    scope: int | None = None
    section_year: tuple[float, int] | None = None  # "二、2023年工作安排": (level, year)
    prev: Sentence | None = None
    chain = False  # the previous sentence was a statistic ending in ；
    done_para: int | None = None  # the paragraph of a task whose status says it is done
    for s in sents:
        if is_chrome(s.text):
            ctx.chrome.add(s.index)
            if not ctx.issuer:
                ctx.issuer = (page_line(s.text) or {}).get("publisher")
            continue
        new_para = prev is None or prev.para != s.para
        level = heading_level(s, new_para)
        if level is not None:
            title = heading_title(s.text)
            if past_level is not None and level <= past_level:
                past_level = None
            if past_level is None and is_past_heading(title, year, cfg):
                past_level = level
            if section_year is not None and level <= section_year[0]:
                section_year = None
            planned = heading_year(title)
            if section_year is None and planned and not is_past_heading(title, year, cfg) \
                    and any(w in title for w in cfg["forward_section_words"]):
                section_year = (level, planned)
            if goal_level is not None and level <= goal_level:
                goal_level = None
            if goal_level is None and any(w in title for w in cfg["forward_section_words"]) \
                    and not title.endswith(tuple(cfg["progress_section_ends"])) \
                    and norm(s.text).strip() != ctx.title.strip():  # the title is no section
                goal_level = level
        if s.top_heading or s.heading:
            scope = None
        if past_level is not None:
            ctx.past.add(s.index)
        elif goal_level is not None:
            ctx.goal.add(s.index)
        if lexicon.pattern("targets", "completed_status").search(s.text):
            done_para = s.para  # "X工程【已完成】。建成…": the rest of the paragraph reports what was done
        if (chain and not new_para) or s.para == done_para or is_past_anchor(s.text, year, cfg, reported):
            ctx.stat.add(s.index)
            chain = s.text.rstrip().endswith((";", "；"))
        else:
            chain = False
        due = sentence_year(s.text, year)
        if due is None and due_chain is not None and not new_para:
            due = due_chain
        if due is None and scope is not None:
            due = scope
        if due is None and section_year is not None:
            due = section_year[1]  # the year its section heading plans for
        opening_due = sentence_year(re.split(r"[,，:：;；。]", s.text, maxsplit=1)[0], year)
        due_chain = due if opening_due is not None or due_chain is not None and due == due_chain \
            else None
        if not s.text.rstrip().endswith((";", "；")):
            due_chain = None
        if due is not None:
            ctx.year_of[s.index] = due
            if "目标" in s.text and DUE.search(s.text):
                scope = due  # "力争到2021实现以下目标任务" covers what follows
        prev = s
    return ctx


# Numbering marks of section headings and their level (smaller is higher).
HEADING_MARKS = (
    (re.compile(r"^\s*第[一二三四五六七八九十]+[章部分篇节]"), 0),
    (re.compile(r"^\s*[一二三四五六七八九十]+\s*[、.．]"), 1),
    (re.compile(r"^\s*[(（][一二三四五六七八九十]+[)）]|^\s*第[一二三四五六七八九十]+[,，、]"), 2),
    (re.compile(r"^\s*\d{1,2}\s*[、.．](?!\d)"), 3),
    (re.compile(r"^\s*[(（]\d{1,2}[)）]"), 4),
    (re.compile(r"^\s*[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮]"), 5),
)
UNNUMBERED = 1.5  # a bare heading line: closes only a section opened by another bare line


def heading_level(s: Sentence, new_para: bool) -> float | None:
    """The level of the section this sentence opens, or None when it opens none."""
    if s.cells is not None or not new_para:
        return None
    for rx, level in HEADING_MARKS:
        if rx.match(s.text):
            return level
    if s.heading or s.top_heading:
        return UNNUMBERED
    return None


def heading_title(text: str) -> str:
    """A heading's words: numbering dropped, cut at the first full stop or comma."""
    for rx, _ in HEADING_MARKS:
        text = rx.sub("", text, count=1)
    return re.split(r"[。,，;；:：]", text.strip(), maxsplit=1)[0]


def is_past_heading(title: str, plan: int | None, cfg) -> bool:
    """发展基础, 基本情况, 2016年工作回顾 …: a heading over a report of the past."""
    if len(title) > 30 or holds_any(title, cfg["forward_section_words"]):
        return False
    for w in cfg["past_sections"]:
        i = title.find(w)
        if i >= 0 and not any(title[:i].endswith(v) for v in cfg["past_section_blockers"]):
            return True
    if plan:
        years = [int(y) for y in YEAR.findall(title)]
        if years and max(years) < plan and "工作" in title:
            return True  # "2016年工作情况"
    return False


PAST_YEAR_BEFORE = re.compile(r"(?:到|至|比|较|由|从|于|同|和|与|相比)\s*$")


def past_years(text: str, plan: int | None) -> list[int]:
    """Years before the plan year the text reports on (not "比2015年", "到2015年")."""
    if not plan:
        return []
    out = []
    for m in YEAR.finditer(text):
        y = int(m.group(1))
        if y < plan and not PAST_YEAR_BEFORE.search(text[: m.start()]):
            out.append(y)
    return out


def plan_years(text: str, plan: int | None) -> list[int]:
    """Years from the plan year on the text names as its own time ("2025年，…" of a 2025
    plan; not "比2025年")."""
    if not plan:
        return []
    return [int(m.group(1)) for m in YEAR.finditer(text)
            if int(m.group(1)) >= plan and not PAST_YEAR_BEFORE.search(text[: m.start()])]


COMPARISON = re.compile(r"(?:比|较|同|与|和|超过|高于|低于)(?:去年|上年|上一年)")


def without_comparisons(text: str) -> str:
    """"比上年增长8%" names last year as the base of a goal, not as the time of a report."""
    return COMPARISON.sub("", text)


# A period of the year: "5月份", "1—5月" (group 1 the last month), the quarters ("前三季度",
# "一季度": group 2 their number) or 上半年 (group 3)
PERIOD = r"(?:(?:\d{1,2}\s*[—\-–~至到]\s*)?(\d{1,2})\s*月份?|[前第]?([一二三四])季度|(上)半年)"
# ... opening a clause, not as a day of the month ("6月底前")
MONTHS = re.compile(rf"^\s*{PERIOD}(?![底前末中内初\d])")
QUARTER = {"一": 1, "二": 2, "三": 3, "四": 4}


def period_month(m: re.Match[str]) -> int:
    """The last month of a period ``MONTHS`` matched: 5月份 → 5, 前三季度 → 9, 上半年 → 6."""
    if m.group(1):
        return int(m.group(1))
    return 3 * QUARTER[m.group(2)] if m.group(2) else 6


TITLE_LINE = 40  # the longest line of a preamble read as a title


def reported_month(title: str, cfg) -> int | None:
    """The month a progress report covers ("2025年5月份重点工作进展情况" → 5, "前三季度重点工作
    推进情况的通报" → 9), else None."""
    if not holds_any(title, cfg["past_sections"] + cfg["progress_section_ends"]):
        return None
    m = re.search(PERIOD, YEAR.sub("", title))
    return period_month(m) if m else None


def is_past_anchor(text: str, plan: int | None, cfg, reported: int | None = None) -> bool:
    """A sentence whose opening clause sets it in the past: "2016年,…", "截至2016年底,…",
    "建区以来,…", "去年,…" (after a clause that only says who reports: "会议指出,2024年…"),
    and in a report on a month's progress the months it covers ("5月份,园区接待客商18批次").
    A due year or a commitment word in that clause keeps it a goal."""
    clauses = re.split(r"[,，:：;；。]", text, maxsplit=2)
    opening = clauses[0]
    if len(clauses) > 1 and opening.endswith(tuple(cfg["report_openers"])) and len(opening) <= 8:
        opening = clauses[1]
    if DUE.search(opening) or holds_any(opening, cfg["commitment_words"]):
        return False
    months = MONTHS.match(opening)
    if reported and months and period_month(months) <= reported:
        return True  # "5月份，园区接待客商18批次", "前三季度新签约项目21个": the time reported on
    if holds_any(without_comparisons(opening), cfg["past_strong"]):
        return True
    return bool(past_years(opening, plan))


def sentence_year(text: str, plan: int | None) -> int | None:
    """The due year a sentence states: 到2020年 → 2020; 3年内 → plan+3; else None."""
    m = DUE.search(text)
    if m:
        return int(m.group(1))
    m = WITHIN.search(text)
    if m and plan:
        n = to_decimal(m.group(1))
        if n is not None and 1 < n < 20:
            return plan + int(n)
    return None
