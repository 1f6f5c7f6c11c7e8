"""Request targets bounded: 414 for a path and query over :data:`MAX_TARGET_BYTES`.

Without it the limit was the HTTP parser's on the whole request head (16 KiB in h11), answered
with a plain-text 400 that said nothing of why. The server now holds heads up to
:data:`zonekg.api.server.MAX_HEAD_BYTES`, so a long target reaches the app, which says what
the limit is and what to do instead (a long SPARQL query goes in a POST body); a head over
that cap is answered by the server itself (:class:`zonekg.api.server.GuardedProtocol`).
"""
from __future__ import annotations

from zonekg.api.body_limit import ASGIApp, Receive, Scope, Send
from zonekg.api.problems import problem

MAX_TARGET_BYTES = 16 * 1024
"""The longest request target (path and query, percent-encoded) answered: what h11 let
through before, and twice the 8,000 octets RFC 9110 §4.1 asks every server to take."""


def target_bytes(scope: Scope) -> int:
    """The request target's length as sent (``raw_path`` keeps its percent-encoding)."""
    path = scope.get("raw_path") or scope["path"].encode()
    query = scope.get("query_string", b"")
    return len(path) + (len(query) + 1 if query else 0)


class TargetLimit:
    """ASGI middleware answering 414 for a request target over ``max_bytes``."""

    def __init__(self, app: ASGIApp, max_bytes: int = MAX_TARGET_BYTES) -> None:
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and (length := target_bytes(scope)) > self.max_bytes:
            response = problem(
                414, "URI Too Long",
                f"the request's path and query are {length:,} bytes, over the limit of {self.max_bytes:,}; "
                "send a long SPARQL query or update in the body of a POST to /sparql instead",
                {"Connection": "close"})
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)
