"""Is a stem a PROPER name or a category word?

"研发中心", "平安园区", "道路工程", "企业集团" end in the right head word but name no
particular thing: their stems are made of common words only. A proper name has a distinctive
part (``data/generic.yaml``):

- a token jieba's dictionary tags as proper (place, person, organisation, rare character) that
  is not a known generic modifier (智慧 is tagged as a person name, 宜居 as a place);
- a run of two or more single characters jieba could not join into a word (a brand or place
  it does not know: 金雪, 通光), unless they are administrative/positional affixes (镇街, 区中);
- a toponym: a token ending in 路/河/水库/岛 … that is not a common word (道路, 河道);
- a quoted or bracketed part, a Latin letter or digit code (BPO, 3D, B区), a phase (二期);
- a direction word naming a part of an area (南部新区).

Only dictionary lookups (``jieba.lcut`` without HMM plus the tag table) run here, cached per
stem, so the check costs nothing measurable on long documents.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from zonekg.loaders.extraction import lexicon

CODE = re.compile(r"[A-Za-z0-9]|[“”\"「」()（）]|[一二三四五六七八九十\d]期")
# verbs, adverbs, prepositions, conjunctions, pronouns, particles, numerals, classifiers,
# localisers: tokens that are never part of a proper stem's distinctive part
# Formal numeral characters (banker's numerals) jieba tags m: in a name they are a brand's
# characters (佰衡), never a count.
RARE_NUMERALS = frozenset("壹贰叁肆伍陆柒捌玖拾佰仟")
FUNCTION_TAGS = frozenset("v vd vn vg d ad p c r u ul uj uz uv ud ug y e o m mq q f t".split())


@dataclass(frozen=True)
class _Words:
    """The word sets of data/generic.yaml this module reads."""

    proper_tags: frozenset[str]  # jieba tags of proper words (ns, nr, nz …)
    generic: frozenset[str]  # generic modifiers jieba tags as proper (智慧, 宜居)
    non_proper: frozenset[str]  # single characters that are never distinctive (区, 新)
    directions: frozenset[str]  # 南部, 东区 …: a part of an area
    toponym_endings: tuple[str, ...]  # 路, 河, 岛 …
    common_toponyms: frozenset[str]  # 道路, 河道 …: common words ending like a toponym
    category_heads: frozenset[str]  # heads that need a distinctive stem (中心, 园区 …)


@functools.cache
def _words() -> _Words:
    g = lexicon.load("generic")
    return _Words(frozenset(g["proper_tags"]), frozenset(g["generic_modifiers"]),
                  frozenset(g["non_proper_chars"]), frozenset(g["directions"]),
                  tuple(g["toponym_endings"]), frozenset(g["common_toponym_words"]),
                  frozenset(g["category_heads"]))


@functools.cache
def segmenter():
    """jieba and its dictionary's tag table, loaded once and quietly.

    jieba logs its dictionary build and imports the deprecated pkg_resources on import; neither
    belongs on a user's terminal.
    """
    import logging
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import jieba
        import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba, jieba.posseg.dt.word_tag_tab


@functools.lru_cache(maxsize=65536)
def tokens(text: str) -> tuple[tuple[str, str | None], ...]:
    """(token, dictionary tag) pairs of a short text; dictionary segmentation only."""
    jieba, tags = segmenter()
    return tuple((t, tags.get(t)) for t in jieba.lcut(text, HMM=False))


def may_join(text: str, i: int) -> bool:
    """Whether a dictionary cut of ``text`` could put ``text[i - 1]`` and ``text[i]`` in one
    token: jieba cuts only within runs of its word characters (Chinese, Latin, digits), so a
    punctuation mark or the text's end at ``i`` ends every token there (callers skip the cut)."""
    jieba = segmenter()[0]
    return 0 < i < len(text) and jieba.re_han_default.match(text, i) is not None \
        and jieba.re_han_default.match(text, i - 1) is not None


def tag(word: str) -> str | None:
    return segmenter()[1].get(word)


def is_category_head(head: str) -> bool:
    return head in _words().category_heads


@functools.lru_cache(maxsize=65536)
def is_distinctive(stem: str, place: bool = False) -> bool:
    """True when the stem has a part that makes it a proper name (see module doc). ``place``:
    the stem names a place (a zone's), where a character jieba tags a verb goes on a run of
    single characters as part of a name it does not know (芦+荡+智+造), not a verb, and a
    direction opens one (西+岙: a place named by its side of a river or a hill)."""
    w = _words()
    proper, generic, non_proper, endings = w.proper_tags, w.generic, w.non_proper, w.toponym_endings
    if not stem:
        return False
    if CODE.search(stem):
        return True
    if stem in w.directions:
        return True
    toks = tokens(stem)
    run = 0
    for i, (tok, tg) in enumerate(toks):
        if len(tok) == 1:
            # a measure word opening a stem counts nothing (no numeral before it): a name's
            # character jieba reads as one ("泓烨高分子材料": 泓 is also the measure word of water)
            opening_measure = i == 0 and tg == "q"
            if tok not in non_proper and (tg is None or tg not in FUNCTION_TAGS or tok in RARE_NUMERALS
                                          or opening_measure or place and tg == "v" and run > 0
                                          or place and tg == "f"):
                run += 1
                if run >= 2 and toks[i - 1][0] + tok in generic:
                    run = 0  # 科+创: a common abbreviation the dictionary lacks
                elif run >= 2:
                    return True
                # a single geographic character after a word: 智慧+谷, 羊亭+河
                if i > 0 and tok in endings and len(toks[i - 1][0]) >= 1 \
                        and toks[i - 1][0] not in non_proper:
                    return True
            else:
                run = 0
            continue
        run = 0
        if tok in generic:
            continue
        if tg is None or tg in proper:
            return True
        if tok.endswith(endings) and tok not in w.common_toponyms:
            return True
    return False


@functools.lru_cache(maxsize=16384)
def is_own_zone_facility(stem: str) -> bool:
    """"开发区污水处理厂提标改造", "园区危险废物集中处置": a facility the plan names by its own
    zone's kind word (names.yaml own_zone_words) and what the facility does is the zone's one
    facility of the kind, a named project (every gold lists such), while "园区道路" (two
    characters of what) stays a category, and so does a zone word followed by a verb
    ("经开区擦亮X基地": the zone acts)."""
    word = next((w for w in lexicon.words("names", "own_zone_words") if stem.startswith(w)), "")
    if not word or len(stem) - len(word) < 3:
        return False
    first = tokens(stem[len(word):])[0][0]
    return tag(first) not in ("v", "vd", "d", "p")


def is_slogan_item(item: str) -> bool:
    """A list item that is a verb phrase ("基础设施跟进", "平台建设提升"), not a name."""
    toks = tokens(item)
    return len(toks) >= 2 and (toks[-1][1] or "") in ("v", "vd", "vi", "vn") \
        and len(toks[-1][0]) >= 2 and len(toks[-2][0]) >= 2 and not is_distinctive(item)
