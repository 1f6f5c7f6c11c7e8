"""Enumerations: "A、B、C等<head>", "A、B和C三大<head>", "与A、B及C合作".

Lists carry meaning the items alone do not: the items of "…等部门" are agencies even when
written as bare stems (规划、国土), those of "…三大传统制造业" are industries, and the count
word (三大) says how many items the list really has, which fixes the first item's left edge.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from zonekg.loaders.extraction import lexicon
from zonekg.loaders.extraction.names import boundary_ends
from zonekg.loaders.extraction.numerals import to_decimal
from zonekg.loaders.extraction.text import Sentence

CLAUSE = re.compile(r"[,，;；:：。!?！？()（）]")
COUNT = re.compile(r"[“\"]?([一二两三四五六七八九十\d]+)\s*(?:大|个|家|类|项|条|所)")
TAIL = re.compile(r"等|[“\"]?[一二两三四五六七八九十\d]+\s*(?:大|个|家|类|项)|为(?:重点|主|龙头|主体|核心)")


@dataclass
class Enumeration:
    items: list[str]
    head: str
    count: int | None
    sentence: Sentence
    clause: str


@functools.cache
def _heads() -> dict[str, str]:
    cfg = lexicon.load("lists")
    out = {}
    for key, kind in (("industry_heads", "industry"), ("agency_heads", "agency"),
                      ("company_heads", "company"), ("project_heads", "project")):
        for h in cfg[key]:
            out[h] = kind
    return out


def head_kind(head: str) -> str | None:
    """The kind a list head announces ("主导产业" → industry), by its longest known ending."""
    heads = _heads()
    head = head.rstrip("的")
    for h in sorted(heads, key=len, reverse=True):
        if head.endswith(h) or h in head[: len(h) + 3]:
            return heads[h]
    return None


def find(sentence: Sentence) -> list[Enumeration]:
    """All 、-enumerations of a sentence with their head phrase."""
    out = []
    text = sentence.text
    pos = 0
    for clause in CLAUSE.split(text):
        start = text.find(clause, pos)
        pos = start + len(clause)
        if "、" not in clause:
            continue
        out.extend(_clause_lists(clause, sentence))
    return out


def _clause_lists(clause: str, sentence: Sentence) -> list[Enumeration]:
    chunks = clause.split("、")
    lists: list[Enumeration] = []
    items: list[str] = []
    # first item: from the last boundary before the first 、
    first = chunks[0]
    bends = boundary_ends(first)
    cut = max((p for p in bends if p < len(first) - 1), default=0)
    first_item = first[cut:]
    if first_item[:1] in "与和及同" and len(first_item) > 2:
        first_item = first_item[1:]
    items.append(first_item)
    for k, chunk in enumerate(chunks[1:], 1):
        m = TAIL.search(chunk)
        last = k == len(chunks) - 1
        if m and m.start() > 0:
            item = chunk[: m.start()]
            rest = chunk[m.start():]
            items.extend(_split_conj(item))
            head, nxt = _head(rest)
            cnt = COUNT.match(rest.lstrip("等"))
            count = int(to_decimal(cnt.group(1)) or 0) if cnt else None
            lists.append(Enumeration([i for i in items if i], head, count, sentence, clause))
            items = [nxt] if nxt else []
        elif last:
            items.extend(_split_conj(_trim_last(chunk)))
            lists.append(Enumeration([i for i in items if i], "", None, sentence, clause))
            items = []
        else:
            items.append(chunk)
    if items and len(items) > 1:
        lists.append(Enumeration(items, "", None, sentence, clause))
    return [l for l in lists if len(l.items) >= 2]


def _split_conj(item: str) -> list[str]:
    """"B和C" at the end of a list is two items when both halves are 2+ chars."""
    for c in "和及与":
        if c in item:
            a, _, b = item.partition(c)
            if len(a) >= 2 and len(b) >= 2:
                return [a, b]
    return [item]


def _head(rest: str) -> tuple[str, str]:
    """Head phrase after 等/三大 …, and the first item of a following list joined by 和."""
    rest = re.sub(r"^等?(?:[“\"]?[一二两三四五六七八九十\d]+\s*(?:大|个|家|类|项))?", "", rest)
    rest = rest.strip("“”\"")
    head, _, nxt = rest.partition("和")
    head = re.split(r"[“”\"]", head)[0]
    return head, (nxt if len(nxt) >= 2 else "")


def _trim_last(chunk: str) -> str:
    """The last item of a list without a head ends at the next verb-like boundary."""
    for verb in lexicon.load("lists")["partner_verbs"]:
        if chunk.endswith(verb):
            return chunk[: -len(verb)]
    bends = boundary_ends(chunk)
    ends = sorted(p - (p - bends[p]) for p in bends if bends[p] >= 2)
    return chunk[: ends[0]] if ends else chunk


def works_item(item: str) -> bool:
    """True when a project-list item names construction works rather than a firm."""
    return any(w in item for w in lexicon.load("lists")["works_markers"])
