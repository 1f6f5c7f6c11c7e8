"""Sector words (``data/industries.yaml``): is a word or a list item the name of a sector?

Below the finders: names, lists and industries all ask, none of them owns the answer.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from zonekg.loaders.extraction import lexicon
from zonekg.loaders.extraction.wordscan import holds_any


@dataclass(frozen=True)
class Sectors:
    names: tuple[str, ...]  # sector names, longest first (for longest-match scans)
    head_words: tuple[str, ...]  # words that make an item a sector anywhere inside it
    focus_verbs: tuple[str, ...]  # verbs that set a clause's focus (发展, 培育, 打造 …)


@functools.cache
def sectors() -> Sectors:
    cfg = lexicon.load("industries")
    return Sectors(tuple(sorted(cfg["sectors"], key=len, reverse=True)), tuple(cfg["head_words"]),
                   tuple(cfg["focus_verbs"]))


def is_industry(item: str) -> bool:
    """A list item that looks like a sector name (ends or contains a sector head word)."""
    s = sectors()
    return item in s.names or holds_any(item, s.head_words)


def is_industry_exact(item: str) -> bool:
    """True for an item that is exactly a known sector name."""
    return item in sectors().names
