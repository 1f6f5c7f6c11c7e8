"""The way of a read request through the app: no hop to a thread that does no work.

FastAPI runs a dependency written as a plain function on a worker thread, one hop there and
back per dependency and request (0.1–1 ms each on a busy machine, more than the dependency
itself); three of them were half the time of a one-entity question. Counted here by wrapping
the one door every hop goes through (``anyio.to_thread.run_sync``).
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import anyio.to_thread
import pytest
from fastapi.testclient import TestClient

from api_corpus import HIGH_TECH


@pytest.fixture()
def hops(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The names of the functions run on a worker thread while the test runs."""
    ran: list[str] = []
    run_sync = anyio.to_thread.run_sync

    async def counted(func: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        ran.append(getattr(getattr(func, "func", func), "__qualname__", repr(func)))
        return await run_sync(func, *args, **kwargs)

    monkeypatch.setattr(anyio.to_thread, "run_sync", counted)
    yield ran


def _zone(client: TestClient) -> str:
    return next(z["id"] for z in client.get("/api/zones").json()["items"] if z["name"] == HIGH_TECH)


def test_a_request_refused_before_the_route_reads_takes_no_thread(client: TestClient, hops: list[str]) -> None:
    zone = _zone(client)
    hops.clear()
    assert client.get("/api/triples", params={"s": zone}, headers={"Accept": "text/html"}).status_code == 406
    assert client.get("/api/triples", params=[("s", zone), ("s", zone)]).status_code == 400
    assert client.get("/api/projects", params={"limit": 0}).status_code == 422
    assert hops == []


def test_a_list_takes_one_thread_for_its_read_alone(client: TestClient, hops: list[str]) -> None:
    client.get("/api/projects", params={"lead": "经发局"})
    hops.clear()
    assert client.get("/api/projects", params={"lead": "经发局"}).json()["total"] >= 1
    assert len(hops) == 1, hops


def test_a_small_triples_page_takes_no_thread_and_a_large_one_takes_one(client: TestClient, hops: list[str]) -> None:
    """A page of a few hundred index entries is read on the event loop; a longer one, or a
    literal matched by its text (a FILTER: its cost depends on the data), on a thread."""
    zone = _zone(client)
    client.get("/api/triples", params={"s": zone, "limit": 5})  # a thread opens the snapshot after a start or write
    hops.clear()
    small = client.get("/api/triples", params={"s": zone, "limit": 5})
    assert small.status_code == 200 and small.json()["items"] and hops == []
    large = client.get("/api/triples", params={"s": zone, "limit": 5, "offset": 1000})
    assert large.status_code == 200 and hops == ["Catalog.triples"]
    hops.clear()
    assert client.get("/api/triples", params={"o": '"经发局"', "limit": 5}).status_code == 200
    assert hops == ["Catalog.triples"]
    items, more = client.app.state.service.catalog.triples(zone, None, None, 5, 0)  # as a thread reads it
    assert small.json()["items"] == items and (small.json()["next"] is not None) == more


def test_health_and_the_document_list_take_no_thread(client: TestClient, hops: list[str]) -> None:
    """Both are read from the read model in memory; the list's count is health's count."""
    documents = client.get("/api/documents", params={"limit": 2})
    health = client.get("/api/health")
    assert documents.status_code == 200 and health.status_code == 200 and hops == []
    assert health.json()["documents"] == documents.json()["total"] >= 2 == len(documents.json()["items"])


def test_a_kept_sparql_answer_takes_no_thread(client: TestClient, hops: list[str]) -> None:
    """A kept answer is found on the event loop; its query's endpoints were checked when it ran."""
    ask = {"query": f"SELECT ?p ?o WHERE {{ <{_zone(client)}> ?p ?o }}"}
    first = client.post("/sparql", data=ask)
    hops.clear()
    again = client.post("/sparql", data=ask)
    assert again.status_code == 200 and again.content == first.content
    assert hops == []
    assert client.post("/sparql", data=ask, headers={"Cache-Control": "no-cache"}).content == first.content
    assert "SparqlAnswers.run" in hops


def test_the_routes_are_looked_at_once_per_method_and_path(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    """The methods middleware's look at the routes (as long as the router's own match) is kept."""
    from zonekg.api import methods

    looks: list[str] = []
    real = methods.taken
    monkeypatch.setattr(methods, "taken", lambda routes, scope: looks.append(scope["path"]) or real(routes, scope))
    path = f"/api/zones/{_zone(client).split('/id/', 1)[1]}"
    for _ in range(3):
        assert client.get(path).status_code == 200
        assert client.put(path).status_code == 405
    assert looks.count(path) <= 2 + len(methods.ORDER)  # once: the GET's look; the PUT's, then every method's
    assert client.get(path + "x").status_code == 404  # another path is looked at
    assert looks[-1] == path + "x"


def test_a_routes_parameters_are_read_from_its_declaration_once(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    from zonekg.api import parameters

    walks: list[object] = []
    real = parameters.declared
    monkeypatch.setattr(parameters, "declared", lambda dependant: walks.append(dependant) or real(dependant))
    monkeypatch.setattr(parameters, "_DECLARED", {})
    assert client.get("/api/health").status_code == 200
    first = len(walks)  # the route's dependant and those of its dependencies
    for _ in range(3):
        assert client.get("/api/health").status_code == 200
        assert client.get("/api/health", params={"limit": 1}).status_code == 400  # still checked
    assert first >= 1 and len(walks) == first
