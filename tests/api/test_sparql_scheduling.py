"""How /sparql shares its workers: a one-graph read needs none, a repeated question is answered
once per store generation, and a query known to be long leaves a worker to the short ones."""
from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from httpx import Response

from api_corpus import DOC_B, TOKEN, bearer
from zonekg.graph import sparql_text

SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n1 ?o }"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
GRAPH = f"https://w3id.org/zonekg/id/document/{DOC_B}"


def _in_background(
    client: TestClient, query: str, headers: dict[str, str] | None = None
) -> tuple[threading.Thread, list[Response]]:
    """``query`` asked on a thread of its own; its response lands in the list."""
    out: list[Response] = []
    thread = threading.Thread(
        target=lambda: out.append(client.get("/sparql", params={"query": query}, headers=headers)))
    thread.start()
    return thread, out


def _hold_the_only_worker(client: TestClient) -> tuple[threading.Thread, list[Response]]:
    _both_workers_up(client)  # (the one worker, asked twice)
    held = _in_background(client, SLOW)
    held[0].join(0.5)  # the slow query now holds the worker (until its limit)
    assert held[0].is_alive()
    return held


def test_a_document_graph_is_read_without_a_sparql_worker(fresh_app: Callable[..., TestClient]) -> None:
    client = fresh_app(workers=1, client_queries=2, query_timeout=4)
    thread, slow = _hold_the_only_worker(client)
    response = client.get("/rdf-graphs", params={"graph": GRAPH}, headers={"Accept": "application/n-triples"})
    answered_while_busy = thread.is_alive()
    thread.join(30)
    assert response.status_code == 200 and DOC_B in response.text
    assert answered_while_busy, "the graph waited for the SPARQL worker"
    assert slow[0].status_code == 503


def test_a_repeated_question_is_answered_once_per_generation(fresh_app: Callable[..., TestClient]) -> None:
    client = fresh_app(token=TOKEN, workers=1, client_queries=3, query_timeout=4)
    first = _count(client.get("/sparql", params={"query": COUNT}))
    thread, _ = _hold_the_only_worker(client)
    again = client.get("/sparql", params={"query": COUNT})
    answered_while_busy = thread.is_alive()
    fresh_thread, fresh = _in_background(client, COUNT, {"Cache-Control": "no-cache"})
    fresh_thread.join(0.3)
    fresh_waited_for_the_worker = fresh_thread.is_alive()
    thread.join(30)
    fresh_thread.join(30)
    assert again.status_code == 200 and answered_while_busy
    assert _count(again) == first
    assert fresh_waited_for_the_worker  # (then answered, or 503 if the worker's replacement came late)
    assert fresh[0].status_code in (200, 503)
    # a write moves the generation: the kept answer goes
    insert = 'INSERT DATA { GRAPH <urn:zonekg:test> { <urn:x> rdfs:label "测试"@zh } }'
    assert client.post("/sparql", data={"update": insert}, headers=bearer()).status_code == 204
    assert _count(client.get("/sparql", params={"query": COUNT})) == first + 1


def test_a_short_query_answers_while_long_ones_run(fresh_app: Callable[..., TestClient]) -> None:
    client = fresh_app(workers=2, client_queries=3, query_timeout=3)
    _both_workers_up(client)
    texts = [f"{SLOW} # {n}" for n in range(2)]
    first_runs = [_in_background(client, text) for text in texts]  # unknown yet: both take a worker
    for thread, out in first_runs:
        thread.join(30)
        assert out[0].status_code == 503
    _both_workers_up(client)  # the two stopped workers' replacements
    long_ones = [_in_background(client, text) for text in texts]  # now known to be long
    long_ones[0][0].join(0.5)
    short = client.get("/sparql", params={"query": "ASK { ?s zk:leadAgency ?o }"})
    answered_while_long_ran = any(thread.is_alive() for thread, _ in long_ones)
    for thread, _ in long_ones:
        thread.join(30)
    assert short.status_code == 200 and short.json()["boolean"] is True
    assert answered_while_long_ran
    assert [out[0].status_code for _, out in long_ones] == [503, 503]
    details = [out[0].json()["detail"] for _, out in long_ones]
    # one ran to its limit while the other waited for the lane; when the first's stop and the
    # second's wait end at the same moment, the second takes the lane with no time left, and
    # is stopped at the limit too (a busy machine's race, both are the lane working)
    assert any("kept for short queries" in d for d in details) or all("time limit of 3 s" in d for d in details)


def _both_workers_up(client: TestClient) -> None:
    """Two queries at once until both are answered: each worker has started (a busy machine
    may take longer than the time limit to start one, so the first tries may be 503)."""
    for _ in range(10):
        asked = [_in_background(client, "ASK {}", {"Cache-Control": "no-cache"}) for _ in range(2)]
        for thread, _ in asked:
            thread.join(60)
        if all(out[0].status_code == 200 for _, out in asked):
            return
    raise AssertionError("the query workers did not start")


def _count(response: Response) -> int:
    assert response.status_code == 200, response.text
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


def test_a_long_querys_endpoints_are_checked_off_the_event_loop(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    """The check reads every token (about 15 µs a character): on the event loop a 13 MB query
    held every other client for over a minute. Short queries are checked in place."""
    from zonekg.api.routes import sparql

    on_the_loop: list[bool] = []

    def check(*args: object) -> list:
        try:
            asyncio.get_running_loop()
            on_the_loop.append(True)
        except RuntimeError:
            on_the_loop.append(False)
        return sparql_text.check_endpoints(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(sparql, "check_endpoints", check)
    long_query = "SELECT * WHERE { ?s ?p ?o } LIMIT 1 #" + "x" * sparql.CHECK_AT_ONCE
    for query in ("ASK {}", long_query):  # asked afresh: a kept answer was checked when it ran
        assert client.post("/sparql", content=query, headers={"Content-Type": "application/sparql-query",
                                                              "Cache-Control": "no-cache"}).status_code == 200
    assert on_the_loop == [True, False]
