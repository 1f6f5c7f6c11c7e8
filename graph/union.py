"""Keeping the union of the documents' graphs up to date, in SPARQL both backends run.

The union (the default graph every query reads) is materialised: it holds each triple any
document states, once. Every write changes it in the same request as the documents, so it is
never out of step, and only for the graphs the write touched, so a one-triple update costs
one document's worth of work, not a rebuild of the whole union.

A user's SPARQL update is wrapped: :func:`stash` journals the graphs it will write (and their
triples) in :data:`PENDING_GRAPH`, :func:`settle` brings the union up to date and drops the
journal. The embedded store sends all three as one request, one transaction. A remote store
sends them as three (Virtuoso lets a user's ``WITH`` leak into the operations after it in the
same request); if it is interrupted, the journal is still there the next time the store is
opened, and the union is settled then.

The embedded store keeps the union in its real default graph (``union=None`` below); a
remote server, whose default graph is usually something else (Virtuoso's is every graph,
duplicates included), keeps it in the named graph :data:`UNION_GRAPH`.
"""
from __future__ import annotations

from collections.abc import Iterable

UNION_GRAPH = "urn:x-zonekg:union"
"""Where a remote store keeps the union (and names it as the default graph of each query)."""

PENDING_GRAPH = "urn:x-zonekg:pending"
"""The journal of an update in progress: the graphs it writes and their triples before it."""


def in_union(union: str | None, pattern: str) -> str:
    """``pattern`` in the union: the default graph (``union`` None) or the named graph ``union``."""
    return pattern if union is None else f"GRAPH <{union}> {{ {pattern} }}"


def _elsewhere(exclude: Iterable[str]) -> str:
    """A FILTER NOT EXISTS: the triple ``?s ?p ?o`` is in no named graph but ``exclude``."""
    others = " && ".join(f"?other != <{iri}>" for iri in exclude)
    return f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER({others}) }}"


def _internal(union: str | None) -> list[str]:
    return [PENDING_GRAPH] + ([union] if union else [])


def withdraw(document_iri: str, union: str | None) -> str:
    """Update operations dropping a document's graph and the union's triples only it states."""
    return (
        f"DELETE {{ {in_union(union, '?s ?p ?o')} }} WHERE {{ GRAPH <{document_iri}> {{ ?s ?p ?o }} "
        f"{_elsewhere([document_iri, *_internal(union)])} }} ;\n"
        f"DROP SILENT GRAPH <{document_iri}>"
    )


TOUCHES = "urn:x-zonekg:touches"
"""Journal entry in :data:`PENDING_GRAPH`: ``<pending> <touches> <graph>``, a graph the update
in progress writes (or :data:`EVERY_GRAPH`)."""

EVERY_GRAPH = "urn:x-zonekg:every-graph"


def stash(touched: frozenset[str] | None) -> str:
    """The update operation to run before a user's update: the graphs it will write, and their
    triples as they are now, go to :data:`PENDING_GRAPH` (a journal of the update in progress).

    ``touched`` None means the graphs cannot be told (a graph named by a variable, ``CLEAR
    ALL``): then only that is written down, and :func:`settle` rebuilds the union whole.
    """
    written_down = {EVERY_GRAPH} if touched is None else touched
    entries = " ".join(f"<{PENDING_GRAPH}> <{TOUCHES}> <{iri}> ." for iri in sorted(written_down))
    journal = f"INSERT DATA {{ GRAPH <{PENDING_GRAPH}> {{ {entries} }} }}"
    if not touched:
        return journal
    return f"{journal} ;\nINSERT {{ GRAPH <{PENDING_GRAPH}> {{ ?s ?p ?o }} }} WHERE {{ {_values(touched)} GRAPH ?g {{ ?s ?p ?o }} }}"


def settle(touched: frozenset[str] | None, union: str | None) -> str:
    """The update operations to run after a user's update: the union follows what the touched
    graphs say now, and the journal goes. The stashed triples no graph states any more leave the
    union; the touched graphs' present triples join it."""
    if touched is None or EVERY_GRAPH in touched:
        return f"{rebuild(union)} ;\nDROP SILENT GRAPH <{PENDING_GRAPH}>"
    gone = (
        f"DELETE {{ {in_union(union, '?s ?p ?o')} }} WHERE {{ GRAPH <{PENDING_GRAPH}> {{ ?s ?p ?o }} "
        f"{_elsewhere(_internal(union))} }}"
    )
    added = f"INSERT {{ {in_union(union, '?s ?p ?o')} }} WHERE {{ {_values(touched)} GRAPH ?g {{ ?s ?p ?o }} }}"
    return f"{gone} ;\n{added} ;\nDROP SILENT GRAPH <{PENDING_GRAPH}>" if touched else f"DROP SILENT GRAPH <{PENDING_GRAPH}>"


def journaled() -> str:
    """A query for the graphs an interrupted update was writing (empty when none was)."""
    return f"SELECT ?g WHERE {{ GRAPH <{PENDING_GRAPH}> {{ <{PENDING_GRAPH}> <{TOUCHES}> ?g }} }}"


def _values(graphs: frozenset[str]) -> str:
    return "VALUES ?g { " + " ".join(f"<{iri}>" for iri in sorted(graphs)) + " }"


def rebuild(union: str | None) -> str:
    """Update operations recomputing the whole union from the documents' graphs."""
    target = "DEFAULT" if union is None else f"GRAPH <{union}>"
    exclude = " && ".join(f"?g != <{iri}>" for iri in _internal(union))
    return (
        f"DROP SILENT {target} ;\n"
        f"INSERT {{ {in_union(union, '?s ?p ?o')} }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER({exclude}) }}"
    )
