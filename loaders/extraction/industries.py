"""Industries: enumerated clusters ("三大传统制造业和四大高新技术产业") and sector words of
the genre (data/industries.yaml) where the plan sets them as a focus."""
from __future__ import annotations

import functools
import re

from zonekg.loaders.extraction import lexicon, lists
from zonekg.loaders.extraction.text import Sentence

CLAUSE = re.compile(r"[,，;；:：。!?！？]")


@functools.cache
def _cfg():
    cfg = lexicon.load("industries")
    return (tuple(sorted(cfg["sectors"], key=len, reverse=True)), tuple(cfg["head_words"]),
            tuple(cfg["focus_verbs"]))


def is_industry(item: str) -> bool:
    """A list item that looks like a sector name (ends or contains a sector head word)."""
    sectors, heads, _ = _cfg()
    return item in sectors or any(h in item for h in heads)


def find(sentence: Sentence) -> list[str]:
    """Industry names of one sentence."""
    sectors, heads, focus = _cfg()
    out: list[str] = []
    for e in lists.find(sentence):
        kind = lists.head_kind(e.head)
        items = [i.strip("“”\"' ") for i in e.items]
        if kind == "industry" or (kind is None and sum(i in sectors for i in items) * 2 >= len(items)):
            if e.count and len(items) > e.count:
                items = items[-e.count:]
            out.extend(i for i in items if 2 <= len(i) <= 12 and is_industry(i))
    listed = list(out)
    text = sentence.text
    from zonekg.loaders.extraction import names
    named = [(m.start, m.end) for m in names.find(sentence)]
    offset = 0
    for clause in CLAUSE.split(text):
        base = text.find(clause, offset)
        offset = base + len(clause)
        if not any(v in clause for v in focus):
            continue
        pos = 0
        while pos < len(clause):
            for w in sectors:
                if clause.startswith(w, pos):
                    a, b = base + pos, base + pos + len(w)
                    # a sector word inside a listed industry ("建筑新材料") or inside a name
                    # ("X半导体", "现代服务业综合改革试验区") is no industry of its own
                    if not any(w != i and w in i for i in listed) \
                            and not any(s0 <= a and b <= e0 for s0, e0 in named):
                        out.append(w)
                    pos += len(w) - 1
                    break
            pos += 1
    seen, uniq = set(), []
    for i in out:
        if i not in seen:
            seen.add(i)
            uniq.append(i)
    return uniq


def is_industry_exact(item: str) -> bool:
    """True for an item that is exactly a known sector name."""
    return item in _cfg()[0]
