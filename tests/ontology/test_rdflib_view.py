"""The rdflib view holds exactly what the store holds and answers SPARQL the same way."""
from __future__ import annotations

import pytest
from rdflib import Dataset, Literal, URIRef

from zonekg.graph.executor import SelectResult
from zonekg.graph.store import GraphStore
from zonekg.graph.terms import XSD_STRING, TermTuple
from zonekg.graph.rdflib_view import as_rdflib_dataset, document_graph
from zonekg.ontology import PREFIXES
from zonekg.ontology.iris import document_iri

# rdflib 7.6's own Dataset and SPARQL code calls its deprecated default_context/contexts on
# every triple lookup of a default-union Dataset; the noise is not ours to fix.
pytestmark = pytest.mark.filterwarnings(
    "ignore:Dataset.default_context is deprecated:DeprecationWarning",
    "ignore:Dataset.contexts is deprecated:DeprecationWarning",
)

Row = tuple[tuple[str, str | None, str | None], ...]


def store_row(row: tuple[TermTuple | None, ...]) -> Row:
    """A result row as (lexical form, language, datatype) per variable, comparable across stores."""
    def key(term: TermTuple | None) -> tuple[str, str | None, str | None]:
        assert term is not None
        kind, value, language, datatype = term
        if kind == "literal" and not language:
            return value, None, datatype or XSD_STRING
        return value, language, None
    return tuple(key(term) for term in row)


def rdflib_row(row, variables: list[str]) -> Row:
    def key(term) -> tuple[str, str | None, str | None]:
        if isinstance(term, Literal):
            if term.language:
                return str(term), term.language, None
            return str(term), None, str(term.datatype or "http://www.w3.org/2001/XMLSchema#string")
        return str(term), None, None
    return tuple(key(row[v]) for v in variables)


@pytest.fixture(scope="module")
def dataset(sample_store: GraphStore) -> Dataset:
    return as_rdflib_dataset(sample_store)


def test_round_trip_keeps_every_quad_in_its_graph(sample_store: GraphStore, dataset: Dataset) -> None:
    assert len(list(dataset.quads())) == sum(1 for _ in sample_store.quads())
    names = {str(g.identifier) for g in dataset.graphs() if len(g)}
    assert names == set(sample_store.documents()) and len(names) == 6
    for iri in sample_store.documents():
        expected = sum(1 for _ in sample_store.quads(iri))
        assert len(dataset.graph(URIRef(iri))) == expected
        assert len(document_graph(sample_store, iri)) == expected


QUERIES = [
    ("SELECT ?project ?agency WHERE { ?project zk:leadAgency ?agency }", ["project", "agency"]),
    ("SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } ?g zk:fileName ?f FILTER(CONTAINS(?f, '青岚')) }",
     ["s", "p", "o"]),
    ("SELECT ?t ?metric ?value ?unit WHERE { ?t a zk:Target ; zk:metric ?metric ; zk:value ?value ; "
     "zk:unit ?unit }", ["t", "metric", "value", "unit"]),
    ("SELECT ?cls (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a ?cls } GROUP BY ?cls", ["cls", "n"]),
]


@pytest.mark.parametrize(("sparql", "variables"), QUERIES)
def test_sparql_answers_agree(sample_store: GraphStore, dataset: Dataset, sparql: str, variables: list[str]) -> None:
    result = sample_store.query(sparql)
    assert isinstance(result, SelectResult) and result.variables == variables
    from_store = sorted(store_row(row) for row in result.rows)
    from_rdflib = sorted(rdflib_row(r, variables) for r in dataset.query(sparql, initNs=PREFIXES))
    assert from_store and from_store == from_rdflib


def test_chinese_iris_and_literals_survive(sample_store: GraphStore, hand_iri: str) -> None:
    graph = document_graph(sample_store, hand_iri)
    assert graph.identifier == URIRef(hand_iri)
    labels = {str(o) for o in graph.objects(None, URIRef("http://www.w3.org/2000/01/rdf-schema#label"))}
    assert "青岚云帆科技有限公司" in labels


def test_missing_document_and_empty_store(store: GraphStore) -> None:
    assert len(document_graph(store, document_iri("nothing.txt"))) == 0
    assert len(list(as_rdflib_dataset(store).quads())) == 0
