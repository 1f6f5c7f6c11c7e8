"""Graph Store Protocol, read side: one document's named graph, or the default graph."""
from __future__ import annotations

import pyoxigraph as ox
from fastapi.testclient import TestClient

from api_corpus import DOC_B

GRAPH = f"https://w3id.org/zonekg/id/document/{DOC_B}"
FILE_NAME = ox.NamedNode("https://w3id.org/zonekg/ontology#fileName")


def test_named_graph_as_turtle(client: TestClient) -> None:
    response = client.get("/rdf-graphs", params={"graph": GRAPH})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/turtle")
    triples = [quad.triple for quad in ox.parse(response.content, format=ox.RdfFormat.TURTLE)]
    assert ox.Triple(ox.NamedNode(GRAPH), FILE_NAME, ox.Literal(DOC_B)) in triples
    assert "高新区" not in response.text  # only this document's graph


def test_named_graph_in_other_syntaxes(client: TestClient) -> None:
    nt = client.get("/rdf-graphs", params={"graph": GRAPH}, headers={"Accept": "application/n-triples"})
    jsonld = client.get("/rdf-graphs", params={"graph": GRAPH, "format": "jsonld"})
    assert nt.headers["content-type"].startswith("application/n-triples")
    assert jsonld.headers["content-type"].startswith("application/ld+json")
    assert len(list(ox.parse(nt.content, format=ox.RdfFormat.N_TRIPLES))) == len(
        list(ox.parse(jsonld.content, format=ox.RdfFormat.JSON_LD)))


def test_default_graph_is_the_union(client: TestClient) -> None:
    response = client.get("/rdf-graphs?default", headers={"Accept": "application/n-triples"})
    assert response.status_code == 200
    assert "滨江新区" in response.text and "高新区" in response.text


def test_unknown_graph_is_404_and_bad_requests_are_400(client: TestClient) -> None:
    assert client.get("/rdf-graphs", params={"graph": "https://w3id.org/zonekg/id/document/无.txt"}).status_code == 404
    assert client.get("/rdf-graphs").status_code == 400
    assert client.get("/rdf-graphs", params={"graph": GRAPH, "default": ""}).status_code == 400
