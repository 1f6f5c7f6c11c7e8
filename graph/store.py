"""The store interface: what ingestion, the API and the CLI need from a backend.

Kept deliberately small so that another backend (a SPARQL 1.1 server over HTTP) can stand in
for the embedded default. The contract that matters most: :meth:`GraphStore.replace_document`
swaps one document's named graph in a single transaction, so re-ingesting is idempotent and a
crash never leaves half a document.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol

from pyoxigraph import BlankNode, Literal, NamedNode, Quad, QueryBoolean, QuerySolutions, QueryTriples, Triple

from zonekg.graph.errors import ZonekgError

Term = NamedNode | BlankNode | Literal


class StoreError(ZonekgError):
    """The store could not be opened or written; the message says why and what to do."""


class StoreInUse(StoreError):
    """Another process holds the store's lock. The message names the store only: what to do
    instead depends on what the caller wanted (the CLI adds a hint fitted to each command)."""


class GraphStore(Protocol):
    """A quad store holding one named graph per document."""

    def replace_document(self, document_iri: str, quads: Iterable[Quad]) -> None:
        """Replace the named graph ``document_iri`` by ``quads``, atomically."""

    def remove_document(self, document_iri: str) -> bool:
        """Drop the document's named graph; False when there was none."""

    def documents(self) -> list[str]:
        """The IRIs of the named graphs, one per ingested document."""

    def query(
        self, sparql: str, *, substitutions: dict[str, Term] | None = None
    ) -> QuerySolutions | QueryBoolean | QueryTriples:
        """Run a read query; the default graph is the union of all documents."""

    def quads(self, graph_iri: str | None = None) -> Iterator[Quad]:
        """Every quad of every document, or those of one document's named graph."""

    def union_triples(self) -> Iterator[Triple]:
        """Every triple any document states, once (the default graph)."""

    def update(self, sparql_update: str) -> None:
        """Apply a SPARQL update to the documents' graphs, in one transaction."""

    def close(self) -> None:
        """Release the store (and its lock on disk)."""
