"""Investment (元) and floor area (m²) a document states for one named project.

Plans state a project's amounts in a few fixed ways:

- before the name, in the same noun phrase: "总投资23亿元、36万平方米的X", "2.8万平方米的X",
  "投资设立4.4万平方米的X";
- right after it: "X项目总投资5亿元", "X,总投资5亿元,总建筑面积8万平方米",
  "X1200套,共6.7万平方米";
- in a clause of the same sentence that only states the investment, the project named in the
  next words: "投资7亿元,启动建设一所…的X";
- in the sentence after, when it opens by referring back to the only project named
  ("X项目开工建设。该项目总投资5亿元，…");
- in the sentence right after a numbered item that is just the project's name:
  "4.X工程。计划投入资金800万元,…";
- anywhere in the text after an item's title and its colon: "1. X平台：在A片区建设…，总投资9.8亿元。".

Amounts are read in any of the spellings plans use: "12,000万元", "人民币8000万元", "投资额3亿元",
"约1.5亿" (see :func:`spelled`).

Never attached: progress of the year ("完成投资5亿元"), an aggregate over several projects
("A、B等总投资502亿元的27个重点项目"), one end of a range ("80—100万平方米"), and amounts of
another clause. The first amount stated for a project wins.
"""
from __future__ import annotations

import re
from decimal import Decimal

from zonekg.loaders.extraction.numerals import clean, scaled, to_decimal
from zonekg.loaders.extraction.text import Sentence

NUM = r"(\d+(?:\.\d+)?)"
MONEY_UNIT = r"(亿元|万元)"
AREA_UNIT = r"(万平方米|平方米)"
APPROX = r"(?:约|近|达|超|逾)?"
# a progress or aggregate word right before 投资 makes it no project's total
NOT_TOTAL = re.compile(r"(?:完成|累计|实际|已|年度|当年|全年|计划完成)$")

AREA_BEFORE = re.compile(rf"(?:总建筑面积|建筑面积|占地面积|面积)?{APPROX}{NUM}\s*{AREA_UNIT}(?:的)?$")
MONEY_BEFORE = re.compile(rf"(总投资|投资){APPROX}{NUM}\s*{MONEY_UNIT}(?:的)?$")
MONEY_CLAUSE = re.compile(rf"^(?:计划|预计|拟)?(总投资|投资|投入资金|计划投资){APPROX}{NUM}\s*{MONEY_UNIT}$")
MONEY_AFTER = re.compile(rf"^(?:项目)?(?:计划)?(总投资|投资){APPROX}{NUM}\s*{MONEY_UNIT}")
# "X,总建筑面积8万平方米", "公共租赁房1200套,共6.7万平方米"
AREA_AFTER = re.compile(rf"^(?:\d+\s*(?:套|栋|幢|户|间)[,，]?)?(总建筑面积|建筑面积|占地面积|占地|总面积|共计|共)"
                        rf"{APPROX}{NUM}\s*{AREA_UNIT}")
# a site size in other units, skipped: "占地150亩"
LAND_AFTER = re.compile(rf"^(?:规划)?(?:占地面积|占地|用地面积|用地){APPROX}{NUM}\s*(?:亩|公顷|平方公里)")
MONEY_OPENING = re.compile(
    rf"^(?:计划|预计|拟)?(?:总投资|投资|投入资金|总投入|投入){APPROX}{NUM}\s*{MONEY_UNIT}")
RANGE_BEFORE = re.compile(r"[-—~至到]\s*$")
# "该项目", "该工程", "此项目": the project the sentence before named
BACK_REFERENCE = re.compile(r"(?:该|此|这一|这个)(?=项目|工程)")
AGGREGATE_AFTER = re.compile(r"^(?:以上|左右)?的?\s*(?:\d+|[一二两三四五六七八九十]+)\s*(?:个|项|家|大)")


# Thousands separators ("12,000万元"), the currency named ("投资人民币8000万元"), 亿 without
# 元 where the text stops ("约1.5亿", "投资4亿，"): spellings of one amount
_THOUSANDS = re.compile(r"(?<=\d)[,，](?=\d{3}(?!\d))")
_CURRENCY = re.compile(r"(?:(?<=投资)|(?<=投资额)|(?<=投资总额)|^)\s*人民币\s*(?=\d)")
_BARE_YI = re.compile(r"(?<=\d)亿(?![元美欧日港\u4e00-\u9fff])")
_MONEY_WORD = re.compile(r"投资(?:总)?额")
# An amount in Chinese numerals after 投资 ("总投资三十二亿元", "总投资四亿五千万元"): the same
# amount in figures (32亿元, 45000万元); the numerals may run through 亿 into 万
_CN_MONEY = re.compile(r"(?<=投资)(约|近)?([零〇一二两三四五六七八九十百千万亿]+)(亿元|万元|元)")
_YUAN = {"亿元": Decimal(10) ** 8, "万元": Decimal(10) ** 4, "元": Decimal(1)}


def spelled(text: str) -> str:
    """``text`` with its amounts in one spelling: "投资额35,000万元" → "投资35000万元"."""
    text = _THOUSANDS.sub("", text)
    text = _CURRENCY.sub("", text)
    text = _MONEY_WORD.sub("投资", text)
    text = _CN_MONEY.sub(_in_figures, text)
    return _BARE_YI.sub("亿元", text)


def _in_figures(m: re.Match) -> str:
    """"四亿五千万" + 元 → 45000万元; the text as it was when the numerals are no number."""
    value = to_decimal(m.group(2))
    if value is None:
        return m.group(0)
    return f"{m.group(1) or ''}{clean(value * _YUAN[m.group(3)] / _YUAN['万元'])}万元"


def attach(ent, s: Sentence, start: int, end: int, sents: list[Sentence], sole: bool = False) -> None:
    """Set ``ent.investment_cny`` / ``ent.area_m2`` from what the text says of the project
    named at ``s.text[start:end]`` (``sents``: the document's sentences, by index; ``sole``:
    the sentence names no other project, so a "该项目" after it can only mean this one)."""
    text = s.text
    money, area = _before(spelled(text[:start]))
    after_money, after_area = _after(spelled(text[end:]))
    money = money if money is not None else after_money
    area = area if area is not None else after_area
    if money is None:
        money = _clause_before(text, start)
    if money is None and area is None and _titles_item(text, start, end):
        money, area = in_cell(text[end + 1:])  # "1. X平台：…，总投资9.8亿元。"
    if money is None and area is None and _is_item_title(text, start, end):
        nxt = sents[s.index + 1] if s.index + 1 < len(sents) else None
        if nxt is not None and nxt.para - s.para in (0, 1):
            m = MONEY_OPENING.match(nxt.text)
            if m and not AGGREGATE_AFTER.match(nxt.text[m.end():]):
                money = _amount(m.group(1), m.group(2))
    if money is None and area is None and sole:
        money, area = _referred_after(s, sents)
    if money is not None and ent.investment_cny is None:
        ent.investment_cny = money
    if area is not None and ent.area_m2 is None:
        ent.area_m2 = area


def _amount(number: str, unit: str) -> Decimal:
    """A NUM group (ASCII digits, so always a number) in the units its unit word says."""
    return scaled(Decimal(number), unit)


def _before(before: str) -> tuple[Decimal | None, Decimal | None]:
    """"总投资23亿元、36万平方米的" right before the name."""
    money = area = None
    b = before
    a = AREA_BEFORE.search(b)
    if a and not RANGE_BEFORE.search(b[: a.start()]) and not re.search(r"\d$", b[: a.start()]):
        area = _amount(a.group(1), a.group(2))
        b = b[: a.start()]
        if not b.endswith(("、", "和", "及")):
            return None, area
        b = b[:-1]
    m = MONEY_BEFORE.search(b)
    if m and not NOT_TOTAL.search(b[: m.start()]) and not RANGE_BEFORE.search(b[: m.start(2)]):
        money = _amount(m.group(2), m.group(3))
    return money, area


# Words one of the amounts read after a name opens with (MONEY_AFTER, AREA_AFTER): a text
# without any states none, and is not read further
_AMOUNT_WORDS = re.compile(r"投资|面积|占地|共")


def right_after(text: str, name: str) -> tuple[Decimal | None, Decimal | None]:
    """The amounts ``text`` states right after a mention of ``name`` ("其中，A项目总投资三十二亿元，
    B项目…"); (None, None) when no mention is followed by one."""
    start = text.find(name) if _AMOUNT_WORDS.search(text) else -1
    while start >= 0:
        money, area = _after(spelled(text[start + len(name):]))
        if money is not None or area is not None:
            return money, area
        start = text.find(name, start + 1)
    return None, None


def _after(after: str) -> tuple[Decimal | None, Decimal | None]:
    """"项目总投资5亿元,占地150亩,总建筑面积8万平方米" right after the name: the clauses that
    only state amounts, read until the first that does something else."""
    money = area = site = None
    rest = re.sub(r"^(?:项目|工程)", "", after)
    for _ in range(4):
        rest = rest.lstrip(",，、(（")
        m = MONEY_AFTER.match(rest)
        if m and money is None:
            if AGGREGATE_AFTER.match(rest[m.end():]):
                break
            money = _amount(m.group(2), m.group(3))
            rest = rest[m.end():]
            continue
        a = AREA_AFTER.match(rest)
        if a:
            value = _amount(a.group(2), a.group(3))
            if a.group(1) in ("占地面积", "占地"):
                site = site if site is not None else value
            elif area is None:
                area = value
            rest = rest[a.end():]
            continue
        land = LAND_AFTER.match(rest)
        if land:
            rest = rest[land.end():]
            continue
        break
    return money, area if area is not None else site


def _clause_before(text: str, start: int) -> Decimal | None:
    """"投资7亿元,启动建设一所…的X": a clause that only states an investment, the project
    named within the next words (no other number, no full stop in between)."""
    head = text[:start]
    cut = max(head.rfind(","), head.rfind("，"))
    if cut < 0:
        return None
    between = head[cut + 1:]
    if len(between) > 40 or re.search(r"\d|[。;；]", between):
        return None
    prev = re.split(r"[,，;；:：。]", head[:cut])[-1].strip()
    m = MONEY_CLAUSE.match(prev)
    if m and not NOT_TOTAL.search(prev[: m.start(1)]):
        return _amount(m.group(2), m.group(3))
    return None


def _referred_after(s: Sentence, sents: list[Sentence]) -> tuple[Decimal | None, Decimal | None]:
    """"X项目开工建设。该项目总投资5亿元，建筑面积3万平方米": the next sentence of the paragraph
    opens by referring back to the project and states only its amounts."""
    nxt = sents[s.index + 1] if s.index + 1 < len(sents) else None
    if nxt is None or nxt.para != s.para:
        return None, None
    ref = BACK_REFERENCE.match(nxt.text)
    if not ref:
        return None, None
    return _after(spelled(nxt.text[ref.end():]))


def _is_item_title(text: str, start: int, end: int) -> bool:
    """"4.安居宜居工程。": the sentence is the project's name with a numbering mark."""
    rest = (text[:start] + text[end:]).strip()
    rest = re.sub(r"^[(（]?[\d一二三四五六七八九十]+[)）]?[、.．]?", "", rest)
    return re.fullmatch(r"[。;；:：,，\s]*", rest) is not None


def _titles_item(text: str, start: int, end: int) -> bool:
    """"1. X平台：…": the name opens the item (after its numbering) and a colon closes it."""
    head = re.sub(r"^[(（]?[\d一二三四五六七八九十]+[)）]?[、.．]?", "", text[:start].strip())
    return not head.strip() and text[end:end + 1] in ("：", ":")


# -- amounts of one project stated outside its name's sentence -------------------------------

ANY_MONEY = re.compile(rf"(?<![完累])(?:总投资|投资){APPROX}{NUM}\s*{MONEY_UNIT}")
ANY_AREA = re.compile(rf"(?:总建筑面积|建筑面积|占地面积|面积)?{APPROX}{NUM}\s*{AREA_UNIT}")
HEADER_UNIT = re.compile(r"(万亿元|亿元|万元|元|万平方米|平方米)")


def leading(text: str) -> tuple[Decimal | None, Decimal | None]:
    """Amounts a clause opens with ("项目总投资12亿元，建筑面积9.6万平方米，…"; also the rest
    of a task heading after its name: "，总投资2.3亿元，建筑面积1.8万平方米")."""
    return _after(spelled(text))


def in_cell(text: str) -> tuple[Decimal | None, Decimal | None]:
    """The first total investment and the first floor area written in a cell that is about
    one project ("新建标准厂房22万平方米，总投资9亿元"); ranges and progress are skipped."""
    money = area = None
    text = spelled(text)
    for m in ANY_MONEY.finditer(text):
        if not NOT_TOTAL.search(text[: m.start()]) and not RANGE_BEFORE.search(text[: m.start()]):
            money = _amount(m.group(1), m.group(2))
            break
    for a in ANY_AREA.finditer(text):
        before = text[: a.start()]
        if RANGE_BEFORE.search(before) or re.search(r"\d$", before):
            continue
        area = _amount(a.group(1), a.group(2))
        break
    return money, area


def column_value(cell: str, header: str) -> Decimal | None:
    """A number cell under a header carrying its unit: "18" under "总投资(亿元)" → 1.8e9 元."""
    m = re.fullmatch(r"\s*(?:约|近)?(\d+(?:\.\d+)?)\s*(万亿元|亿元|万元|元|万平方米|平方米)?\s*", spelled(cell))
    if not m:
        return None
    stated = HEADER_UNIT.search(header)
    unit = m.group(2) or (stated.group(1) if stated else None)
    if unit is None:
        return None
    return _amount(m.group(1), unit)
