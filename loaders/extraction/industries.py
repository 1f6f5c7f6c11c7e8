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
    org = tuple(lexicon.load("industries")["organisation_nouns"])
    for e in lists.find(sentence):
        kind = lists.head_kind(e.head)
        items = [i.strip("“”\"' ") for i in e.items]
        count = e.count
        if not e.head:
            # the cue may close the clause before: "四大主导产业：A、B", "三个未来产业（A、B、C）"
            at = sentence.text.find(e.clause)
            cue = _leading_cue(sentence.text[:at] + e.clause if at >= 0 else e.clause, items[0])
            if cue is not None:
                kind, count = "industry", cue
            elif _after_focus_verb(e.clause, items[0]) and all(map(is_industry, items)) \
                    and len(items) >= 3:
                kind, count = "industry", len(items)  # "重点发展A、B和C": the verb sets the focus
        elif kind is None and count and _direction(e.head):
            kind = "industry"  # "围绕A、B和C三个(主攻)方向"
        if kind == "industry" or (kind is None and sum(i in sectors for i in items) * 2 >= len(items)):
            if count and len(items) > count:
                items = items[-count:]
            whole = count is not None and len(items) == count  # the count vouches for every item
            out.extend(i for i in items if 2 <= len(i) <= 12 and not i.endswith(org)
                       and (whole or is_industry(i)) and not _announces(i))
    out.extend(_pairs(sentence.text))
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
                    w = _extended(clause, pos, w)
                    a, b = base + pos, base + pos + len(w)
                    # a sector word inside a listed industry ("建筑新材料") or inside a name
                    # ("X半导体", "现代服务业综合改革试验区") is no industry of its own
                    if not any(w != i and w in i for i in listed) \
                            and not any(s0 <= a and b <= e0 for s0, e0 in named) \
                            and not clause.startswith(org, pos + len(w)):  # 科技服务机构
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


COUNT_WORD = r"(?:[一二两三四五六七八九十]|\d+)\s*(?:大|个|项|类)"


@functools.cache
def _cue_heads() -> str:
    heads = lexicon.load("industries")["count_cue_heads"]
    return "|".join(sorted(map(re.escape, heads), key=len, reverse=True))


def _direction(head: str) -> bool:
    return bool(re.fullmatch(rf"[\u4e00-\u9fff]{{0,4}}(?:{_cue_heads()})", head))


def _leading_cue(clause: str, first: str) -> int | None:
    """"三大主导产业即A、B、C", "两大新兴产业包括A和B": a count and an industry head announce
    the list that follows; the count it states."""
    i = clause.find(first)
    m = re.search(rf"({COUNT_WORD})[\u4e00-\u9fff]{{0,4}}(?:{_cue_heads()})(?:即|包括|为|是|:|：|\(|（)$",
                  clause[:i])
    if not m:
        return None
    from zonekg.loaders.extraction.numerals import to_decimal
    n = to_decimal(re.match(r"[一二两三四五六七八九十]|\d+", m.group(1)).group())
    return int(n) if n else None


def _extended(clause: str, pos: int, w: str) -> str:
    """A sector word continued by its parts: "X汽车及零部件", "新能源电池材料" (a product of up
    to four characters and a component noun before the item ends) is the longer sector."""
    nouns = "|".join(map(re.escape, lexicon.load("industries")["component_nouns"]))
    m = re.compile(rf"(?:(?:及|和|与)(?:{nouns})|[\u4e00-\u9fff]{{0,4}}?(?:{nouns}))"
                   r"(?=产业|集群|等|、|和|及|$)").match(clause, pos + len(w))
    return w + m.group() if m else w


def _announces(item: str) -> bool:
    """"新区坚持做强四大主导产业": a span holding a count cue is the sentence announcing the
    list, never an item of it."""
    return bool(re.search(rf"{COUNT_WORD}[\u4e00-\u9fff]{{0,4}}(?:{_cue_heads()})", item))


def _pairs(text: str) -> list[str]:
    """Two industries joined by 和 without a 、 list: "两大新兴产业即A和B", "培育A和B两个新增长点"."""
    out = []
    heads = _cue_heads()
    for clause in CLAUSE.split(text):
        m = re.search(rf"(?:两|二|2)\s*(?:大|个|项|类)[\u4e00-\u9fff]{{0,4}}(?:{heads})(?:即|包括|为|是)"
                      r"([\u4e00-\u9fff]{2,12})(?:和|及|与)([\u4e00-\u9fff]{2,12})$", clause)
        if not m:
            m = re.search(r"([\u4e00-\u9fff]{2,16})(?:和|及|与)([\u4e00-\u9fff]{2,12})"
                          rf"(?:两|二|2)\s*(?:大|个|项|类)[\u4e00-\u9fff]{{0,4}}(?:{heads})", clause)
            if not m:
                continue
            first = lists._trim_item(m.group(1), first=True)
        else:
            first = m.group(1)
        out.extend(i for i in (first, m.group(2)) if 2 <= len(i) <= 12 and "、" not in i)
    return out


def _after_focus_verb(clause: str, first: str) -> bool:
    """True when the list follows a focus verb directly ("重点发展A、B和C")."""
    before = clause[: clause.find(first)]
    return bool(before) and before.endswith(tuple(lexicon.load("industries")["list_focus_verbs"]))
