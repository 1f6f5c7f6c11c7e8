"""One client (an IP address) holds at most ZONEKG_CLIENT_CONNECTIONS connections at once: one
more is answered 429 at once and closed, instead of holding a file descriptor of its own as
long as the head and body deadlines allow (a few thousand slow connections held every
descriptor); connections the server closes, or the client does, give their places back."""
from __future__ import annotations

import json
import socket
from collections.abc import Callable

from live_server import LiveServer


def test_connections_past_the_cap_are_refused_and_places_come_back(start_server: Callable[..., LiveServer]) -> None:
    server = start_server(ZONEKG_CLIENT_CONNECTIONS="4", ZONEKG_HEADER_TIMEOUT="1")
    held = [socket.create_connection(("127.0.0.1", server.port), timeout=30) for _ in range(4)]
    for sock in held:
        sock.sendall(b"GET /api/health HTTP/1.1\r\nHost: x\r\n")  # a head that never ends
    with socket.create_connection(("127.0.0.1", server.port), timeout=30) as extra:
        received = b""
        while chunk := extra.recv(65536):
            received += chunk
    head, _, body = received.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 429"), received
    assert b"retry-after: " in head.lower() and b"connection: close" in head.lower()
    assert "ZONEKG_CLIENT_CONNECTIONS" in json.loads(body)["detail"]
    for sock in held:
        assert sock.recv(100) == b""  # cut off at the header timeout: their places are free again
        sock.close()
    with server.client() as client:
        assert all(client.get("/api/health").status_code == 200 for _ in range(3))
