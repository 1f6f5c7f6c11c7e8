"""The rdflib view holds exactly what the store holds and answers SPARQL the same way."""
from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Literal, URIRef

from zonekg.graph.oxigraph_store import OxigraphStore
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


def ox_row(solution: ox.QuerySolution, variables: list[str]) -> Row:
    """A result row as (lexical form, language, datatype) per variable, comparable across stores."""
    def key(term: ox.NamedNode | ox.Literal) -> tuple[str, str | None, str | None]:
        if isinstance(term, ox.Literal):
            return term.value, term.language, None if term.language else term.datatype.value
        return term.value, None, None
    return tuple(key(solution[v]) for v in variables)


def rdflib_row(row, variables: list[str]) -> Row:
    def key(term) -> tuple[str, str | None, str | None]:
        if isinstance(term, Literal):
            if term.language:
                return str(term), term.language, None
            return str(term), None, str(term.datatype or "http://www.w3.org/2001/XMLSchema#string")
        return str(term), None, None
    return tuple(key(row[v]) for v in variables)


@pytest.fixture(scope="module")
def dataset(sample_store: OxigraphStore) -> Dataset:
    return as_rdflib_dataset(sample_store)


def test_round_trip_keeps_every_quad_in_its_graph(sample_store: OxigraphStore, dataset: Dataset) -> None:
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
def test_sparql_answers_agree(sample_store: OxigraphStore, dataset: Dataset, sparql: str, variables: list[str]) -> None:
    from_store = sorted(ox_row(s, variables) for s in sample_store.query(sparql))
    from_rdflib = sorted(rdflib_row(r, variables) for r in dataset.query(sparql, initNs=PREFIXES))
    assert from_store and from_store == from_rdflib


def test_chinese_iris_and_literals_survive(sample_store: OxigraphStore, hand_iri: str) -> None:
    graph = document_graph(sample_store, hand_iri)
    assert graph.identifier == URIRef(hand_iri)
    labels = {str(o) for o in graph.objects(None, URIRef("http://www.w3.org/2000/01/rdf-schema#label"))}
    assert "青岚云帆科技有限公司" in labels


def test_missing_document_and_empty_store(store: OxigraphStore) -> None:
    assert len(document_graph(store, document_iri("nothing.txt"))) == 0
    assert len(list(as_rdflib_dataset(store).quads())) == 0
