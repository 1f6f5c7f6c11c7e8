"""The store interface: every read and write of the graph goes through it.

:func:`open_store` is the one way to open a store: a folder is the embedded Oxigraph store
(:mod:`.oxigraph_store`), an ``http(s)://`` URL a SPARQL 1.1 server (:mod:`.remote_store`).
Nothing else constructs a backend, so the CLI, the service and ingestion behave the same on both.

The contract every backend keeps (``tests/graph/test_store_contract.py`` checks it on each):

* one named graph per document; :meth:`GraphStore.replace_document` swaps it in a single
  transaction, so re-ingesting is idempotent and a crash never leaves half a document;
* the default graph is the *set* union of the documents' graphs: a triple stated by three
  documents comes back once, so joins over shared entities do not multiply; a SPARQL update
  and its change to the union are one transaction;
* ``GRAPH ?g`` may also range over graphs that are not documents (a remote server's own
  graphs, or the one holding the union): to ask which document said something, join
  ``?g zk:fileName ?file`` (or ``?g a zk:Document``), as the read model does.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Protocol

from pyoxigraph import Quad, Triple

from zonekg.graph.errors import NoStore
from zonekg.graph.executor import GraphResult, QueryResult
from zonekg.graph.terms import Param
from zonekg.graph.update_reading import UpdateReading


class QueryPool(Protocol):
    """Runs read queries with a time limit, a row cap and (where the backend can) a memory cap."""

    timeout: float
    max_rows: int

    def time_limit(self, timeout: float | None) -> float:
        """Seconds a query may run: the pool's limit, or the caller's when that is lower."""

    def run(
        self,
        sparql: str,
        params: dict[str, Param] | None = None,
        *,
        timeout: float | None = None,
        max_rows: int | None = None,
    ) -> QueryResult:
        """Answer ``sparql``; raises :class:`~.executor.QueryError` or one of its subclasses."""

    def run_at_once(self, sparql: str, params: dict[str, Param] | None = None) -> QueryResult | None:
        """The answer read on the calling thread without waiting when its cost allows holding
        that thread (the event loop); None when :meth:`run` must answer on a thread of its own."""

    def read_update(self, update: str) -> UpdateReading:
        """Read a user's update as the store will, where reading it cannot harm the service, and
        run none of it: what the store needs of it (:mod:`~.update_reading`); QueryError when it
        cannot be read there."""

    def close(self) -> None:
        """Stop the pool's workers."""


class Readers(Protocol):
    """The read side of a running service: pools that see the store as of the last publish."""

    def pool(self, *, workers: int, timeout: float, max_rows: int, memory_mb: int) -> QueryPool:
        """A pool of ``workers`` query slots of its own (capacity is not shared between pools)."""

    def publish(self) -> None:
        """Make every pool see the writes made so far."""

    def close(self) -> None:
        """Stop every pool and release what publishing kept."""


class GraphStore(Protocol):
    """A quad store holding one named graph per document."""

    location: str
    """The folder or URL the store was opened from, for messages."""

    def replace_document(self, document_iri: str, quads: Iterable[Quad]) -> None:
        """Replace the named graph ``document_iri`` by ``quads``, atomically."""

    def bulk_load(self, documents: Iterable[tuple[str, bytes]]) -> bool:
        """Load ``(document IRI, N-Quads of its graph)`` pairs into a store that holds nothing
        yet, all or nothing, faster than one by one. False, with ``documents`` untouched, when
        the backend cannot (a store with data, or a remote server): then replace one by one."""

    def remove_document(self, document_iri: str) -> bool:
        """Drop the document's named graph; False when there was none."""

    def documents(self) -> list[str]:
        """The IRIs of the documents' named graphs, sorted: the graphs that say they are a
        ``zk:Document`` (every ingested one does; a graph a SPARQL update made up does not)."""

    def query(self, sparql: str, params: dict[str, Param] | None = None) -> QueryResult:
        """Run a read query in this process, without a time limit (CLI, export, tests).

        The default graph is the union of all documents; ``params`` are bound as values of
        the variables of those names, never pasted as text.
        """

    def quads(self, graph_iri: str | None = None) -> Iterator[Quad]:
        """Every quad of every document, or those of one document's named graph."""

    def document_graph(self, document_iri: str, max_rows: int) -> GraphResult | None:
        """The document's named graph as N-Triples, at most ``max_rows`` triples (a cut one
        says so); None when the store holds no such document. O(the triples written): it
        costs the size of one document, not of the store."""

    def union_triples(self) -> Iterator[Triple]:
        """Every triple any document states, once (the default graph)."""

    def update(self, sparql_update: str, reading: UpdateReading | None = None) -> None:
        """Apply a SPARQL update to the documents' graphs and the union, in one transaction.
        ``reading``: the update as a query pool read it (:meth:`QueryPool.read_update`); without
        one, this process reads it (a caller's own text, not a client's)."""

    def state(self) -> str | None:
        """A token naming what the store holds now, replaced before any later write; None
        when the backend cannot tell (a remote server others may write to). A store that
        gives one is a folder (its ``location``) where what is derived from the store may be
        kept under the token (the service's read model)."""

    def readers(self) -> Readers:
        """The read side for a service: query pools over what this store publishes."""

    def close(self) -> None:
        """Release the store (and its lock on disk)."""


def is_remote(location: str | Path) -> bool:
    """Whether ``location`` names a SPARQL server rather than a folder."""
    return str(location).startswith(("http://", "https://"))


def open_store(location: str | Path, *, create: bool = False) -> GraphStore:
    """The store at ``location``: a folder (embedded Oxigraph) or an ``http(s)://`` SPARQL URL.

    Only ingestion creates a store (``create=True``); every other use of a folder that holds
    none raises :class:`NoStore`, so a mistyped path is reported instead of answered with an
    empty graph (and no stray ``./zonekg-store`` appears).
    """
    if is_remote(location):
        from zonekg.graph.remote_store import RemoteStore

        return RemoteStore(str(location))
    from zonekg.graph.oxigraph_store import OxigraphStore

    return OxigraphStore(Path(location), create=create)


def require_documents(store: GraphStore) -> GraphStore:
    """``store`` itself when it holds a document; otherwise close it and raise :class:`NoStore`
    (what a command that reads should say rather than answer from an empty graph)."""
    if not store.documents():
        location = store.location
        store.close()
        raise NoStore(
            f"the store {location} holds no documents: add some with "
            f"`zonekg ingest FILES --store {location}` (or try `zonekg demo`)"
        )
    return store
