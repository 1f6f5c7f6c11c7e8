"""A parameter an endpoint takes once, given twice, is a 400 problem naming it: the last value
was used silently (``/sparql`` ran the second of two queries; the SPARQL 1.1 Protocol allows
exactly one). A parameter declared as a list may repeat."""
from __future__ import annotations

from urllib.parse import urlencode

import pytest
from fastapi.testclient import TestClient

FIRST = "SELECT (1 AS ?n) WHERE {}"
SECOND = "SELECT (2 AS ?n) WHERE {}"


@pytest.mark.parametrize(("path", "params", "name"), [
    ("/sparql", [("query", FIRST), ("query", SECOND)], "query"),
    ("/sparql", [("query", FIRST), ("format", "csv"), ("format", "json")], "format"),
    ("/api/projects", [("limit", "1"), ("limit", "500")], "limit"),
    ("/api/projects", [("lead", "经发局"), ("lead", "科创局")], "lead"),
    ("/api/zones", [("q", "高新"), ("q", "滨江")], "q"),
    ("/api/search", [("q", "局"), ("q", "区")], "q"),
    ("/api/triples", [("s", "zone/滨江新区"), ("s", "zone/高新区")], "s"),
    ("/api/analysis/path", [("from", "经发局"), ("from", "科创局"), ("to", "高新区")], "from"),
    ("/graph", [("depth", "1"), ("depth", "2")], "depth"),
])
def test_a_parameter_given_twice_is_a_400_naming_it(client: TestClient, path: str, params: list, name: str) -> None:
    response = client.get(path, params=params)
    assert response.status_code == 400, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert repr(name) in response.json()["detail"]


def test_two_queries_in_a_form_are_refused(client: TestClient) -> None:
    response = client.post("/sparql", content=urlencode([("query", FIRST), ("query", SECOND)]),
                           headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert response.status_code == 400
    assert "'query'" in response.json()["detail"]


def test_a_query_in_the_url_and_the_body_of_a_post_is_refused(client: TestClient) -> None:
    response = client.post("/sparql", params={"query": FIRST}, content=SECOND,
                           headers={"Content-Type": "application/sparql-query"})
    assert response.status_code == 400
    assert "'query'" in response.json()["detail"]


def test_repeated_dataset_parameters_get_their_own_answer(client: TestClient) -> None:
    """The protocol lets default-graph-uri repeat: it is refused as unsupported, not as repeated."""
    response = client.get("/sparql", params=[("query", FIRST), ("default-graph-uri", "urn:a"),
                                             ("default-graph-uri", "urn:b")])
    assert response.status_code == 400
    assert "not supported" in response.json()["detail"]


def test_one_of_each_is_answered(client: TestClient) -> None:
    assert client.get("/sparql", params={"query": FIRST, "format": "csv"}).text.split() == ["n", "1"]
    assert client.get("/api/projects", params={"limit": 1, "offset": 0}).status_code == 200
