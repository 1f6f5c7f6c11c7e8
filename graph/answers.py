"""Answers to user SPARQL kept while the store does not change.

Every read query runs on a snapshot that only a write replaces, so the same text has the same
answer until the store generation moves: many clients asking the same question (the examples
of the query page, a dashboard's queries) are answered once per generation, and clients asking
it at the same moment share one run instead of taking a worker each. An ``ORDER BY`` over
every project–lead pair costs ~2.3 CPU-s on 1,000 documents (Oxigraph decodes both strings
from disk at every comparison); asked again, it costs nothing.

Not kept: answers that change from one run to the next though the store did not (``NOW()``,
``RAND()``, ``UUID()``, ``STRUUID()``, ``BNODE()``, and ``SERVICE``: another server's data), and
large answers (over :data:`KEEP_CELLS` values or :data:`KEEP_BYTES` of triples), which are
cheap to stream compared with their memory. A caller that wants the query run again (a
benchmark of the engine) asks with ``fresh=True`` (``Cache-Control: no-cache`` over HTTP).
"""
from __future__ import annotations

import re
from collections.abc import Callable

from zonekg.graph.errors import QueryTimeout
from zonekg.graph.executor import GraphResult, QueryResult, SelectResult
from zonekg.graph.memo import GenerationMemo
from zonekg.graph.store import QueryPool

KEPT = 48
"""Answers kept per generation (least recently asked go first): with the caps below, at most
~170 MB (a value is ~350 bytes: a term's kind, an IRI or text of ~80 characters); most
answers are a few rows."""
KEEP_CELLS = 10_000
"""A SELECT answer is kept when it has at most this many values (rows × variables): the
projects one busy department leads on 1,000 documents (~3,000 values, 2 s to find by name on
disk) are kept; at 2,000 they were not, and 57 of 88 such requests of the 32-client mix
waited past the limit."""
KEEP_BYTES = 256 * 1024
"""A CONSTRUCT/DESCRIBE answer is kept when its N-Triples take at most this many bytes."""

VOLATILE = re.compile(r"\b(?:NOW|RAND|UUID|STRUUID|BNODE)\s*\(|\bSERVICE\b", re.IGNORECASE)
"""What makes an answer differ between two runs on the same store (a match inside a string
or a comment only costs the memo)."""


def within(result: QueryResult, values: int, triples_bytes: int) -> bool:
    """Whether ``result`` has at most ``values`` values (rows × variables of a SELECT) or
    ``triples_bytes`` bytes of N-Triples (a CONSTRUCT/DESCRIBE); an ASK always is."""
    if isinstance(result, SelectResult):
        return len(result.rows) * max(1, len(result.variables)) <= values
    if isinstance(result, GraphResult):
        return len(result.ntriples) <= triples_bytes
    return True


def small(result: QueryResult) -> bool:
    """Whether ``result`` is kept (see :data:`KEEP_CELLS`, :data:`KEEP_BYTES`)."""
    return within(result, KEEP_CELLS, KEEP_BYTES)


class SparqlAnswers:
    """User queries through ``pool``, answered once per store generation."""

    def __init__(self, pool: QueryPool, generation: Callable[[], int]) -> None:
        self.pool = pool
        self._memo = GenerationMemo(generation, KEPT, keep=small)

    def kept(self, sparql: str) -> QueryResult | None:
        """The answer kept for ``sparql`` at the current generation, or None; never runs or
        waits for anything (so the event loop may ask)."""
        return None if VOLATILE.search(sparql) else self._memo.peek(sparql)

    def run(self, sparql: str, *, timeout: float | None = None, fresh: bool = False) -> QueryResult:
        """The answer to ``sparql`` at the current generation; raises what the pool raises.
        Waiting for another client's run of the same query counts against ``timeout``."""
        if fresh or VOLATILE.search(sparql):
            return self.pool.run(sparql, timeout=timeout)
        limit = self.pool.time_limit(timeout)
        try:
            return self._memo.get(sparql, lambda: self.pool.run(sparql, timeout=timeout), wait=limit)
        except TimeoutError:
            raise QueryTimeout(
                f"query stopped after its time limit of {limit:g} s (waiting for the same query, "
                "asked by another client)"
            ) from None
