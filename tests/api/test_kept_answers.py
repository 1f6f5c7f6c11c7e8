"""A kept SPARQL answer to a plain request is answered before the router, as the route answers
it; every other request (a parameter more, a repeat, a form of two fields, a wrong format) goes
to the route and is answered or refused exactly as before."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import fastapi.routing
import pytest
from fastapi.testclient import TestClient

QUERY = "SELECT ?e ?name WHERE { ?e a zk:Zone ; rdfs:label ?name } ORDER BY ?e"
FORM = {"Content-Type": "application/x-www-form-urlencoded"}


@pytest.fixture()
def solved(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The paths of the requests FastAPI solved a route's dependencies for while the test runs."""
    paths: list[str] = []
    solve = fastapi.routing.solve_dependencies

    async def counted(*args: Any, **kwargs: Any) -> Any:
        paths.append(kwargs["request"].url.path)
        return await solve(*args, **kwargs)

    monkeypatch.setattr(fastapi.routing, "solve_dependencies", counted)
    yield paths


def _same_answer(fast: Any, routed: Any) -> None:
    assert fast.status_code == routed.status_code == 200
    assert fast.content == routed.content
    for header in ("content-type", "content-length", "vary"):
        assert fast.headers[header] == routed.headers[header]


def test_a_kept_answer_to_a_plain_request_skips_the_route_and_is_the_routes_answer(
        client: TestClient, solved: list[str]) -> None:
    assert client.get("/sparql", params={"query": QUERY}).status_code == 200  # run, and kept
    solved.clear()
    by_get = client.get("/sparql", params={"query": QUERY})
    by_form = client.post("/sparql", data={"query": QUERY})
    by_body = client.post("/sparql", content=QUERY.encode(), headers={"Content-Type": "application/sparql-query"})
    as_csv = client.get("/sparql", params={"query": QUERY, "format": "csv"})
    assert solved == []
    routed = client.get("/sparql", params={"query": QUERY, "timeout": 30})  # a parameter more: the route
    assert solved == ["/sparql"]
    for fast in (by_get, by_form, by_body):
        _same_answer(fast, routed)
    _same_answer(as_csv, client.get("/sparql", params={"query": QUERY, "format": "csv", "timeout": 30}))
    assert as_csv.headers["content-type"].startswith("text/csv")


@pytest.mark.parametrize(("params", "status", "words"), [
    ([("query", QUERY), ("query", QUERY)], 400, "more than once"),
    ([("query", QUERY), ("leed", "1")], 400, "unknown parameter"),
    ([("query", QUERY), ("format", "png")], 400, "format 'png'"),
    ([("query", QUERY), ("default-graph-uri", "urn:x")], 400, "the dataset is fixed"),
])
def test_a_request_not_plain_is_checked_by_the_route_though_its_answer_is_kept(
        client: TestClient, params: list[tuple[str, str]], status: int, words: str) -> None:
    assert client.get("/sparql", params={"query": QUERY}).status_code == 200
    refused = client.get("/sparql", params=params)
    assert refused.status_code == status and words in refused.json()["detail"], refused.text


def test_forms_and_bodies_not_plain_reach_the_route_whole(client: TestClient, solved: list[str]) -> None:
    from urllib.parse import quote_plus

    assert client.post("/sparql", data={"query": QUERY}).status_code == 200
    solved.clear()
    extra = client.post("/sparql", content=f"query={quote_plus(QUERY)}&extra=1", headers=FORM)
    assert extra.status_code == 400 and "'extra'" in extra.json()["detail"]
    both = client.post("/sparql", content=f"query={quote_plus(QUERY)}&update=CLEAR+ALL", headers=FORM)
    assert both.status_code == 400 and "not both" in both.json()["detail"]
    latin = client.post("/sparql", content=b"SELECT * WHERE { ?s ?p \"\xe9\" }",
                        headers={"Content-Type": "application/sparql-query"})
    assert latin.status_code == 400 and "not UTF-8" in latin.json()["detail"]
    assert client.post("/sparql", data={"query": QUERY}, headers={"Accept": "image/png"}).status_code == 406
    assert solved == ["/sparql"] * 4


def test_a_form_read_here_but_not_kept_is_run_by_the_route(client: TestClient) -> None:
    """The body read to look for a kept answer is handed to the route as it came."""
    ask = f'SELECT ?name WHERE {{ ?e rdfs:label ?name FILTER(STR(?name) = "kept-answers-{id(client)}") }}'
    answer = client.post("/sparql", data={"query": ask})
    assert answer.status_code == 200 and answer.json()["results"]["bindings"] == []
