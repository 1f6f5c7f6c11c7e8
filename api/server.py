"""How the HTTP server runs the app: uvicorn's httptools parser, connection timeouts and a
bounded shutdown.

The parser is llhttp (uvicorn's ``HttpToolsProtocol``): 0.1 ms a request less than h11, a
third of a sub-millisecond answer's time in the server (``bench/request_path.py``'s floors).
It has no bound of its own on a request head, keeps no state this module can read for its
deadlines, and answers what it refuses in plain text; :class:`GuardedProtocol` adds each of
those from the parser's callbacks:

uvicorn closes an idle keep-alive connection, but not one that sends part of a request head
and then nothing (nor one that connects and sends nothing), nor one that sends a body a byte a
second: a few hundred of those hold every file descriptor. :class:`GuardedProtocol` gives
each request head a deadline, and each body a deadline that moves on as the body arrives at a
minimum rate (as Apache's ``mod_reqtimeout`` does): a body too slow is answered 408 while
the app still waits for it, and its connection closed in any case. The other way, a client
that reads nothing of an answer once the buffers are full is dropped after the same body
timeout (it held the connection and the answer in memory for as long as it liked). Each client (IP address)
holds at most ``client_connections`` connections at once, so one client's slow connections
cannot take every file descriptor: one more is answered 429 and closed (behind a reverse
proxy every client has the proxy's address; raise the limit there). On SIGTERM
uvicorn waits for running requests; :data:`SHUTDOWN_GRACE` bounds that wait, after which the
service closes, which kills its query workers and extraction children, so a request waiting
on one ends at once and the process exits within seconds.

A request head the parser refuses (bytes that are no HTTP, a body framed both by length and
by chunks, an HTTP/1.1 request without ``Host``) is a 400 problem that gives the parser's
reason; a head over :data:`MAX_HEAD_BYTES` is a 414 or 431 problem (a request target under it
is the app's to bound: :mod:`zonekg.api.target_limit`).
"""
from __future__ import annotations

import asyncio
import sys
from collections import Counter
from typing import Any

import uvicorn
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from zonekg.api.problems import PROBLEM_JSON, problem
from zonekg.api.settings import Settings
from zonekg.api.target_limit import MAX_TARGET_BYTES

SHUTDOWN_GRACE = 3
"""Seconds running requests get to finish after SIGTERM or Ctrl+C."""

MAX_HEAD_BYTES = 4 * MAX_TARGET_BYTES
"""The most of an unfinished request head (request line and headers) a connection holds:
room for the longest target the app answers and for headers, a bound on memory per connection.
Counted per read from the socket, so a head may pass it by the rest of the read that ended
the request before it (the first read of a connection or after an answer counts whole)."""


class HeadRefused(ValueError):
    """A request head the parser read but HTTP/1.1 does not allow (raised in its callback)."""


def unreadable_head(error: BaseException | None) -> tuple[int, str, str]:
    """Status, title and detail for a request head the parser refused with ``error`` (its own
    error, or one a callback of ours raised in it, which the parser's error holds as context)."""
    reason = error.__context__ if isinstance(error, Exception) and isinstance(error.__context__, HeadRefused) else error
    return 400, "Bad Request", f"not a valid HTTP/1.1 request: {str(reason or 'unreadable').split(':')[0]}"


def head_too_large(line_ended: bool) -> tuple[int, str, str]:
    """Status, title and detail for a head over :data:`MAX_HEAD_BYTES`: the request line's
    fault while it has not ended (414), else the headers' (431)."""
    if not line_ended:
        return 414, "URI Too Long", (f"the request line is over {MAX_HEAD_BYTES:,} bytes; the path and "
                                     f"query may be {MAX_TARGET_BYTES:,} (a long SPARQL query goes in a POST body)")
    return 431, "Request Header Fields Too Large", f"the request's headers are over {MAX_HEAD_BYTES:,} bytes"


class GuardedProtocol(HttpToolsProtocol):
    """uvicorn's HTTP/1.1 protocol, closing a connection whose request head is not complete
    ``header_timeout`` seconds after the connection opened or the previous response ended
    (trickling bytes does not move the deadline), or whose request body is not complete
    ``body_timeout`` seconds after its head, plus a second for every ``body_min_rate`` bytes
    received (time while the server itself does not read is not counted). Where a request
    stands is followed by the parser's callbacks: a head awaited from the connection's start
    and from the end of the previous request's body to its own end, a body from there on."""

    header_timeout: float = 10.0
    body_timeout: float = 20.0
    body_min_rate: float = 500.0
    client_connections: int = 128
    open_by_client: Counter[str] = Counter()
    """Connections open per client address; :func:`server_config` gives each server its own."""

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._head_deadline: asyncio.TimerHandle | None = None
        self._body_deadline: asyncio.TimerHandle | None = None
        self._write_deadline: asyncio.TimerHandle | None = None
        self._body_since, self._body_received = 0.0, 0
        self._awaiting_head, self._in_body = True, False
        self._head_bytes, self._line_ended = 0, False
        self._address = self.client[0] if self.client else None
        if self._address is not None and self.open_by_client[self._address] >= self.client_connections:
            self._address = None  # not counted: it gives no place back
            self._answer_and_close(429, "Too Many Requests", (
                f"this client already has {self.client_connections} connections open (ZONEKG_CLIENT_CONNECTIONS); "
                "reuse one (keep-alive) or wait for one to close"), b"retry-after: 1\r\n")
            return
        if self._address is not None:
            self.open_by_client[self._address] += 1
        self._arm_head_deadline()

    def _arm_head_deadline(self) -> None:
        self._cancel("_head_deadline")
        self._head_deadline = self.loop.call_later(self.header_timeout, self._head_too_slow)

    def _cancel(self, deadline: str) -> None:
        """Cancel the timer held in the attribute ``deadline`` (the head's or the body's), if any."""
        handle = getattr(self, deadline, None)
        if handle is not None:
            handle.cancel()
            setattr(self, deadline, None)

    def _head_too_slow(self) -> None:
        self._head_deadline = None
        if self._awaiting_head and not self.transport.is_closing():
            self.transport.close()

    def _watch_body(self, received: int) -> None:
        """Arm the body's deadline when a head with a body is complete, count what arrives,
        disarm it when the body is complete."""
        if not self._in_body:
            self._cancel("_body_deadline")
        elif self._body_deadline is None:
            self._body_since, self._body_received = self.loop.time(), 0
            self._body_deadline = self.loop.call_later(self.body_timeout, self._body_due)
        else:
            self._body_received += received

    def _body_due(self) -> None:
        """The body's deadline came: moved on by what arrived since, or the body is too slow."""
        self._body_deadline = None
        if not self._in_body or self.transport.is_closing():
            return
        now = self.loop.time()
        if self.flow.read_paused:  # the app has not taken what came: the wait is the server's
            self._body_since, self._body_received = now, 0
        due = self._body_since + self.body_timeout + self._body_received / self.body_min_rate
        if now < due:
            self._body_deadline = self.loop.call_later(due - now, self._body_due)
            return
        if self.cycle is not None and not self.cycle.response_started:
            self._answer_and_close(408, "Request Timeout", (
                f"the request body came slower than {self.body_min_rate:g} bytes a second after the first "
                f"{self.body_timeout:g} s (ZONEKG_BODY_TIMEOUT, ZONEKG_BODY_MIN_RATE); send it at once"))
            self.cycle.disconnected = True  # the app waiting for the body is told the client left
            self.cycle.message_event.set()
        else:
            self.transport.close()

    def data_received(self, data: bytes) -> None:
        if self._awaiting_head:
            self._head_bytes += len(data)
            self._line_ended = self._line_ended or b"\n" in data
        super().data_received(data)
        if self.transport.is_closing():
            return
        if self._awaiting_head and self._head_bytes > MAX_HEAD_BYTES:
            self._answer_and_close(*head_too_large(self._line_ended))
            return
        self._watch_body(len(data))

    def on_headers_complete(self) -> None:
        self._cancel("_head_deadline")
        self._awaiting_head, self._in_body = False, True
        self._head_bytes, self._line_ended = 0, False
        if self.parser.get_http_version() == "1.1" and not any(name == b"host" for name, _ in self.headers):
            raise HeadRefused("no Host header (RFC 9112 §3.2)")
        super().on_headers_complete()

    def on_message_complete(self) -> None:
        self._awaiting_head, self._in_body = True, False
        super().on_message_complete()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing():
            self._arm_head_deadline()

    def pause_writing(self) -> None:
        """The buffers towards the client are full: it has ``body_timeout`` seconds to read."""
        super().pause_writing()
        self._cancel("_write_deadline")
        self._write_deadline = self.loop.call_later(self.body_timeout, self.transport.abort)

    def resume_writing(self) -> None:
        super().resume_writing()
        self._cancel("_write_deadline")

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel("_head_deadline")
        self._cancel("_body_deadline")
        self._cancel("_write_deadline")
        if self._address is not None:
            self.open_by_client[self._address] -= 1
            if not self.open_by_client[self._address]:
                del self.open_by_client[self._address]
        super().connection_lost(exc)

    def send_400_response(self, msg: str) -> None:
        """uvicorn's answer to a head the parser refused (called while it handles the parser's
        error), as a problem that gives the parser's reason; the connection then closes."""
        self._answer_and_close(*unreadable_head(sys.exception()))

    def _answer_and_close(self, status: int, title: str, detail: str, headers: bytes = b"") -> None:
        """Answer with a problem from the protocol itself, the app not asked, and close."""
        body = bytes(problem(status, title, detail).body)
        head = (f"HTTP/1.1 {status} {title}\r\ncontent-type: {PROBLEM_JSON}\r\ncontent-length: {len(body)}\r\n"
                "connection: close\r\n").encode() + headers + b"\r\n"
        self.transport.write(head + body)
        self.transport.close()


def server_config(app: Any, settings: Settings, **options: Any) -> uvicorn.Config:
    """uvicorn's configuration for ``app``: the guarded protocol, the keep-alive and header
    timeouts of ``settings``, a bounded shutdown; ``options`` pass through (host, port…)."""
    protocol = type("Protocol", (GuardedProtocol,), {
        "header_timeout": settings.header_timeout, "body_timeout": settings.body_timeout,
        "body_min_rate": settings.body_min_rate, "client_connections": settings.client_connections,
        "open_by_client": Counter()})
    return uvicorn.Config(
        app,
        http=protocol,
        timeout_keep_alive=settings.keep_alive,  # type: ignore[arg-type]
        timeout_graceful_shutdown=SHUTDOWN_GRACE,
        **{"log_level": "warning", **options},
    )
