"""SSRF: every way of writing a remote call reaches a listener of ours when Oxigraph runs it
unchecked, and none reaches it through the server."""
from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pyoxigraph as ox
import pytest

from live_server import TOKEN, LiveServer


class Listener:
    """A TCP listener on loopback that counts the connections it gets."""

    def __init__(self) -> None:
        self.socket = socket.create_server(("127.0.0.1", 0))
        self.socket.settimeout(0.2)
        self.url = f"http://127.0.0.1:{self.socket.getsockname()[1]}/"
        self.hits = 0
        self._running = True
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while self._running:
            try:
                connection, _ = self.socket.accept()
            except (TimeoutError, OSError):
                continue
            self.hits += 1
            connection.close()

    def close(self) -> None:
        self._running = False
        self._thread.join(2)
        self.socket.close()


@pytest.fixture()
def listener() -> Iterator[Listener]:
    own = Listener()
    yield own
    own.close()


def variants(u: str) -> dict[str, str]:
    return {
        "plain": f"SELECT * WHERE {{ SERVICE <{u}a?x=y> {{ ?s ?p ?o }} }}",
        "glued keyword and name": f"PREFIX e: <{u}> SELECT * WHERE {{ SERVICEe:b {{ ?s ?p ?o }} }}",
        "glued SILENT": f"SELECT * WHERE {{ SERVICESILENT<{u}c> {{ ?s ?p ?o }} }}",
        "relative to BASE": f"BASE <{u}> SELECT * WHERE {{ service <d> {{ ?s ?p ?o }} }}",
        "escaped IRI": "SELECT * WHERE { SERVICE <\\u0068" + u[1:] + "e> { ?s ?p ?o } }",
        "nested": f"SELECT * WHERE {{ SERVICE <{u}f> {{ SERVICE <{u}g> {{ ?s ?p ?o }} }} }}",
        "in EXISTS": f"ASK {{ FILTER EXISTS {{ SERVICE <{u}h> {{ ?s ?p ?o }} }} }}",
    }


def _hit_directly(query: str, listener: Listener) -> bool:
    before = listener.hits
    try:
        result = ox.Store().query(query)
        if not isinstance(result, ox.QueryBoolean):
            list(result)
    except (OSError, RuntimeError, SyntaxError):
        pass
    time.sleep(0.3)
    return listener.hits > before


def test_no_remote_call_reaches_our_listener(server: LiveServer, listener: Listener) -> None:
    with server.client() as client:
        for name, query in variants(listener.url).items():
            assert _hit_directly(query, listener), f"{name}: not a real call, the test proves nothing"
            before = listener.hits
            response = client.get("/sparql", params={"query": query})
            time.sleep(0.3)
            assert response.status_code == 403, (name, response.text)
            assert listener.hits == before, name
        load = client.post("/sparql", content=f"LOAD <{listener.url}x>",
                           headers={"Content-Type": "application/sparql-update", "Authorization": f"Bearer {TOKEN}"})
        assert load.status_code == 403 and listener.hits == before
