"""Quantitative goals: "地区生产总值增长10%", "新增高新技术企业5家", "分别达到60家、300家".

A sentence is cut into clauses; every number-with-unit in a clause is a candidate. It is
dropped when it is an attribute (总投资23亿元, 20亿元企业, 36万平方米的X) and marked
``actual`` when the clause or section reports the past. The metric is the clause's subject
(inherited by following clauses that only say "达到350亿元"), or the noun after a count
("建成3个区级公园").
"""
from __future__ import annotations

import functools
import re
from decimal import Decimal

from zonekg.loaders.extraction import lexicon
from zonekg.loaders.extraction.context import YEAR, Context
from zonekg.loaders.extraction.model import Evidence, Target, TargetKind
from zonekg.loaders.extraction.numerals import clean, to_decimal
from zonekg.loaders.extraction.text import Sentence

CLAUSE_SEP = re.compile(r"[,，;；:：。!?！？]")
CN = "一二两三四五六七八九十"


@functools.cache
def _cfg():
    cfg = lexicon.load("targets")
    unit_kind = {}
    for kind, units in cfg["units"].items():
        for u in units:
            unit_kind.setdefault(u, TargetKind(kind if kind != "share" else "share"))
    units = sorted(unit_kind, key=len, reverse=True)
    unit_re = "|".join(re.escape(u) for u in units)
    qty = re.compile(
        rf"(?P<num>\d+(?:\.\d+)?|[{CN}]+)(?:\s*(?P<range>[-—~到至])\s*(?P<num2>\d+(?:\.\d+)?|[{CN}]+))?"
        rf"\s*(?P<unit>{unit_re})(?P<mod>以上|左右|以内|多)?"
    )
    return cfg, unit_kind, qty


def _strip_prefix(metric: str, prefixes: list[str]) -> str:
    changed = True
    while changed and metric:
        changed = False
        for p in sorted(prefixes, key=len, reverse=True):
            if metric.startswith(p) and len(metric) > len(p):
                metric, changed = metric[len(p):], True
    return metric


def _strip_verbs(metric: str, verbs: list[str]) -> str:
    changed = True
    while changed and metric:
        changed = False
        for v in sorted(verbs, key=len, reverse=True):
            if metric.endswith(v) and len(metric) > len(v):
                metric, changed = metric[: -len(v)], True
    return metric


def extract(sents: list[Sentence], ctx: Context) -> list[Target]:
    """All goals (and, with ``actual=True``, past statistics) of the document."""
    cfg, unit_kind, qty = _cfg()
    out: list[Target] = []
    for s in sents:
        if s.index in ctx.chrome or s.header_row:
            continue
        out.extend(_sentence_targets(s, ctx, cfg, unit_kind, qty))
    return out


def _sentence_targets(s: Sentence, ctx: Context, cfg, unit_kind, qty) -> list[Target]:
    text = s.text
    year = ctx.year_of.get(s.index, ctx.plan_year)
    past_section = s.index in ctx.past
    out: list[Target] = []
    # clause spans
    bounds = [0] + [m.end() for m in CLAUSE_SEP.finditer(text)] + [len(text) + 1]
    subject = ""
    subject_start = 0
    for c0, c1 in zip(bounds, bounds[1:]):
        clause = text[c0:c1].rstrip(",，;；:：。!?！？")
        if not clause.strip():
            continue
        quantities = [m for m in qty.finditer(clause)]
        quantities = [m for m in quantities if _is_goal_quantity(clause, m, cfg)]
        if not quantities:
            # a clause without numbers may carry the subject for the next ("…年均增长9%左右,达到…")
            continue
        past = past_section or _is_past(text[: c0] + clause, ctx.plan_year, cfg) \
            if re.match(r"\s*(?:19|20)\d\d年[,，]", text) else past_section or _is_past(clause, ctx.plan_year, cfg)
        first = quantities[0]
        lead = clause[: first.start()]
        # "A、B分别达到60家、300家": one subject list, several values
        if "分别" in lead and len(quantities) > 1:
            subj = _strip_verbs(lead.split("分别")[0].strip(), cfg["metric_verbs"])
            subj = _strip_prefix(subj, cfg["metric_prefix"])
            items = [i for i in re.split(r"、", subj) if i]
            if len(items) != len(quantities):
                items = [i for i in re.split(r"[、和及与]", subj) if i]
            for k, m in enumerate(quantities):
                metric = items[k] if len(items) == len(quantities) else subj
                out.append(_target(m, metric, clause, s, year, past, unit_kind))
            subject, subject_start = subj, c0
            continue
        prev_end = 0
        for m in quantities:
            seg = clause[prev_end: m.start()]
            after = clause[m.end():]
            metric = _metric(seg, after, m, cfg)
            if not metric and subject:
                metric = subject
                span = text[subject_start: c0 + m.end()]
            else:
                span = clause[prev_end if prev_end else 0: m.end()].lstrip("、和及与")
            # "A率、B率、C率达100%": one value shared by a list of rates
            items = [i for i in metric.split("、") if i]
            if len(items) > 1 and all(re.search(r"(率|比重|占比)$", i) for i in items):
                for i in items:
                    out.append(_target(m, i, span, s, year, past, unit_kind))
            else:
                out.append(_target(m, metric, span, s, year, past, unit_kind))
            if metric and metric != subject and not seg.strip().startswith(("达到", "达")):
                subject, subject_start = metric, c0 + prev_end
            prev_end = m.end()
    return [t for t in out if t.metric]


def _is_goal_quantity(clause: str, m: re.Match, cfg) -> bool:
    """Drop attributes: amounts before a noun or 的, amounts after 总投资, bare Chinese counts."""
    unit = m.group("unit")
    before = clause[: m.start()]
    after = clause[m.end():]
    num = m.group("num")
    if num[0] in CN and not m.group("num2") and m.group("mod") != "以上":
        return False  # "一个中心", "一套方案": slogans, not goals
    if re.match(r"[年月日号期级倍]", after) or YEAR.match(clause[m.start():]):
        return False
    if unit in cfg["attribute_units"]:
        if any(before.endswith(w) or re.search(w + r"[近约达超]?$", before) for w in cfg["attribute_before"]) \
                and not any(before.endswith(w) for w in cfg["goal_before"]):
            return False
        if re.match(r"(?:以上|左右)?(?:的|[\u4e00-\u9fff](?<![和及、]))", after) and not \
                re.match(r"(?:以上|左右)?(?:和|及|、|并|,)", after):
            return False
    if unit == "%" and re.search(r"由[^,，]*$", before) and re.match(r"\s*(提升|提高|增加|上升|下降)", after):
        return False  # "由去年的47.8%提升至50%": the starting value
    return True


def _metric(seg: str, after: str, m: re.Match, cfg) -> str:
    """The thing measured: the words before the number, or the noun after a count."""
    metric = seg.strip().lstrip("、和及与")
    metric = re.sub(r"^[(（]?[一二三四五六七八九十\d]+[)）、.]", "", metric)
    metric = _strip_prefix(metric, cfg["metric_prefix"])
    core = _strip_verbs(metric, cfg["metric_verbs"])
    if core in cfg["metric_prefix"] or core in cfg["metric_verbs"]:
        core = ""  # "增长10%、力争12%": the stretch value keeps the subject
    noun_after = re.match(r"(?:以上|左右)?(?:的)?([\u4e00-\u9fffA-Za-z“”\"]{2,16})", after)
    if noun_after and len(_strip_verbs(core, cfg["metric_verbs"])) <= 2:
        return (core + noun_after.group(1)).strip("“”\"")
    return core.strip("“”\" ")


def _is_past(clause: str, plan_year: int | None, cfg) -> bool:
    if any(w in clause for w in cfg["past_markers"]):
        return not re.search(r"提升至|提高到|提高至", clause)
    if plan_year:
        for y in YEAR.findall(clause):
            if int(y) < plan_year and not re.search(r"(?:到|至)\s*" + y, clause):
                return True
    return False


def _target(m: re.Match, metric: str, span: str, s: Sentence, year, past: bool,
            unit_kind) -> Target:
    unit = m.group("unit")
    value = to_decimal(m.group("num")) or Decimal(0)
    kind = unit_kind[unit]
    if unit == "%":
        if re.search(r"(比重|占比|比例|率|份额)", metric):
            kind = TargetKind.SHARE
        elif re.search(r"(增长|增速|改善|下降|降低|提高|提升)", span):
            kind = TargetKind.GROWTH_RATE
        else:
            kind = TargetKind.SHARE
    return Target(metric=metric, kind=kind, value=clean(value), unit=unit, year=year,
                  text=span.strip(), evidence=Evidence(s.text, s.block), actual=past)
