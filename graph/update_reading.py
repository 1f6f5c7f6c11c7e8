"""What the service must know of a user's SPARQL update before the store runs it, read once.

Why a module of its own: the update is read in a query worker (:meth:`~.executor.QueryExecutor.read_update`),
under the time and memory limits, never in the service's process. rdflib's parser takes ~11 ms
a term of an operator chain (a 10,000-term ``FILTER(?x+1+1…)`` took 111 s), and it was run three
times per update in the service; Oxigraph's own parser and evaluator recurse once per term, so a
chain of 8,000 terms that its parser reads whole still overflowed the stack when the store ran it
(a segfault of the service). The worker measures the update's depth first and reads nothing
deeper than :data:`MAX_DEPTH`; the service refuses such an update with a 400. What no depth
tells (10,000 sibling groups, OPTIONALs or FILTERs, which the engine parses but overflows its
stack running) the worker finds by running the update on an empty store
(:func:`~zonekg.graph.executor.rehearse`, on the text :func:`rehearsal` gives).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from zonekg.graph import literal_forms
from zonekg.graph.errors import QueryError
from zonekg.graph.literal_forms import LiteralForms
from zonekg.graph.sparql_rewrite import DefaultGraphWrite, written_graphs
from zonekg.graph.sparql_text import remote_calls, significant, tokens
from zonekg.ontology import PREFIXES

MAX_DEPTH = 1_000
"""The deepest update the service runs: brackets open plus operator terms chained at each open
level (``UNION``, ``||``, ``+``, a path's ``/``…; a ``.``, ``;`` or ``,`` ends a chain, the ``.``
of a number does not). Oxigraph ran a 6,500-term chain in 4–8 s and overflowed its stack
(killing the process) at 8,000; it runs 1,000 terms in ~0.2 s."""

OPEN, CLOSE = frozenset("({["), frozenset(")}]")
SEPARATORS = frozenset(".;,")
CHAINING = frozenset({"UNION", *"|&+-*/=<>!"})
"""Tokens that join two terms of one expression, group pattern or path (an operator counts once
per character: ``||`` twice)."""


@dataclass(frozen=True)
class UpdateReading:
    """An update as read by a worker: its depth, the named graphs it writes (None: cannot be
    told), why it may not run when it writes the default graph, and the literal forms it may add
    (None: unknown, it may compute literals)."""

    depth: int
    graphs: frozenset[str] | None = None
    default_write: str | None = None
    forms: LiteralForms | None = None

    @property
    def too_deep(self) -> bool:
        return self.depth > MAX_DEPTH


def depth(update: str) -> int:
    """How deep ``update`` nests (:data:`MAX_DEPTH`): the most brackets open at once plus the
    terms chained at each of them. One pass over its tokens, O(characters)."""
    chained: list[int] = [0]
    now = deepest = 0
    for token in tokens(update):
        text = token.text.upper() if token.kind == "word" else token.text
        if token.kind in ("word", "other") and text in CHAINING:
            chained[-1] += 1
            now += 1
        elif token.kind == "other" and text in OPEN:
            chained.append(0)
            now += 1
        elif token.kind == "other" and text in CLOSE and len(chained) > 1:
            now -= 1 + chained.pop()
        elif token.kind == "other" and text in SEPARATORS and not update[token.start + 1:token.start + 2].isdigit():
            now -= chained[-1]
            chained[-1] = 0
        deepest = max(deepest, now)
    return deepest


FAILING_ON_NOTHING = frozenset({"CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY"})
"""Graph management that fails on a store without the graph it names (or with it, ``CREATE``)
unless ``SILENT``: a failed operation ends an update, so those after it would go untried."""


def rehearsal(update: str) -> str | None:
    """``update`` as a rehearsal on an empty store runs it: every graph operation made
    ``SILENT``, so each operation is planned and run on no data whatever the store holds; None
    for an update that reaches outside (``LOAD``, ``SERVICE``), which a rehearsal would fetch."""
    if remote_calls(update, PREFIXES):
        return None
    words = significant(update)
    parts, at = [], 0
    for token, following in zip(words, [*words[1:], None]):
        if (token.kind == "word" and token.text.upper() in FAILING_ON_NOTHING
                and not (following and following.kind == "word" and following.text.upper() == "SILENT")):
            end = token.start + len(token.text)
            parts += [update[at:end], " SILENT"]
            at = end
    return "".join(parts) + update[at:]


def read(update: str) -> UpdateReading:
    """``update`` read once by rdflib (nothing when it is deeper than :data:`MAX_DEPTH`).
    Text rdflib cannot read leaves graphs and forms unknown: the store's parser has the last word."""
    measured = depth(update)
    if measured > MAX_DEPTH:
        return UpdateReading(measured)
    operations = parsed(update)
    try:
        graphs = written_graphs(operations)
    except DefaultGraphWrite as exc:
        return UpdateReading(measured, frozenset(), str(exc), literal_forms.of_update(operations))
    return UpdateReading(measured, graphs, None, literal_forms.of_update(operations))


def parsed(update: str) -> list[Any] | None:
    """rdflib's algebra of ``update``'s operations; None for text it cannot read."""
    from rdflib.plugins.sparql.algebra import translateUpdate
    from rdflib.plugins.sparql.parser import parseUpdate

    try:
        return translateUpdate(parseUpdate(update), initNs=PREFIXES).algebra
    except Exception:  # noqa: BLE001 - any text rdflib cannot read is judged by the store itself
        return None


def refuse(reading: UpdateReading) -> None:
    """Raise a :class:`QueryError` (400) when the update ``reading`` describes may not run: too
    deep for the store to run in the service's process, or writing the default graph."""
    if reading.too_deep:
        raise QueryError(f"the update was not run: it nests or chains {reading.depth} terms deep, "
                         f"more than the {MAX_DEPTH} the service runs")
    if reading.default_write is not None:
        raise QueryError(reading.default_write)
