"""Document-level context: plan year, main zone, issuer, and per-sentence year and tense.

A target's year is the plan year unless the text says otherwise ("到2021年", "3年内"), and a
number in a retrospective section ("发展基础", "2016年,全区实现…") is a statistic, not a goal.
Both depend on where a sentence sits, so they are computed here in one pass.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from zonekg.loaders.document import SourceDocument
from zonekg.loaders.extraction import lexicon
from zonekg.loaders.extraction.numerals import to_decimal
from zonekg.loaders.extraction.text import Sentence, norm

CHROME = re.compile(r"索引号|发布单位|发布时间|发布日期|公开日期|更新时间|来源[:：]|时间[:：]|阅读次数|"
                    r"版权所有|网站|ICP|公网安备|设为首页|加入收藏|字体[:：]|累计次数|主站")
YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*年(?![度代])")
DATE = re.compile(r"((?:19|20)\d\d)\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")
META_DATE = re.compile(r"((?:19|20)\d\d)[-/.年]")
DUE = re.compile(r"(?<!截)(?:到|至|力争到|力争至)\s*((?:19|20)\d\d)\s*年?(?:底|末)?")
WITHIN = re.compile(r"([\d一二三四五六七八九十两]+)(?:[-—~至到][\d一二三四五六七八九十]+)?年(?:内|之内)")
PUBLISHER = re.compile(r"(?:发布单位|发布机构|发文机关)\s*[:：]\s*(\S+)")


@dataclass
class Context:
    plan_year: int | None
    issuer: str | None
    title: str
    year_of: dict[int, int] = field(default_factory=dict)  # sentence index → due year
    past: set[int] = field(default_factory=set)  # sentence indexes in retrospective parts
    chrome: set[int] = field(default_factory=set)  # page chrome lines still in the text


def is_chrome(text: str) -> bool:
    return bool(CHROME.search(text)) and len(text) < 160


def plan_year(document: SourceDocument, sents: list[Sentence]) -> int | None:
    """Title year, else a year in the first body sentences, else the signature date, else
    the page date, else the most frequent year."""
    m = YEAR.search(norm(document.title))
    if m:
        return int(m.group(1))
    body = [s for s in sents if not is_chrome(s.text) and norm(document.title) not in s.text]
    for s in body[:4]:
        m = YEAR.search(s.text)
        if m and not re.match(r"\s*月", s.text[m.end():]):
            return int(m.group(1))
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


def build(document: SourceDocument, sents: list[Sentence]) -> Context:
    """Compute plan year, issuer, the year every sentence's goals are due and past parts."""
    year = plan_year(document, sents)
    issuer = document.metadata.get("publisher")
    ctx = Context(year, issuer, norm(document.title))
    past_sections = lexicon.load("targets")["past_sections"]
    in_past = False
    scope: int | None = None
    for s in sents:
        if is_chrome(s.text):
            ctx.chrome.add(s.index)
            if not ctx.issuer:
                m = PUBLISHER.search(s.text)
                if m:
                    ctx.issuer = m.group(1)
            continue
        if s.top_heading:
            in_past = any(w in s.text for w in past_sections)
            scope = None
        elif s.heading:
            scope = None
        if in_past:
            ctx.past.add(s.index)
        due = sentence_year(s.text, year)
        if due is None and scope is not None:
            due = scope
        if due is not None:
            ctx.year_of[s.index] = due
            if "目标" in s.text and DUE.search(s.text):
                scope = due  # "力争到2021实现以下目标任务" covers what follows
    return ctx


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
