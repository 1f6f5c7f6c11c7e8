"""Enumerations: "A、B、C等<head>", "A、B和C三大<head>", "与A、B及C合作".

Lists carry meaning the items alone do not: the items of "…等部门" are agencies even when
written as bare stems (规划、国土), those of "…三大传统制造业" are industries, and the count
word (三大) says how many items the list really has, which fixes the first item's left edge.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from zonekg.loaders.extraction import distinct, lexicon
from zonekg.loaders.extraction.model import Kind
from zonekg.loaders.extraction.numerals import to_decimal
from zonekg.loaders.extraction.sectors import is_industry, is_industry_exact
from zonekg.loaders.extraction.text import Sentence
from zonekg.loaders.extraction.vocabulary import boundary_ends, head_matches, is_generic_stem

CLAUSE = re.compile(r"[,，;；:：。!?！？()（）]")
# Measure words of a count that counts members one by one (两家企业, 两个项目, 三所学校), not kinds
MEMBER_CLASSIFIERS = ("家", "个", "所")


def _rule(id: str) -> re.Pattern[str]:
    """A pattern of data/lists.yaml (list ends and counts, one example, capacity items), compiled once."""
    return lexicon.pattern("lists", id)


@dataclass
class Enumeration:
    items: list[str]
    head: str
    count: int | None
    sentence: Sentence
    clause: str
    etc: bool = True  # the head follows 等 ("A、B等企业"), not only a count ("A、B三大类企业")
    classifier: str = ""  # the count's measure word ("两家企业": 家)

    @property
    def categories(self) -> bool:
        """"A、B、C三大类企业", "A、B四大领域": a count without 等 sums up categories, the
        items are kinds of things, not named members; a count of members one by one ("A、B两家
        企业", "A、B两个项目") names them."""
        return self.count is not None and not self.etc and self.classifier not in MEMBER_CLASSIFIERS


@functools.cache
def _heads() -> dict[str, str]:
    cfg = lexicon.load("lists")
    out = {}
    for key, kind in (("industry_heads", "industry"), ("agency_heads", "agency"),
                      ("company_heads", "company"), ("project_heads", "project")):
        for h in cfg[key]:
            out[h] = kind
    return out


@functools.cache
def _heads_by_length() -> tuple[str, ...]:
    return tuple(sorted(_heads(), key=len, reverse=True))


@functools.lru_cache(maxsize=8192)
def head_kind(head: str) -> str | None:
    """The kind a list head announces ("主导产业" → industry), by its longest known ending.

    Only the noun phrase counts: "四大领域的18项民生工程" is headed by 领域, and a trailing
    activity word goes ("重点区街主干道建设" → 主干道). (Memoised: lists and industries both
    ask of every list, and a plan repeats its list heads.)"""
    heads = _heads()
    head = head.rstrip("的")
    if "的" in head and not re.search(r"[\d元]", head.split("的", 1)[0]):
        head = head.split("的", 1)[0]  # (not "总投资N亿元的15个项目": an amount qualifies)
    head = re.sub(r"^(?:一大批|一批|一系列)", "", head) or head  # "等一批项目": a quantity
    head = re.sub(r"(?:建设|改造|工作|提升|升级|落地|签约|扩产|开工|投产|竣工|达产)+$", "", head) or head
    if head.endswith(lexicon.words("lists", "zone_heads")):
        return "zone"  # "A、B4个特色产业园": the items are parks even without their head
    for h in _heads_by_length():
        if head.endswith(h) or h in head[: len(h) + 3]:
            return heads[h]
    return None


def find(sentence: Sentence) -> list[Enumeration]:
    """All 、-enumerations of a sentence with their head phrase (computed once per sentence:
    assembly and industries both ask)."""
    return sentence.memo("lists", _find)


def _find(sentence: Sentence) -> list[Enumeration]:
    out = []
    text = sentence.text
    pos = 0
    for clause in _clauses(text):
        start = text.find(clause, pos)
        pos = start + len(clause)
        if "、" not in clause:
            out.extend(_single(clause, sentence))
            continue
        out.extend(_clause_lists(clause, sentence))
    return out


def _clauses(text: str) -> list[str]:
    """Clauses split on punctuation; a short bracket inside a name ("环江路(开发区段)") stays."""
    masked = re.sub(r"[(（]([^()（）,，;；:：。、]{1,8})[)）]", lambda m: "\0" * len(m.group()), text)
    out, last = [], 0
    for m in CLAUSE.finditer(masked):
        out.append(text[last:m.start()])
        last = m.end()
    out.append(text[last:])
    return out


def _single(clause: str, sentence: Sentence) -> list[Enumeration]:
    """"推进X等重大项目", "对X等科技型中小企业": one named example of a category."""
    m = _rule("one_example").search(clause)
    if not m or m.start() < 2:
        return []
    head, _ = _head(clause[m.start():])
    cfg = lexicon.load("lists")
    acc, found = "", None
    for tok, _ in distinct.tokens(head)[:4]:
        acc += tok
        if found is None and any(acc.endswith(h) for h in cfg["industry_heads"]):
            return []  # "汽车整车等先进制造业项目": the item is a sector
        for kind in ("company", "project"):
            if any(acc.endswith(h) for h in cfg[f"{kind}_heads"]):
                found = found or (acc, kind)
    if found is None:
        return []  # the head word must end a word: "节能减排等各项目标任务" has no 项目
    head = found[0]
    before = clause[: m.start()]
    bends = boundary_ends(before)
    cut = max((p for p in bends if p < len(before) - 1), default=0)
    item = trim_item(after_names(before[cut:]).lstrip("和与及同"), first=True)
    toks = distinct.tokens(item)
    if len(toks) > 1 and toks[0][1] == "v" and len(toks[0][0]) >= 2:
        item = item[len(toks[0][0]):]  # "推出X等": a leading verb
    if not 2 <= len(item) <= 8:
        return []
    return [Enumeration([item], head, None, sentence, clause)]


def after_names(item: str) -> str:
    """The part of an item after a name of another kind ending inside it ("X园区Y电器")."""
    ends = [e for s, e, h, k in head_matches(item) if e < len(item) - 1 and len(h) >= 2]
    return item[max(ends):] if ends else item


def _clause_lists(clause: str, sentence: Sentence) -> list[Enumeration]:
    chunks = clause.split("、")
    lists: list[Enumeration] = []
    items: list[str] = []
    # first item: from the last boundary before the first 、
    first = chunks[0]
    bends = boundary_ends(first)
    cut = max((p for p in bends if p < len(first) - 1), default=0)
    first_item = trim_item(first[cut:], first=True)
    if first_item[:1] in "与和及同" and len(first_item) > 2:
        first_item = first_item[1:]
    items.append(first_item)
    for k, chunk in enumerate(chunks[1:], 1):
        m = _rule("list_end").search(chunk)
        last = k == len(chunks) - 1
        if m and m.start() > 0:
            item = trim_item(chunk[: m.start()])
            rest = chunk[m.start():]
            items.extend(_split_conj(item))
            head, nxt = _head(rest)
            cnt = _rule("list_count").match(rest.lstrip("等"))
            count = int(to_decimal(cnt.group(1)) or 0) if cnt else None
            lists.append(Enumeration([i for i in items if i], head, count, sentence, clause,
                                     etc=rest.startswith("等"), classifier=cnt.group()[-1] if cnt else ""))
            items = [nxt] if nxt else []
        elif last:
            items.extend(_split_conj(_trim_last(chunk)))
            lists.append(Enumeration([i for i in items if i], "", None, sentence, clause))
            items = []
        else:
            items.append(chunk)
    if items and len(items) > 1:
        lists.append(Enumeration(items, "", None, sentence, clause))
    return [found for found in lists if len(found.items) >= 2]


def trim_item(item: str, first: bool = False) -> str:
    """Drop what precedes an item's name: leading verbs ("壮大智能装备制造"), a verb phrase
    ending in 以 ("突破发展以文化旅游"), a name of another kind joined by 和 ("X新城和软件信息")."""
    m = re.search(r"以(?=[^以]{2,}$)", item)
    if m and m.start() > 0:
        item = item[m.end():]
    for c in "和与及":
        left, sep, right = item.partition(c)
        if sep and len(right) >= 2 and any(e == len(left) and k.value in ("zone", "agency")
                                           for _, e, _, k in head_matches(left)):
            item = right
    if first:
        verbs = _lead_verbs()
        changed = True
        while changed and item.startswith(verbs):  # (one C call rules out every verb at once)
            changed = False
            for v in verbs:
                if item.startswith(v) and len(item) - len(v) >= 2:
                    item, changed = item[len(v):], True
                    break
    return item


@functools.cache
def _lead_verbs() -> tuple[str, ...]:
    words = set(lexicon.load("industries")["focus_verbs"]) | set(lexicon.words("boundaries", "words"))
    words -= set(lexicon.load("boundaries").get("inner_conjunctions") or [])
    return tuple(sorted(words, key=len, reverse=True))


def _split_conj(item: str) -> list[str]:
    """"B和C" at the end of a list is two items when both halves are 2+ chars."""
    for c in "和及与":
        if c in item:
            a, _, b = item.partition(c)
            ends_b = any(e == len(b) for _, e, h, _ in head_matches(b) if len(h) >= 2)
            ends_a = any(e == len(a) for _, e, h, _ in head_matches(a) if len(h) >= 2)
            if ends_b and not ends_a:
                return [item]  # "海洋船舶及装备特色产业园": one name with a conjunction inside
            if b in lexicon.load("industries")["component_nouns"]:
                return [item]  # "X汽车及零部件": the parts of one sector
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


def named_item(e: Enumeration, item: str) -> bool:
    """Whether an item of a company/project list can be a named firm: not when the list sums
    up categories ("三大类企业", "四大领域") and not a verb-phrase slogan ("基础设施跟进")."""
    return not e.categories and not distinct.is_slogan_item(item)


def project_item(e: Enumeration, item: str) -> list[tuple[Kind, str]]:
    """What an item of a project list ("推进A、B、C等项目") names.

    Works ("苏州路西延", "X二期") are projects. A bare brand of up to four characters
    ("推动A、B等签约项目", "扶持A、B等增资项目扩产") or a firm's name with a sector tail
    ("X电气") names a firm. A brand followed by what it makes or does ("X废弃油脂",
    "X10GWh储能电池", "韩国X乳制品") names that firm's project. Kinds of project ("文旅、
    科创等项目"), sectors, slogans and common words name nothing."""
    if not 2 <= len(item) <= 20 or e.categories or is_generic_stem(item):
        return []
    plain = not re.search(r"[“”\"\d一二三四五六七八九十]", item)
    if plain and len(item) <= 14 and works_item(item):
        return [(Kind.PROJECT, item)]
    investors = any(h in e.head for h in lexicon.load("lists")["investor_project_heads"])
    if plain and (investors or named_item(e, item)) and not is_industry_exact(item) \
            and item not in lexicon.load("lists")["category_abbreviations"] \
            and (3 <= len(item) <= 4 or _brand_like(item, investors) or _firm_tail(item)):
        return [(Kind.COMPANY, item)]
    if 5 <= len(item) <= 16 and _product_of_brand(item):
        return [(Kind.PROJECT, item)]
    return []


def _firm_tail(item: str) -> bool:
    """A firm's name: a 2–4 character stem and a sector tail or marker (X电气, X重工)."""
    tails = lexicon.load("names")["company_weak_tails"] + lexicon.load("names")["company_markers"]
    return any(item.endswith(t) and 2 <= len(item) - len(t) <= 4 and _brand_like(item[: -len(t)])
               for t in tails)  # (not 新能源汽车: a sector)


def _product_of_brand(item: str) -> bool:
    """"X废弃油脂", "X铝循环利用", "X10GWh储能电池", "韩国X光伏板拆解": a brand (or a country
    and what it sends) opening a product or process of three or more characters."""
    foreign = next((f for f in lexicon.load("names")["foreign_prefixes"] if item.startswith(f)), None)
    if foreign:
        return len(item) - len(foreign) >= 3
    m = _rule("capacity_item").match(item)
    if m:
        return _brand_like(m.group(1))
    return re.fullmatch(r"[\u4e00-\u9fff]+", item) is not None and _brand_like(item[:2]) \
        and not distinct.tokens(item)[0][0].startswith(item[:3])  # (the brand is no longer word)


def _brand_like(word: str, investors: bool = False) -> bool:
    """A proper word, characters jieba joins into no word, or (in a list of investors'
    projects) any word that is no kind of project, sector or generic word."""
    if not 2 <= len(word) <= 4 or re.search(r"[一二两三四五六七八九十百千万]", word):
        return False  # (“两无三化”: a numbered slogan, not a brand)
    if word in lexicon.load("lists")["category_abbreviations"] or is_generic_stem(word) \
            or is_industry(word):
        return False
    toks = distinct.tokens(word)
    if investors:
        return True
    if len(toks) == 1:
        return toks[0][1] in ("nz", "nt", "nr", "nrt", "nrfg") or toks[0][1] is None
    singles = [tk for tk, _ in toks if len(tk) == 1]
    return len(singles) >= 2 or any(tg in ("nz", "nt", "nrt") for _, tg in toks)

