"""The knowledge graph as rdflib objects, for users (and pyshacl) who work in rdflib.

Both functions take a *copy*: each document's graph leaves the store as one N-Triples document
serialized natively by Oxigraph, and rdflib parses it in one call into a graph named after the
document. Nothing is converted term by term in Python on our side, and a change made through
rdflib never reaches the store behind
:meth:`~zonekg.graph.store.GraphStore.replace_document`'s back.

One N-Triples parse per document rather than one N-Quads parse for the whole store: rdflib
7.6's N-Quads path into a Dataset raises a DeprecationWarning for every quad (its own
``default_context``) and is no faster. rdflib's in-memory store costs some 40 µs per triple to
fill either way, so for a large corpus query the store over SPARQL instead.

Why not oxrdflib (an rdflib store backed by pyoxigraph, installable here)? Loading would be
near-instant and the view live, but a live view lets rdflib users write straight into the store,
bypassing the one-transaction-per-document contract; oxrdflib rejects prepared queries and some
rdflib call forms (``NotImplementedError``); and pyshacl copies its data graph into memory
anyway.
"""
from __future__ import annotations

from rdflib import Dataset, Graph, URIRef

from zonekg.graph.executor import GraphResult
from zonekg.graph.store import GraphStore
from zonekg.graph.terms import Param


def _parse_document(store: GraphStore, document_iri: str, into: Graph) -> Graph:
    """Add the triples of the named graph ``document_iri`` to ``into``.

    A CONSTRUCT query fetches them: every :class:`GraphStore` answers it, and Oxigraph
    serializes the result without building a Python object per triple.
    """
    result = store.query(
        "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": Param.iri(document_iri)}
    )
    assert isinstance(result, GraphResult)
    return into.parse(data=result.ntriples, format="nt")


def document_graph(store: GraphStore, document_iri: str) -> Graph:
    """The named graph of one document as an rdflib Graph (empty if there is no such document)."""
    return _parse_document(store, document_iri, Graph(identifier=URIRef(document_iri)))


def as_rdflib_dataset(store: GraphStore) -> Dataset:
    """Every document as an rdflib Dataset: one named graph per document, the default graph
    being their union (as in the store's own SPARQL endpoint)."""
    dataset = Dataset(default_union=True)
    for iri in store.documents():
        _parse_document(store, iri, dataset.graph(URIRef(iri)))
    return dataset
