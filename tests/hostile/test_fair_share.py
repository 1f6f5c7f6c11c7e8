"""No one client stalls the rest (issue 10, point 2): the REST API has workers of its own, a
client past its share of the SPARQL workers gets 429 at once, a query past the memory cap is
stopped, and SIGTERM stops the server while queries run. Real server, real clients (each from
its own loopback address)."""
from __future__ import annotations

import threading
import time
from collections.abc import Callable

import httpx

from conftest import LiveServer

CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
SORTED_PRODUCT = "SELECT ?a ?c ?f WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f ?a"
QUICK = "ASK { ?p zk:leadAgency ?a }"


def client(served: LiveServer, ip: str) -> httpx.Client:
    """A client of ``served`` from ``ip`` (any of 127.0.0.0/8): each is another client to it."""
    return served.client(timeout=120, transport=httpx.HTTPTransport(local_address=ip))


class Hostile(threading.Thread):
    """A client sending one query and keeping the answer."""

    def __init__(self, served: LiveServer, ip: str, query: str) -> None:
        super().__init__(daemon=True)
        self.served, self.ip, self.query = served, ip, query
        self.response: httpx.Response | None = None

    def run(self) -> None:
        with client(self.served, self.ip) as http:
            self.response = http.post("/sparql", data={"query": self.query})


def started(served: LiveServer, ip: str, query: str) -> Hostile:
    hostile = Hostile(served, ip, query)
    hostile.start()
    hostile.join(1.5)  # long enough to reach a worker, far shorter than its time limit
    assert hostile.is_alive()
    return hostile


def test_rest_answers_while_hostile_queries_hold_every_sparql_worker(start_server: Callable[..., LiveServer]) -> None:
    served = start_server(ZONEKG_QUERY_TIMEOUT="30")
    hostile = [started(served, ip, CARTESIAN) for ip in ("127.0.0.2", "127.0.0.3")]
    with client(served, "127.0.0.4") as reader:
        for path in ("/api/projects", "/api/zones", "/api/agencies?q=局", "/api/documents", "/api/health"):
            assert reader.get(path).status_code == 200, path
    # the REST calls did not wait for a SPARQL worker: both hostile queries are still running
    assert all(h.is_alive() for h in hostile)


def test_a_client_past_its_share_gets_429_and_others_do_not(start_server: Callable[..., LiveServer]) -> None:
    served = start_server(ZONEKG_QUERY_TIMEOUT="30")
    hostile = started(served, "127.0.0.2", CARTESIAN)
    with client(served, "127.0.0.2") as same:
        response = same.post("/sparql", data={"query": QUICK})
    assert response.status_code == 429 and response.headers["retry-after"]
    assert response.headers["content-type"] == "application/problem+json"
    with client(served, "127.0.0.3") as other:
        assert other.post("/sparql", data={"query": QUICK}).status_code == 200
    assert hostile.is_alive()


def test_a_query_past_the_memory_cap_is_stopped_and_the_service_answers(
    start_server: Callable[..., LiveServer],
) -> None:
    served = start_server(ZONEKG_QUERY_TIMEOUT="60", ZONEKG_QUERY_MEMORY_MB="300")
    hostile = Hostile(served, "127.0.0.2", SORTED_PRODUCT)
    hostile.start()
    hostile.join(90)
    assert hostile.response is not None and hostile.response.status_code == 503
    assert "memory" in hostile.response.json()["detail"]
    with client(served, "127.0.0.2") as http:
        assert http.post("/sparql", data={"query": QUICK}).json()["boolean"] is True


def test_sigterm_stops_the_server_while_queries_run(start_server: Callable[..., LiveServer]) -> None:
    """The server exits long before the running queries' time limit (60 s) would end them."""
    served = start_server(ZONEKG_QUERY_TIMEOUT="60")
    for ip in ("127.0.0.2", "127.0.0.3"):
        started(served, ip, CARTESIAN)
    began = time.monotonic()
    served.stop()
    assert served.process.poll() is not None and time.monotonic() - began < 60 / 6
