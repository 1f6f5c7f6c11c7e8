"""A SPARQL query whose answer is kept, answered before the router and FastAPI's work.

A kept answer costs a look-up and the writing of a few rows, yet over HTTP it took 0.7–0.9 ms,
2.7–3.5× pyoxigraph's own time for the question: of its time in the app, FastAPI's dependency
solving (the dataset parameters, the parameter check, the service: five dependants, twenty
parameter look-ups) was 36 %, matching the route 13 % and the form parser 15 %
(``bench/request_path.py``; cProfile of the app). :class:`KeptAnswers` answers the plain
requests (the SPARQL protocol's own forms, nothing else) itself:

* ``GET /sparql?query=…`` with at most a ``format`` besides;
* ``POST /sparql`` of one form field ``query=…`` or of an ``application/sparql-query`` body of
  a known length (at most :data:`BODY_AT_ONCE`), with at most ``?format=``.

Each parameter given once, as the route declares it; the form decoded as Starlette decodes it.
Anything else (another parameter, a repeat, ``;`` in a form, a body of unknown length, a
query not kept, the client's mistake of any kind) goes on to the route untouched, body and all,
which answers or refuses it as it always did: only the common case is shortened, never a check.
"""
from __future__ import annotations

from collections import deque
from functools import lru_cache
from urllib.parse import unquote_plus

from starlette.datastructures import Headers, QueryParams
from starlette.requests import Request

from zonekg.api.body_limit import ASGIApp, Message, Receive, Scope, Send
from zonekg.api.routes.sparql import FORM, QUERY, kept_answer
from zonekg.graph.errors import ZonekgError

PATH = "/sparql"
BODY_AT_ONCE = 64 * 1024
"""The longest POST body read here (a query's text; longer ones are rare and go to the route)."""
TAKES = {"GET": frozenset({"query", "format"}), "POST": frozenset({"format"})}
"""The URL parameters of a plain request, by method: a subset of what the route declares."""
FORM_FIELD = b"query="
FORMS_KEPT = 64
KEEP_FORM_BYTES = 8 * 1024
"""Form fields of at most this many bytes have their decoding kept (:data:`FORMS_KEPT` of them)."""


def plain(query_string: bytes, method: str) -> dict[str, str] | None:
    """The URL parameters, when each is one the plain request takes and is given once."""
    pairs = QueryParams(query_string).multi_items()
    names = [name for name, _ in pairs]
    if len(set(names)) < len(names) or not TAKES[method].issuperset(names):
        return None
    return dict(pairs)


def form_query(content_type: str, body: bytes) -> str | None:
    """The query a body holds: the whole of an ``application/sparql-query`` body in UTF-8, or
    the one field ``query`` of a form (decoded as Starlette's form parser does); None for
    anything else."""
    if content_type == QUERY:
        try:
            return body.decode("utf-8")
        except UnicodeDecodeError:
            return None
    if content_type == FORM and body.startswith(FORM_FIELD) and not any(sep in body for sep in (b"&", b";")):
        value = body[len(FORM_FIELD):]
        return (_unquoted_kept if len(value) <= KEEP_FORM_BYTES else _unquoted)(value)
    return None


def _unquoted(value: bytes) -> str:
    """A form field's value as Starlette's form parser decodes it."""
    return unquote_plus(value.decode("latin-1"))


_unquoted_kept = lru_cache(maxsize=FORMS_KEPT)(_unquoted)
""":func:`_unquoted`, kept for the queries asked again (30 µs for a 450-byte query on a loaded
machine: a tenth of a kept answer's time in the app)."""


async def read_body(receive: Receive) -> tuple[bytes | None, Receive]:
    """The request body (None if the client left before it ended) and a ``receive`` that hands
    the route the same messages again, then whatever comes after."""
    messages: deque[Message] = deque()
    body = b""
    while True:
        message = await receive()
        messages.append(message)
        if message["type"] != "http.request":
            complete = None
            break
        body += message.get("body", b"")
        if not message.get("more_body", False):
            complete = body
            break

    async def again() -> Message:
        return messages.popleft() if messages else await receive()

    return complete, again


async def plain_query(scope: Scope, receive: Receive) -> tuple[str | None, str | None, Receive]:
    """``(query, format, receive)`` of a plain request (see the module), else a None query;
    ``receive`` gives the route the body this may have read."""
    method = scope["method"]
    params = plain(scope["query_string"], method) if method in TAKES else None
    if params is None:
        return None, None, receive
    if method == "GET":
        return params.get("query"), params.get("format"), receive
    headers = Headers(scope=scope)
    content_type = headers.get("content-type", "").split(";")[0].strip().lower()
    length = headers.get("content-length", "")
    if content_type not in (FORM, QUERY) or not length.isdigit() or int(length) > BODY_AT_ONCE \
            or "transfer-encoding" in headers:
        return None, None, receive
    body, receive = await read_body(receive)
    return (None if body is None else form_query(content_type, body)), params.get("format"), receive


class KeptAnswers:
    """ASGI middleware answering a plain SPARQL request whose answer is kept (see the module)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"] == PATH:
            query, fmt, receive = await plain_query(scope, receive)
            if query:
                request = Request(scope, receive)
                try:
                    response = await kept_answer(request, request.app.state.service, query, fmt)
                except ZonekgError:
                    response = None  # the client's mistake: the route says so, in its own words
                if response is not None:
                    await response(scope, receive, send)
                    return
        await self.app(scope, receive, send)
