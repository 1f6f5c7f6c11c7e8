"""Connections that send part of a request head, or nothing, are closed after the header
timeout; the server keeps answering others meanwhile."""
from __future__ import annotations

import socket
import time

from live_server import LiveServer


def test_partial_headers_are_cut_off_after_the_header_timeout(server: LiveServer) -> None:
    sockets = []
    for head in (b"GET /api/health HTTP/1.1\r\nHost: x\r\n", b"", b"GET /api/heal"):
        sock = socket.create_connection(("127.0.0.1", server.port), timeout=15)
        sock.sendall(head)
        sockets.append(sock)
    started = time.monotonic()
    with server.client() as client:
        assert client.get("/api/health").status_code == 200
    for sock in sockets:
        assert sock.recv(100) == b""  # closed by the server, well before our own 15 s timeout
        sock.close()
    assert time.monotonic() - started < 10  # the server's header timeout here is 1 s
