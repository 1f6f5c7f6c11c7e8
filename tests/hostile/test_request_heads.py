"""Request heads the server cannot or will not take are answered with a problem over the real
socket, never uvicorn's plain-text 400: a long target is a 414 from the app (with the limit and
what to do), a head over the server's cap a 414 or 431 from the server, and bytes that are no
HTTP a 400; each closes its connection and the server answers others after it."""
from __future__ import annotations

import json
import socket

import pytest

from live_server import LiveServer
from zonekg.api.server import MAX_HEAD_BYTES
from zonekg.api.target_limit import MAX_TARGET_BYTES


def exchange(server: LiveServer, data: bytes) -> tuple[int, dict[str, str], dict]:
    """Send ``data`` on a new connection and read until the server closes it: the status,
    the headers and the JSON body of its answer."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=30) as sock:
        try:
            sock.sendall(data)
        except OSError:
            pass  # the server may answer and close before it has read everything
        received = b""
        while chunk := sock.recv(65536):
            received += chunk
    head, _, body = received.partition(b"\r\n\r\n")
    status_line, *lines = head.decode("latin-1").split("\r\n")
    headers = {name.lower(): value.strip() for name, _, value in (line.partition(":") for line in lines)}
    return int(status_line.split()[1]), headers, json.loads(body)


def request(target: bytes, *headers: bytes, end: bytes = b"\r\n") -> bytes:
    return b"GET " + target + b" HTTP/1.1\r\nHost: x\r\n" + b"".join(h + b"\r\n" for h in headers) + end


def assert_problem(answer: tuple[int, dict[str, str], dict], status: int, *words: str) -> None:
    code, headers, body = answer
    assert code == status, body
    assert headers["content-type"] == "application/problem+json"
    assert headers["connection"] == "close"
    assert body["status"] == status and all(word in body["detail"] for word in words), body


def test_a_long_target_is_a_414_that_says_the_limit(server: LiveServer) -> None:
    target = b"/api/search?q=" + b"a" * MAX_TARGET_BYTES
    assert_problem(exchange(server, request(target)), 414, f"{MAX_TARGET_BYTES:,}", "POST")
    just_in = b"/api/search?q=" + b"a" * (MAX_TARGET_BYTES - len(b"/api/search?q="))
    with server.client() as client:
        assert client.get(just_in.decode()).status_code == 200


def test_a_request_line_over_the_servers_cap_is_a_414(server: LiveServer) -> None:
    """No end of line ever comes: the server answers once it holds its cap, not at the end."""
    never_ending = b"GET /api/search?q=" + b"a" * (MAX_HEAD_BYTES + 1024)
    assert_problem(exchange(server, never_ending), 414, f"{MAX_HEAD_BYTES:,}")


def test_headers_over_the_servers_cap_are_a_431(server: LiveServer) -> None:
    many = [b"X-Filler-%d: %s" % (i, b"b" * 1000) for i in range(MAX_HEAD_BYTES // 1000 + 8)]
    assert_problem(exchange(server, request(b"/api/health", *many, end=b"")), 431, f"{MAX_HEAD_BYTES:,}")


@pytest.mark.parametrize("head", [
    b"\x01\x02 / HTTP/1.1\r\n\r\n",
    "GET /api/search?q=高新区 HTTP/1.1\r\nHost: x\r\n\r\n".encode(),  # not percent-encoded
    b"GET /api/health HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n",
    b"GET /api/health HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n",
    b"GET /api/health HTTP/1.1\nHost: x\n\n",
], ids=["control bytes", "raw UTF-8 target", "header without colon", "folded header", "bare line feeds"])
def test_bytes_that_are_no_http_are_a_400_problem(server: LiveServer, head: bytes) -> None:
    assert_problem(exchange(server, head), 400, "not a valid HTTP/1.1 request")
    with server.client() as client:
        assert client.get("/api/health").status_code == 200


def test_an_http_1_1_request_without_host_is_a_400_and_an_http_1_0_one_is_answered(server: LiveServer) -> None:
    """RFC 9112 §3.2: a server must refuse an HTTP/1.1 request without ``Host`` (h11 did; the
    parser the server runs now does not, so the server checks it)."""
    assert_problem(exchange(server, b"GET /api/health HTTP/1.1\r\n\r\n"), 400, "Host")
    with socket.create_connection(("127.0.0.1", server.port), timeout=30) as sock:
        sock.sendall(b"GET /api/health HTTP/1.0\r\n\r\n")
        assert sock.recv(100).startswith(b"HTTP/1.1 200")


@pytest.mark.parametrize("framing", [
    (b"Content-Length: 5", b"Content-Length: 6"),
    (b"Transfer-Encoding: chunked, gzip",),
], ids=["two lengths", "chunked not last"])
def test_a_body_framed_ambiguously_is_a_400(server: LiveServer, framing: tuple[bytes, ...]) -> None:
    """Framings a proxy and this server could read differently (RFC 9112 §6.1, §6.3)."""
    head = request(b"/sparql", b"Content-Type: application/sparql-query", *framing).replace(b"GET", b"POST", 1)
    assert_problem(exchange(server, head + b"ASK{}\r\n"), 400, "not a valid HTTP/1.1 request")
    with server.client() as client:
        assert client.get("/api/health").status_code == 200


def test_a_body_framed_both_by_length_and_by_chunks_is_a_400(server: LiveServer) -> None:
    """RFC 9112 §6.3: both headers may be an attempt at request smuggling (a proxy that reads
    the length and a server that reads the chunks see different requests); it was answered."""
    head = request(b"/sparql", b"Content-Type: application/sparql-query", b"Content-Length: 5",
                   b"Transfer-Encoding: chunked").replace(b"GET", b"POST", 1)
    assert_problem(exchange(server, head + b"5\r\nASK{}\r\n0\r\n\r\n"), 400, "Content-Length", "Transfer-Encoding")
