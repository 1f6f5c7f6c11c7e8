"""Queries whose cost is bounded by their text alone: what may be answered without a worker.

The query workers exist because Oxigraph evaluates a query to completion in native code, so
only a process can be stopped at a time or memory limit. A query made of one triple pattern
(``SELECT ?p ?o WHERE { <x> ?p ?o } LIMIT 100``) needs no stopping: the engine reads the
pattern's index from the first entry that fits the pattern's constants, and every entry it
reads is one solution, so it reads at most ``OFFSET`` entries plus the rows it is asked for.
Read lazily up to a budget of rows, its cost is bounded whatever the data. The hop to a worker
process and back (pickling the query and the answer, two wake-ups) cost several times the
answer itself.

A pattern's constants always lead an index (SPO, POS or OSP, whichever positions are bound,
also when bound by parameters), so no entry is read that is not a solution, provided that:
no variable occurs twice (``?x ?p ?x`` reads entries it drops), and nothing else is in the
query: a FILTER, a second pattern (a join), ``DISTINCT``, ``ORDER BY``, ``GROUP BY``, a path,
``OPTIONAL``, ``GRAPH``, ``VALUES``, a subquery or ``FROM`` all make the entries read depend
on the data. Those, and anything this reading does not know, go to a worker.
"""
from __future__ import annotations

from functools import lru_cache

from zonekg.graph.sparql_order import slice_of
from zonekg.graph.sparql_text import Token, tokens

OFFSET_IN_PROCESS = 20_000
"""The largest ``OFFSET`` answered in the server process: the engine skips entries in native
code, ~0.3 µs each on disk (20,000 in ~6 ms), before the first row."""

LONGEST = 2_000
"""Characters past which a query is not read for its shape (the prologue of every prefix
and one pattern fit well within): the catalog's queries with long VALUES lists are not
tokenised for nothing."""

_TERMS = ("iri", "pname", "var")


def single_pattern(query: str) -> tuple[int | None, int] | None:
    """``(LIMIT, OFFSET)`` of a query whose every solution is one index entry read (see the
    module's docstring), the ``OFFSET`` at most :data:`OFFSET_IN_PROCESS`; None for any other."""
    window = _single_pattern_window(query) if len(query) <= LONGEST else None
    return window if window is not None and window[1] <= OFFSET_IN_PROCESS else None


@lru_cache(maxsize=1024)
def _single_pattern_window(query: str) -> tuple[int | None, int] | None:
    """``(LIMIT, OFFSET)`` of a SELECT made of a prologue, a projection of plain variables (or
    ``*``) and one triple pattern of distinct variables and constants; None for any other."""
    found = [t for t in tokens(query) if t.kind not in ("space", "comment")]
    at = _after_prologue(found)
    if at is None or not _word(found, at, "SELECT"):
        return None
    at += 1
    if _other(found, at, "*"):
        at += 1
    else:
        start = at
        while at < len(found) and found[at].kind == "var":
            at += 1
        if at == start:
            return None
    if _word(found, at, "WHERE"):
        at += 1
    pattern = found[at + 1:at + 4]
    if not _other(found, at, "{") or not _is_pattern(pattern):
        return None
    at += 4
    if _other(found, at, "."):
        at += 1
    if not _other(found, at, "}"):
        return None
    return slice_of(found[at + 1:])


def _after_prologue(found: list[Token]) -> int | None:
    """Where the query's ``PREFIX`` and ``BASE`` declarations end; None when one is malformed."""
    at = 0
    while at < len(found):
        if _word(found, at, "PREFIX") and at + 2 < len(found) and found[at + 1].kind == "pname" \
                and found[at + 2].kind == "iri":
            at += 3
        elif _word(found, at, "BASE") and at + 1 < len(found) and found[at + 1].kind == "iri":
            at += 2
        else:
            return at
    return None


def _is_pattern(terms: list[Token]) -> bool:
    """Subject, predicate and object: IRIs, prefixed names or variables (``a`` as predicate),
    no variable twice."""
    if len(terms) != 3:
        return False
    subject, predicate, obj = terms
    kinds_fit = subject.kind in _TERMS and obj.kind in _TERMS and (
        predicate.kind in _TERMS or (predicate.kind == "word" and predicate.text == "a"))
    variables = [t.text[1:] for t in terms if t.kind == "var"]
    return kinds_fit and len(variables) == len(set(variables))


def _word(found: list[Token], at: int, word: str) -> bool:
    return at < len(found) and found[at].kind == "word" and found[at].text.upper() == word


def _other(found: list[Token], at: int, text: str) -> bool:
    return at < len(found) and found[at].kind == "other" and found[at].text == text
