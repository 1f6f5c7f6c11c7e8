"""Find named things by their suffix and the words in front of them.

Chinese plans name zones, agencies, projects and companies by a head word at the END
(…产业园, …局, …研究院, …集团). So we look for those heads, then walk LEFT to where the name
starts: the nearest punctuation, a verb or preposition from ``data/boundaries.yaml``
("加快推进X", "依托X"), a quantity ("36万平方米X"), or the end of another name inside the
span ("东部滨海新城国家产城融合示范区" is two zones). Each sentence is scanned once with
bounded look-behind, so the cost is linear in the text.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from zonekg.loaders.extraction import lexicon
from zonekg.loaders.extraction.model import Kind
from zonekg.loaders.extraction.text import Sentence

PUNCT = set(",，、;；:：。!?！？“”\"'‘’「」『』《》〈〉【】[]|/\\ \t—…·•")
MAX_NAME = {Kind.AGENCY: 40, Kind.ZONE: 22, Kind.PROJECT: 22, Kind.COMPANY: 16}
# A number with a unit is a boundary: "36万平方米的X", "3万平方米X".
QUANTITY = re.compile(
    r"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+)(?:[-—~至到](?:\d+(?:\.\d+)?))?"
    r"(?:万|亿)?(?:平方米|平方公里|公里|米|亩|公顷|元|美元|家|个|项|处|条|座|所|套|栋|层|户|人|名|吨|余|多)"
)
RIGHT_EXT = {
    Kind.ZONE: re.compile(r"[A-Z]区|\([^()]{1,6}\)(?!产业园)"),
    Kind.PROJECT: re.compile(r"[一二三四五六七八九]期(?:工程)?|\([^()]{1,10}段\)|项目"),
}


@dataclass(frozen=True)
class Mention:
    """A name found in a sentence: where, of what kind, and by which head word."""

    name: str
    kind: Kind
    sentence: Sentence
    start: int
    end: int
    head: str


@functools.cache
def _tables() -> tuple[dict[str, Kind], int, frozenset[str], int, frozenset[str], frozenset[str],
                       frozenset[str]]:
    heads: dict[str, Kind] = {}
    for key, kind in (("company_markers", Kind.COMPANY), ("agency_suffixes", Kind.AGENCY),
                      ("zone_suffixes", Kind.ZONE), ("project_heads", Kind.PROJECT)):
        for w in lexicon.words("names", key):
            heads.setdefault(w, kind)
    conj = frozenset(lexicon.load("boundaries").get("inner_conjunctions") or [])
    bwords = frozenset(lexicon.words("boundaries", "words")) - conj
    generic = frozenset(lexicon.words("generic", "stem_words"))
    generic_names = frozenset(lexicon.words("generic", "names"))
    return (heads, max(map(len, heads)), bwords, max(map(len, bwords)), conj, generic,
            generic_names)


def is_generic_stem(stem: str) -> bool:
    """True when the stem is only determiners/levels ("全区", "省级以上", "各类重点")."""
    generic = _tables()[5]
    stem = stem.strip("“”\"'()")
    if not stem:
        return True
    # greedy segmentation of the stem into generic words
    ok = [False] * (len(stem) + 1)
    ok[0] = True
    for i in range(1, len(stem) + 1):
        for j in range(max(0, i - 6), i):
            if ok[j] and stem[j:i] in generic:
                ok[i] = True
                break
    return ok[-1]


def head_matches(text: str) -> list[tuple[int, int, str, Kind]]:
    """All head-word occurrences (start, end, head, kind), longest head per end, and heads
    inside a longer head dropped (园 inside 产业园区)."""
    heads, maxlen = _tables()[0], _tables()[1]
    found = []
    for e in range(1, len(text) + 1):
        for L in range(min(maxlen, e), 0, -1):
            h = text[e - L:e]
            if h in heads:
                found.append((e - L, e, h, heads[h]))
                break
    kept = []
    for i, (s, e, h, k) in enumerate(found):
        if any(s2 <= s and e <= e2 and (s2, e2) != (s, e) for s2, e2, _, _ in found[i + 1:i + 4]):
            continue
        kept.append((s, e, h, k))
    return kept


def boundary_ends(text: str) -> dict[int, int]:
    """Map position → start of a boundary (punctuation, boundary word or quantity) ending there."""
    _, _, bwords, bmax, _, _, _ = _tables()
    ends: dict[int, int] = {}
    for i, ch in enumerate(text):
        if ch in PUNCT:
            ends[i + 1] = i
    for e in range(1, len(text) + 1):
        for L in range(min(bmax, e), 0, -1):
            if text[e - L:e] in bwords:
                ends.setdefault(e, e - L)
                break
    for m in QUANTITY.finditer(text):
        ends.setdefault(m.end(), m.start())
    return ends


def find(sentence: Sentence) -> list[Mention]:
    """Every zone/agency/project/company name in one sentence."""
    text = sentence.text
    _, _, _, _, conj, _, generic_names = _tables()
    bends = boundary_ends(text)
    matches = head_matches(text)
    out: list[Mention] = []
    accepted: list[tuple[int, int, Kind]] = []
    for s0, e, head, kind in matches:
        ext = RIGHT_EXT.get(kind)
        if ext:
            m = ext.match(text, e)
            if m and not (kind is Kind.PROJECT and m.group() == "项目"):
                e = m.end()
        start = _start(text, s0, kind, bends, accepted, conj)
        if start is None:
            continue
        start = _trim_leading(text, start, s0, kind)
        if start is None or _false_head(text, s0, e, head):
            continue
        name = text[start:e].strip("“”\"' ")
        stem = text[start:s0].strip("“”\"' ")
        if name in generic_names or not _valid(kind, head, stem):
            continue
        # a name already covering this one (新城 inside 新城(崮山)产业园) absorbs it
        out.append(Mention(name, kind, sentence, start, e, head))
        accepted.append((start, e, kind))
    # drop mentions nested inside a longer accepted mention of a kind that keeps prefixes
    final = []
    for m in out:
        if any(o is not m and o.start <= m.start and m.end <= o.end and (o.start, o.end) != (m.start, m.end)
               for o in out):
            continue
        final.append(m)
    return final


def _start(text: str, s0: int, kind: Kind, bends: dict[int, int],
           accepted: list[tuple[int, int, Kind]], conj: frozenset[str]) -> int | None:
    """Where the name ending with the head at ``s0`` starts, or None when it runs too long."""
    limit = max(0, s0 - MAX_NAME[kind])
    p = s0
    while p > limit:
        if p in bends:
            b0 = bends[p]
            hard = text[p - 1] in PUNCT
            # a boundary word adjacent to an agency head is part of the name (建设局, 规划分局)
            if hard or p < s0 or kind is not Kind.AGENCY:
                return p
        # another complete name ends here: a zone inside a longer zone/project name splits
        for a0, a1, akind in accepted:
            if a1 == p and p < s0:
                if text[p:p + 1] in conj:
                    return p + 1
                rest = s0 - p
                if akind is Kind.ZONE and kind in (Kind.ZONE, Kind.PROJECT) and rest >= 2 \
                        and text[p] != "(":
                    return p
        if text[p - 1] in conj and p < s0:
            # A及B: split only when A is itself a complete name
            if any(a1 == p - 1 for _, a1, _ in accepted):
                return p
        p -= 1
    return 0 if limit == 0 else None


@functools.cache
def _gen() -> dict:
    return lexicon.load("generic")


@functools.cache
def _tagger():
    import logging

    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba, jieba.posseg.dt.word_tag_tab


def _trim_leading(text: str, start: int, s0: int, kind: Kind) -> int | None:
    """Drop scope words and leading verb/adverb/preposition tokens from a stem (jieba's
    dictionary tags, looked up only: no slow POS tagging)."""
    g = _gen()
    stem = text[start:s0]
    changed = True
    while changed:
        changed = False
        for w in g["leading_strip"]:
            if stem.startswith(w) and len(stem) > len(w):
                stem, start, changed = stem[len(w):], start + len(w), True
    if len(stem) < 2 or (kind is Kind.AGENCY and len(stem) <= 2):
        return start  # 服发办, 经发局: abbreviations are not words jieba knows
    jieba, tags = _tagger()
    bad = set(g["non_name_tags"])
    tokens = jieba.lcut(stem, HMM=False)
    k = 0
    keep = 1 if kind is Kind.AGENCY else 0
    while k < len(tokens) - keep and (tags.get(tokens[k]) in bad or (
            k + 1 < len(tokens) and tags.get(tokens[k]) == "vn" and tags.get(tokens[k + 1]) == "v")):
        start += len(tokens[k])
        k += 1
    if kind is Kind.ZONE:
        # "定期走访园区", "充分发挥新城": a free verb inside a zone stem ends the text before it
        internal = set(g["name_internal_verbs"])
        pos = start
        for j in range(k, len(tokens) - 1):
            pos += len(tokens[j])
            if tags.get(tokens[j]) in ("v", "ad", "d", "p") and tokens[j] not in internal:
                start = pos
    # "片区开发运作和X产业园": a conjunction after a verb phrase starts a new name
    pos = start
    for j in range(k, len(tokens)):
        tok = tokens[j]
        pos += len(tok)
        if tok in ("和", "与", "及") and any(tags.get(t) == "v" for t in tokens[k:j]):
            start = pos
    return start


def _false_head(text: str, s0: int, e: int, head: str) -> bool:
    g = _gen()
    if any(text[max(0, e - len(w)):e] == w for w in g["false_endings"]):
        return True
    follow = g["false_followers"].get(head)
    return bool(follow and text[e:e + 1] in follow)


def _valid(kind: Kind, head: str, stem: str) -> bool:
    """Kind-specific sanity: enough stem, not generic, not starting with a digit."""
    if not stem:
        # a long zone head is a name by itself (综合保税区B区 after the right extension)
        return kind is Kind.ZONE and len(head) >= 4
    if is_generic_stem(stem):
        return False
    if stem[0].isdigit() and kind is not Kind.PROJECT:
        return False
    if re.search(r"[一二三四五六七八九十两]+[大个城区园镇街]", stem + head) and kind is Kind.ZONE:
        return False  # "一城三园", "七大特色产业园": layouts and counts, not names
    if kind is Kind.ZONE and len(stem) < 2:
        return False
    if kind is Kind.AGENCY and head in ("镇", "街道") and len(stem) < 2:
        return False
    if kind is Kind.PROJECT and len(stem) < 2:
        return False
    if kind is Kind.COMPANY and len(stem) < 2:
        return False
    return True
