"""SHACL validation of document graphs against ``ontology/shapes.ttl``.

A document is validated on its own named graph: the shapes describe what one document says
(one label per entity, evidence asserted in the same graph), which the union of many documents
need not satisfy. The ontology is mixed into the data graph so that ``sh:class`` follows its
``rdfs:subClassOf`` axioms. Shapes and ontology are parsed once per process, since validating
a corpus means validating thousands of small graphs.
"""
from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from pyshacl import validate
from rdflib import Graph

from zonekg.graph.rdflib_view import document_graph
from zonekg.graph.store import GraphStore
from zonekg.ontology import ontology_path, shapes_path


@cache
def _shapes() -> Graph:
    return Graph().parse(shapes_path(), format="turtle")


@cache
def _ontology() -> Graph:
    return Graph().parse(ontology_path(), format="turtle")


def validate_graph(graph: Graph) -> tuple[bool, str]:
    """Validate one document's graph; returns whether it conforms and pyshacl's text report."""
    conforms, _, report = validate(
        graph,
        shacl_graph=_shapes(),
        ont_graph=_ontology(),
        inference="none",
        advanced=False,
        allow_warnings=False,
    )
    return bool(conforms), str(report)


def validate_document(store: GraphStore, document_iri: str) -> tuple[bool, str]:
    """Validate the named graph of ``document_iri`` in ``store``.

    Raises LookupError when the store holds no such document: an empty graph would conform
    trivially and hide a wrong IRI.
    """
    graph = document_graph(store, document_iri)
    if len(graph) == 0:
        raise LookupError(f"the store holds no document {document_iri}")
    return validate_graph(graph)


def validate_store(store: GraphStore) -> Iterator[tuple[str, bool, str]]:
    """``(document IRI, conforms, report)`` for every document in the store, in IRI order."""
    for iri in store.documents():
        yield (iri, *validate_document(store, iri))
