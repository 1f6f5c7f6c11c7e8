"""How the HTTP server runs the app: connection timeouts and a bounded shutdown.

uvicorn closes an idle keep-alive connection, but not one that sends part of a request head
and then nothing (nor one that connects and sends nothing): a few hundred of those hold every
file descriptor. :class:`GuardedH11Protocol` gives each request head a deadline. On SIGTERM
uvicorn waits for running requests; :data:`SHUTDOWN_GRACE` bounds that wait, after which the
service closes, which kills its query workers and extraction children, so a request waiting
on one ends at once and the process exits within seconds.
"""
from __future__ import annotations

import asyncio
from typing import Any

import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from zonekg.api.settings import Settings

SHUTDOWN_GRACE = 3
"""Seconds running requests get to finish after SIGTERM or Ctrl+C."""


class GuardedH11Protocol(H11Protocol):
    """uvicorn's HTTP/1.1 protocol, closing a connection whose request head is not complete
    ``header_timeout`` seconds after the connection opened or the previous response ended
    (trickling bytes does not move the deadline)."""

    header_timeout: float = 10.0

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._head_deadline: asyncio.TimerHandle | None = None
        self._arm_head_deadline()

    def _arm_head_deadline(self) -> None:
        self._cancel_head_deadline()
        self._head_deadline = self.loop.call_later(self.header_timeout, self._head_too_slow)

    def _cancel_head_deadline(self) -> None:
        if getattr(self, "_head_deadline", None) is not None:
            self._head_deadline.cancel()  # type: ignore[union-attr]
            self._head_deadline = None

    def _head_too_slow(self) -> None:
        self._head_deadline = None
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            self.transport.close()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self.conn.their_state is not h11.IDLE:
            self._cancel_head_deadline()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing():
            self._arm_head_deadline()

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel_head_deadline()
        super().connection_lost(exc)


def server_config(app: Any, settings: Settings, **options: Any) -> uvicorn.Config:
    """uvicorn's configuration for ``app``: the guarded protocol, the keep-alive and header
    timeouts of ``settings``, a bounded shutdown; ``options`` pass through (host, port…)."""
    protocol = type("Protocol", (GuardedH11Protocol,), {"header_timeout": settings.header_timeout})
    return uvicorn.Config(
        app,
        http=protocol,
        timeout_keep_alive=settings.keep_alive,  # type: ignore[arg-type]
        timeout_graceful_shutdown=SHUTDOWN_GRACE,
        **{"log_level": "warning", **options},
    )
