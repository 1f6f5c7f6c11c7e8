"""Word lists matched against a text in one pass: the longest word ending at each position,
and whether a text holds any word of a list.

Names are read from their end (a head word, a boundary word before them), so the scans of
:mod:`vocabulary` ask, for every position of a sentence, which listed word ends there. An
Aho–Corasick automaton built once per word list answers for all positions in one pass in C
(linear in the text plus the matches), where a scan in Python tried every length at every
position. The words stay data (``data/*.yaml``); this is only the matcher.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterable

import ahocorasick


@functools.lru_cache(maxsize=256)
def _any_re(words: tuple[str, ...]) -> re.Pattern[str] | None:
    return re.compile("|".join(map(re.escape, words))) if words else None


def holds_any(text: str, words: Iterable[str]) -> bool:
    """Whether ``text`` holds any of ``words``: ``any(w in text for w in words)`` as one scan
    in C with a pattern built once per word list (the finders ask it of every clause, with
    lists of dozens of words)."""
    pattern = _any_re(tuple(words))
    return pattern is not None and pattern.search(text) is not None


class WordEnds:
    """One word list compiled into an automaton; :meth:`longest` scans a text with it."""

    def __init__(self, words: Iterable[str]) -> None:
        self._automaton = ahocorasick.Automaton()
        for word in words:
            self._automaton.add_word(word, len(word))
        self._automaton.make_automaton()

    def longest(self, text: str) -> dict[int, int]:
        """End position → length of the longest listed word ending there, by ascending end."""
        found: dict[int, int] = {}
        for last, length in self._automaton.iter(text):
            if length > found.get(last + 1, 0):
                found[last + 1] = length
        return found
