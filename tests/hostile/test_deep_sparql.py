"""SPARQL text that overflows the engine parser's stack (100,000 nested ``{`` or ``(``, a path of
100,000 steps) kills the process that reads it, and a deeply nested collection takes its parser minutes.
Queries are read by the killable query workers; an update was read by the store in the
service's own process, so one such update from the token holder stopped the whole server (found
by a socket sweep in session 8). A worker now reads every update first: the answer is a 400,
nothing changes, and the server goes on answering."""
from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import pytest

from live_server import TOKEN, LiveServer

from zonekg.graph.update_reading import MAX_DEPTH

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


CHAINS = {
    "sum": "DELETE { ?s ?p ?o } WHERE { ?s ?p ?o FILTER(?o" + "+1" * 10_000 + ") }",
    "disjunction": "DELETE { ?s ?p ?o } WHERE { ?s ?p ?o FILTER(?o" + " || true" * 10_000 + ") }",
    "union": "DELETE { ?s ?p ?o } WHERE { { ?s ?p ?o }" + " UNION { ?s ?p ?o }" * 10_000 + " }",
    "nested collections": "INSERT DATA { GRAPH <urn:zonekg-test:g> { <urn:a> <urn:b> "
                          + "(" * 10_000 + ")" * 10_000 + " } }",
}


@pytest.mark.parametrize("update", list(CHAINS.values()), ids=list(CHAINS))
def test_an_update_chained_past_the_depth_limit_is_refused_unread(
        start_server: Callable[..., LiveServer], update: str) -> None:
    """10,000 chained terms: rdflib took 111 s over such an update in the server process, and
    Oxigraph's parser read an 8,000-term chain whole but overflowed its stack running it, in the
    server process. The worker measures the depth and reads no further: a 400 before the time
    limit (which the server would answer with a 503)."""
    server = start_server(ZONEKG_QUERY_TIMEOUT="30")
    before = _count(server)
    with server.client() as client:
        response = client.post("/sparql", content=update, headers=WRITE)
    assert response.status_code == 400, response.text
    assert f"more than the {MAX_DEPTH}" in response.json()["detail"]
    _still_serving(server, before)


def test_an_update_just_within_the_depth_limit_is_read_in_a_worker_while_the_server_answers(
        start_server: Callable[..., LiveServer]) -> None:
    """A chain just within the depth limit took rdflib seconds to read in the server process; a
    worker reads it now, under the time limit: the update runs (it deletes nothing) or, when the
    worker overran the limit, is a 400 that says so, and the server answers throughout. The
    limit leaves a fresh worker (the stopped one's replacement) room to import rdflib's parser
    for the small update after it on a loaded machine (1 s did not, once, at load 15)."""
    server = start_server(ZONEKG_QUERY_TIMEOUT="3")
    before = _count(server)
    chain = ("DELETE { GRAPH <urn:zonekg-test:g> { ?s ?p ?o } } WHERE { GRAPH <urn:zonekg-test:g> "
             "{ ?s ?p ?o FILTER(?o" + "+1" * (MAX_DEPTH - 10) + ") } }")
    with ThreadPoolExecutor(1) as pool, server.client(timeout=30) as client:
        posted = pool.submit(client.post, "/sparql", content=chain, headers=WRITE)
        health = [client.get("/api/health").status_code]
        while not posted.done():
            health.append(client.get("/api/health").status_code)
            time.sleep(0.05)
        response = posted.result()
    assert response.status_code in (204, 400), response.text
    if response.status_code == 400:
        assert "stopped" in response.json()["detail"]
    assert set(health) == {200}
    _still_serving(server, before)


SMALL = "INSERT DATA { GRAPH <urn:zonekg-test:g> { <urn:a> <urn:b> <urn:c> } }"
WIDE = {
    "sibling groups": "DELETE { ?s ?p ?o } WHERE { " + "{ ?s ?p ?o }" * N + " }",
    "OPTIONAL chain": "DELETE { ?s ?p ?o } WHERE { ?s ?p ?o " + "OPTIONAL { ?s ?p ?o } " * 10_000 + "}",
    "MINUS chain": "DELETE { ?s ?p ?o } WHERE { ?s ?p ?o " + "MINUS { ?s ?p ?o } " * 10_000 + "}",
    "FILTERs": "DELETE { ?s ?p ?o } WHERE { ?s ?p ?o " + "FILTER(true) " * 10_000 + "}",
    "after dropping a graph the store has": "DROP GRAPH <urn:zonekg-test:g> ; DELETE { ?s ?p ?o } WHERE { ?s ?p ?o "
                                            + "MINUS { ?s ?p ?o } " * 10_000 + "}",
}


@pytest.mark.parametrize("update", list(WIDE.values()), ids=list(WIDE))
def test_a_wide_update_that_would_crash_the_server_running_it_is_refused(
        start_server: Callable[..., LiveServer], update: str) -> None:
    """No deeper than a few brackets, each of these passed the depth measure and the engine's
    parser, then overflowed the engine's stack when the store ran it: the server died (found in
    session 9). The worker now rehearses the update on an empty store and dies of it instead."""
    server = start_server(ZONEKG_QUERY_TIMEOUT="30")
    with server.client() as client:
        assert client.post("/sparql", content=SMALL, headers=WRITE).status_code == 204
    before = _count(server)
    with server.client(timeout=60) as client:
        response = client.post("/sparql", content=update, headers=WRITE)
    assert response.status_code == 400, response.text
    assert "not run" in response.json()["detail"]
    _still_serving(server, before)


def test_an_update_the_engine_would_plan_for_minutes_is_refused_at_the_time_limit(
        start_server: Callable[..., LiveServer]) -> None:
    """300 triple patterns in one group: the engine's planning grows as n⁴ (150 took 53 s, on any
    data), in the server's process and under the write lock. Rehearsed in a worker, it is
    stopped at the time limit; the next write is not kept waiting."""
    server = start_server(ZONEKG_QUERY_TIMEOUT="3")
    before = _count(server)
    update = "DELETE { ?s ?p ?o } WHERE { " + " ".join(f"?s <urn:p> ?o{i} ." for i in range(300)) + " }"
    with server.client(timeout=60) as client:
        response = client.post("/sparql", content=update, headers=WRITE)
    assert response.status_code == 400, response.text
    assert "stopped" in response.json()["detail"]
    _still_serving(server, before)
