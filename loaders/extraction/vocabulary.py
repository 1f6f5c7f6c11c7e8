"""The words names are read by, and the two scans of a sentence every finder shares.

Head words end a name and say its kind (…产业园 a zone, …局 an agency, …项目 a project,
…集团 a company: ``data/names.yaml``); boundary words end the text before a name ("加快推进X",
"依托X": ``data/boundaries.yaml``); generic stems make a head name nothing in particular
("全区", "各类重点": ``data/generic.yaml``). :func:`head_matches` and :func:`boundary_ends`
scan a sentence once for each (cached per text: names, lists and industries ask for the same
sentence). Below the finders (names, lists, industries), so they can share it without
importing each other.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from zonekg.loaders.extraction import lexicon
from zonekg.loaders.extraction.model import Kind
from zonekg.loaders.extraction.wordscan import WordEnds

PUNCT = set(",，、;；:：。!?！？“”\"'‘’「」『』《》〈〉【】[]|/\\ \t—…·•★☆※*＊")  # ★ and * mark a table's lead unit
_PUNCT_RE = re.compile("[" + re.escape("".join(sorted(PUNCT))) + "]")


@dataclass(frozen=True)
class Vocabulary:
    """The word sets of names, read once from the data files."""

    heads: dict[str, Kind]  # head word → the kind of name it ends (the first file key wins)
    boundaries: frozenset[str]  # boundary words, without the inner conjunctions
    longest_boundary: int
    conjunctions: frozenset[str]  # 和/与/及 …: inside a name, or between two
    generic_stems: frozenset[str]  # words that alone make a stem generic (全区, 各类)
    generic_names: frozenset[str]  # whole names that are generic (园区, 开发区)
    head_ends: WordEnds  # the heads, as one automaton (the longest head ending at each position)
    boundary_ends: WordEnds  # the same for the boundary words
    inside_words: tuple[str, ...]  # words that hold a boundary word but are none (自由贸易)


@functools.cache
def vocabulary() -> Vocabulary:
    heads: dict[str, Kind] = {}
    for key, kind in (("company_markers", Kind.COMPANY), ("agency_suffixes", Kind.AGENCY),
                      ("zone_suffixes", Kind.ZONE), ("project_heads", Kind.PROJECT)):
        for w in lexicon.words("names", key):
            heads.setdefault(w, kind)
    conj = frozenset(lexicon.load("boundaries").get("inner_conjunctions") or [])
    bwords = frozenset(lexicon.words("boundaries", "words")) - conj
    return Vocabulary(
        heads=heads,
        boundaries=bwords, longest_boundary=max(map(len, bwords)),
        conjunctions=conj,
        generic_stems=frozenset(lexicon.words("generic", "stem_words")),
        generic_names=frozenset(lexicon.words("generic", "names")),
        head_ends=WordEnds(heads), boundary_ends=WordEnds(bwords),
        inside_words=tuple(lexicon.load("boundaries").get("inside_words") or ()),
    )


def is_generic_stem(stem: str) -> bool:
    """True when the stem is only determiners/levels ("全区", "省级以上", "各类重点")."""
    generic = vocabulary().generic_stems
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


@functools.lru_cache(maxsize=4096)
def head_matches(text: str) -> tuple[tuple[int, int, str, Kind], ...]:
    """All head-word occurrences (start, end, head, kind), longest head per end, and heads
    inside a longer head dropped (园 inside 产业园区). Cached per text: names, lists and
    industries ask for the same sentence."""
    heads = vocabulary().heads
    found = [(e - L, e, text[e - L:e], heads[text[e - L:e]]) for e, L in vocabulary().head_ends.longest(text).items()]
    kept = []
    for i, (s, e, h, k) in enumerate(found):
        if any(s2 <= s and e <= e2 and (s2, e2) != (s, e) for s2, e2, _, _ in found[i + 1:i + 4]):
            continue
        kept.append((s, e, h, k))
    return tuple(kept)


@functools.lru_cache(maxsize=4096)
def boundary_ends(text: str) -> dict[int, int]:
    """Map position → start of a boundary (punctuation, boundary word or quantity) ending there
    (cached per text; callers only read it)."""
    ends = {m.end(): m.start() for m in _PUNCT_RE.finditer(text)}
    inside = _inside_spans(text)
    for e, L in vocabulary().boundary_ends.longest(text).items():
        if not inside or not any(s < e - L < t for s, t in inside):
            ends.setdefault(e, e - L)
    for m in lexicon.pattern("names", "quantity").finditer(text):  # "3万平方米X"
        ends.setdefault(m.end(), m.start())
    return ends


def _inside_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the words that hold a boundary word but are none ("自由贸易")."""
    return [(m.start(), m.start() + len(w)) for w in vocabulary().inside_words if w in text
            for m in re.finditer(re.escape(w), text)]


def boundary_at(text: str, i: int) -> bool:
    """Whether a boundary word (verb, preposition … of data/boundaries.yaml) starts at i."""
    v = vocabulary()
    if any(s < i < t for s, t in _inside_spans(text)):
        return False
    return any(text[i:i + L] in v.boundaries for L in range(1, v.longest_boundary + 1))
