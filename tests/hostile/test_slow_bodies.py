"""A request body sent slower than the server's minimum rate is cut off over a real socket: a
408 problem when the app is still waiting for it, the connection closed when the answer has
gone; other clients are answered meanwhile, and a body that keeps the rate is read whole."""
from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Callable, Iterator

import pytest

from live_server import LiveServer

QUERY_HEAD = b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\nContent-Length: %d\r\nConnection: close\r\n\r\n"


@pytest.fixture()
def slow_server(start_server: Callable[..., LiveServer]) -> LiveServer:
    return start_server(ZONEKG_BODY_TIMEOUT="1", ZONEKG_BODY_MIN_RATE="500")


def trickle(sock: socket.socket, body: bytes, piece: int, pause: float) -> Iterator[None]:
    """Send ``body`` ``piece`` bytes at a time, ``pause`` seconds apart, until it is sent or
    the server closes; yields after each piece."""
    for start in range(0, len(body), piece):
        try:
            sock.sendall(body[start:start + piece])
        except OSError:
            return
        yield
        time.sleep(pause)


def read_all(sock: socket.socket) -> bytes:
    received = b""
    try:
        while chunk := sock.recv(65536):
            received += chunk
    except ConnectionResetError:
        pass
    return received


def answer_of(received: bytes) -> tuple[int, dict[str, str], bytes]:
    head, _, body = received.partition(b"\r\n\r\n")
    status_line, *lines = head.decode("latin-1").split("\r\n")
    headers = {name.lower(): value.strip() for name, _, value in (line.partition(":") for line in lines)}
    return int(status_line.split()[1]), headers, body


def test_a_trickled_body_gets_408_while_others_are_answered(slow_server: LiveServer) -> None:
    body = b"SELECT * WHERE { ?s ?p ?o } LIMIT 1" + b" " * 65
    sock = socket.create_connection(("127.0.0.1", slow_server.port), timeout=30)
    sock.sendall(QUERY_HEAD % len(body))
    answered = []
    sender = threading.Thread(target=lambda: [answered.append(1) for _ in trickle(sock, body, 1, 0.1)])
    sender.start()
    with slow_server.client() as client:
        for _ in range(5):
            assert client.get("/api/health").status_code == 200
    received = read_all(sock)  # the server closes well before our 30 s timeout
    sender.join()
    sock.close()
    status, headers, payload = answer_of(received)
    assert status == 408, received
    assert headers["content-type"] == "application/problem+json"
    assert headers["connection"] == "close"
    assert "ZONEKG_BODY_TIMEOUT" in json.loads(payload)["detail"]
    assert len(answered) < len(body)  # cut off before the body was complete


def test_a_trickled_body_the_app_did_not_read_loses_its_connection(slow_server: LiveServer) -> None:
    sock = socket.create_connection(("127.0.0.1", slow_server.port), timeout=30)
    sock.sendall(b"GET /api/health HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n")
    sent = 0
    for _ in trickle(sock, b"x" * 100, 1, 0.1):
        sent += 1
    received = read_all(sock)
    sock.close()
    assert answer_of(received)[0] == 200  # answered at once, then closed for the body's trickle
    assert sent < 100


def test_a_body_sent_above_the_minimum_rate_is_read_whole(slow_server: LiveServer) -> None:
    padding = b"# " + b"x" * 8_000 + b"\n"
    body = padding + b"SELECT (1 AS ?one) WHERE {}"
    with socket.create_connection(("127.0.0.1", slow_server.port), timeout=30) as sock:
        sock.sendall(QUERY_HEAD % len(body))
        for _ in trickle(sock, body, 1_000, 0.2):  # 5,000 bytes/s for about 1.6 s: past the 1 s
            pass
        status, _, payload = answer_of(read_all(sock))
    assert status == 200, payload
    assert json.loads(payload)["results"]["bindings"][0]["one"]["value"] == "1"
