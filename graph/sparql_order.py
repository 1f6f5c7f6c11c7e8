"""A SELECT's final ``ORDER BY ?var …`` done here, on rows decoded once, instead of by Oxigraph.

Why: Oxigraph's on-disk store sorts encoded terms and decodes both strings from RocksDB at
every comparison, O(n log n) point look-ups of ~10 µs each. ``ORDER BY ?lead ?project
LIMIT 100`` over 35k lead pairs of 1,000 documents spent ~70 % of its time there (2.2–2.7
CPU-s against 0.4 s in memory). Evaluated without the ``ORDER BY``, each row is decoded once
and the first ``OFFSET + LIMIT`` rows are picked with :func:`heapq.nsmallest`, which also keeps
only those rows in memory where the engine keeps all of them.

Only what SPARQL 1.1 (§15.1) orders without guessing is ordered here: keys that are plain
variables (``?v``, ``ASC(?v)``, ``DESC(?v)``) of the projection, each bound to an IRI, a simple
(or ``xsd:string``) literal or a language-tagged string, or unbound. Unbound < IRI < literal;
IRIs and strings compare by code point (as Oxigraph's UTF-8 byte order does); language strings
by value, then tag. Anything else (an expression, a typed value such as a number or a date, a
blank node, simple and language strings in one key, a key the projection does not return) goes
back to the engine, which then evaluates the original query. Solutions with equal keys may come
in any order (SPARQL leaves it undefined), so with a ``LIMIT`` cutting through equal keys the
rows kept may differ from Oxigraph's, never their keys.

With a ``LIMIT``, the engine first counts the solutions of each value of the first key (one
term decoded per value) and the query is kept to the lowest values that hold ``OFFSET + LIMIT``
rows (:func:`first_key_values`), so only those rows are decoded: ``lead pairs`` decodes 100-odd
rows instead of 35k.

Found on tokens (:func:`zonekg.graph.sparql_text.tokens`), so an ``ORDER`` inside a string, an
IRI, a comment or a subquery is never taken for the query's own.
"""
from __future__ import annotations

import heapq
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TypeVar

from zonekg.graph.sparql_rewrite import query_form
from zonekg.graph.sparql_text import Token, significant
from zonekg.graph.terms import TermTuple

Row = tuple[TermTuple | None, ...]
T = TypeVar("T")


@dataclass(frozen=True)
class OrderedSelect:
    """A query split into what the engine evaluates and the order and slice applied here."""

    unordered: str
    """The query up to its ``ORDER BY``: the same solutions, in the engine's order."""
    keys: tuple[tuple[str, bool], ...]
    """(variable name, descending) for each key, most significant first."""
    limit: int | None
    offset: int
    counted: str | None = None
    """``SELECT ?first (COUNT(*) AS ?n) … GROUP BY ?first`` over the same pattern, for a query
    that may be narrowed to its first key's lowest values (see :func:`first_key_values`);
    None when it may not (no ``LIMIT``; ``DISTINCT``, ``REDUCED``, an expression, an aggregate
    or a ``GROUP BY`` of its own, which make rows and solutions differ)."""

    def restricted(self, values: Iterable[str]) -> str:
        """The unordered query keeping only solutions whose first key is one of ``values``
        (SPARQL terms): a final ``VALUES``, joined with the whole pattern after it is
        evaluated, so it removes rows and changes none (every solution binds the key)."""
        return f"{self.unordered}\nVALUES ?{self.keys[0][0]} {{ {' '.join(values)} }}"


class Unorderable(Exception):
    """A key's value is one this module does not order (the engine must)."""


def _keys(found: list[Token]) -> tuple[list[tuple[str, bool]], int]:
    """The plain-variable keys at the start of ``found`` and how many tokens they took; a key
    of any other form (an expression, a function call) ends them."""
    keys: list[tuple[str, bool]] = []
    at = 0
    while at < len(found):
        token = found[at]
        if token.kind == "var":
            keys.append((token.text[1:], False))
            at += 1
            continue
        direction = token.text.upper() if token.kind == "word" else ""
        shape = [t.kind == "other" and t.text or t.kind for t in found[at + 1:at + 4]]
        if direction in ("ASC", "DESC") and shape == ["(", "var", ")"]:
            keys.append((found[at + 2].text[1:], direction == "DESC"))
            at += 4
            continue
        break
    return keys, at


def slice_of(rest: list[Token]) -> tuple[int | None, int] | None:
    """``LIMIT n`` and ``OFFSET m`` (each at most once, either order) making up all of ``rest``;
    None when ``rest`` holds anything else."""
    values: dict[str, int] = {}
    at = 0
    while at < len(rest):
        word = rest[at].text.upper()
        if rest[at].kind != "word" or word not in ("LIMIT", "OFFSET") or word in values:
            return None
        digits, at = "", at + 1
        # the lexer has no number token: an integer is a run of one-character tokens
        while at < len(rest) and rest[at].kind == "other" and rest[at].text.isdigit() and (
                not digits or rest[at].start == rest[at - 1].start + 1):
            digits, at = digits + rest[at].text, at + 1
        if not digits:
            return None
        values[word] = int(digits)
    return values.get("LIMIT"), values.get("OFFSET", 0)


def _aliases(found: list[Token]) -> set[str]:
    """Variables the projection computes (``(expr AS ?v)`` outside any group): aggregates and
    expressions, usually numbers, which the engine orders."""
    named: set[str] = set()
    depth = 0
    for before, token in zip(found, found[1:]):
        if token.kind == "other" and token.text in "{}":
            depth += 1 if token.text == "{" else -1
        elif depth == 0 and token.kind == "var" and before.kind == "word" and before.text.upper() == "AS":
            named.add(token.text[1:])
    return named


def ordered_select(query: str) -> OrderedSelect | None:
    """``query`` split at its own ``ORDER BY``, when that is the last clause but for ``LIMIT``
    and ``OFFSET`` and orders by plain variables only; None for any other query."""
    # Every catalog query passes here, some with VALUES lists of hundreds of IRIs: a query
    # without the word is let through before any tokenising.
    if "ORDER" not in query.upper() or query_form(query) != "SELECT":
        return None
    found = significant(query)
    depth = 0
    for index, token in enumerate(found):
        if token.kind == "other" and token.text in "{}()":
            depth += 1 if token.text in "{(" else -1
        elif depth == 0 and token.kind == "word" and token.text.upper() == "ORDER":
            if index + 1 >= len(found) or found[index + 1].text.upper() != "BY":
                return None
            keys, used = _keys(found[index + 2:])
            window = slice_of(found[index + 2 + used:])
            if not keys or window is None or _aliases(found[:index]) & {name for name, _ in keys}:
                return None
            counted = _counted(query, found[:index], keys[0][0]) if window[0] is not None else None
            return OrderedSelect(query[:token.start], tuple(keys), *window, counted)
    return None


COUNT_VARIABLE = "zonekgRowsOfKey"


def _counted(query: str, before: list[Token], first: str) -> str | None:
    """The query counting its solutions by the first key (``before``: its tokens up to the
    ``ORDER``); None unless its projection is ``*`` or plain variables holding the key, with no
    ``DISTINCT``/``REDUCED`` and no ``GROUP BY``/``HAVING`` of its own."""
    select = next((i for i, t in enumerate(before) if t.kind == "word" and t.text.upper() == "SELECT"), None)
    if select is None or COUNT_VARIABLE in query:
        return None
    end = select + 1
    while end < len(before) and (before[end].kind == "var" or before[end].text == "*"):
        end += 1
    projected = {t.text[1:] if t.kind == "var" else t.text for t in before[select + 1:end]}
    if end == select + 1 or end >= len(before) or (first not in projected and "*" not in projected):
        return None
    if before[end].text.upper() not in ("WHERE", "FROM", "{"):
        return None  # DISTINCT, REDUCED, an expression
    depth = 0
    for token in before[end:]:
        if token.kind == "other" and token.text in "{}":
            depth += 1 if token.text == "{" else -1
        elif depth == 0 and token.kind == "word" and token.text.upper() in ("GROUP", "HAVING"):
            return None
    stop = before[-1].start + len(before[-1].text)
    return (f"{query[:before[select].start]}SELECT ?{first} (COUNT(*) AS ?{COUNT_VARIABLE}) "
            f"{query[before[end].start:stop]}\nGROUP BY ?{first}")


def first_key_values(plan: OrderedSelect, groups: Iterable[tuple[TermTuple | None, int, T]],
                     max_rows: int) -> list[T] | None:
    """The first key's values (each group's ``T``) whose solutions hold every row ``plan``
    keeps: the lowest values (highest for ``DESC``), in order, until their counts cover
    ``OFFSET + LIMIT``; every solution with a value kept is kept, so ties on the later keys
    are ordered among all of them. ``groups`` is (value, number of solutions, T) per value,
    as :attr:`OrderedSelect.counted` answers. None when a solution leaves the key unbound (a
    ``VALUES`` list cannot keep it); :class:`Unorderable` as :func:`order_rows`.

    Why: the on-disk engine decodes every projected term of every solution (1.3 of 2.4 CPU-s
    for 35k lead pairs); counted by key it decodes one term per distinct value, and only the
    rows kept are decoded. O(g log g) for g distinct values.
    """
    descending = plan.keys[0][1]
    keyed = []
    for value, count, item in groups:
        if value is None:
            return None
        keyed.append((_term_key(value), count, item))
    _check_one_kind([key for key, _, _ in keyed])
    keyed.sort(key=lambda group: group[0], reverse=descending)
    wanted = plan.offset + (max_rows + 1 if plan.limit is None else min(plan.limit, max_rows + 1))
    chosen: list[T] = []
    for _, count, item in keyed:
        if wanted <= 0:
            break
        chosen.append(item)
        wanted -= count
    return chosen


def _term_key(term: TermTuple | None) -> tuple[int, str, str]:
    """Where ``term`` sorts in SPARQL's order; :class:`Unorderable` for terms left to the engine."""
    if term is None:
        return (0, "", "")
    kind, value, language, datatype = term
    if kind == "uri":
        return (1, value, "")
    if kind == "literal" and datatype is None:
        return (2, value, language or "")
    raise Unorderable(kind if kind != "literal" else datatype)


def _check_one_kind(keys: Iterable[tuple[int, str, str]]) -> None:
    """:class:`Unorderable` when ``keys`` (of one column) hold simple and tagged strings."""
    if len({bool(key[2]) for key in keys if key[0] == 2}) > 1:
        raise Unorderable("simple and language-tagged strings in one key")


class _Descending:
    """A key that sorts the other way round (``DESC``), so one ``nsmallest`` serves mixed keys."""

    __slots__ = ("key",)

    def __init__(self, key: tuple[int, str, str]) -> None:
        self.key = key

    def __lt__(self, other: _Descending) -> bool:
        return other.key < self.key

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Descending) and other.key == self.key

    __hash__ = None  # type: ignore[assignment]


def _keyed(rows: Iterable[Row], columns: list[tuple[int, bool]]) -> Iterator[tuple[tuple, Row]]:
    """Each row with its sort key; raises :class:`Unorderable` at the first value that is not
    ordered here, or when a key holds both simple and language-tagged strings (which SPARQL
    does not order against each other)."""
    tagged: list[bool | None] = [None] * len(columns)
    for row in rows:
        key = []
        for position, (column, descending) in enumerate(columns):
            part = _term_key(row[column])
            if part[0] == 2:
                has_tag = bool(part[2])
                if tagged[position] is None:
                    tagged[position] = has_tag
                elif tagged[position] != has_tag:
                    raise Unorderable("simple and language-tagged strings in one key")
            key.append(_Descending(part) if descending else part)
        yield tuple(key), row


def order_rows(plan: OrderedSelect, variables: list[str], rows: Iterable[Row],
               max_rows: int) -> tuple[list[Row], bool]:
    """The rows ``plan``'s ORDER BY, OFFSET and LIMIT keep, at most ``max_rows`` of them, and
    whether more were cut by ``max_rows``. Raises :class:`Unorderable` when the engine must
    order (see the module's docstring); ``rows`` may then be partly consumed.

    Time O(n log k) for n solutions and k = OFFSET + min(LIMIT, max_rows + 1); memory O(k).
    """
    if any(name not in variables for name, _ in plan.keys):
        raise Unorderable("a key the projection does not return")
    columns = [(variables.index(name), descending) for name, descending in plan.keys]
    wanted = max_rows + 1 if plan.limit is None else min(plan.limit, max_rows + 1)
    first = heapq.nsmallest(plan.offset + wanted, _keyed(rows, columns), key=lambda pair: pair[0])
    page = [row for _, row in first[plan.offset:]]
    return page[:max_rows], len(page) > max_rows
