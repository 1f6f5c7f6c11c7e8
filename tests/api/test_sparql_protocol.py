"""SPARQL 1.1 Protocol conformance: ways to send a query, result formats, errors."""
from __future__ import annotations

import csv
import gzip
import io
import json
import xml.etree.ElementTree as ET
from urllib.parse import urlencode

import pyoxigraph as ox
import pytest
from fastapi.testclient import TestClient

from api_corpus import bearer

LEADS = "SELECT ?p ?a WHERE { ?p zk:leadAgency ?a } ORDER BY ?p ?a"
LABELS = 'SELECT ?e ?name WHERE { ?e skos:altLabel ?name FILTER(?name = "经发局"@zh) } ORDER BY ?e'
CONSTRUCT = "CONSTRUCT { ?p zk:leadAgency ?a } WHERE { ?p zk:leadAgency ?a }"
RESULTS_NS = "{http://www.w3.org/2005/sparql-results#}"


def bindings(response) -> list[dict]:
    assert response.status_code == 200, response.text
    return response.json()["results"]["bindings"]


def test_get_query_returns_json_results_by_default(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": LEADS})
    assert response.headers["content-type"].startswith("application/sparql-results+json")
    body = response.json()
    assert body["head"]["vars"] == ["p", "a"]
    assert len(body["results"]["bindings"]) == 5  # 4 projects in 高新区 + 1 in 滨江新区
    assert "truncated" not in body


def test_post_form_and_post_body_answer_like_get(client: TestClient) -> None:
    by_get = bindings(client.get("/sparql", params={"query": LEADS}))
    by_form = bindings(client.post("/sparql", data={"query": LEADS}))
    by_body = bindings(client.post("/sparql", content=LEADS.encode(),
                                   headers={"Content-Type": "application/sparql-query; charset=utf-8"}))
    assert by_get == by_form == by_body


def test_post_with_unknown_content_type_is_415(client: TestClient) -> None:
    response = client.post("/sparql", content=LEADS, headers={"Content-Type": "text/plain"})
    assert response.status_code == 415
    assert response.headers["content-type"] == "application/problem+json"


@pytest.mark.parametrize("coding", ["gzip", "br", "deflate, gzip"])
def test_a_body_in_a_content_coding_is_415(client: TestClient, writable: TestClient, coding: str) -> None:
    """Nothing decodes a request body: a gzipped query was read as "not UTF-8", and a plain one
    labelled ``br`` ran as if the label were not there."""
    body = gzip.compress(b"ASK {}") if coding == "gzip" else b"ASK {}"
    for app, path, content_type in ((client, "/sparql", "application/sparql-query"),
                                    (writable, "/api/documents", "multipart/form-data; boundary=zz")):
        response = app.post(path, content=body, headers={"Content-Type": content_type, "Content-Encoding": coding,
                                                         **bearer()})
        assert response.status_code == 415, (path, response.text)
        assert response.headers["content-type"] == "application/problem+json"
        assert response.headers["accept-encoding"] == "identity"
        assert coding in response.json()["detail"]
    plain = client.post("/sparql", content=b"ASK {}", headers={"Content-Type": "application/sparql-query",
                                                                "Content-Encoding": "identity"})
    assert plain.status_code == 200


def test_literals_keep_language_in_json(client: TestClient) -> None:
    rows = bindings(client.get("/sparql", params={"query": LABELS}))
    assert len(rows) == 2
    assert rows[0]["name"] == {"type": "literal", "value": "经发局", "xml:lang": "zh"}
    assert rows[0]["e"]["type"] == "uri"


def test_xml_results_follow_the_w3c_format(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": LABELS}, headers={"Accept": "application/sparql-results+xml"})
    assert response.headers["content-type"].startswith("application/sparql-results+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{RESULTS_NS}sparql"
    assert [v.get("name") for v in root.iter(f"{RESULTS_NS}variable")] == ["e", "name"]
    literals = list(root.iter(f"{RESULTS_NS}literal"))
    assert [literal.text for literal in literals] == ["经发局", "经发局"]
    assert literals[0].get("{http://www.w3.org/XML/1998/namespace}lang") == "zh"


def test_csv_results_carry_plain_values(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": LABELS}, headers={"Accept": "text/csv"})
    assert response.headers["content-type"].startswith("text/csv")
    assert b"\r\n" in response.content
    rows = list(csv.reader(io.StringIO(response.text)))
    assert rows[0] == ["e", "name"]
    assert rows[1][0].startswith("https://w3id.org/zonekg/id/agency/")
    assert rows[1][1] == "经发局"


def test_tsv_results_carry_ntriples_terms(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": LABELS, "format": "tsv"})
    assert response.headers["content-type"].startswith("text/tab-separated-values")
    lines = response.text.splitlines()
    assert lines[0] == "?e\t?name"
    iri, literal = lines[1].split("\t")
    assert iri.startswith("<https://w3id.org/zonekg/id/agency/") and iri.endswith(">")
    assert literal == '"经发局"@zh'


def test_format_parameter_wins_over_accept(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": LEADS, "format": "csv"},
                          headers={"Accept": "application/sparql-results+json"})
    assert response.headers["content-type"].startswith("text/csv")


def test_accept_q_values_choose_the_preferred_format(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": LEADS},
                          headers={"Accept": "text/csv;q=0.5, text/tab-separated-values;q=0.9"})
    assert response.headers["content-type"].startswith("text/tab-separated-values")


def test_unacceptable_format_is_406_and_unknown_format_is_400(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": LEADS}, headers={"Accept": "image/png"})
    assert response.status_code == 406
    assert response.headers["content-type"] == "application/problem+json"
    response = client.get("/sparql", params={"query": LEADS, "format": "ttl"})  # a SELECT has no Turtle
    assert response.status_code == 400


@pytest.mark.parametrize(("fmt", "accept"), [("json", "application/sparql-results+json"),
                                              ("xml", "application/sparql-results+xml"),
                                              ("csv", "text/csv"), ("tsv", "text/tab-separated-values")])
def test_ask_in_every_result_format(client: TestClient, fmt: str, accept: str) -> None:
    response = client.get("/sparql", params={"query": 'ASK { ?a skos:altLabel "经发局"@zh }', "format": fmt})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(accept)
    assert "true" in response.text
    if fmt == "json":
        assert response.json() == {"head": {}, "boolean": True}


def test_construct_defaults_to_turtle_that_parses(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": CONSTRUCT})
    assert response.headers["content-type"].startswith("text/turtle")
    triples = list(ox.parse(response.content, format=ox.RdfFormat.TURTLE))
    assert len(triples) == 5
    assert "@prefix zk:" in response.text


@pytest.mark.parametrize(("accept", "rdf_format"), [
    ("application/n-triples", ox.RdfFormat.N_TRIPLES),
    ("application/ld+json", ox.RdfFormat.JSON_LD),
    ("application/rdf+xml", ox.RdfFormat.RDF_XML),
])
def test_construct_in_other_rdf_syntaxes(client: TestClient, accept: str, rdf_format: ox.RdfFormat) -> None:
    response = client.get("/sparql", params={"query": CONSTRUCT}, headers={"Accept": accept})
    assert response.headers["content-type"].startswith(accept)
    assert len(list(ox.parse(response.content, format=rdf_format))) == 5


def test_describe_by_format_parameter(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": "DESCRIBE <https://w3id.org/zonekg/id/zone/滨江新区>",
                                             "format": "nt"})
    assert response.headers["content-type"].startswith("application/n-triples")
    assert "<https://w3id.org/zonekg/id/zone/滨江新区>" in response.text


def test_malformed_query_is_400_with_the_parser_message(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": "SELECT ?x WHERE { ?x ?y }"})
    assert response.status_code == 400
    problem = response.json()
    assert response.headers["content-type"] == "application/problem+json"
    assert problem["status"] == 400 and "error at" in problem["detail"]


def test_a_body_that_is_not_utf8_is_400(client: TestClient) -> None:
    """The protocol's bodies are UTF-8: other bytes were decoded unguarded, a 500."""
    for content_type in ("application/sparql-query", "application/sparql-update"):
        response = client.post("/sparql", content=b"\xff\xfeASK {}", headers={"Content-Type": content_type})
        assert response.status_code == 400, response.text
        assert response.headers["content-type"] == "application/problem+json"
        assert "not UTF-8" in response.json()["detail"]


def test_post_without_query_or_update_is_400(client: TestClient) -> None:
    assert client.post("/sparql", data={"nothing": "x"}).status_code == 400


def test_query_and_update_together_are_refused(client: TestClient) -> None:
    response = client.post("/sparql", data={"query": LEADS, "update": "CLEAR ALL"})
    assert response.status_code == 400


def test_update_by_get_is_refused(client: TestClient) -> None:
    assert client.get("/sparql", params={"update": "CLEAR ALL"}).status_code == 400


@pytest.mark.parametrize("param", ["default-graph-uri", "named-graph-uri"])
def test_dataset_parameters_are_refused_with_a_reason(client: TestClient, param: str) -> None:
    response = client.get("/sparql", params={"query": LEADS, param: "urn:x"})
    assert response.status_code == 400
    assert param in response.json()["detail"]


def test_service_description(client: TestClient) -> None:
    response = client.get("/sparql")
    assert response.headers["content-type"].startswith("text/turtle")
    graph = ox.Store()
    graph.load(response.content, format=ox.RdfFormat.TURTLE)
    ask = lambda q: graph.query("PREFIX sd: <http://www.w3.org/ns/sparql-service-description#> " + q)  # noqa: E731
    assert ask("ASK { ?s a sd:Service ; sd:endpoint <http://testserver/sparql> ; "
               "sd:feature sd:UnionDefaultGraph ; sd:supportedLanguage sd:SPARQL11Query, sd:SPARQL11Update }")
    assert ask("ASK { ?s sd:resultFormat <http://www.w3.org/ns/formats/SPARQL_Results_CSV> }")
    assert ask("ASK { ?s sd:defaultDataset/sd:namedGraph/sd:name "
               "<https://w3id.org/zonekg/id/document/滨江新区2025年工作方案.txt> }")


def test_service_description_as_json_ld(client: TestClient) -> None:
    response = client.get("/sparql", headers={"Accept": "application/ld+json"})
    assert response.headers["content-type"].startswith("application/ld+json")
    assert "sparql-service-description#Service" in json.dumps(response.json())


def test_a_form_field_is_bounded_by_the_body_limit_alone(client: TestClient) -> None:
    """A query over 1 MB was refused in a form ('Field exceeded maximum size of 1024KB', the
    framework's default) though the same query as the body of a POST was answered."""
    query = "ASK {} #" + "x" * 1_500_000
    for body, content_type in ((urlencode({"query": query}), "application/x-www-form-urlencoded"),
                               (query, "application/sparql-query")):
        response = client.post("/sparql", content=body, headers={"Content-Type": content_type})
        assert response.status_code == 200, response.text
        assert response.json()["boolean"] is True
