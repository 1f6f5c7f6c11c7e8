"""The knowledge graph as rdflib objects, for users (and pyshacl) who work in rdflib.

Both functions take a *copy*: the quads leave the store as one N-Quads / N-Triples document
serialized by Oxigraph in Rust, and rdflib parses it in one call. Nothing is converted term by
term in Python on our side, and a change made through rdflib never reaches the store behind
:meth:`~zonekg.graph.store.GraphStore.replace_document`'s back.

Why not oxrdflib (an rdflib store backed by pyoxigraph, installable here)? It would make
loading near-instant and the view live, but a live view lets rdflib users write straight into
the store and bypass the one-transaction-per-document contract, oxrdflib rejects prepared
queries and some rdflib call forms (``NotImplementedError``), and pyshacl copies its data graph
into memory anyway. rdflib's in-memory store costs about 50-70 µs per quad to fill, so for a
whole large corpus query the store over SPARQL instead.
"""
from __future__ import annotations

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef

from zonekg.graph.store import GraphStore


def document_graph(store: GraphStore, document_iri: str) -> Graph:
    """The named graph of one document as an rdflib Graph (empty if there is no such document).

    The graph is fetched with a CONSTRUCT query, which every :class:`GraphStore` answers and
    whose result Oxigraph serializes natively.
    """
    result = store.query(
        "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }",
        substitutions={"g": ox.NamedNode(document_iri)},
    )
    assert isinstance(result, ox.QueryTriples)
    graph = Graph(identifier=URIRef(document_iri))
    graph.parse(data=result.serialize(format=ox.RdfFormat.N_TRIPLES), format="nt")
    return graph


def as_rdflib_dataset(store: GraphStore) -> Dataset:
    """Every document as an rdflib Dataset: one named graph per document, the default graph
    being their union (as in the store's own SPARQL endpoint)."""
    dataset = Dataset(default_union=True)
    dataset.parse(data=ox.serialize(store.quads(), format=ox.RdfFormat.N_QUADS), format="nquads")
    return dataset
