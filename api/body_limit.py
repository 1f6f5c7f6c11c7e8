"""Request bodies bounded: 413 for a body over its limit, before it is read in full.

A declared ``Content-Length`` over the limit is answered at once, unread. A body sent without
one (chunked) is counted as it arrives and refused when it passes the limit, so memory and
disk never hold more than the limit. Uploads (``POST /api/documents``) have a limit of their
own; every other body (SPARQL queries and updates) has the general one.

A body in a content coding (``Content-Encoding: gzip``) is refused with 415 and
``Accept-Encoding: identity`` (RFC 9110 §8.4.1, §12.5.3): nothing here decodes one, so it was
read as if it were plain (a gzipped query was "not UTF-8"; a ``br`` one that was plain text ran).

A body framed both by ``Content-Length`` and by ``Transfer-Encoding`` is refused with 400 and
the connection closed (RFC 9112 §6.3): a proxy reading the one and this server the other would
see different requests on the same connection (request smuggling); h11 read the chunks.
"""
from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from zonekg.api.problems import problem
from zonekg.graph.errors import TooLarge

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

UPLOAD_PATH = "/api/documents"
MB = 1024 * 1024


class BodyLimit:
    """ASGI middleware refusing bodies over ``upload_bytes`` (uploads) or ``body_bytes``."""

    def __init__(self, app: ASGIApp, upload_bytes: int, body_bytes: int) -> None:
        self.app, self.upload_bytes, self.body_bytes = app, upload_bytes, body_bytes

    def _limit(self, scope: Scope) -> tuple[int, str, str]:
        if scope["method"] == "POST" and scope["path"].rstrip("/") == UPLOAD_PATH:
            return self.upload_bytes, "upload", "ZONEKG_MAX_UPLOAD_MB"
        return self.body_bytes, "request body", "ZONEKG_MAX_BODY_MB"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if _header(scope, b"transfer-encoding") is not None and _header(scope, b"content-length") is not None:
            response = problem(400, "Bad request", "a request body framed by both Content-Length and Transfer-Encoding "
                               "is not read (RFC 9112 §6.3); send one of them", {"Connection": "close"})
            await response(scope, receive, send)
            return
        coding = _header(scope, b"content-encoding")
        if coding is not None and coding.strip().lower() not in (b"", b"identity"):
            response = problem(415, "Unsupported media type",
                               f"a request body in the content coding {coding.decode('latin-1')!r} is not read; "
                               "send it as it is (no Content-Encoding)",
                               {"Accept-Encoding": "identity", "Connection": "close"})
            await response(scope, receive, send)
            return
        limit, what, setting = self._limit(scope)
        declared = _content_length(scope)
        if declared is not None and declared > limit:
            error = TooLarge(what, declared // MB, limit // MB, "MB", setting)
            response = problem(413, "Too large", str(error), {"Connection": "close"})
            await response(scope, receive, send)
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise TooLarge(what, received // MB, limit // MB, "MB", setting, more_than=True)
            return message

        await self.app(scope, counted, send)


def _header(scope: Scope, wanted: bytes) -> bytes | None:
    return next((value for name, value in scope["headers"] if name == wanted), None)


def _content_length(scope: Scope) -> int | None:
    try:
        return int(_header(scope, b"content-length") or b"")
    except ValueError:
        return None
