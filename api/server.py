"""How the HTTP server runs the app: connection timeouts and a bounded shutdown.

uvicorn closes an idle keep-alive connection, but not one that sends part of a request head
and then nothing (nor one that connects and sends nothing), nor one that sends a body a byte a
second: a few hundred of those hold every file descriptor. :class:`GuardedH11Protocol` gives
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

A request head h11 cannot read was answered by uvicorn in plain text, always 400; it is a
problem here, 414 or 431 when the head is over :data:`MAX_HEAD_BYTES` (a request target under
it is the app's to bound: :mod:`zonekg.api.target_limit`).
"""
from __future__ import annotations

import asyncio
import sys
from collections import Counter
from typing import Any

import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from zonekg.api.problems import PROBLEM_JSON, problem
from zonekg.api.settings import Settings
from zonekg.api.target_limit import MAX_TARGET_BYTES

SHUTDOWN_GRACE = 3
"""Seconds running requests get to finish after SIGTERM or Ctrl+C."""

MAX_HEAD_BYTES = 4 * MAX_TARGET_BYTES
"""The most of an unfinished request head (request line and headers) a connection holds:
room for the longest target the app answers and for headers, a bound on memory per connection."""


def unreadable_head(error: BaseException | None, received: bytes) -> tuple[int, str, str]:
    """Status, title and detail for a request head h11 refused with ``error``, ``received``
    being what it holds of the head."""
    if getattr(error, "error_status_hint", 400) == 431:  # h11: the head passed its buffer
        if b"\r\n" not in received:
            return 414, "URI Too Long", (f"the request line is over {MAX_HEAD_BYTES:,} bytes; the path and "
                                         f"query may be {MAX_TARGET_BYTES:,} (a long SPARQL query goes in a POST body)")
        return 431, "Request Header Fields Too Large", f"the request's headers are over {MAX_HEAD_BYTES:,} bytes"
    reason = str(error or "unreadable").split(":")[0]  # h11's words, not the bytes it quotes after them
    return 400, "Bad Request", f"not a valid HTTP/1.1 request: {reason}"


class GuardedH11Protocol(H11Protocol):
    """uvicorn's HTTP/1.1 protocol, closing a connection whose request head is not complete
    ``header_timeout`` seconds after the connection opened or the previous response ended
    (trickling bytes does not move the deadline), or whose request body is not complete
    ``body_timeout`` seconds after its head, plus a second for every ``body_min_rate`` bytes
    received (time while the server itself does not read is not counted)."""

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
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            self.transport.close()

    def _watch_body(self, received: int) -> None:
        """Arm the body's deadline when a head with a body is complete, count what arrives,
        disarm it when the body is complete."""
        if self.conn.their_state is not h11.SEND_BODY:
            self._cancel("_body_deadline")
        elif self._body_deadline is None:
            self._body_since, self._body_received = self.loop.time(), 0
            self._body_deadline = self.loop.call_later(self.body_timeout, self._body_due)
        else:
            self._body_received += received

    def _body_due(self) -> None:
        """The body's deadline came: moved on by what arrived since, or the body is too slow."""
        self._body_deadline = None
        if self.conn.their_state is not h11.SEND_BODY or self.transport.is_closing():
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
        super().data_received(data)
        if self.conn.their_state is not h11.IDLE:
            self._cancel("_head_deadline")
        if not self.transport.is_closing():
            self._watch_body(len(data))

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
        """uvicorn's answer to a head h11 refused (called while it handles h11's error), as a
        problem with the status that error means; the connection then closes."""
        self._answer_and_close(*unreadable_head(sys.exception(), self.conn.trailing_data[0]))

    def _answer_and_close(self, status: int, title: str, detail: str, headers: bytes = b"") -> None:
        """Answer with a problem from the protocol itself, the app not asked, and close. Written
        as bytes, not through h11, which sends no response before a request has come."""
        body = bytes(problem(status, title, detail).body)
        head = (f"HTTP/1.1 {status} {title}\r\ncontent-type: {PROBLEM_JSON}\r\ncontent-length: {len(body)}\r\n"
                "connection: close\r\n").encode() + headers + b"\r\n"
        self.transport.write(head + body)
        self.transport.close()


def server_config(app: Any, settings: Settings, **options: Any) -> uvicorn.Config:
    """uvicorn's configuration for ``app``: the guarded protocol, the keep-alive and header
    timeouts of ``settings``, a bounded shutdown; ``options`` pass through (host, port…)."""
    protocol = type("Protocol", (GuardedH11Protocol,), {
        "header_timeout": settings.header_timeout, "body_timeout": settings.body_timeout,
        "body_min_rate": settings.body_min_rate, "client_connections": settings.client_connections,
        "open_by_client": Counter()})
    return uvicorn.Config(
        app,
        http=protocol,
        timeout_keep_alive=settings.keep_alive,  # type: ignore[arg-type]
        h11_max_incomplete_event_size=MAX_HEAD_BYTES,
        timeout_graceful_shutdown=SHUTDOWN_GRACE,
        **{"log_level": "warning", **options},
    )
