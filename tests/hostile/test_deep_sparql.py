"""SPARQL text that overflows the engine parser's stack (100,000 nested ``{`` or ``(``, a path of
100,000 steps) kills the process that reads it, and a deeply nested collection takes its parser minutes.
Queries are read by the killable query workers; an update was read by the store in the
service's own process, so one such update from the token holder stopped the whole server (found
by a socket sweep in session 8). A worker now reads every update first: the answer is a 400,
nothing changes, and the server goes on answering."""
from __future__ import annotations

from collections.abc import Callable

import pytest

from live_server import TOKEN, LiveServer

N = 100_000
OVERFLOWING = {
    "nested groups": "DELETE { ?s ?p ?o } WHERE { " + "{" * N + "?s ?p ?o" + "}" * N + " }",
    "nested parentheses": "DELETE { ?s ?p ?o } WHERE { ?s ?p ?o FILTER(" + "(" * N + "1" + ")" * N + ") }",
    "path sequence": "DELETE { ?s ?p ?o } WHERE { ?s <urn:p>" + "/<urn:p>" * N + " ?o }",
}
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
WRITE = {"Content-Type": "application/sparql-update", "Authorization": f"Bearer {TOKEN}"}


def _count(server: LiveServer) -> str:
    with server.client() as client:
        return client.get("/sparql", params={"query": COUNT}).json()["results"]["bindings"][0]["n"]["value"]


def _still_serving(server: LiveServer, before: str) -> None:
    assert server.process.poll() is None, "the server died"
    assert _count(server) == before
    with server.client() as client:
        assert client.get("/api/health").status_code == 200
        small = "INSERT DATA { GRAPH <urn:zonekg-test:g> { <urn:a> <urn:b> <urn:c> } }"
        assert client.post("/sparql", content=small, headers=WRITE).status_code == 204


@pytest.mark.parametrize("update", list(OVERFLOWING.values()), ids=list(OVERFLOWING))
def test_an_update_that_overflows_the_parser_is_refused_and_the_server_lives(
        start_server: Callable[..., LiveServer], update: str) -> None:
    server = start_server()
    before = _count(server)
    with server.client() as client:
        response = client.post("/sparql", content=update, headers=WRITE)
    assert response.status_code == 400, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert "not run" in response.json()["detail"]
    _still_serving(server, before)


def test_an_update_slow_to_read_is_stopped_at_the_time_limit(start_server: Callable[..., LiveServer]) -> None:
    """10,000 nested empty collections: the engine's parser takes minutes (quadratic) over it,
    held the write lock and a core meanwhile, and answered nobody's update."""
    server = start_server(ZONEKG_QUERY_TIMEOUT="2")
    before = _count(server)
    deep = "INSERT DATA { GRAPH <urn:zonekg-test:g> { <urn:a> <urn:b> " + "(" * 10_000 + ")" * 10_000 + " } }"
    with server.client(timeout=30) as client:
        response = client.post("/sparql", content=deep, headers=WRITE)
    assert response.status_code == 400, response.text
    assert "stopped" in response.json()["detail"]
    _still_serving(server, before)
