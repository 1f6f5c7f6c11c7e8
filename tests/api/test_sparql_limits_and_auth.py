"""Limits (time limit that stops the work, row cap that says it cut) and write access."""
from __future__ import annotations

import threading
import time
from collections.abc import Callable

from fastapi.testclient import TestClient

from api_corpus import DOC_B, TOKEN, bearer

SLOW = ("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n1 ?o }")
INSERT = 'INSERT DATA { GRAPH <urn:zonekg:test> { <urn:x> rdfs:label "测试"@zh } }'
ASK_INSERTED = 'ASK { <urn:x> rdfs:label "测试"@zh }'


def every_worker_answers(client: TestClient, workers: int = 2) -> None:
    """Wait until each of the pool's workers has answered a query: ``workers`` answers in a row
    (the idle workers are taken in turn). A worker just started may overrun the time limit on a
    busy machine while it imports; its 503 replaces it, and the next one is asked."""
    in_a_row = 0
    for _ in range(10 * workers):
        response = client.get("/sparql", params={"query": "ASK {}"}, headers={"Cache-Control": "no-cache"})
        in_a_row = in_a_row + 1 if response.status_code == 200 else 0
        if in_a_row == workers:
            return
    raise AssertionError(f"the workers did not answer: {response.status_code} {response.text}")


def test_slow_query_is_stopped_while_others_keep_answering(fresh_app: Callable[..., TestClient]) -> None:
    """Ordered by events, not by sleeping: the quick query is sent once the slow one holds a
    worker, and must be answered while it still does."""
    client = fresh_app(client_queries=2, query_timeout=3.0)  # one test client plays both callers
    executor = client.app.state.service.executor
    every_worker_answers(client)
    outcome: dict[str, object] = {}

    def slow() -> None:
        started = time.monotonic()
        outcome["response"] = client.get("/sparql", params={"query": SLOW})
        outcome["seconds"] = time.monotonic() - started

    worker = threading.Thread(target=slow)
    worker.start()
    while executor.busy() == 0 and "response" not in outcome:  # until the slow query holds a worker
        time.sleep(0.01)
    quick = client.get("/sparql", params={"query": "ASK { ?s zk:leadAgency ?o }"})
    answered_while_the_slow_one_ran = "response" not in outcome
    worker.join(120)  # a bound against a hang only: the slow query ends at its 3 s limit
    assert not worker.is_alive()
    assert quick.status_code == 200 and quick.json()["boolean"] is True
    assert answered_while_the_slow_one_ran
    response = outcome["response"]
    assert response.status_code == 503
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["retry-after"] == "1"
    assert "time limit of 3 s" in response.json()["detail"]
    assert outcome["seconds"] >= 2.9  # stopped at its limit, not before
    every_worker_answers(client)  # the killed worker was replaced: both answer again


def test_timeout_parameter_cannot_raise_the_limit_or_be_nonsense(fresh_app: Callable[..., TestClient]) -> None:
    app = fresh_app(query_timeout=1.0)
    response = app.get("/sparql", params={"query": SLOW, "timeout": "60"})
    assert response.status_code == 503
    assert "time limit of 1 s" in response.json()["detail"]  # the service's limit, not the asked 60 s
    for bad in ("0", "-1", "soon"):
        response = app.get("/sparql", params={"query": "ASK {}", "timeout": bad})
        assert response.status_code == 422, bad
        assert response.headers["content-type"] == "application/problem+json"


def test_a_limit_the_request_set_itself_is_a_client_error(fresh_app: Callable[..., TestClient]) -> None:
    app = fresh_app(query_timeout=10.0)
    for limit in ("0.5", "2.2e-309"):  # the second one expires before a worker is even taken
        response = app.get("/sparql", params={"query": SLOW, "timeout": limit})
        assert response.status_code == 400, (limit, response.text)
        assert response.headers["content-type"] == "application/problem+json"
        assert "retry-after" not in response.headers
        assert "timeout=" in response.json()["detail"] and "10 s" in response.json()["detail"]


def test_row_cap_is_signalled(fresh_app: Callable[..., TestClient]) -> None:
    app = fresh_app(max_rows=3)
    response = app.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert response.status_code == 200
    assert response.headers["x-zonekg-truncated"] == "true"
    assert response.headers["x-zonekg-row-limit"] == "3"
    body = response.json()
    assert body["truncated"] is True and len(body["results"]["bindings"]) == 3
    graph = app.get("/sparql", params={"query": "CONSTRUCT WHERE { ?s ?p ?o }", "format": "nt"})
    assert graph.headers["x-zonekg-truncated"] == "true"
    assert len(graph.text.strip().splitlines()) == 3
    document = app.get("/rdf-graphs", params={"graph": f"https://w3id.org/zonekg/id/document/{DOC_B}", "format": "nt"})
    assert document.headers["x-zonekg-truncated"] == "true"
    assert len(document.text.strip().splitlines()) == 3
    small = app.get("/sparql", params={"query": "SELECT * WHERE { ?s zk:leadAgency ?o } LIMIT 2"})
    assert "x-zonekg-truncated" not in small.headers and "truncated" not in small.json()


def test_update_without_configured_token_is_forbidden(fresh_app: Callable[..., TestClient]) -> None:
    app = fresh_app(token=None)
    response = app.post("/sparql", content=INSERT, headers={"Content-Type": "application/sparql-update", **bearer()})
    assert response.status_code == 403
    assert response.headers["content-type"] == "application/problem+json"
    assert app.get("/sparql", params={"query": ASK_INSERTED}).json()["boolean"] is False


def test_update_with_missing_or_wrong_token_is_unauthorized(client: TestClient) -> None:
    for headers in ({}, bearer("wrong"), {"Authorization": f"Basic {TOKEN}"}):
        response = client.post("/sparql", data={"update": INSERT}, headers=headers)
        assert response.status_code == 401
        assert response.headers["www-authenticate"].startswith("Bearer")
    assert client.get("/sparql", params={"query": ASK_INSERTED}).json()["boolean"] is False


def test_authorized_update_is_applied_and_published(writable: TestClient) -> None:
    response = writable.post("/sparql", content=INSERT,
                             headers={"Content-Type": "application/sparql-update", **bearer()})
    assert response.status_code == 204
    assert writable.get("/sparql", params={"query": ASK_INSERTED}).json()["boolean"] is True
    response = writable.post("/sparql", data={"update": "DROP GRAPH <urn:zonekg:test>"}, headers=bearer())
    assert response.status_code == 204
    assert writable.get("/sparql", params={"query": ASK_INSERTED}).json()["boolean"] is False


def test_malformed_update_is_400_and_changes_nothing(writable: TestClient) -> None:
    response = writable.post("/sparql", data={"update": "INSERT DATA { <urn:a> }"}, headers=bearer())
    assert response.status_code == 400
    assert "error at" in response.json()["detail"]
