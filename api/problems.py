"""Every error as RFC 9457 ``application/problem+json``, mapped from domain errors in one place.

Code anywhere raises a :mod:`zonekg.graph.errors` class where the problem is; :data:`STATUS`
says what each class means over HTTP (the closest class in its MRO wins, so a new subclass
needs no entry). Errors nobody foresaw are logged with their traceback under an id, and the
client gets only that id to quote: no exception text, no server path, no traceback. Details
of expected errors are scrubbed of server paths all the same (a library's message can carry one).
"""
from __future__ import annotations

import logging
import re
import sys
import tempfile
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from http import HTTPStatus
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import ClientDisconnect

from zonekg.graph import errors
from zonekg.graph.errors import StoreError
from zonekg.loaders.document import UnreadableDocument

PROBLEM_JSON = "application/problem+json"
CHALLENGE = 'Bearer realm="zonekg"'
log = logging.getLogger("zonekg.api")


class NotAcceptable(errors.ZonekgError):
    """No format the client accepts is offered for this result (406)."""


class UnsupportedMediaType(errors.ZonekgError):
    """A request body of a type the endpoint does not read (415)."""


@dataclass(frozen=True)
class Status:
    """What a domain error class means over HTTP; ``headers`` adds headers from the error."""

    code: int
    title: str
    headers: Callable[[Exception], dict[str, str]] | None = None


def _retry_after(exc: Exception) -> dict[str, str]:
    return {"Retry-After": str(getattr(exc, "retry_after", 1))}


STATUS: dict[type[Exception], Status] = {
    errors.InvalidRequest: Status(400, "Bad request"),
    errors.InvalidParameter: Status(422, "Invalid request"),
    errors.QueryError: Status(400, "Bad query"),
    errors.ClientTimeLimit: Status(400, "Query stopped at the request's time limit"),
    errors.QueryStopped: Status(503, "Query stopped at a limit", _retry_after),
    errors.Unauthorized: Status(401, "Unauthorized", lambda _: {"WWW-Authenticate": CHALLENGE}),
    errors.Forbidden: Status(403, "Forbidden"),
    errors.NotFound: Status(404, "Not found"),
    NotAcceptable: Status(406, "Not acceptable"),
    errors.Conflict: Status(409, "Conflict"),
    errors.TooLarge: Status(413, "Too large"),
    UnsupportedMediaType: Status(415, "Unsupported media type"),
    UnreadableDocument: Status(422, "Unreadable document"),
    errors.Overloaded: Status(429, "Too many requests", _retry_after),
    errors.Starting: Status(503, "Starting", _retry_after),
    StoreError: Status(503, "Store unavailable", lambda _: {"Retry-After": "5"}),
    errors.ZonekgError: Status(400, "Bad request"),
}
"""Domain error class → HTTP status. The first class of an error's MRO found here applies."""


def status_of(exc: Exception) -> Status:
    for cls in type(exc).__mro__:
        if cls in STATUS:
            return STATUS[cls]
    raise LookupError(type(exc).__name__)


def problem(status: int, title: str, detail: str, headers: dict[str, str] | None = None,
            **extra: str) -> JSONResponse:
    return JSONResponse(
        {"type": "about:blank", "title": title, "status": status, "detail": detail, **extra},
        status_code=status,
        media_type=PROBLEM_JSON,
        headers=headers,
    )


def private_roots(extra: Iterable[Path | str] = ()) -> list[str]:
    """Server folders whose paths never reach a client: temp, store, install, home, cwd."""
    roots = {tempfile.gettempdir(), sys.prefix, sys.base_prefix, str(Path.home()), str(Path.cwd()),
             str(Path(__file__).resolve().parents[1])}
    roots.update(str(Path(p).resolve()) for p in extra)
    roots.update(str(p) for p in extra)
    return sorted((r for r in roots if len(r) > 1), key=len, reverse=True)


def scrub(text: str, roots: Iterable[str]) -> str:
    """``text`` with every path under one of ``roots`` replaced by its last component."""
    for root in roots:
        text = re.sub(r"""(?<![\w/.:-])""" + re.escape(root) + r"""(?=[/\s'"]|$)[^\s'"]*""",
                      lambda m: "…/" + Path(m.group(0)).name, text)
    return text


def _detail(exc: Exception) -> str:
    if isinstance(exc, UnreadableDocument):
        return f"{exc.path.name}: {exc.reason}"
    return str(exc)


def install(app: FastAPI, private_paths: Iterable[Path | str] = ()) -> None:
    """Turn every error the app can raise into a problem response (never a bare 500 page)."""
    roots = private_roots(private_paths)

    @app.exception_handler(errors.ZonekgError)
    async def _domain(_: Request, exc: errors.ZonekgError) -> JSONResponse:
        status = status_of(exc)
        headers = status.headers(exc) if status.headers else None
        return problem(status.code, status.title, scrub(_detail(exc), roots), headers)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        # raised by the framework itself only: an unknown path (404), a mount's wrong method
        # (api/methods.py answers every other method a path does not serve)
        headers = dict(exc.headers) if exc.headers else None
        return problem(exc.status_code, _reason(exc.status_code), str(exc.detail), headers)

    @app.exception_handler(ClientDisconnect)
    async def _gone(_: Request, __: ClientDisconnect) -> JSONResponse:
        # the client left (or the server cut it off, api/server.py) before its body ended:
        # nobody reads this answer, and it is no server fault to log under an id
        return problem(400, "Bad Request", "the connection closed before the request body was complete")

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        details = "; ".join(
            f"{'.'.join(str(p) for p in err.get('loc', ()))}: {err.get('msg')}" for err in exc.errors()
        )
        return problem(422, "Invalid request", scrub(details, roots))

    @app.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception) -> JSONResponse:
        error_id = uuid.uuid4().hex[:12]
        log.error("error %s on %s %s", error_id, request.method, request.url.path, exc_info=exc)
        return problem(500, "Internal Server Error",
                       f"an unexpected error on the server; quote the id {error_id} when reporting it",
                       error_id=error_id)


PROBLEM_SCHEMA = {
    "type": "object",
    "title": "Problem",
    "description": "RFC 9457 problem details: what went wrong, in words a client can show.",
    "required": ["type", "title", "status", "detail"],
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer", "minimum": 400, "maximum": 599},
        "detail": {"type": "string"},
        "error_id": {"type": "string", "description": "Only on a 500: the id to quote when reporting it."},
    },
}
_PROBLEM = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
_ERRORS = {
    "4XX": {"description": "The request cannot be answered as sent (bad parameter or query, unknown "
                           "entity, missing token, unacceptable format, too large, too many requests)",
            "content": _PROBLEM},
    "503": {"description": "Starting, the store unavailable, or a query stopped at the server's "
                           "limit; `Retry-After` says when to ask again", "content": _PROBLEM},
}


def document(app: FastAPI) -> None:
    """Make the OpenAPI schema say what :func:`install` answers: every error as a problem
    (``4XX`` and ``503``), instead of FastAPI's default, a 422 ``application/json`` validation
    body that no route sends. Clients generated from the schema, and schemathesis, then read
    error answers as documented."""
    build = app.openapi

    def openapi() -> dict:
        if app.openapi_schema:
            return app.openapi_schema
        schema = build()
        for operations in schema.get("paths", {}).values():
            for operation in operations.values():
                responses = operation.setdefault("responses", {})
                responses.pop("422", None)
                responses.update(_ERRORS)
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        for name in ("HTTPValidationError", "ValidationError"):
            components.pop(name, None)
        components["Problem"] = PROBLEM_SCHEMA
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"
