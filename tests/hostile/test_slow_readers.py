"""A client that reads nothing of a large answer does not hold its connection (and the answer
in the server's memory) for ever: once the server cannot write more, the client has the body
timeout to take some of it, or the connection is dropped. A client that reads gets it whole."""
from __future__ import annotations

import socket
import time
from collections.abc import Callable
from urllib.parse import quote

from live_server import LiveServer

LONG = "FILTER(isLiteral(?{0}) && STRLEN(?{0}) > 30)"
LARGE = ("SELECT ?a ?b ?c WHERE { ?x ?p ?a " + LONG.format("a") + " ?y ?q ?b " + LONG.format("b")
         + " ?z ?r ?c " + LONG.format("c") + " } LIMIT 10000")
"""About 8 MB as XML on the two samples: more than the kernel's buffers on both ends hold."""


def ask(server: LiveServer, receive_buffer: int | None = None) -> socket.socket:
    sock = socket.socket()
    if receive_buffer:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, receive_buffer)
    sock.settimeout(60)
    sock.connect(("127.0.0.1", server.port))
    sock.sendall(f"GET /sparql?format=xml&query={quote(LARGE)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                 .encode())
    return sock


def read_all(sock: socket.socket) -> tuple[int, int]:
    """The answer's declared length and the bytes of it that came before the connection ended."""
    received = b""
    try:
        while chunk := sock.recv(1 << 20):
            received += chunk
    except ConnectionResetError:
        pass
    sock.close()
    head, _, body = received.partition(b"\r\n\r\n")
    length = next(int(line.split(b":")[1]) for line in head.split(b"\r\n") if line.lower().startswith(b"content-length"))
    return length, len(body)


def test_a_client_reading_nothing_is_dropped_and_a_reading_one_gets_it_all(
        start_server: Callable[..., LiveServer]) -> None:
    server = start_server(ZONEKG_BODY_TIMEOUT="1")
    length, whole = read_all(ask(server))
    assert whole == length > 4_000_000
    stalled = ask(server, receive_buffer=4096)
    time.sleep(12)  # reads nothing: the server fills the buffers, waits 1 s, drops it
    length, received = read_all(stalled)
    assert received < length
    with server.client() as client:
        assert client.get("/api/health").status_code == 200
