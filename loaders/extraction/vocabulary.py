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
from dataclasses import dataclass

from zonekg.loaders.extraction import lexicon
from zonekg.loaders.extraction.model import Kind

PUNCT = set(",，、;；:：。!?！？“”\"'‘’「」『』《》〈〉【】[]|/\\ \t—…·•★☆※*＊")  # ★ and * mark a table's lead unit
@dataclass(frozen=True)
class Vocabulary:
    """The word sets of names, read once from the data files."""

    heads: dict[str, Kind]  # head word → the kind of name it ends (the first file key wins)
    longest_head: int
    boundaries: frozenset[str]  # boundary words, without the inner conjunctions
    longest_boundary: int
    conjunctions: frozenset[str]  # 和/与/及 …: inside a name, or between two
    generic_stems: frozenset[str]  # words that alone make a stem generic (全区, 各类)
    generic_names: frozenset[str]  # whole names that are generic (园区, 开发区)
    head_lengths: dict[str, tuple[int, ...]]  # last character → lengths of the heads ending so, longest first
    boundary_lengths: dict[str, tuple[int, ...]]  # the same for boundary words


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
        heads=heads, longest_head=max(map(len, heads)),
        boundaries=bwords, longest_boundary=max(map(len, bwords)),
        conjunctions=conj,
        generic_stems=frozenset(lexicon.words("generic", "stem_words")),
        generic_names=frozenset(lexicon.words("generic", "names")),
        head_lengths=_lengths_by_last_character(heads),
        boundary_lengths=_lengths_by_last_character(bwords),
    )


def _lengths_by_last_character(words) -> dict[str, tuple[int, ...]]:
    """Last character → the lengths of the words ending with it, longest first: a scan tries
    only the lengths a word ending at that position can have (not every length at every position)."""
    lengths: dict[str, set[int]] = {}
    for w in words:
        lengths.setdefault(w[-1], set()).add(len(w))
    return {ch: tuple(sorted(ls, reverse=True)) for ch, ls in lengths.items()}


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
    v = vocabulary()
    heads, lengths = v.heads, v.head_lengths
    found = []
    for e in range(1, len(text) + 1):
        for L in lengths.get(text[e - 1], ()):
            if L > e:
                continue
            h = text[e - L:e]
            if h in heads:
                found.append((e - L, e, h, heads[h]))
                break
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
    v = vocabulary()
    bwords, lengths = v.boundaries, v.boundary_lengths
    ends: dict[int, int] = {}
    for i, ch in enumerate(text):
        if ch in PUNCT:
            ends[i + 1] = i
    for e in range(1, len(text) + 1):
        for L in lengths.get(text[e - 1], ()):
            if L <= e and text[e - L:e] in bwords:
                ends.setdefault(e, e - L)
                break
    for m in lexicon.pattern("names", "quantity").finditer(text):  # "3万平方米X"
        ends.setdefault(m.end(), m.start())
    return ends


def boundary_at(text: str, i: int) -> bool:
    """Whether a boundary word (verb, preposition … of data/boundaries.yaml) starts at i."""
    v = vocabulary()
    return any(text[i:i + L] in v.boundaries for L in range(1, v.longest_boundary + 1))
